"""Turn press reporting on the war against the Islamic State into traceable frames.

Data flow, one module per step::

    corpus (files + catalog) -> textview -> furniture -> sentences
      -> numbers / timex / lexicon -> figures -> schemas -> frames (Parquet, CSV)

Every span reported by the package refers to the original text as read from
the file: ``original[start:end] == text``.
"""

__version__ = "0.1.0"
