"""Batch regeneration of every report: ``python -m analysis report`` (what ``make report`` runs).

1. The frames are extracted again only when their inputs changed (the corpus,
   the package's code and data, the lockfile).
2. Each notebook runs under papermill (kernel ``python3``, parameters from
   ``notebooks/parameters.yaml``) only when it or one of its inputs changed,
   two at a time, a failed kernel start retried.
3. Executed notebooks and their HTML go to ``reports/``, charts to
   ``figures/``, and ``reports/manifest.json`` records the hash of every input,
   the package versions, the git commit and each notebook's duration.

Nothing is replaced until a notebook has succeeded: it runs into a temporary
folder, and a failure stops the build naming the notebook, the cell and the
error, with the previous outputs untouched. This module imports only the
standard library (and PyYAML) at the top, so that a rebuild with nothing
changed answers in well under two seconds.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .paths import FIGURES, MATPLOTLIBRC, NOTEBOOKS, PACKAGE, PARAMETERS, REPORTS, ROOT

# nbformat's jsonschema imports rfc3987-syntax when it is installed, whose grammar takes
# 1.5 s to build, for IRI format checks that notebooks never use: keep it out of this process.
sys.modules.setdefault("rfc3987_syntax", None)

MANIFEST = "manifest.json"
LOCKFILE = ROOT / "requirements.lock"
KERNEL = "python3"
PARALLEL = 2  # notebooks at a time: this machine has two cores
KERNEL_RETRIES = 2
VERSIONED = ["analysis", "pandas", "pyarrow", "matplotlib", "papermill", "nbval", "ipykernel", "pandera", "text2num"]


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


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tree_hash(paths: list[Path]) -> str:
    """One hash over files, by their path relative to the root and content."""
    h = hashlib.sha256()
    for p in sorted(paths):
        h.update(str(p.relative_to(ROOT) if p.is_relative_to(ROOT) else p).encode())
        h.update(file_hash(p).encode())
    return h.hexdigest()


def _package_files() -> list[Path]:
    return [p for p in PACKAGE.rglob("*") if p.is_file() and p.suffix in (".py", ".tsv", ".md")
            and "__pycache__" not in p.parts]


def _corpus_files(corpus: Path) -> list[Path]:
    return [p for p in corpus.iterdir() if p.is_file() and (p.suffix.lower() == ".txt" or p.name == "catalog.csv")]


def load_parameters(path: Path = PARAMETERS) -> dict[str, dict]:
    """Each notebook's parameters: the file's defaults overlaid by its own section."""
    import yaml

    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ReportError(f"{path}: cannot read the parameters ({exc})", usage=True) from None
    defaults = raw.get("defaults") or {}
    notebooks = raw.get("notebooks") or {}
    if not isinstance(defaults, dict) or not isinstance(notebooks, dict):
        raise ReportError(f"{path}: 'defaults' and 'notebooks' must be mappings", usage=True)
    out = {}
    for name, params in notebooks.items():
        if not (NOTEBOOKS / f"{name}.ipynb").exists():
            raise ReportError(f"{path}: notebook {name}.ipynb does not exist in {NOTEBOOKS}", usage=True)
        out[name] = {**defaults, **(params or {})}
    return out


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


def _read_manifest(reports: Path) -> dict:
    try:
        return json.loads((reports / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _write_json(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("SOURCE_DATE_EPOCH", "0")
    env["MATPLOTLIBRC"] = str(MATPLOTLIBRC)
    env["PYTHONHASHSEED"] = "0"
    return env


def run_notebook(name: str, params: dict, workdir: Path) -> NotebookRun:
    """Run one notebook with papermill into ``workdir``; raise :class:`ReportError` on failure."""
    figures = workdir / "figures"
    figures.mkdir(parents=True, exist_ok=True)
    params = {**params, "figures_dir": str(figures)}
    executed = workdir / f"{name}.ipynb"
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    t0 = time.perf_counter()
    for attempt in range(KERNEL_RETRIES + 1):
        try:
            pm.execute_notebook(str(NOTEBOOKS / f"{name}.ipynb"), str(executed), parameters=params,
                                kernel_name=KERNEL, cwd=str(ROOT), progress_bar=False, log_output=False)
            break
        except PapermillExecutionError as exc:
            raise ReportError(f"notebook {name} failed at code cell {exc.exec_count or '?'}: "
                              f"{exc.ename}: {exc.evalue}", usage=exc.ename == "ParameterError") from None
        except Exception as exc:  # kernel start races (ports, timeouts) are retried
            if attempt == KERNEL_RETRIES:
                raise ReportError(f"notebook {name}: the kernel did not run ({type(exc).__name__}: {exc})") from None
    seconds = time.perf_counter() - t0
    # Exported here, in the worker, so that it overlaps the other notebook's run.
    export_html(executed, workdir / f"{name}.html")
    return NotebookRun(name, seconds, sorted(p.name for p in figures.iterdir()))


def export_html(executed: Path, target: Path) -> None:
    """The executed notebook as a self-contained HTML page."""
    from nbconvert import HTMLExporter

    body, _ = HTMLExporter().from_filename(str(executed))
    target.write_text(body, encoding="utf-8")


EXTRACTING = ".extracting"  # marker file in the frames folder while a report writes them


def _extract(corpus: Path, frames_dir: Path, log) -> float:
    """``python -m analysis extract`` in its own process, beside the kernels starting up."""
    log(f"report: extracting frames from {corpus}")
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "analysis", "extract", str(corpus), "--out", str(frames_dir), "-q"],
                          capture_output=True, text=True, env=_env())
    for line in proc.stderr.splitlines():
        if line.startswith(("warning:", "rejected:", "error:")):
            log(line)
    if proc.returncode != 0:
        raise ReportError(proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "extract failed")
    return round(time.perf_counter() - t0, 2)


def _prepare_environment() -> None:
    # Kernels inherit these: reproducible charts and hashing in every notebook.
    for key, value in _env().items():
        os.environ[key] = value


def build(corpus: Path | None = None, reports: Path = REPORTS, figures: Path = FIGURES, force: bool = False,
          log=print, parameters: Path = PARAMETERS) -> dict:
    """Bring frames, executed notebooks, HTML and charts up to date; return the manifest."""
    params = load_parameters(parameters)
    first = next(iter(params.values()), {})
    corpus = Path(corpus) if corpus else ROOT / first.get("corpus", "seeds")
    if not corpus.is_dir():
        raise ReportError(f"corpus folder not found: {corpus}", usage=True)
    frames_dir = ROOT / first.get("frames", "build/frames")
    old = _read_manifest(reports)

    package_hash = tree_hash(_package_files())
    lock_hash = file_hash(LOCKFILE) if LOCKFILE.exists() else ""
    inputs = {str(p.relative_to(ROOT)) if p.is_relative_to(ROOT) else str(p): file_hash(p)
              for p in _corpus_files(corpus)}
    frames_key = hashlib.sha256(json.dumps([sorted(inputs.items()), package_hash, lock_hash]).encode()).hexdigest()
    frames_ok = all((frames_dir / f"{n}.parquet").exists()
                    for n in ("articles", "figures", "claims", "events", "rejected"))

    notebook_hashes = {f"notebooks/{name}.ipynb": file_hash(NOTEBOOKS / f"{name}.ipynb") for name in params}
    manifest = {
        "inputs": {**inputs, **notebook_hashes, "analysis/": package_hash, "requirements.lock": lock_hash,
                   "notebooks/parameters.yaml": file_hash(parameters),
                   str(MATPLOTLIBRC.relative_to(ROOT)): file_hash(MATPLOTLIBRC) if MATPLOTLIBRC.exists() else ""},
        "frames": {"key": frames_key, "folder": str(frames_dir.relative_to(ROOT)) if frames_dir.is_relative_to(ROOT)
                   else str(frames_dir)},
        "notebooks": {},
    }
    extract = force or old.get("frames", {}).get("key") != frames_key or not frames_ok
    if not extract:
        manifest["frames"]["seconds"] = old.get("frames", {}).get("seconds")

    todo, keys = [], {}
    for name, p in params.items():
        nb_path = NOTEBOOKS / f"{name}.ipynb"
        key = hashlib.sha256(json.dumps([file_hash(nb_path), p, frames_key, package_hash, lock_hash,
                                         manifest["inputs"]["matplotlibrc"]], sort_keys=True).encode()).hexdigest()
        keys[name] = key
        previous = old.get("notebooks", {}).get(name, {})
        outputs_there = all((figures / o).exists() for o in previous.get("outputs", [])) and \
            (reports / f"{name}.ipynb").exists() and (reports / f"{name}.html").exists()
        if force or previous.get("key") != key or not outputs_there:
            todo.append(name)
        else:
            manifest["notebooks"][name] = previous
    if not todo and not extract:
        log("report: up to date, nothing to run")
        return old

    _prepare_environment()
    # The longest notebooks first, so that the two workers finish together.
    todo.sort(key=lambda n: -(old.get("notebooks", {}).get(n, {}).get("seconds") or 0))
    with tempfile.TemporaryDirectory(prefix=".report-", dir=ROOT) as tmp:
        tmp = Path(tmp)
        marker = frames_dir / EXTRACTING
        if extract:
            # The first kernels start and import while the frames are extracted; the
            # notebooks wait for this marker to go before they read the frames.
            frames_dir.mkdir(parents=True, exist_ok=True)
            marker.write_text(str(os.getpid()), encoding="utf-8")
        log(f"report: running {len(todo)} notebook(s), {PARALLEL} at a time: {', '.join(todo)}")
        with ThreadPoolExecutor(max_workers=PARALLEL) as pool:
            futures = {name: pool.submit(run_notebook, name, params[name], tmp / name) for name in todo}
            extract_error = None
            if extract:
                try:
                    manifest["frames"]["seconds"] = _extract(corpus, frames_dir, log)
                except Exception as exc:  # reported once the notebooks have stopped
                    extract_error = exc
                finally:
                    marker.unlink(missing_ok=True)
            runs, errors = {}, []
            for name, fut in futures.items():
                try:
                    runs[name] = fut.result()
                except ReportError as exc:
                    errors.append(exc)
        if extract_error is not None:
            raise ReportError(f"extraction from {corpus} failed: {extract_error}") from extract_error
        if errors:
            raise ReportError("\n".join(str(e) for e in errors) + "\nprevious outputs are left in place",
                              usage=any(e.usage for e in errors))
        reports.mkdir(parents=True, exist_ok=True)
        figures.mkdir(parents=True, exist_ok=True)
        for name, run in runs.items():
            for out in run.outputs:
                os.replace(tmp / name / "figures" / out, figures / out)
            os.replace(tmp / name / f"{name}.ipynb", reports / f"{name}.ipynb")
            os.replace(tmp / name / f"{name}.html", reports / f"{name}.html")
            manifest["notebooks"][name] = {"key": keys[name], "seconds": round(run.seconds, 2),
                                           "outputs": run.outputs, "parameters": params[name]}
            log(f"report: {name} done in {run.seconds:.1f} s -> {', '.join(run.outputs)}")
    manifest["versions"] = _versions()
    manifest["git_commit"] = _git_commit()
    manifest["outputs"] = {f"figures/{o}": file_hash(figures / o)
                           for nb in manifest["notebooks"].values() for o in nb.get("outputs", [])}
    _write_json(reports / MANIFEST, manifest)
    return manifest


CHECK_MARK = "NBVAL_CHECK_OUTPUT"


def refresh_checked_outputs(names: list[str] | None = None, log=print) -> None:
    """Store in each notebook the outputs of its checked cells, and no other output.

    nbval compares the cells marked ``NBVAL_CHECK_OUTPUT`` with these stored
    outputs, so a change in the numbers fails ``make test``; run this (``make
    refresh-notebooks``) when a change in the numbers is intended.
    """
    import nbformat
    import papermill as pm

    _prepare_environment()
    params = load_parameters()
    for name in names or list(params):
        source = NOTEBOOKS / f"{name}.ipynb"
        with tempfile.TemporaryDirectory() as tmp:
            executed = Path(tmp) / f"{name}.ipynb"
            # Defaults only, as nbval and JupyterLab run them; charts go to a scratch folder.
            pm.execute_notebook(str(source), str(executed), parameters={"figures_dir": str(Path(tmp) / "figures")},
                                kernel_name=KERNEL, cwd=str(ROOT), progress_bar=False)
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
