"""An output folder written as one unit: locked, staged, committed, verified.

A unit is a folder (frames, or a whole report) plus a manifest, a JSON file
that lists every output with its SHA-256. The rules:

* **One writer.** :func:`locked` takes an exclusive ``flock`` on ``.lock`` in
  the folder; a second writer is refused with a message naming the holder.
* **Staged.** Everything is written first into a private ``.staging-*``
  folder inside the unit (:func:`staging`).
* **Committed with roll-forward.** :func:`commit` renames the complete staged
  folder to ``.commit`` (the point of no return), removes the old manifest,
  moves every file into place and writes the new manifest last. A run killed
  before the rename leaves the previous unit whole; a run killed after it
  leaves a ``.commit`` folder that the next writer (or reader) finishes first
  (:func:`recover`). There is never a manifest describing files that are not
  on disk.
* **Verified.** :func:`verify` re-hashes the files a manifest lists; a unit is
  up to date only if every hash matches.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import json
import os
import shutil
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

LOCK = ".lock"
JOURNAL = ".commit"
PLAN = "plan.json"
STAGING_PREFIX = ".staging-"


class UnitBusy(RuntimeError):
    """Another process is writing the unit."""


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def write_json(path: Path, data: dict) -> None:
    """Write ``data`` as sorted, indented JSON, atomically."""
    text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    atomic_write(Path(path), lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))


def atomic_write(path: Path, write) -> None:
    """Call ``write(tmp)`` on a temporary name beside ``path``, then move it into place."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write(tmp)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp creates 0600; give the usual file mode
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def read_json(path: Path) -> dict:
    """The JSON object in ``path``, or ``{}`` when it is missing or unreadable."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


@contextmanager
def locked(folder: Path, wait: float = 0.0, log=None):
    """Hold the unit's write lock; finish an interrupted commit first.

    With ``wait`` > 0, wait up to that many seconds for another writer (saying
    so once through ``log``); otherwise refuse at once with :class:`UnitBusy`.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline, told = time.monotonic() + wait, False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                holder = os.pread(fd, 64, 0).decode(errors="replace").strip() or "?"
                if time.monotonic() >= deadline:
                    raise UnitBusy(f"{folder} is being written by another run (pid {holder}); wait for it to "
                                   f"finish or write elsewhere") from None
                if log and not told:
                    log(f"waiting for another run (pid {holder}) writing {folder}")
                    told = True
                time.sleep(0.1)
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        recover(folder)
        yield folder
    finally:
        os.close(fd)  # closing releases the flock


def staging(folder: Path) -> Path:
    """A fresh private folder inside the unit, for the outputs of one run."""
    return Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=folder))


def _move(src: Path, dst: Path) -> None:
    dst.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.replace(src, dst)
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            raise
        shutil.copyfile(src, dst)  # another file system (e.g. --figures elsewhere)
        src.unlink()


def commit(folder: Path, staged: Path, moves: list[tuple[str, Path]], manifest: str, data: dict) -> None:
    """Move the files of ``staged`` into place as one unit, then write the manifest.

    ``moves`` pairs a path relative to ``staged`` with its target; ``data`` is
    the manifest, written to ``folder/manifest`` once every file is in place.
    Call it while holding :func:`locked`.
    """
    folder, staged = Path(folder), Path(staged)
    write_json(staged / manifest, data)
    write_json(staged / PLAN, {"moves": [[rel, str(Path(target).resolve())] for rel, target in moves],
                               "manifest": manifest})
    journal = folder / JOURNAL
    if journal.exists():
        shutil.rmtree(journal)
    os.replace(staged, journal)  # from here on, the new unit wins: the next run rolls forward
    _roll_forward(folder)


def _roll_forward(folder: Path) -> None:
    journal = folder / JOURNAL
    plan = read_json(journal / PLAN)
    if not plan:  # a journal without its plan cannot be finished: the previous unit stands
        shutil.rmtree(journal, ignore_errors=True)
        return
    (folder / plan["manifest"]).unlink(missing_ok=True)  # the unit is in transition
    for rel, target in plan["moves"]:
        src = journal / rel
        if src.exists():  # already moved by an interrupted run otherwise
            _move(src, Path(target))
    os.replace(journal / plan["manifest"], folder / plan["manifest"])
    shutil.rmtree(journal)


def recover(folder: Path) -> bool:
    """Finish an interrupted commit and drop abandoned staging folders; True if a commit was finished."""
    folder = Path(folder)
    for stale in folder.glob(STAGING_PREFIX + "*"):
        shutil.rmtree(stale, ignore_errors=True)
    if (folder / JOURNAL).is_dir():
        _roll_forward(folder)
        return True
    return False


def pending(folder: Path) -> bool:
    """Whether an interrupted commit waits to be finished in ``folder``."""
    return (Path(folder) / JOURNAL).is_dir()


def verify(files: dict[str, str], base: Path) -> list[str]:
    """The entries of ``files`` (path relative to ``base`` -> SHA-256) missing or changed on disk."""
    bad = []
    for rel, digest in sorted(files.items()):
        path = Path(base) / rel
        try:
            if sha256_file(path) != digest:
                bad.append(rel)
        except OSError:
            bad.append(rel)
    return bad
