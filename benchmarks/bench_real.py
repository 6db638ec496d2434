"""Benchmark extraction at real-article density: copies of the seeds and the development set.

What: writes N unique copies of the real articles of ``seeds/`` and
``data/annotations/devset/articles/`` (each copy gets a distinct title word,
letters only, so no copy is a duplicate and no number is added), times
``build_frames`` + ``write_frames`` on one pinned core, and prints MB/s per
core and peak resident memory, at two corpus sizes so one sees whether
memory grows with the corpus.

Why: issue 9's floor is 0.25 MB/s per core with every attribution pass on
(the generated corpus of ``bench_extract.py`` is denser in easy sentences
than real pages). The package runs no statistical parser: roles, periods and
speakers are read by rules on tokens and clauses (``docs/spacy-measurement.md``
says why spaCy is not a dependency), so "parsing on" is the whole pipeline.

Usage: ``.venv/bin/python benchmarks/bench_real.py [--copies N] [--check]``
"""

from __future__ import annotations

import argparse
import csv
import gc
import resource
import string
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOURCES = [REPO / "seeds", REPO / "data" / "annotations" / "devset" / "articles"]
FLOOR_MB_S = 0.25


def tag(i: int) -> str:
    """A letters-only identifier: 0 -> 'a', 25 -> 'z', 26 -> 'ba'…"""
    letters = string.ascii_lowercase
    out = ""
    while True:
        out = letters[i % 26] + out
        i //= 26
        if i == 0:
            return out


def write_corpus(folder: Path, copies: int) -> int:
    """``copies`` unique copies of every source article, with a catalog; returns the bytes written."""
    rows, total = [], 0
    originals = []
    for src in SOURCES:
        catalog = {r["file"]: r for r in csv.DictReader((src / "catalog.csv").open(encoding="utf-8"))}
        for path in sorted(src.glob("*.txt")):
            originals.append((path.read_text(encoding="utf-8"), catalog.get(path.name, {})))
    for i in range(copies):
        for j, (text, meta) in enumerate(originals):
            name = f"copy{i:05d}_{j:02d}.txt"
            body = f"Copie {tag(i * len(originals) + j)}\n{text}"
            (folder / name).write_text(body, encoding="utf-8")
            total += len(body.encode("utf-8"))
            rows.append({"file": name, "url": "", "outlet": meta.get("outlet", ""),
                         "language": meta.get("language", "fr"), "published": meta.get("published", "")})
    with (folder / "catalog.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["file", "url", "outlet", "language", "published"])
        writer.writeheader()
        writer.writerows(rows)
    return total


def measure(copies: int, jobs: int = 1) -> dict:
    """One run in this process (called in a child, so peak memory is the run's own); one process is
    pinned to one core, ``jobs`` > 1 worker processes use the machine's cores."""
    from bench_extract import import_pipeline, peak_rss_mib, pin_to_one_core

    pinned = pin_to_one_core() if jobs == 1 else f"{jobs} worker processes"
    pipeline = import_pipeline()
    with tempfile.TemporaryDirectory(prefix="bench_real_") as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        size = write_corpus(corpus, copies)
        pipeline.build_frames(REPO / "seeds", progress=False)  # warm-up: tables and lazy imports
        gc.collect()
        rss_before = peak_rss_mib()
        wall, cpu = time.perf_counter(), time.process_time()
        frames = pipeline.build_frames(corpus, progress=False, jobs=jobs)
        pipeline.write_frames(frames, Path(tmp) / "out")
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {"copies": copies, "articles": len(frames.articles), "figures": len(frames.figures),
            "claims": len(frames.claims), "mb": size / 1e6, "seconds": wall, "cpu": cpu,
            "rss_before": rss_before, "rss_peak": peak_rss_mib(), "pinned": pinned}


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--copies", type=int, default=60, help="copies of the 22 real articles (default: %(default)s)")
    p.add_argument("--check", action="store_true", help=f"exit 1 below {FLOOR_MB_S} MB/s per core")
    p.add_argument("--jobs", type=int, default=0,
                   help="worker processes for the parallel run (default: the machine's cores; 1 skips it)")
    p.add_argument("--child", type=int, help=argparse.SUPPRESS)
    p.add_argument("--child-jobs", type=int, default=1, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child is not None:
        print(repr(measure(args.child, args.child_jobs)))
        return 0

    def child(copies: int, jobs: int = 1) -> dict:
        out = subprocess.run([sys.executable, __file__, "--child", str(copies), "--child-jobs", str(jobs)],
                             capture_output=True, text=True, cwd=Path(__file__).parent, check=True)
        return eval(out.stdout.strip().splitlines()[-1])  # our own repr of a dict of numbers

    results = [child(copies) for copies in (args.copies, args.copies * 4)]
    print("extract at real-article density (seeds + development set, unique copies), one pinned core;")
    print("all passes on (no statistical parser: roles are read by rules on tokens and clauses)")
    print(f"{'articles':>9} {'MB':>7} {'figures':>8} {'claims':>7} {'wall s':>7} {'MB/s/core':>10} "
          f"{'peak RSS MiB':>13} {'(after warm-up)':>16}")
    ok = True
    for r in results:
        rate = r["mb"] / r["seconds"]
        ok &= rate >= FLOOR_MB_S
        print(f"{r['articles']:>9} {r['mb']:>7.2f} {r['figures']:>8} {r['claims']:>7} {r['seconds']:>7.2f} "
              f"{rate:>10.3f} {r['rss_peak']:>13.0f} {r['rss_before']:>16.0f}")
    grow = results[1]["rss_peak"] - results[0]["rss_peak"]
    print(f"floor {FLOOR_MB_S} MB/s per core: {'met' if ok else 'MISSED'}; peak memory from "
          f"{results[0]['articles']} to {results[1]['articles']} articles: {grow:+.0f} MiB "
          f"({results[0]['pinned']})")
    sys.path.insert(0, str(REPO))
    from analysis.pipeline import default_jobs

    jobs = args.jobs or default_jobs()
    if jobs > 1:
        par = child(args.copies * 4, jobs)
        print(f"extract --jobs {jobs}: {par['articles']} articles in {par['seconds']:.2f} s, "
              f"{par['mb'] / par['seconds']:.3f} MB/s, {results[1]['seconds'] / par['seconds']:.2f}x one pinned "
              f"process; peak RSS of the parent {par['rss_peak']:.0f} MiB")
    return 1 if args.check and not ok else 0


if __name__ == "__main__":
    sys.exit(main())
