"""Batch regeneration of every report: ``python -m analysis report`` (what ``make report`` runs).

A report is one unit (:mod:`analysis.outputs.unit`): its folder (``reports/``
for the default corpus, ``reports/<corpus>/`` for another) holds the frames
(``frames/``, with the ACLED export ``frames/events_acled.csv``), every executed
notebook and its HTML, ``index.html`` (every report with its charts, parameters
and inputs: :mod:`analysis.reporting.index_page`) and ``manifest.json``;
its charts go to ``figures/`` (or ``<out>/figures/``). The manifest names the
corpus, the parameters each notebook ran with, the hash of every input and of
every output.

1. The run takes the folder's lock: a second run on the same folder is refused.
2. "Up to date" is said only when every input key matches and every output
   listed in the manifest is on disk with its hash; otherwise what is stale
   is redone (the frames when the corpus, package or lockfile changed; each
   notebook when it, its parameters or the frames changed).
3. Everything is produced in a staging folder, notebooks under papermill two
   at a time, then committed as one unit. A failure or an interruption leaves
   the previous unit whole.

This module imports only the standard library (and PyYAML) at the top, so
that a rebuild with nothing changed answers in well under two seconds.
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from analysis.outputs import unit
from analysis.outputs.fingerprint import corpus_summary, frames_key, label, lock_hash, matplotlibrc_hash, package_hash
from analysis.outputs.unit import sha256_file
from analysis.paths import FIGURES, MATPLOTLIBRC, NOTEBOOKS, PARAMETERS, REPORTS, ROOT

# nbformat's jsonschema imports rfc3987-syntax when it is installed, whose grammar takes
# 1.5 s to build, for IRI format checks that notebooks never use: keep it out of this process.
sys.modules.setdefault("rfc3987_syntax", None)

MANIFEST = "manifest.json"
KERNEL = "python3"
PARALLEL = 2  # notebooks at a time: this machine has two cores
KERNEL_RETRIES = 2
CELL_TIMEOUT = 300  # seconds a cell may run (the 200,000-article report's cells take seconds): a stuck kernel is retried
VERSIONED = ["analysis", "pandas", "pyarrow", "matplotlib", "papermill", "nbval", "ipykernel", "pandera", "text2num"]
RUNNER_PARAMETERS = ("corpus", "frames", "figures_dir")  # set by the runner, not by parameters.yaml sections


class ReportError(RuntimeError):
    """A report step that failed; the message names what and where.

    ``usage`` marks a bad parameter (the command line exits with status 2).
    """

    def __init__(self, message: str, usage: bool = False):
        super().__init__(message)
        self.usage = usage


@dataclass
class NotebookRun:
    name: str
    seconds: float
    outputs: list[str]


def declared_parameters(name: str) -> dict[str, object]:
    """The parameters a notebook declares in its ``parameters`` cell, with their defaults."""
    nb = json.loads((NOTEBOOKS / f"{name}.ipynb").read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "code" and "parameters" in cell.get("metadata", {}).get("tags", []):
            source = "".join(cell["source"])
            return {t.id: ast.literal_eval(node.value) for node in ast.parse(source).body
                    if isinstance(node, ast.Assign) for t in node.targets if isinstance(t, ast.Name)}
    raise ReportError(f"notebooks/{name}.ipynb has no cell tagged 'parameters'")


def _check_names(given: dict, valid: dict, where: str) -> None:
    unknown = sorted(set(given) - set(valid))
    if unknown:
        raise ReportError(f"{where}: unknown parameter {', '.join(map(repr, unknown))}; valid parameters: "
                          f"{', '.join(sorted(valid))}", usage=True)


def load_parameters(path: Path = PARAMETERS, overrides: dict | None = None) -> tuple[dict, dict[str, dict]]:
    """The report's defaults and each notebook's parameters: the file, then ``overrides``.

    Every name must be one its notebook declares (for ``overrides``, one that
    some notebook declares); an unknown name is an error listing the valid ones.
    """
    import yaml

    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ReportError(f"{path}: cannot read the parameters ({exc})", usage=True) from None
    if not isinstance(raw, dict):
        raise ReportError(f"{path}: expected 'defaults' and 'notebooks' mappings", usage=True)
    _check_names(raw, {"defaults": 0, "notebooks": 0}, str(path))
    defaults = raw.get("defaults") or {}
    notebooks = raw.get("notebooks") or {}
    if not isinstance(defaults, dict) or not isinstance(notebooks, dict):
        raise ReportError(f"{path}: 'defaults' and 'notebooks' must be mappings", usage=True)
    _check_names(defaults, {"corpus": 0}, f"{path}: defaults")
    out, declared_anywhere = {}, {}
    for name, params in notebooks.items():
        if not (NOTEBOOKS / f"{name}.ipynb").exists():
            raise ReportError(f"{path}: notebook {name}.ipynb does not exist in {NOTEBOOKS}", usage=True)
        declared = declared_parameters(name)
        declared_anywhere.update(declared)
        params = params or {}
        if not isinstance(params, dict):
            raise ReportError(f"{path}: the parameters of {name} must be a mapping", usage=True)
        settable = {k: v for k, v in declared.items() if k not in RUNNER_PARAMETERS}
        _check_names(params, settable, f"{path}: {name}")
        out[name] = {**params}
    overrides = dict(overrides or {})
    _check_names({k: v for k, v in overrides.items()},
                 {k: v for k, v in declared_anywhere.items() if k not in RUNNER_PARAMETERS}, "report")
    for name in out:
        declared = declared_parameters(name)
        out[name].update({k: v for k, v in overrides.items() if k in declared})
    return defaults, out


def _versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    found = {"python": sys.version.split()[0]}
    for name in VERSIONED:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = "not installed"
    return found


def _git_commit() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, timeout=10)
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    commit = out.stdout.strip() or "unknown"
    return commit + ("-dirty" if dirty else "")


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("SOURCE_DATE_EPOCH", "0")
    env["MATPLOTLIBRC"] = str(MATPLOTLIBRC)
    env["PYTHONHASHSEED"] = "0"
    return env


def _prepare_environment() -> None:
    # Kernels inherit these: reproducible charts and hashing in every notebook.
    for key, value in _env().items():
        os.environ[key] = value


TEMPLATES = Path(__file__).parent / "templates"  # offline/: JupyterLab's page without CDN scripts
MARKER_LINE = re.compile(r"^[ \t]*#[ \t]*NBVAL_\w+[ \t]*\n?", re.MULTILINE)


def _record_parameters(executed: Path, params: dict) -> None:
    """Make the executed notebook show the parameters as the reader will find them (final paths)."""
    import nbformat
    from papermill.translators import translate_parameters

    nb = nbformat.read(executed, as_version=4)
    for cell in nb.cells:
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell.source = translate_parameters(KERNEL, "python", params, "Parameters")
    nb.metadata.setdefault("papermill", {})["parameters"] = params
    nbformat.write(nb, executed)


def export_html(executed: Path, target: Path) -> None:
    """The executed notebook as a self-contained HTML page, without test markers.

    The page loads nothing from the network (see ``templates/offline``), so that it
    opens from disk without errors, offline as online."""
    import nbformat
    from nbconvert import HTMLExporter

    nb = nbformat.read(executed, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.source = MARKER_LINE.sub("", cell.source)
    # Saved widget state makes nbconvert load the widgets' renderer from a CDN; widgets need a
    # kernel anyway, so the page shows their outputs' text instead.
    nb.metadata.pop("widgets", None)
    body, _ = HTMLExporter(extra_template_basedirs=[str(TEMPLATES)], template_name="offline").from_notebook_node(nb)
    target.write_text(body, encoding="utf-8")


def run_notebook(name: str, params: dict, recorded: dict, workdir: Path) -> NotebookRun:
    """Run one notebook with papermill into ``workdir``; raise :class:`ReportError` on failure.

    ``params`` are what the kernel gets (staging paths); ``recorded`` what the
    executed notebook and its HTML show (the paths the outputs will have).
    """
    charts = workdir / "charts"
    charts.mkdir(parents=True, exist_ok=True)
    executed = workdir / f"{name}.ipynb"
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    t0 = time.perf_counter()
    for attempt in range(KERNEL_RETRIES + 1):
        try:
            pm.execute_notebook(str(NOTEBOOKS / f"{name}.ipynb"), str(executed),
                                parameters={**params, "figures_dir": str(charts)},
                                kernel_name=KERNEL, cwd=str(ROOT), progress_bar=False, log_output=False,
                                execution_timeout=CELL_TIMEOUT)
            break
        except PapermillExecutionError as exc:
            raise ReportError(f"notebook {name} failed at code cell {exc.exec_count or '?'}: "
                              f"{exc.ename}: {exc.evalue}", usage=exc.ename == "ParameterError") from None
        except Exception as exc:  # kernel start races (ports, timeouts) are retried
            if attempt == KERNEL_RETRIES:
                raise ReportError(f"notebook {name}: the kernel did not run ({type(exc).__name__}: {exc})") from None
    seconds = time.perf_counter() - t0
    _record_parameters(executed, recorded)
    # Exported here, in the worker, so that it overlaps the other notebook's run.
    export_html(executed, workdir / f"{name}.html")
    return NotebookRun(name, seconds, sorted(p.name for p in charts.iterdir()))


def default_outputs(corpus: Path, default_corpus: Path) -> tuple[Path, Path]:
    """The report folder and chart folder of a corpus: ``reports/`` and ``figures/`` for the
    default corpus, ``reports/<name>/`` and ``reports/<name>/figures/`` for any other."""
    if corpus.resolve() == default_corpus.resolve():
        return REPORTS, FIGURES
    out = REPORTS / corpus.resolve().name
    return out, out / "figures"


def _key(*parts) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def build(corpus: Path | None = None, out: Path | None = None, figures: Path | None = None,
          overrides: dict | None = None, force: bool = False, replace: bool = False, log=print,
          parameters: Path = PARAMETERS) -> dict:
    """Bring the report of ``corpus`` up to date as one unit; return its manifest."""
    defaults, params = load_parameters(parameters, overrides)
    default_corpus = ROOT / defaults.get("corpus", "seeds")
    corpus = Path(corpus) if corpus else default_corpus
    corpus = (corpus if corpus.is_absolute() else Path.cwd() / corpus).resolve()
    if not corpus.is_dir():
        raise ReportError(f"corpus folder not found: {corpus}", usage=True)
    d_out, d_figures = default_outputs(corpus, default_corpus)
    out = Path(out).resolve() if out else d_out
    figures = Path(figures).resolve() if figures else (d_figures if out == d_out else out / "figures")
    if out.exists() and not out.is_dir():
        raise ReportError(f"--out must be a folder, and {out} is a file", usage=True)
    try:
        with unit.locked(out):
            manifest = _build_locked(corpus, out, figures, params, parameters, force, replace, log)
    except unit.UnitBusy as exc:
        raise ReportError(str(exc)) from None
    if (out / "index.html").is_file():
        log(f"report: every report and its charts: {out / 'index.html'}")
    return manifest


def _build_locked(corpus: Path, out: Path, figures: Path, params: dict, parameters: Path, force: bool,
                  replace: bool, log) -> dict:
    from analysis.pipeline import extraction_options

    old = unit.read_json(out / MANIFEST)
    if old and old.get("corpus_path") != str(corpus) and not replace:
        raise ReportError(f"{out} holds the report of {old.get('corpus_path')}, not of {corpus}: choose another "
                          f"--out, or replace it on purpose (--force)", usage=True)
    if old.get("figures_dir") not in (None, str(figures)):
        force = True  # charts asked elsewhere: produce them all there
    summary = corpus_summary(corpus)
    key = frames_key(corpus, extraction_options(), summary)
    pkg, lock, rc = package_hash(), lock_hash(), matplotlibrc_hash()
    frames_folder = out / "frames"
    recorded = {name: {"corpus": label(corpus), "frames": label(frames_folder), "figures_dir": label(figures), **p}
                for name, p in params.items()}
    keys = {name: _key(sha256_file(NOTEBOOKS / f"{name}.ipynb"), recorded[name], key, pkg, lock, rc)
            for name in params}

    stale_outputs = set(unit.verify(old.get("outputs", {}), out)) | \
        {f"charts/{c}" for c in unit.verify(old.get("charts", {}), figures)}
    if stale_outputs and old:
        log(f"report: {len(stale_outputs)} output(s) missing or changed on disk since the last run "
            f"({', '.join(sorted(stale_outputs)[:3])}{', ...' if len(stale_outputs) > 3 else ''}); rebuilding them")
    extract = force or old.get("frames", {}).get("key") != key or any(s.startswith("frames/") for s in stale_outputs)
    todo = []
    for name in params:
        previous = old.get("notebooks", {}).get(name, {})
        mine = {f"{name}.ipynb", f"{name}.html"} | {f"charts/{c}" for c in previous.get("outputs", [])}
        if extract or previous.get("key") != keys[name] or mine & stale_outputs:
            todo.append(name)
    if not todo and not extract and "index.html" not in stale_outputs:
        log("report: up to date, nothing to run (every output checked against the manifest)")
        return old

    _prepare_environment()
    staged = unit.staging(out)
    try:
        return _run_and_commit(corpus, out, figures, params, parameters, old, key, keys, recorded, todo, extract,
                               staged, (pkg, lock, rc), log, summary)
    finally:
        if staged.exists():  # a failure before the commit: the previous unit stands, drop this run's files
            shutil.rmtree(staged, ignore_errors=True)


def _run_and_commit(corpus, out, figures, params, parameters, old, key, keys, recorded, todo, extract, staged,
                    hashes, log, summary) -> dict:
    pkg, lock, rc = hashes
    frames_folder = out / "frames"
    manifest = {
        "corpus": label(corpus), "corpus_path": str(corpus), "corpus_summary": summary, "figures_dir": str(figures),
        "inputs": {"corpus": key, "analysis/": pkg, "requirements.lock": lock, "matplotlibrc": rc,
                   "notebooks/parameters.yaml": sha256_file(parameters),
                   **{f"notebooks/{n}.ipynb": sha256_file(NOTEBOOKS / f"{n}.ipynb") for n in params}},
        "frames": dict(old.get("frames", {})), "notebooks": {}, "outputs": {}, "charts": {},
    }
    moves = []
    if extract:
        from analysis.executors import default_jobs
        from analysis.pipeline import NoArticles, write_streamed

        log(f"report: extracting frames from {label(corpus)}")
        t0 = time.perf_counter()
        try:
            built = write_streamed(corpus, staged / "frames", jobs=default_jobs(), summary=summary,
                                   previous=frames_folder)
        except NoArticles as exc:
            raise ReportError(f"{corpus}: no articles to report on ({len(exc.frames.rejected)} file(s) rejected); "
                              f"previous outputs are left in place") from None
        for w in built.warnings:
            log(f"warning: {w}")
        for row in built.rejected.itertuples(index=False):
            log(f"rejected: {corpus / row.file}: {row.reason}")
        from analysis.tables.export import export_acled

        export_acled(staged / "frames")
        files = [*built.manifest["files"], "frames.json", "events_acled.csv"]
        manifest["frames"] = {"key": key, "seconds": round(time.perf_counter() - t0, 2), "folder": "frames"}
        moves += [(f"frames/{f}", frames_folder / f) for f in files]
        kernel_frames = staged / "frames"
    else:
        kernel_frames = frames_folder
        manifest["outputs"].update({k: v for k, v in old["outputs"].items() if k.startswith("frames/")})

    # The longest notebooks first, so that the two workers finish together.
    todo.sort(key=lambda n: -(old.get("notebooks", {}).get(n, {}).get("seconds") or 0))
    log(f"report: running {len(todo)} notebook(s), {PARALLEL} at a time: {', '.join(todo)}")
    runs, errors = {}, []
    with ThreadPoolExecutor(max_workers=PARALLEL) as pool:
        futures = {name: pool.submit(run_notebook, name,
                                     {**recorded[name], "corpus": str(corpus), "frames": str(kernel_frames)},
                                     recorded[name], staged / name) for name in todo}
        for name, fut in futures.items():
            try:
                runs[name] = fut.result()
            except ReportError as exc:
                errors.append(exc)
    if errors:
        raise ReportError("\n".join(str(e) for e in errors) + "\nprevious outputs are left in place",
                          usage=any(e.usage for e in errors))

    for name in params:
        if name in runs:
            run = runs[name]
            moves += [(f"{name}/{name}.ipynb", out / f"{name}.ipynb"), (f"{name}/{name}.html", out / f"{name}.html")]
            moves += [(f"{name}/charts/{c}", figures / c) for c in run.outputs]
            manifest["notebooks"][name] = {"key": keys[name], "seconds": round(run.seconds, 2),
                                           "outputs": run.outputs, "parameters": recorded[name]}
            log(f"report: {name} done in {run.seconds:.1f} s -> {', '.join(run.outputs)}")
        else:
            manifest["notebooks"][name] = old["notebooks"][name]
    for rel, target in moves:
        digest = sha256_file(staged / rel)
        if target.parent == figures:
            manifest["charts"][target.name] = digest
        else:
            manifest["outputs"][str(target.relative_to(out))] = digest
    for name in params:
        if name not in runs:
            for key_ in (f"{name}.ipynb", f"{name}.html"):
                manifest["outputs"][key_] = old["outputs"][key_]
            for c in old["notebooks"][name]["outputs"]:
                manifest["charts"][c] = old["charts"][c]
    manifest["versions"] = _versions()
    manifest["git_commit"] = _git_commit()
    manifest["built"] = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime())
    moves.append(("index.html", out / "index.html"))
    manifest["outputs"]["index.html"] = _write_index(staged / "index.html", manifest, params, out, figures)
    unit.commit(out, staged, moves, MANIFEST, manifest)
    return manifest


def _write_index(target: Path, manifest: dict, params: dict, out: Path, figures: Path) -> str:
    """Write the report folder's ``index.html`` (:mod:`analysis.reporting.index_page`); return its hash."""
    from analysis.reporting import index_page

    infos = {name: index_page.notebook_info(json.loads((NOTEBOOKS / f"{name}.ipynb").read_text(encoding="utf-8"))
                                            ["cells"], name) for name in params}
    frame_files = {k.split("/", 1)[1] for k in manifest["outputs"] if k.startswith("frames/")}
    page = index_page.render(manifest, infos, index_page.charts_href(out, figures), frame_files)
    target.write_text(page, encoding="utf-8")
    return sha256_file(target)


CHECK_MARK = "NBVAL_CHECK_OUTPUT"


def refresh_checked_outputs(names: list[str] | None = None, log=print) -> None:
    """Store in each notebook the outputs of its checked cells, and no other output.

    nbval compares the cells marked ``NBVAL_CHECK_OUTPUT`` with these stored
    outputs, so a change in the numbers fails ``make test``; run this (``make
    refresh-notebooks``) when a change in the numbers is intended.
    """
    _prepare_environment()
    _, params = load_parameters()
    saved = os.environ.get("ANALYSIS_OUTPUT_ROOT")
    with tempfile.TemporaryDirectory() as scratch:
        # The defaults, as nbval and JupyterLab run them, but every output (the frames
        # cache, the charts) in a scratch folder: the user's build/ and figures/ stay as they are.
        os.environ["ANALYSIS_OUTPUT_ROOT"] = scratch
        try:
            for name in names or list(params):
                _refresh_one(name, Path(scratch), log)
        finally:
            if saved is None:
                os.environ.pop("ANALYSIS_OUTPUT_ROOT", None)
            else:
                os.environ["ANALYSIS_OUTPUT_ROOT"] = saved


def _refresh_one(name: str, scratch: Path, log) -> None:
    import nbformat
    import papermill as pm

    source = NOTEBOOKS / f"{name}.ipynb"
    executed = scratch / f"{name}.ipynb"
    pm.execute_notebook(str(source), str(executed), kernel_name=KERNEL, cwd=str(ROOT), progress_bar=False)
    ran = nbformat.read(executed, as_version=4)
    nb = nbformat.read(source, as_version=4)
    code_ran = [c for c in ran.cells if c.cell_type == "code" and "injected-parameters" not in c.metadata.get("tags", [])]
    code_src = [c for c in nb.cells if c.cell_type == "code"]
    for mine, theirs in zip(code_src, code_ran):
        checked = CHECK_MARK in mine.source
        mine.outputs = theirs.outputs if checked else []
        mine.execution_count = theirs.execution_count if checked else None  # nbval skips unrun cells
        mine.metadata.pop("papermill", None)
        mine.metadata.pop("execution", None)
    nb.metadata.pop("papermill", None)
    nbformat.write(nb, source)
    log(f"refreshed the checked outputs of {source.name}")
