"""Per-language knowledge as data (``fr/``, ``en/``), the gazetteer (``geo/``), tables for every language (``shared/``), and their loaders."""
