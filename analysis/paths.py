"""Absolute paths of the project, anchored on this file, never on the working directory.

Generated outputs (``build/``, ``figures/``, ``reports/``) live under
``OUTPUT_ROOT``: the repository root, unless the environment variable
``ANALYSIS_OUTPUT_ROOT`` names another folder. The test suite sets it to a
temporary folder, so that tests never touch a user's outputs.
"""

import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent  # the import package analysis/
ROOT = PACKAGE.parent  # the repository root (for a source checkout)
RESOURCES = PACKAGE / "resources"  # versioned tables: <language>/ per language, geo/ places, shared/ any language
SEEDS = ROOT / "seeds"  # the seed corpus and its catalog
NOTEBOOKS = ROOT / "notebooks"  # report notebooks
GOLD = ROOT / "tests" / "gold"  # hand annotations of the seeds
MATPLOTLIBRC = ROOT / "matplotlibrc"  # agg backend and fixed SVG hash salt
PARAMETERS = NOTEBOOKS / "parameters.yaml"  # the report's notebook parameters
LOCKFILE = ROOT / "requirements.lock"  # the pinned environment, part of every frames key

OUTPUT_ROOT = Path(os.environ.get("ANALYSIS_OUTPUT_ROOT") or ROOT).resolve()  # where generated files go
BUILD = OUTPUT_ROOT / "build"  # generated frames (not committed)
FRAMES = BUILD / "frames"  # one folder of frames per corpus, named after it
FIGURES = OUTPUT_ROOT / "figures"  # charts of the main report
REPORTS = OUTPUT_ROOT / "reports"  # executed notebooks, their HTML, the frames and the manifest (not committed)

