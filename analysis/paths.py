"""Absolute paths of the project, anchored on this file, never on the working directory."""

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent  # the import package analysis/
ROOT = PACKAGE.parent  # the repository root (for a source checkout)
DATA = PACKAGE / "data"  # versioned lexicons: categories, actors, qualifiers, places
SEEDS = ROOT / "seeds"  # the seed corpus and its catalog
BUILD = ROOT / "build"  # generated frames (not committed)
FRAMES = BUILD / "frames"  # default output folder of `extract`
FIGURES = ROOT / "figures"  # charts written by the notebooks
NOTEBOOKS = ROOT / "notebooks"  # report notebooks
GOLD = ROOT / "tests" / "gold"  # hand annotations of the seeds
REPORTS = ROOT / "reports"  # executed notebooks, their HTML and the manifest (not committed)
MATPLOTLIBRC = ROOT / "matplotlibrc"  # agg backend and fixed SVG hash salt
PARAMETERS = NOTEBOOKS / "parameters.yaml"  # the report's notebook parameters
