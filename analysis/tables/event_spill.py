"""Articles' events kept on disk until the cross-article merge, so a corpus' events need not fit in memory.

The merge compares only events of the same kind, first day and last day
(:class:`analysis.tables.events.Merger`), and the events frame is sorted by
kind and event date (an event's first day, a total's last day). So the
events can wait in buckets, one per kind and month of that date, appended in
corpus order as batches come back; at the end each bucket is merged on its
own and gives its rows, already in the frame's order. Memory holds one
month's events instead of the corpus'. The result is the frame
:func:`analysis.tables.events.merge_events` gives on all events at once
(``tests/test_parallel.py`` compares them).
"""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

from analysis.tables.events import Merger, events_frame

FLUSH = 20_000  # events buffered in memory before they are appended to their buckets' files


class EventSpill:
    """Buckets of local events in ``folder`` (created, and removed by :meth:`close`)."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.buffer: dict[tuple, list] = {}
        self.buffered = 0
        self.buckets: set[tuple] = set()

    @staticmethod
    def bucket(ev) -> tuple:
        day = ev["start"] if ev["kind"] == "event" else ev["end"]
        return ev["kind"], day.year, day.month

    def add(self, local) -> None:
        """Events of articles in corpus order (each batch's, in turn)."""
        for ev in local:
            self.buffer.setdefault(self.bucket(ev), []).append(ev)
            self.buffered += 1
        if self.buffered >= FLUSH:
            self.flush()

    def flush(self) -> None:
        for key, events in self.buffer.items():
            with open(self._file(key), "ab") as fh:
                pickle.dump(events, fh, protocol=pickle.HIGHEST_PROTOCOL)
            self.buckets.add(key)
        self.buffer, self.buffered = {}, 0

    def frames(self, rows: int = 20_000):
        """The events frame in pieces of about ``rows`` rows (whole buckets), in the frame's order."""
        self.flush()
        parts: list[dict] = []
        for key in sorted(self.buckets):
            merger = Merger()
            with open(self._file(key), "rb") as fh:
                while True:
                    try:
                        merger.add(pickle.load(fh))
                    except EOFError:
                        break
            parts.extend(merger.rows())
            if len(parts) >= rows:  # a piece per bucket would be hundreds of small frames and schema checks
                yield events_frame(parts)
                parts = []
        if parts:
            yield events_frame(parts)

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    def _file(self, key: tuple) -> Path:
        kind, year, month = key
        return self.folder / f"{kind}-{year:04d}-{month:02d}.pickle"
