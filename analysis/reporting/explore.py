"""Filters of the exploration notebook (``05-explore``): the frames narrowed by actor, category,
language, outlet and dates, as a pure function the notebook's widgets only call.

What each filter means, frame by frame:

- ``language``, ``outlet``: the articles that have them; figures and claims
  of those articles; events with at least one source among them.
- ``actor``, ``category``: figures with that actor and category; events whose
  ``actor1`` or ``actor2`` is the actor and whose ``weapon`` is the category;
  claims and articles holding at least one figure that passes (neither has an
  actor of its own).
- ``start``, ``end`` (inclusive days): articles published in the range (an
  article of unknown date is left out once a bound is set); figures and events
  whose period overlaps the range, a figure with no period by its article's
  publication date; claims holding a figure that passes, or published in the
  range. An article published later about those days keeps its figures: they
  are dated by what they count, not by when it was written.

Every filter takes None or ``""`` (no filter), one value, or a collection of
values (any of them). ``rejected`` is kept whole: rejected files have no metadata.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from analysis.tables.frames import Frames

ALL = ""  # the widgets' "no filter" choice


def _values(choice) -> set | None:
    if choice is None or choice == ALL:
        return None
    if isinstance(choice, str):
        return {choice}
    values = {c for c in choice if c not in (None, ALL)}
    return values or None


def _day(value, end: bool = False):
    if value is None or value == "" or value is pd.NaT:
        return None
    day = pd.Timestamp(value).normalize()
    return day + pd.Timedelta(days=1) - pd.Timedelta(1, "ns") if end else day


def _overlaps(first: pd.Series, last: pd.Series, lo, hi) -> pd.Series:
    keep = pd.Series(True, index=first.index)
    if lo is not None:
        keep &= last >= lo
    if hi is not None:
        keep &= first <= hi
    return keep & first.notna() & last.notna()


def choices(data: Frames) -> dict[str, list[str]]:
    """The values each filter can take in ``data``, sorted (for the widgets' menus)."""
    def sorted_values(*series):
        return sorted({v for s in series for v in s.dropna().astype(str) if v})
    return {"actor": sorted_values(data.figures.get("actor", pd.Series(dtype=str))),
            "category": sorted_values(data.figures.get("category", pd.Series(dtype=str))),
            "language": sorted_values(data.articles.get("language", pd.Series(dtype=str))),
            "outlet": sorted_values(data.articles.get("outlet", pd.Series(dtype=str)))}


def filter_frames(data: Frames, actor=None, category=None, language=None, outlet=None,
                  start=None, end=None) -> Frames:
    """``data`` narrowed by the filters (see the module docstring); the frames are new, ``data`` unchanged."""
    actors, categories = _values(actor), _values(category)
    languages, outlets = _values(language), _values(outlet)
    lo, hi = _day(start), _day(end, end=True)
    if lo is not None and hi is not None and hi < lo:
        raise ValueError(f"end {end} is before start {start}")

    articles = data.articles
    keep = pd.Series(True, index=articles.index)
    if languages is not None:
        keep &= articles["language"].isin(languages)
    if outlets is not None:
        keep &= articles["outlet"].isin(outlets)
    sources = set(articles.loc[keep, "file"])  # by metadata, whatever their date
    published = articles.set_index("file")["published_date"] if "published_date" in articles else None
    if lo is not None or hi is not None:
        keep &= _overlaps(articles["published_date"], articles["published_date"], lo, hi)
    dated_articles = set(articles.loc[keep, "file"])

    figures = data.figures[data.figures["file"].isin(sources)]
    if actors is not None:
        figures = figures[figures["actor"].isin(actors)]
    if categories is not None:
        figures = figures[figures["category"].isin(categories)]
    if lo is not None or hi is not None:
        first, last = figures["period_start"], figures["period_end"]
        if published is not None:
            when = figures["file"].map(published)
            first, last = first.fillna(when), last.fillna(when)
        figures = figures[_overlaps(first, last, lo, hi)]

    claims = data.claims[data.claims["file"].isin(sources)]
    holding = claims["claim_id"].isin(set(figures["claim_id"].dropna()))
    if actors is not None or categories is not None:
        claims = claims[holding]
    elif lo is not None or hi is not None:
        claims = claims[holding | claims["file"].isin(dated_articles)]

    events = data.events
    if languages is not None or outlets is not None:
        events = events[events["files"].str.split(";").map(lambda files: bool(sources.intersection(files)))]
    if actors is not None:
        events = events[events["actor1"].isin(actors) | events["actor2"].isin(actors)]
    if categories is not None:
        events = events[events["weapon"].isin(categories)]
    if lo is not None or hi is not None:
        events = events[_overlaps(events["period_start"], events["period_end"], lo, hi)]

    if actors is not None or categories is not None:
        keep &= articles["file"].isin(set(figures["file"]))
    return replace(data, articles=articles[keep], figures=figures, claims=claims, events=events)


def counts(data: Frames) -> str:
    """One line: how many rows each frame holds (what a filter left)."""
    return ", ".join(f"{len(getattr(data, n)):,} {n}" for n in ("articles", "figures", "claims", "events"))


# What the notebook's tables show of each frame: what an analyst reads, the provenance last.
TABLE_COLUMNS = {
    "figures": ["file", "text", "value", "low", "high", "qualifier", "category", "actor", "place_name", "country",
                "period_start", "period_end", "time_precision", "sentence", "figure_id"],
    "claims": ["file", "speaker", "role", "speaker_kind", "channel", "cue", "text", "claim_id"],
    "events": ["event_date", "kind", "sub_event_type", "weapon", "actor1", "actor2", "place_name", "country",
               "weapon_low", "weapon_best", "weapon_high", "fatalities_best", "wounded_best", "grade", "n_sources",
               "files", "event_id"],
}


def table(data: Frames, name: str) -> pd.DataFrame:
    """Frame ``name`` of ``data`` with the columns the notebook shows (those it has), dates as days."""
    frame = getattr(data, name)
    shown = frame[[c for c in TABLE_COLUMNS.get(name, frame.columns) if c in frame.columns]].copy()
    for column in shown.columns:
        if pd.api.types.is_datetime64_any_dtype(shown[column]):
            shown[column] = shown[column].dt.strftime("%Y-%m-%d")
    return shown.reset_index(drop=True)


def init_offline_tables() -> None:
    """Interactive tables (itables) with their library embedded in the notebook: no CDN, and an exported
    page works from disk. Call once, before the first table.

    itables 2.9's ``init_notebook_mode(connected=False)`` shows two outputs: a dark-mode script that
    awaits the library, then the library. A page read from disk runs them in the right order, but
    JupyterLab runs the first before the second is inserted and logs a TypeError: shown the other way round.
    """
    from IPython.utils.capture import capture_output
    from itables import init_notebook_mode

    with capture_output(stdout=False, stderr=False) as shown:
        init_notebook_mode(all_interactive=False, connected=False)
    for output in sorted(shown.outputs, key=lambda o: "set_or_remove_dark_class" in o.data.get("text/html", "")):
        output.display()


MENU = 500  # articles listed in the viewer's menu; past that, the file name is typed


def article_picker(files: list[str], value: str | None = None, menu: int = MENU):
    """The widget that chooses the viewer's article: a menu of ``files``, or, past ``menu`` articles, a text
    box for the file name (a menu of 200,000 names is unusable, and its saved state made the executed
    notebook 10 MB)."""
    import ipywidgets as widgets

    value = value or (files[0] if files else "")
    layout = {"width": "32em"}
    if len(files) <= menu:
        # An unknown ``article`` parameter is reported by the viewer cell above; the menu starts on the first.
        chosen = value if value in files else (files[0] if files else None)
        return widgets.Dropdown(options=list(files), value=chosen, description="article", layout=layout)
    return widgets.Text(value=value, description="article", placeholder="file name, e.g. " + files[0],
                        continuous_update=False, layout=layout)


def filter_panel(data: Frames, table_options: dict | None = None):
    """The notebook's filter panel: menus for actor, category, language and outlet, two date pickers, and
    below them the counts and the filtered figures, claims and events as tables (:func:`filter_frames`).
    Needs a running kernel (JupyterLab)."""
    import ipywidgets as widgets
    from itables import show

    menus = choices(data)
    controls = {name: widgets.Dropdown(options=[("(all)", ALL)] + [(v, v) for v in menus[name]], description=name)
                for name in ("actor", "category", "language", "outlet")}
    controls["start"] = widgets.DatePicker(description="from")
    controls["end"] = widgets.DatePicker(description="to")

    def filtered(**chosen):
        try:
            subset = filter_frames(data, **chosen)
        except ValueError as exc:  # e.g. "to" before "from": said, not raised into the widget
            print(exc)
            return
        print(counts(subset))
        for name in ("figures", "claims", "events"):
            show(table(subset, name), caption=f"{name} (filtered)", **(table_options or {}))

    return widgets.VBox([widgets.HBox([controls["actor"], controls["category"]]),
                         widgets.HBox([controls["language"], controls["outlet"]]),
                         widgets.HBox([controls["start"], controls["end"]]),
                         widgets.interactive_output(filtered, controls)])
