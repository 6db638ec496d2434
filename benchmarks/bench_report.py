"""Benchmark the report: a cold build after set-up and a rebuild with nothing changed.

What: in a scratch output root (``ANALYSIS_OUTPUT_ROOT``, so the user's
``build/``, ``reports/`` and ``figures/`` are left alone), times
``python -m analysis report`` from nothing (extraction, four notebooks two at
a time, HTML), then times it again with nothing changed. Why: the targets are
under 20 s cold and under 2 s with nothing changed on this 2-core machine.
Both are whole-command timings, as a user meets them, Python start included.

Usage: ``.venv/bin/python benchmarks/bench_report.py [--check]``
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


def timed(cmd: list[str], env: dict) -> float:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"error: {' '.join(cmd)} failed:\n{proc.stderr[-2000:]}")
    return seconds


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
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
