"""Turn press reporting on the war against the Islamic State into traceable frames.

Data flow, one folder per step::

    corpus/ (files + catalog) -> text/ (view, furniture, sentences)
      -> mentions/ (numbers, time) -> attribution/ (category, actor, place, period)
      and claims/ -> extraction.py -> tables/ (schemas, frames, events) -> reporting/

Per-language knowledge lives in ``resources/<language>/`` as data files.

Every span reported by the package refers to the original text as read from
the file: ``original[start:end] == text``.

For notebooks of one's own: ``from analysis import load; f = load("seeds")``
(see :mod:`analysis.api`).
"""

__version__ = "0.1.0"

__all__ = ["load"]


def __getattr__(name):
    # `from analysis import load` without importing pandas at `import analysis`:
    # the command line and the report runner start without it.
    if name in ("load", "Loaded", "LoadError"):
        from analysis import api

        return getattr(api, name)
    raise AttributeError(f"module 'analysis' has no attribute {name!r}")
