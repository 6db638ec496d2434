"""Benchmark the report: a cold build after set-up and a rebuild with nothing changed.

What: in a scratch output root (``ANALYSIS_OUTPUT_ROOT``, so the user's
``build/``, ``reports/`` and ``figures/`` are left alone), times
``python -m analysis report`` from nothing (extraction, four notebooks two at
a time, HTML), then times it again with nothing changed. Why: the targets are
under 20 s cold and under 2 s with nothing changed on this 2-core machine.
Both are whole-command timings, as a user meets them, Python start included.

With ``--articles N``: builds synthetic frames of N articles in pandas
(:func:`analysis.reporting.synthetic.replicate`, copies of the seeds' frames with
new names, dates spread over years, outlets, places and speakers varied),
writes them with ``write_frames`` as the frames of a small corpus folder, runs
the four notebooks on them through papermill with ``frames=`` set (as
``python -m analysis report`` does, one at a time here) and exports each to
HTML; prints the wall time of each notebook and in total, and the size of every
chart, notebook and HTML file. Target: the four notebooks in under 2 minutes
at 200,000 articles.

Usage: ``.venv/bin/python benchmarks/bench_report.py [--check] [--articles N [--work DIR]]``
"""

from __future__ import annotations

import argparse
import os
import subprocess
import tempfile
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGETS = {"cold": 20.0, "no change": 2.0}
SCALE_TARGET = 120.0  # seconds for the four notebooks on the frames of 200,000 articles


def timed(cmd: list[str], env: dict) -> float:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"error: {' '.join(cmd)} failed:\n{proc.stderr[-2000:]}")
    return seconds


def _size(path: Path) -> str:
    n = path.stat().st_size
    return f"{n / 1e6:7.2f} MB" if n >= 1e5 else f"{n / 1e3:7.1f} kB"


def at_scale(articles: int, work: Path) -> float:
    """Synthetic frames of ``articles`` articles in ``work``, the four notebooks run on them; the total seconds."""
    sys.path.insert(0, str(ROOT))
    import shutil

    from analysis.outputs.fingerprint import frames_key
    from analysis.paths import NOTEBOOKS, SEEDS
    from analysis.pipeline import build_frames, extraction_options
    from analysis.reporting.runner import KERNEL, export_html, load_parameters
    from analysis.reporting.synthetic import replicate
    from analysis.tables.frames import write_frames
    import papermill as pm

    corpus, frames, out = work / "corpus", work / "frames", work / "reports"
    for folder in (corpus, frames, out):
        shutil.rmtree(folder, ignore_errors=True)
    out.mkdir(parents=True)
    shutil.copytree(SEEDS, corpus)  # the folder the frames belong to (its key is checked by the notebooks)
    t0 = time.perf_counter()
    data = replicate(build_frames(SEEDS), articles)
    t1 = time.perf_counter()
    write_frames(data, frames, corpus=corpus, key=frames_key(corpus, extraction_options()))
    t2 = time.perf_counter()
    print(f"  frames of {articles:,} articles: built in {t1 - t0:.1f} s, written in {t2 - t1:.1f} s "
          f"({', '.join(f'{len(getattr(data, n)):,} {n}' for n in ('figures', 'claims', 'events'))})")
    del data
    _, params = load_parameters()
    total = 0.0
    for name, p in params.items():
        executed, charts = out / f"{name}.ipynb", out / "figures"
        t0 = time.perf_counter()
        pm.execute_notebook(str(NOTEBOOKS / f"{name}.ipynb"), str(executed), kernel_name=KERNEL, cwd=str(ROOT),
                            parameters={**p, "corpus": str(corpus), "frames": str(frames),
                                        "figures_dir": str(charts)}, progress_bar=False, log_output=False)
        t1 = time.perf_counter()
        export_html(executed, out / f"{name}.html")
        t2 = time.perf_counter()
        total += t2 - t0
        print(f"  {name:<24} {t2 - t0:6.1f} s  (notebook {t1 - t0:5.1f} s, HTML {t2 - t1:4.1f} s); "
              f"ipynb {_size(executed).strip()}, HTML {_size(out / f'{name}.html').strip()}")
    for chart in sorted((out / "figures").iterdir()):
        print(f"    {chart.name:<28} {_size(chart)}")
    return total


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--articles", type=int, metavar="N",
                        help="run the notebooks on synthetic frames of N articles instead of the cold/no-change runs")
    parser.add_argument("--work", type=Path, help="with --articles: folder for the corpus, frames and reports "
                                                  "(default: a temporary folder, removed after)")
    args = parser.parse_args(argv)
    if args.articles:
        if args.work:
            args.work.mkdir(parents=True, exist_ok=True)
            total = at_scale(args.articles, args.work.resolve())
        else:
            with tempfile.TemporaryDirectory(prefix="bench-report-") as scratch:
                total = at_scale(args.articles, Path(scratch))
        target = SCALE_TARGET * args.articles / 200_000
        passed = total < target
        print(f"\n  report notebooks, {args.articles:,} articles  {total:6.1f} s   "
              f"target < {target:.0f} s: {'PASS' if passed else 'FAIL'}")
        return 1 if args.check and not passed else 0
    report = [sys.executable, "-m", "analysis", "report"]
    with tempfile.TemporaryDirectory(prefix="bench-report-") as scratch:
        env = {**os.environ, "ANALYSIS_OUTPUT_ROOT": scratch}
        results = {"cold": timed(report, env), "no change": timed(report, env)}
    print()
    ok = True
    for name, seconds in results.items():
        passed = seconds < TARGETS[name]
        ok &= passed
        print(f"  report, {name:<9}  {seconds:6.2f} s   target < {TARGETS[name]:.0f} s: {'PASS' if passed else 'FAIL'}")
    return 1 if args.check and not ok else 0


if __name__ == "__main__":
    raise SystemExit(main())
