"""``index.html`` of a report folder: every report with its charts, parameters, corpus and inputs.

One page an analyst opens first: each notebook's report (its title, summary,
parameters, run time) with its charts as thumbnails linking to the full-size
charts, the corpus it was built from, when and from which inputs (the
manifest's hashes and versions), and links to the frames (CSV and Parquet) and
the ACLED export. Every link is relative, so the page works opened from disk,
and the folder can be moved or archived with its charts.

:func:`render` is pure: the runner gives it the manifest and what it knows of
the notebooks, and writes the page into the unit it commits.
"""

from __future__ import annotations

import html
import os
import re
from dataclasses import dataclass
from pathlib import Path

FRAMES = ("articles", "figures", "claims", "events", "rejected")
FRAME_HELP = {
    "articles": "one row per article, with its catalog metadata",
    "figures": "every numeric fact, with its bounds, qualifier, actor, period, place and sentence",
    "claims": "attributed statements: speaker, role, channel, sentence",
    "events": "attacks and strikes merged across articles (ACLED-like)",
    "rejected": "files that could not be read, and why",
}
ACLED = "events_acled.csv"


@dataclass(frozen=True)
class NotebookInfo:
    """What the page says of one notebook besides the manifest: its title and first paragraph."""

    title: str
    summary: str


def notebook_info(cells: list[dict], name: str) -> NotebookInfo:
    """The title (the first markdown heading) and the paragraph after it, from a notebook's cells."""
    for cell in cells:
        if cell.get("cell_type") != "markdown":
            continue
        source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
        lines = [line.strip() for line in source.strip().splitlines()]
        if lines and lines[0].startswith("#"):
            paragraphs = "\n".join(lines[1:]).strip().split("\n\n")
            return NotebookInfo(lines[0].lstrip("#").strip(), " ".join(paragraphs[0].split()) if paragraphs else "")
    return NotebookInfo(name, "")


def _e(value) -> str:
    return html.escape(str(value), quote=True)


_CODE = re.compile(r"`([^`]+)`")
_STRONG = re.compile(r"\*\*(.+?)\*\*")
_EM = re.compile(r"(?<![*\w])\*(?!\s)(.+?)(?<!\s)\*(?![*\w])")


def inline_markdown(text: str) -> str:
    """A notebook's summary paragraph as HTML: escaped, with its `code`, **bold** and *italic* rendered
    (the only markdown a one-paragraph summary uses; anything else shows as written)."""
    parts = _CODE.split(html.escape(text, quote=False))
    for i in range(0, len(parts), 2):  # outside code spans
        parts[i] = _EM.sub(r"<em>\1</em>", _STRONG.sub(r"<strong>\1</strong>", parts[i]))
    for i in range(1, len(parts), 2):
        parts[i] = f"<code>{parts[i]}</code>"
    return "".join(parts)


def _size(n: int) -> str:
    for unit in ("bytes", "kB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n:,} {unit}" if unit == "bytes" else f"{n:,.1f} {unit}"
        n /= 1000
    return str(n)


def _table(rows: list[tuple[str, str]], css: str) -> str:
    body = "".join(f"<tr><th>{_e(k)}</th><td>{v}</td></tr>" for k, v in rows)
    return f'<table class="{css}">{body}</table>'


def _charts(outputs: list[str], charts_href: str) -> str:
    """Thumbnails of the PNG charts, each linking to its SVG when there is one (sharp at any zoom)."""
    names = set(outputs)
    items = []
    for png in sorted(n for n in outputs if n.endswith(".png")):
        stem = png[:-4]
        full = f"{stem}.svg" if f"{stem}.svg" in names else png
        items.append(f'<figure><a href="{_e(charts_href + full)}"><img src="{_e(charts_href + png)}" '
                     f'alt="chart {_e(stem)}" loading="lazy"></a><figcaption>{_e(stem)} '
                     f'(<a href="{_e(charts_href + png)}">PNG</a>'
                     + (f', <a href="{_e(charts_href + stem)}.svg">SVG</a>' if full != png else "")
                     + ")</figcaption></figure>")
    return f'<div class="charts">{"".join(items)}</div>' if items else '<p class="none">no chart</p>'


def _frames_section(frame_files: set[str]) -> str:
    rows = []
    for name in FRAMES:
        links = [f'<a href="frames/{name}.{ext}">{ext.upper() if ext == "csv" else "Parquet"}</a>'
                 for ext in ("csv", "parquet") if f"{name}.{ext}" in frame_files]
        if links:
            rows.append((name, " · ".join(links) + f' <span class="help">{_e(FRAME_HELP[name])}</span>'))
    if ACLED in frame_files:
        rows.append(("ACLED export", f'<a href="frames/{ACLED}">CSV</a> <span class="help">the events in ACLED\'s '
                                     "columns, to append to ACLED data</span>"))
    if "frames.json" in frame_files:
        rows.append(("frames manifest", '<a href="frames/frames.json">frames.json</a> <span class="help">row counts, '
                                        "corpus summary, extractor key</span>"))
    return _table(rows, "frames") if rows else '<p class="none">no frames</p>'


STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 1100px; padding: 1em 1.5em; color: #222; }
h1 { margin-bottom: .2em; } h2 { margin-top: 1.6em; border-bottom: 1px solid #ddd; }
nav a { margin-right: 1em; } .help, .meta { color: #666; font-size: 90%; }
table { border-collapse: collapse; margin: .4em 0; } th, td { text-align: left; padding: .15em .8em .15em 0;
  vertical-align: top; } th { font-weight: 600; } code { font-size: 90%; }
.charts { display: flex; flex-wrap: wrap; gap: 1em; } figure { margin: 0; }
figure img { width: 320px; height: auto; border: 1px solid #ccc; } figcaption { font-size: 85%; color: #555; }
section.report { margin-bottom: 1.5em; } .none { color: #999; }
"""


def render(manifest: dict, notebooks: dict[str, NotebookInfo], charts_href: str, frame_files: set[str]) -> str:
    """The index page of a report folder.

    ``manifest`` is the report's manifest (see :mod:`analysis.reporting.runner`);
    ``notebooks`` the title and summary of each notebook, in report order;
    ``charts_href`` the relative link from the report folder to its charts
    folder, ending with ``/``; ``frame_files`` the files in ``frames/``.
    """
    corpus = manifest.get("corpus", "?")
    summary = manifest.get("corpus_summary") or {}
    built = manifest.get("built", "")
    nav = " ".join(f'<a href="#{_e(n)}">{_e(info.title)}</a>' for n, info in notebooks.items())
    sections = []
    for name, info in notebooks.items():
        run = manifest.get("notebooks", {}).get(name, {})
        params = ", ".join(f"<code>{_e(k)} = {_e(v)}</code>" for k, v in run.get("parameters", {}).items())
        sections.append(
            f'<section class="report" id="{_e(name)}"><h2><a href="{_e(name)}.html">{_e(info.title)}</a></h2>'
            f'<p>{inline_markdown(info.summary)}</p>'
            f'<p class="meta">Report: <a href="{_e(name)}.html">{_e(name)}.html</a> · executed notebook: '
            f'<a href="{_e(name)}.ipynb">{_e(name)}.ipynb</a> · ran in {run.get("seconds", "?")} s</p>'
            f'<p class="meta">Parameters: {params or "none"}</p>{_charts(run.get("outputs", []), charts_href)}'
            "</section>")
    corpus_rows = [("corpus", f"<code>{_e(corpus)}</code>"),
                   ("articles", f"{summary.get('articles', '?'):,}" if isinstance(summary.get("articles"), int)
                    else "?"),
                   ("size", _size(summary["bytes"]) if isinstance(summary.get("bytes"), int) else "?"),
                   ("content hash", f"<code>{_e(summary.get('sha256', '?'))}</code>")]
    inputs = _table([(k, f"<code>{_e(v)}</code>") for k, v in sorted(manifest.get("inputs", {}).items())], "inputs")
    versions = ", ".join(f"{_e(k)} {_e(v)}" for k, v in manifest.get("versions", {}).items())
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Reports: {_e(corpus)}</title><style>{STYLE}</style></head>
<body>
<header><h1>Reports: {_e(corpus)}</h1>
<p class="meta">Built {_e(built) or "at an unknown time"} from commit <code>{_e(manifest.get("git_commit", "?"))}</code>.
Every figure and claim in the frames below is traced to its sentence.</p>
<nav>{nav} <a href="#frames">Frames</a> <a href="#inputs">Inputs</a></nav></header>
<main>
<h2 id="corpus">Corpus</h2>{_table(corpus_rows, "corpus")}
{"".join(sections)}
<h2 id="frames">Frames</h2>{_frames_section(frame_files)}
<h2 id="inputs">Inputs</h2>
<p class="help">The SHA-256 of every input the reports were built from; the same inputs give the same
reports (<a href="manifest.json">manifest.json</a> holds these and the hash of every output).</p>
{inputs}<p class="meta">Versions: {versions}</p>
</main></body></html>
"""


def charts_href(report_folder: Path, charts_folder: Path) -> str:
    """The relative link from a report folder to its charts folder, ending with ``/``."""
    rel = os.path.relpath(Path(charts_folder).resolve(), Path(report_folder).resolve())
    return "" if rel == "." else Path(rel).as_posix() + "/"
