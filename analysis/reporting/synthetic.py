"""Synthetic frames of many articles, for measuring and testing the report at scale.

:func:`replicate` copies a small corpus' frames (the seeds') until they hold
``n`` articles, built in pandas in seconds rather than extracted from text. Each
copy gets new file names (and so new figure, claim and event ids), its dates
moved by up to a few years, and its outlet, language, places and named
speakers drawn from pools, so that the charts meet a corpus as varied as a real
one: thousands of days, dozens of outlets and places, hundreds of speakers.
The rows are the seeds' rows: the numbers mean nothing, their volume does.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.tables.frames import Frames

OUTLETS = ["Le Monde", "AFP", "Reuters", "France 24", "Euronews", "RFI", "Le Figaro", "Libération", "BBC News",
           "Al Jazeera", "The Guardian", "The New York Times", "Associated Press", "Ouest-France", "L'Express",
           "Le Point", "Mediapart", "Defense News", "Military Times", "Stars and Stripes", "Kurdistan 24",
           "Rudaw", "Asharq Al-Awsat", "L'Orient-Le Jour", "Jeune Afrique", "Courrier international",
           "Ligne de défense (via)", "Opex360", "TV5 Monde", "The Independent"]
REJECTIONS = ["empty file", "not valid UTF-8 or a known encoding", "larger than the size limit", "binary file"]


def _prefixed(column: pd.Series, prefix: pd.Series) -> pd.Series:
    """``prefix + value`` where the value is a string; missing values stay missing."""
    out = prefix.str.cat(column.astype("str"))
    return out.where(column.notna().to_numpy(), None)


def _each_name(column: pd.Series, prefix: pd.Series, sep: str = ";") -> pd.Series:
    """Every ``sep``-separated name prefixed (``a;b`` -> ``p_a;p_b``); missing values stay missing."""
    out = [None if not isinstance(s, str) else sep.join(p + v for v in s.split(sep)) if s else s
           for p, s in zip(prefix, column)]
    return pd.Series(out, index=column.index, dtype="str")


def replicate(base: Frames, n: int, seed: int = 0, first_year: int = 2014, last_year: int = 2025) -> Frames:
    """Frames of ``n`` articles made of copies of ``base`` (see the module docstring).

    Copy ``k`` of file ``f`` is named ``<k:07d>_<f>``; its dates move by one
    random number of days so that they stay within ``first_year``..``last_year``.
    """
    from analysis.resources.gazetteer import places

    rng = np.random.default_rng(seed)
    per = len(base.articles)
    if per == 0:
        raise ValueError("the base frames hold no article")
    copies = -(-n // per)
    prefixes = pd.Series([f"{k:07d}_" for k in range(copies)], dtype="str")
    dates = base.articles["published_date"].dropna()
    lo = pd.Timestamp(f"{first_year}-01-01") - (dates.min() if len(dates) else pd.Timestamp(f"{first_year}-01-01"))
    hi = pd.Timestamp(f"{last_year}-12-31") - (dates.max() if len(dates) else pd.Timestamp(f"{last_year}-12-31"))
    shift = pd.to_timedelta(rng.integers(lo.days, max(hi.days, lo.days + 1), size=copies), unit="D")
    weights = 1.0 / np.arange(1, len(OUTLETS) + 1)  # a few outlets publish most articles
    outlet = np.array(OUTLETS, dtype=object)[rng.choice(len(OUTLETS), size=copies, p=weights / weights.sum())]
    outlet[rng.random(copies) < 0.15] = ""  # some articles name no outlet
    language = np.where(rng.random(copies) < 0.35, "en", "fr")
    keep = set(base.articles["file"].iloc[: n - (copies - 1) * per])  # the last copy may be partial
    located = [p for p in places() if p.latitude is not None]

    def tile(frame: pd.DataFrame, file_column: str = "file") -> tuple[pd.DataFrame, np.ndarray]:
        rows = len(frame)
        big = frame.iloc[np.tile(np.arange(rows), copies)].reset_index(drop=True)
        copy = np.repeat(np.arange(copies), rows)
        if rows and file_column in big:
            last = (copy == copies - 1) & ~big[file_column].isin(keep).to_numpy()
            big, copy = big[~last].reset_index(drop=True), copy[~last]
        return big, copy

    def moved(frame: pd.DataFrame, copy: np.ndarray, columns: list[str]) -> None:
        for column in columns:
            if column in frame:
                frame[column] = frame[column] + shift[copy]

    articles, copy = tile(base.articles)
    prefix = prefixes.take(copy).reset_index(drop=True)
    articles["file"] = prefix.str.cat(articles["file"])
    moved(articles, copy, ["published_date"])
    precision = articles["published_precision"].fillna("")
    articles["published"] = np.where(precision == "month", articles["published_date"].dt.strftime("%Y-%m"),
                                     np.where(precision == "year", articles["published_date"].dt.strftime("%Y"),
                                              articles["published_date"].dt.strftime("%Y-%m-%d")))
    articles["published"] = articles["published"].where(articles["published_date"].notna(), "")
    articles["outlet"] = outlet[copy]
    articles["language"] = language[copy]

    figures, copy = tile(base.figures)
    prefix = prefixes.take(copy).reset_index(drop=True)
    for column in ("figure_id", "claim_id", "repeat_of"):
        figures[column] = _prefixed(figures[column], prefix)
    figures["file"] = prefix.str.cat(figures["file"])
    moved(figures, copy, ["period_start", "period_end"])

    claims, copy = tile(base.claims)
    prefix = prefixes.take(copy).reset_index(drop=True)
    claims["claim_id"] = prefix.str.cat(claims["claim_id"])
    claims["file"] = prefix.str.cat(claims["file"])
    person = (claims["speaker_kind"] == "person").to_numpy()
    who = pd.Series([f" ({k % 250})" for k in copy], dtype="str")  # hundreds of named speakers
    claims.loc[person, "speaker"] = claims.loc[person, "speaker"].str.cat(who[person].to_numpy())
    claims.loc[person, "speaker_id"] = claims.loc[person, "speaker_id"].str.cat(who[person].to_numpy())

    events, copy = tile(base.events, "files")
    prefix = prefixes.take(copy).reset_index(drop=True)
    events["event_id"] = _prefixed(events["event_id"], prefix)
    events["files"] = _each_name(events["files"], prefix)
    events["sources"] = _each_name(events["sources"], prefix)
    moved(events, copy, ["event_date", "period_start", "period_end"])
    single = (events["kind"] == "event").to_numpy() if "kind" in events else np.ones(len(events), bool)
    pick = rng.choice(len(located), size=int(single.sum()))
    for column in ("place_name", "admin1", "country", "latitude", "longitude"):
        values = [getattr(located[i], column) for i in pick]
        events.loc[single, column] = pd.Series(values, dtype=events[column].dtype).to_numpy()

    bad = max(n // 1000, 0)  # about one file in a thousand is rejected
    rejected = pd.DataFrame({"file": [f"{k:07d}_rejected.txt" for k in range(bad)],
                             "reason": [REJECTIONS[k % len(REJECTIONS)] for k in range(bad)]})
    rejected = pd.concat([base.rejected, rejected], ignore_index=True) if len(base.rejected) else rejected
    return Frames(articles, figures, claims, events, rejected, list(base.warnings))
