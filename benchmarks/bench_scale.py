"""Benchmark extraction at scale: wall time, throughput and peak memory by corpus size.

What: for each size (default 10,000, 50,000 and 200,000 articles) takes a
generated corpus of unique articles (``corpus_generator.py``: about 4.2 KB
each, a fifth English; cached between runs), runs the command a user runs,
``python -m analysis extract CORPUS --out OUT -q --jobs J``, as a subprocess,
samples every 0.2 s the memory (PSS) of that process and all its children
(summed: worker processes count) and prints one row per run: articles, MB of
text, wall seconds, MB/s per core, peak GB, jobs, and the size of the output
(Parquet and CSV). Then an estimate for 1,000,000 articles on one machine and
on a cluster of K such machines, by linear extrapolation from the largest size.

Why: issue 11 asks that memory stay flat, every core be used and every step be
linear; this table shows all three, against the baseline of the old code
(1 core: 10,000 articles 23 s 0.72 GB; 50,000 118 s 2.9 GB; 200,000 592 s 10.8 GB).

Notes: the wall time is the whole command, Python start and imports included.
PSS counts a page shared between the parent and its forked workers once in
the sum (resident sizes would count it once per process); a peak shorter than
0.2 s can be missed. The
output frames go to a temporary folder removed after each run.

Usage::

    .venv/bin/python benchmarks/bench_scale.py [--sizes N ...] [--jobs J] [--one-core]
        [--seed S] [--corpus-dir DIR] [--cluster K]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

import corpus_generator  # benchmarks/ is sys.path[0] when this file runs as a script

REPO = Path(__file__).resolve().parents[1]
SAMPLE_SECONDS = 0.2
DEFAULT_SIZES = (10_000, 50_000, 200_000)
ESTIMATE_ARTICLES = 1_000_000


def tree_rss(proc: psutil.Process) -> int:
    """Memory of ``proc`` and all its descendants (processes that vanish meanwhile count 0).

    Proportional set size where the system gives it: a page shared by a parent and its forked workers
    counts once in the sum, not once per process as resident sizes would.
    """
    total = 0
    try:
        family = [proc, *proc.children(recursive=True)]
    except psutil.Error:
        return 0
    for p in family:
        try:
            total += getattr(p.memory_full_info(), "pss", None) or p.memory_info().rss
        except psutil.Error:
            pass
    return total


def run_extract(corpus: Path, out: Path, jobs: int) -> dict:
    """Run the extract command on ``corpus``; return wall seconds, CPU seconds and peak memory.

    ``peak`` is the largest sum of memory (PSS) over the process tree seen in a sample;
    ``largest`` the peak RSS of its largest single process (from the kernel,
    where ``wait4`` exists). Forked workers share pages with their parent, so
    the memory really used lies between the two.
    """
    cmd = [sys.executable, "-m", "analysis", "extract", str(corpus), "--out", str(out), "-q", "--jobs", str(jobs)]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    with tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        child = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=err)
        proc, peak, cpu, largest = psutil.Process(child.pid), 0, None, None
        while True:
            peak = max(peak, tree_rss(proc))
            if hasattr(os, "wait4"):
                # Reaping with wait4 also gives the CPU time of the child and the workers it waited for.
                pid, status, usage = os.wait4(child.pid, os.WNOHANG)
                if pid:
                    child.returncode = os.waitstatus_to_exitcode(status)
                    cpu = usage.ru_utime + usage.ru_stime
                    largest = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)  # KiB on Linux
                    break
            elif child.poll() is not None:
                break
            time.sleep(SAMPLE_SECONDS)
        wall = time.perf_counter() - t0
        if child.returncode != 0:
            err.seek(0)
            tail = err.read().decode("utf-8", "replace")[-3000:]
            raise SystemExit(f"error: {' '.join(cmd)} exited with {child.returncode}:\n{tail}")
    return {"wall": wall, "cpu": cpu, "peak": peak, "largest": largest}


def output_sizes(folder: Path) -> dict[str, int]:
    """Bytes of the output folder in total, in Parquet files and in CSV files (parts in subfolders included)."""
    sizes = {"total": 0, "parquet": 0, "csv": 0}
    for path in folder.rglob("*"):
        if path.is_file():
            n = path.stat().st_size
            sizes["total"] += n
            if path.suffix in (".parquet", ".csv"):
                sizes[path.suffix[1:]] += n
    return sizes


def count_rows(out: Path) -> tuple[int | None, int | None]:
    """Rows of the articles and rejected frames written to ``out`` (None when they cannot be read)."""
    try:
        from analysis.tables.frames import read_frame

        return len(read_frame("articles", out)), len(read_frame("rejected", out))
    except Exception as exc:  # the frame layout is changing (issue 11): a count is a check, not the benchmark
        print(f"  (could not count the frames' rows: {exc})", file=sys.stderr)
        return None, None


def measure(corpus: Path, n_articles: int, corpus_bytes: int, jobs: int, scratch: Path) -> dict:
    """One row of the table: extract ``corpus`` with ``jobs`` processes into a folder removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="bench_scale_out_", dir=scratch) as tmp:
        out = Path(tmp) / "frames"
        result = run_extract(corpus, out, jobs)
        result.update(output=output_sizes(out), rows=count_rows(out))
    result.update(articles=n_articles, bytes=corpus_bytes, jobs=jobs)
    return result


def megabytes(n: int) -> str:
    """Bytes as MB, one decimal below 100 MB."""
    return f"{n / 1e6:.1f}" if n < 100e6 else f"{n / 1e6:.0f}"


def print_table(rows: list[dict]) -> None:
    header = ["articles", "MB", "wall s", "MB/s per core", "peak GB", "jobs", "CPU s",
              "largest process GB", "output MB", "parquet MB", "csv MB"]
    lines = []
    for r in rows:
        mb = r["bytes"] / 1e6
        articles = f"{r['articles']:,}"
        kept, rejected = r["rows"]
        if kept is not None and (kept != r["articles"] or rejected):
            articles += f" ({kept:,} kept, {rejected:,} rejected)"
        lines.append([articles, megabytes(r["bytes"]), f"{r['wall']:.1f}", f"{mb / r['wall'] / r['jobs']:.2f}",
                      f"{r['peak'] / 1e9:.2f}", str(r["jobs"]), "?" if r["cpu"] is None else f"{r['cpu']:.0f}",
                      "?" if r["largest"] is None else f"{r['largest'] / 1e9:.2f}",
                      megabytes(r["output"]["total"]), megabytes(r["output"]["parquet"]),
                      megabytes(r["output"]["csv"])])
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join(" --- " for _ in header) + "|")
    for line in lines:
        print("| " + " | ".join(line) + " |")


def print_speedups(rows: list[dict]) -> None:
    """Throughput of the parallel run over the one-process run, size by size."""
    for n in sorted({r["articles"] for r in rows}):
        one = [r for r in rows if r["articles"] == n and r["jobs"] == 1]
        many = [r for r in rows if r["articles"] == n and r["jobs"] > 1]
        for r in many:
            if one:
                print(f"speed-up at {n:,} articles: {one[0]['wall'] / r['wall']:.2f}x with --jobs {r['jobs']} "
                      f"(target: >= 1.8x on 2 cores)")


def duration(seconds: float) -> str:
    """``seconds`` in the unit a reader takes in at a glance."""
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"


def estimate(rows: list[dict], jobs: int, cluster: int) -> list[str]:
    """Lines estimating 1,000,000 articles from the largest measured size at ``jobs`` processes.

    Wall time scales linearly from the largest size. Memory is extrapolated
    along the line through the two largest sizes (flat memory gives a flat line).
    """
    runs = sorted((r for r in rows if r["jobs"] == jobs), key=lambda r: r["articles"])
    if not runs:
        return []
    big = runs[-1]
    factor = ESTIMATE_ARTICLES / big["articles"]
    wall = big["wall"] * factor
    ram = psutil.virtual_memory().total
    lines = [f"1,000,000 articles ({big['bytes'] * factor / 1e9:.1f} GB of text), "
             f"extrapolated linearly from {big['articles']:,}:"]
    memory = ""
    if len(runs) >= 2:
        small = runs[-2]
        slope = (big["peak"] - small["peak"]) / (big["articles"] - small["articles"])
        peak = max(big["peak"], big["peak"] + slope * (ESTIMATE_ARTICLES - big["articles"]))
        fits = "fits in" if peak < ram else "does NOT fit in"
        memory = (f", peak about {peak / 1e9:.1f} GB ({slope / 1e3:.1f} KB more per article; "
                  f"{fits} this machine's {ram / 1e9:.0f} GB)")
    else:
        memory = " (memory: measure two sizes to extrapolate it)"
    lines.append(f"  one machine ({os.cpu_count()} cores, --jobs {jobs}): about {duration(wall)}{memory}")
    lines.append(f"  a cluster of {cluster} such machines: about {duration(wall / cluster)}, if the articles "
                 f"split evenly and the events merge and writing stay linear (not measured here)")
    return lines


def parse_args(argv=None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES),
                   help="corpus sizes in articles (default: %(default)s)")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                   help="worker processes of extract (default: this machine's cores, %(default)s)")
    p.add_argument("--one-core", action="store_true", help="add a --jobs 1 run per size, and print the speed-up")
    p.add_argument("--seed", type=int, default=corpus_generator.DEFAULT_SEED,
                   help="random seed of the corpora (default: %(default)s)")
    p.add_argument("--corpus-dir", type=Path, default=None,
                   help="cache folder of generated corpora, reused across runs; the output frames go to a "
                        "temporary folder inside it (default: $BENCH_CORPUS_DIR or the system temp folder)")
    p.add_argument("--cluster", type=int, default=10, help="machines in the cluster estimate (default: %(default)s)")
    args = p.parse_args(argv)
    if min(args.sizes) < 1:
        p.error("--sizes must be at least 1")
    if args.jobs < 1 or args.cluster < 1:
        p.error("--jobs and --cluster must be at least 1")
    return args


def main(argv=None) -> int:
    args = parse_args(argv)
    root = args.corpus_dir or corpus_generator.default_cache_root()
    root.mkdir(parents=True, exist_ok=True)
    job_counts = [args.jobs] + ([1] if args.one_core and args.jobs != 1 else [])
    rows = []
    for n in sorted(set(args.sizes)):
        t0 = time.perf_counter()
        corpus, corpus_bytes, reused = corpus_generator.cached_corpus(root, n, args.seed)
        how = "reused" if reused else f"generated in {time.perf_counter() - t0:.1f} s"
        print(f"corpus: {n:,} articles, {megabytes(corpus_bytes)} MB in {corpus} ({how})", flush=True)
        for jobs in job_counts:
            # Other work on the machine slows the run down: say how busy it was.
            load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
            row = measure(corpus, n, corpus_bytes, jobs, root)
            print(f"  --jobs {jobs}: {row['wall']:.1f} s, peak {row['peak'] / 1e9:.2f} GB "
                  f"(load average before the run: {load:.1f} on {os.cpu_count()} cores)", flush=True)
            rows.append(row)
    print()
    print_table(rows)
    counted = [r for r in rows if r["rows"][0] is not None]
    if counted and all(r["rows"] == (r["articles"], 0) for r in counted):
        print("\nevery article was kept in every run: none rejected (the generated articles are all unique)")
    print()
    print_speedups(rows)
    for line in estimate(rows, args.jobs, args.cluster):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
