"""Every test session writes its outputs in a temporary folder, never in the user's.

Set before anything imports :mod:`analysis.paths`: ``build/``, ``figures/`` and
``reports/`` then lie under a fresh temporary folder, for the tests and for the
notebook kernels that nbval starts (they inherit the environment). So the
notebooks under nbval extract the seeds afresh in every session and compare
their summaries with what the code computes now, not with stale frames.
"""

import os
import shutil
import tempfile

_OUTPUT_ROOT = tempfile.mkdtemp(prefix="analysis-tests-")
os.environ["ANALYSIS_OUTPUT_ROOT"] = _OUTPUT_ROOT


def pytest_unconfigure(config):
    shutil.rmtree(_OUTPUT_ROOT, ignore_errors=True)
