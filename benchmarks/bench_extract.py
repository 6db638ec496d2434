"""Benchmark the extract job on a synthetic corpus, on one core.

What: builds a deterministic corpus of unique French press articles (default
2,000, each 2-5 KB, with a ``catalog.csv``) with ``corpus_generator.py``, which
recombines the paragraphs of the seed articles in ``seeds/`` with generated
sentences full of numbers, dates, places and page furniture; then times
``build_frames`` + ``write_frames`` end to end, in-process, pinned to a single
CPU, and prints throughput and peak memory.

Why: the target is at least 1.0 MB of article text per second on one core.
The seeds are too small to measure, so the corpus is scaled up from them while
keeping their texture. Corpus generation, package import and one-time lazy
loading (pandera, tqdm, lexicon tables) are kept out of the timing: a warm-up
call on the seeds runs first.

Usage::

    .venv/bin/python benchmarks/bench_extract.py [--articles N] [--corpus-dir DIR]
        [--seed S] [--check] [--tracemalloc] [--profile]

``--tracemalloc`` and ``--profile`` each add a separate, slower pass over the
same corpus after the timed run, so they never distort the reported timing.
The exit status is 0 unless ``--check`` is given and the target is missed (1).
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

import corpus_generator  # benchmarks/ is sys.path[0] when this file runs as a script

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
TARGET_MB_S = 1.0
MIN_BYTES, MAX_BYTES = 2_000, 5_000

# --------------------------------------------------------------------------
# Synthetic corpus
# --------------------------------------------------------------------------

def write_corpus(folder: Path, n_articles: int, seed: int) -> int:
    """Write ``n_articles`` unique French articles of 2-5 KB and their catalog into ``folder``; return bytes.

    French only and 2-5 KB, as this benchmark's corpus always was, so its
    MB/s stay comparable from one version to the next; ``bench_scale.py``
    uses the generator's defaults (a fifth English, about 4.2 KB).
    """
    return corpus_generator.write_corpus(folder, n_articles, seed, english_share=0.0,
                                         min_bytes=MIN_BYTES, max_bytes=MAX_BYTES)


# --------------------------------------------------------------------------
# Measurement
# --------------------------------------------------------------------------

def pin_to_one_core() -> str:
    """Restrict this process (and any thread it starts) to one CPU; must run before imports."""
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_MAX_THREADS"):
        os.environ[var] = "1"
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"CPU {cpu}"
    return "not pinned (no sched_setaffinity on this platform)"


def import_pipeline():
    """Import the package (untimed) and cap pyarrow's thread pools at one thread."""
    import pyarrow

    from analysis import pipeline

    pyarrow.set_cpu_count(1)
    pyarrow.set_io_thread_count(1)
    return pipeline


def extract(pipeline, corpus_dir: Path):
    """The job being measured: build the frames and write them to a throwaway folder."""
    with tempfile.TemporaryDirectory(prefix="bench_out_") as out:
        frames = pipeline.build_frames(corpus_dir, progress=False)
        pipeline.write_frames(frames, Path(out))
    return frames


def peak_rss_mib() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10  # bytes on macOS, KiB on Linux


def timed_run(pipeline, corpus_dir: Path, repeat: int) -> dict:
    """Time ``repeat`` runs and keep the fastest.

    This machine is a virtual one whose neighbours steal CPU time: the same run
    varies by a quarter from one minute to the next. As ``timeit`` does, the
    minimum is the best estimate of what the code costs; every run is printed.
    """
    gc.collect()
    rss_before = peak_rss_mib()
    runs = []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        frames = extract(pipeline, corpus_dir)
        runs.append((time.perf_counter() - wall, time.process_time() - cpu))
    wall, cpu = min(runs)
    return {"seconds": wall, "cpu_seconds": cpu, "runs": [r[0] for r in runs], "articles": len(frames.articles),
            "figures": len(frames.figures), "rejected": len(frames.rejected),
            "rss_before": rss_before, "rss_peak": peak_rss_mib()}


def tracemalloc_peak_mib(pipeline, corpus_dir: Path) -> float:
    import tracemalloc

    gc.collect()
    tracemalloc.start()
    try:
        extract(pipeline, corpus_dir)
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def profile(pipeline, corpus_dir: Path, top: int = 25) -> None:
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.runcall(extract, pipeline, corpus_dir)
    print(f"\ncProfile (separate pass), top {top} by cumulative time:")
    pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative").print_stats(top)


def report(result: dict, corpus_bytes: int, pinned: str, trace_peak: float | None, seed_density: float) -> bool:
    """Print the results table; return whether the throughput target is met."""
    mb = corpus_bytes / 1e6
    mb_s = mb / result["seconds"]
    rows = [
        ("articles", f"{result['articles']} ({result['rejected']} rejected)"),
        ("MB of text", f"{mb:.2f}"),
        ("seconds (wall)", f"{result['seconds']:.2f} (best of {len(result['runs'])}: "
                           f"{', '.join(f'{r:.2f}' for r in result['runs'])})"),
        ("seconds (CPU)", f"{result['cpu_seconds']:.2f}"),
        ("MB/s", f"{mb_s:.3f}"),
        ("articles/s", f"{result['articles'] / result['seconds']:.1f}"),
        ("figures extracted", f"{result['figures']}"),
        ("figures per KB", f"{result['figures'] / (corpus_bytes / 1e3):.2f} (seeds: {seed_density:.2f})"),
        ("peak RSS MiB", f"{result['rss_peak']:.1f} (before run: {result['rss_before']:.1f})"),
    ]
    if trace_peak is not None:
        rows.append(("tracemalloc peak MiB", f"{trace_peak:.1f}"))
    rows.append(("core", pinned))
    width = max(len(k) for k, _ in rows)
    print()
    for key, value in rows:
        print(f"  {key:<{width}}  {value}")
    ok = mb_s >= TARGET_MB_S
    print(f"\ntarget: >= {TARGET_MB_S} MB/s on one core: {'PASS' if ok else 'FAIL'}")
    return ok


def parse_args(argv=None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--articles", type=int, default=2000, help="articles to generate (default: %(default)s)")
    p.add_argument("--corpus-dir", type=Path, help="generate the corpus here and keep it (default: a temp folder)")
    p.add_argument("--seed", type=int, default=20240601, help="random seed of the corpus (default: %(default)s)")
    p.add_argument("--repeat", type=int, default=3, help="timed runs, the fastest reported (default: %(default)s)")
    p.add_argument("--check", action="store_true", help="exit 1 when below the throughput target")
    p.add_argument("--tracemalloc", action="store_true", help="add a pass measuring the tracemalloc peak")
    p.add_argument("--profile", action="store_true", help="add a cProfile pass; print the top 25 functions")
    args = p.parse_args(argv)
    if args.articles < 1:
        p.error("--articles must be at least 1")
    if args.repeat < 1:
        p.error("--repeat must be at least 1")
    return args


def run(args: argparse.Namespace, corpus_dir: Path) -> bool:
    pinned = pin_to_one_core()
    t0 = time.perf_counter()
    corpus_bytes = write_corpus(corpus_dir, args.articles, args.seed)
    print(f"corpus: {args.articles} articles, {corpus_bytes / 1e6:.2f} MB in {corpus_dir} "
          f"(generated in {time.perf_counter() - t0:.1f} s)")
    pipeline = import_pipeline()
    warm = extract(pipeline, SEEDS)  # warm-up: lazy imports and lexicon caches
    seed_bytes = sum(p.stat().st_size for p in SEEDS.glob("*.txt"))
    seed_density = len(warm.figures) / (seed_bytes / 1e3)
    result = timed_run(pipeline, corpus_dir, args.repeat)
    trace_peak = tracemalloc_peak_mib(pipeline, corpus_dir) if args.tracemalloc else None
    ok = report(result, corpus_bytes, pinned, trace_peak, seed_density)
    if args.profile:
        profile(pipeline, corpus_dir)
    return ok


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.corpus_dir:
        ok = run(args, args.corpus_dir)
    else:
        with tempfile.TemporaryDirectory(prefix="bench_corpus_") as tmp:
            ok = run(args, Path(tmp))
    return 1 if args.check and not ok else 0


if __name__ == "__main__":
    raise SystemExit(main())
