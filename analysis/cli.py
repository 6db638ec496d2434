"""Command line: ``python -m analysis extract|evaluate|report|export``.

Usage errors (a missing folder, a bad option) print one line and exit with
status 2; problems with single articles are reported and skipped.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from analysis.paths import REPORTS
from analysis.resources.lexicon import languages


class UsageError(Exception):
    """A bad argument: reported in one line, exit status 2."""


def _print_problems(result, source) -> None:
    for w in result.warnings:
        print(f"warning: {w}", file=sys.stderr)
    for row in result.rejected.itertuples(index=False):
        print(f"rejected: {source.path(row.file)}: {row.reason}", file=sys.stderr)


def _cmd_extract(args) -> int:
    from analysis.corpus.source import Source
    from analysis.executors import SchedulerError
    from analysis.outputs.unit import UnitBusy
    from analysis.pipeline import NoArticles, default_jobs, extract
    from analysis.tables.frames import FramesError, default_dir

    source = Source.of(args.corpus)
    try:
        found = source.exists()
    except (ImportError, ValueError, OSError) as exc:  # an unknown protocol, a store that cannot be reached
        raise UsageError(f"cannot open the corpus {args.corpus} ({exc})") from None
    if not found:
        raise UsageError(f"corpus folder not found: {args.corpus}")
    if args.max_mb <= 0:
        raise UsageError("--max-mb must be positive")
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    if not args.out and not source.local:
        raise UsageError("a corpus behind a URL needs --out (a local or mounted folder for the frames)")
    out = Path(args.out) if args.out else default_dir(Path(args.corpus))
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out must be a folder, and {out} is a file")
    t0 = time.perf_counter()
    try:
        result = extract(args.corpus, out, default_language=args.language, max_bytes=int(args.max_mb * 1e6),
                         progress=not args.quiet and sys.stderr.isatty(), replace=args.force,
                         jobs=args.jobs or default_jobs(), scheduler=args.scheduler, csv=not args.no_csv,
                         incremental=not args.full)
    except NoArticles as exc:  # wrong folder, or nothing readable: keep the previous outputs
        _print_problems(exc.frames, source)
        print(f"error: no article loaded from {args.corpus}; nothing written to {out}", file=sys.stderr)
        return 1
    except FramesError as exc:
        raise UsageError(str(exc)) from None
    except (UnitBusy, SchedulerError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    _print_problems(result, source)
    elapsed = time.perf_counter() - t0
    reused = f", {result.reused} unchanged since the last run" if result.reused else ""
    print(
        f"extract: {result.rows['articles']} articles{reused}, {result.rows['figures']} figures, "
        f"{result.rows['rejected']} rejected -> {out} ({elapsed:.1f} s, {result.n_chars / 1e6:.2f} M chars)",
        file=sys.stderr,
    )
    return 0


def _cmd_evaluate(args) -> int:
    from analysis.evaluation import scoring as ev

    pred_path = Path(args.pred)
    if args.min_f1 is not None and not 0 <= args.min_f1 <= 1:
        raise UsageError("--min-f1 must lie between 0 and 1")
    if not args.gold and not args.claims_gold:
        raise UsageError("give --gold (figures) and/or --claims-gold")
    for gold in (args.gold, args.claims_gold):
        if gold and not Path(gold).is_file():
            raise UsageError(f"gold file not found: {gold}")
    if not pred_path.exists():
        raise UsageError(f"predictions not found: {pred_path} (a folder written by `extract`, or a CSV)")
    if args.articles and not Path(args.articles).is_dir():
        raise UsageError(f"articles folder not found: {args.articles}")
    status = 0
    try:
        if args.gold:
            gold = ev.load_gold(Path(args.gold), args.articles)
            languages = _languages(args.articles, args.gold, gold)
            report = ev.evaluate(gold, ev.load_predictions(pred_path, "figures"), languages)
            print(ev.format_report(report, verbose=args.verbose))
            status |= _below(report, args.min_f1, "figures")
        if args.claims_gold:
            gold = ev.load_claims_gold(Path(args.claims_gold), args.articles)
            languages = _languages(args.articles, args.claims_gold, gold)
            report = ev.evaluate_claims(gold, ev.load_predictions(pred_path, "claims"), languages)
            print(ev.format_claims_report(report, verbose=args.verbose))
            status |= _below(report, args.min_f1, "claims")
    except (ValueError, FileNotFoundError) as exc:
        raise UsageError(str(exc)) from None
    return status


def _languages(articles, gold_path, gold):
    """File -> language from the catalog of the articles folder (given, or beside quotes-format gold)."""
    from analysis.evaluation import scoring as ev

    folder = Path(articles) if articles else ev.default_articles(Path(gold_path)) if ev.is_quote_gold(gold) else None
    return ev.file_languages(folder) if folder else None


def _below(report, min_f1, what) -> int:
    if min_f1 is not None and report.f1 < min_f1:
        print(f"evaluate: {what} F1 {report.f1:.3f} is below --min-f1 {min_f1}", file=sys.stderr)
        return 1
    return 0


def _cmd_export(args) -> int:
    from analysis.tables.export import export_acled

    folder = Path(args.frames)
    if not (folder / "events.parquet").exists() and not (folder / "events.csv").exists():
        raise UsageError(f"no events frame in {folder} (run `python -m analysis extract` first)")
    if args.out and Path(args.out).is_dir():
        raise UsageError(f"--out must be a file name, and {args.out} is a folder")
    path = export_acled(folder, Path(args.out) if args.out else None)
    print(f"export: wrote {path}", file=sys.stderr)
    return 0


def _parse_assignments(items: list[str]) -> dict:
    import yaml

    out = {}
    for item in items or []:
        name, sep, value = item.partition("=")
        if not sep or not name.isidentifier():
            raise UsageError(f"-p expects NAME=VALUE, not {item!r}")
        out[name] = yaml.safe_load(value) if value else None
    return out


def _cmd_report(args) -> int:
    from analysis.reporting.runner import ReportError, build, refresh_checked_outputs

    if args.refresh_notebooks:
        refresh_checked_outputs(log=lambda m: print(m, file=sys.stderr))
        return 0
    overrides = _parse_assignments(args.param)
    for name in ("frequency", "actor", "start", "end"):
        if getattr(args, name) is not None:
            overrides[name] = getattr(args, name)
    try:
        t0 = time.perf_counter()
        manifest = build(corpus=Path(args.corpus) if args.corpus else None, out=args.out, figures=args.figures,
                         overrides=overrides, force=args.force, replace=args.force,
                         log=lambda m: print(m, file=sys.stderr))
    except ReportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2 if exc.usage else 1
    print(f"report: {len(manifest.get('notebooks', {}))} notebook(s) of {manifest.get('corpus')} up to date; "
          f"charts in {manifest.get('figures_dir')} ({time.perf_counter() - t0:.1f} s)", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("extract", help="read a corpus folder and write the articles, figures, claims, events and "
                                       "rejected frames")
    p.add_argument("corpus", help="folder of .txt articles with an optional catalog.csv (a local path, or an "
                                  "fsspec URL such as s3://bucket/articles when its filesystem is installed)")
    p.add_argument("--out", help="output folder (default: build/frames/<corpus folder name>); it may hold only "
                                  "this corpus' frames")
    p.add_argument("--force", action="store_true", help="replace the frames of another corpus in --out")
    p.add_argument("--language", default="fr", choices=list(languages()),
                   help="default language: for articles whose catalog names none and whose words are too few to "
                        "tell (the articles frame records which way each language was decided; default: "
                        "%(default)s)")
    p.add_argument("--max-mb", type=float, default=5.0, help="reject article files larger than this (default: 5 MB)")
    p.add_argument("--jobs", type=int, default=None,
                   help="worker processes reading articles (default: this machine's cores); the frames are the "
                        "same whatever the number")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="run the batches on a Dask cluster: a scheduler address (tcp://HOST:8786), or 'local' for "
                        "a LocalCluster of --jobs workers on this machine; the frames are the same as a local run")
    p.add_argument("--no-csv", action="store_true",
                   help="write Parquet only (the CSV copies of a large corpus' frames take most of the space)")
    p.add_argument("--full", action="store_true",
                   help="extract every article again (by default an article whose text is unchanged since the "
                        "frames in --out were written keeps its rows)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=_cmd_extract)

    p = sub.add_parser("evaluate", help="score extracted figures and claims against hand-annotated gold files")
    p.add_argument("--gold", help="figures gold CSV (format in README, 'Gold annotations')")
    p.add_argument("--claims-gold", help="claims gold CSV (format in README, 'Gold annotations')")
    p.add_argument("--pred", default=str(REPORTS / "frames"),
                   help="folder written by extract, or a frame's CSV/Parquet (default: %(default)s)")
    p.add_argument("--articles", help="folder of the annotated articles: the quotes of quotes-format gold are found "
                                      "there, and its catalog.csv splits the scores by language (default for "
                                      "quotes-format gold: the articles/ folder beside the gold file)")
    p.add_argument("--min-f1", type=float, default=None, help="exit 1 when an F1 is below this (0 to 1)")
    p.add_argument("-v", "--verbose", action="store_true", help="list every miss, false positive and mismatch")
    p.set_defaults(func=_cmd_evaluate)

    p = sub.add_parser("report", help="bring a corpus' report up to date: frames, executed notebooks, HTML, "
                                      "charts and manifest, as one unit")
    p.add_argument("--corpus", help="corpus folder (default: the one in notebooks/parameters.yaml, seeds/)")
    p.add_argument("--out", help="report folder (default: reports/ for the default corpus, reports/<name>/ "
                                 "for another)")
    p.add_argument("--figures", help="chart folder (default: figures/ for the default corpus, OUT/figures/)")
    p.add_argument("--frequency", choices=["day", "week", "month"], help="period of the strike and attack charts")
    p.add_argument("--actor", help="whose strikes the strike tempo shows (e.g. coalition, us, france)")
    p.add_argument("--start", help="first date shown, e.g. 2020-01-01")
    p.add_argument("--end", help="last date shown")
    p.add_argument("-p", "--param", action="append", metavar="NAME=VALUE",
                   help="any other notebook parameter (repeatable); unknown names are refused")
    p.add_argument("--force", action="store_true", help="rerun everything; replace a report of another corpus")
    p.add_argument("--refresh-notebooks", action="store_true",
                   help="store the outputs of the NBVAL_CHECK_OUTPUT cells in notebooks/ (after an intended change)")
    p.set_defaults(func=_cmd_report)

    p = sub.add_parser("export", help="write the events in another format (ACLED-style CSV)")
    p.add_argument("frames", help="folder written by extract")
    p.add_argument("--format", default="acled", choices=["acled"], help="output format (default: %(default)s)")
    p.add_argument("--out", help="output file (default: FRAMES/events_acled.csv)")
    p.set_defaults(func=_cmd_export)
    return parser


def main(argv=None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted; the previous outputs are whole (an unfinished commit is completed by the next run)",
              file=sys.stderr)
        return 130
