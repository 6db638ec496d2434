"""Turn press reporting on the war against the Islamic State into traceable frames.

Data flow, one folder per step::

    corpus/ (files + catalog) -> text/ (view, furniture, sentences)
      -> mentions/ (numbers, time) -> attribution/ (category, actor, place, period)
      and claims/ -> extraction.py -> tables/ (schemas, frames, events) -> reporting/

Per-language knowledge lives in ``resources/<language>/`` as data files.

Every span reported by the package refers to the original text as read from
the file: ``original[start:end] == text``.
"""

__version__ = "0.1.0"
