"""Write the bad files of this corpus that must not be committed: large, binary, or links.

``python tests/corpus_bad/make_bad_files.py DIR`` copies the committed files of
this folder into DIR and adds a 50 MB article, a binary file and a symbolic
link leading out of the corpus (to a file written beside it). The test of bad input calls it.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def make(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for p in HERE.iterdir():
        if p.is_file() and p.name != Path(__file__).name and p.suffix in (".txt", ".csv"):
            shutil.copyfile(p, target / p.name)
    line = "La coalition a mené 12 frappes près de Mossoul. " * 20 + "\n"
    with open(target / "huge.txt", "w", encoding="utf-8") as fh:
        for _ in range(50_000_000 // len(line) + 1):
            fh.write(line)
    (target / "binary.txt").write_bytes(bytes(range(256)) * 64)
    outside = target.parent / f"{target.name}-outside.txt"  # a file beside the corpus, not in it
    outside.write_text("Ce fichier est hors du corpus : 3 roquettes.\n", encoding="utf-8")
    link = target / "outside.txt"
    if not link.is_symlink():
        link.symlink_to(outside)
    return target


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: make_bad_files.py TARGET_DIR")
    print(make(Path(sys.argv[1])))
