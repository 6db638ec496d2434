"""Reading a corpus folder: the catalog and the article files (the only place that reads article files)."""
