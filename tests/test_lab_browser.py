"""JupyterLab in headless Chromium: notebook 05-explore opens, runs, and shows its widgets, tables and viewer.

The server runs on a free port with a random token, its root a temporary
folder holding a copy of the notebook (autosave writes there, not into the
repository), and every Jupyter folder and ``ANALYSIS_OUTPUT_ROOT`` in the
test's temporary folder, so nothing is written into the user's folders. The
notebook's paths are anchored on the package, so it reads ``seeds/`` from the
repository as it does in ``make lab``. Skipped with one line when Chromium is missing.
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from analysis.paths import NOTEBOOKS

from browser import chromium, console_errors, require, screenshot

pytestmark = pytest.mark.browser

NOTEBOOK = "05-explore.ipynb"
START_TIMEOUT = 30  # seconds for the server to answer
RUN_TIMEOUT = 40  # seconds for the notebook to run and render


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def lab(tmp_path):
    """A JupyterLab server on a copy of the notebook; yields its base URL and token, then shuts it down."""
    require()
    root = tmp_path / "root"
    (root / "notebooks").mkdir(parents=True)
    shutil.copy(NOTEBOOKS / NOTEBOOK, root / "notebooks" / NOTEBOOK)
    env = dict(os.environ)
    for name, sub in (("JUPYTER_CONFIG_DIR", "config"), ("JUPYTER_DATA_DIR", "data"),
                      ("JUPYTER_RUNTIME_DIR", "runtime"), ("JUPYTERLAB_SETTINGS_DIR", "settings"),
                      ("JUPYTERLAB_WORKSPACES_DIR", "workspaces"), ("IPYTHONDIR", "ipython"),
                      ("ANALYSIS_OUTPUT_ROOT", "outputs")):
        env[name] = str(tmp_path / sub)
    port, token = _free_port(), secrets.token_hex(16)
    command = [sys.executable, "-m", "jupyterlab", "--no-browser", f"--port={port}", "--ip=127.0.0.1",
               f"--ServerApp.token={token}", f"--ServerApp.root_dir={root}", "--ServerApp.port_retries=0",
               "--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
               "--LabApp.expose_app_in_browser=True"]
    if hasattr(os, "getuid") and os.getuid() == 0:
        command.append("--allow-root")
    log = open(tmp_path / "lab.log", "wb")
    server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=root)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=2).read()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"JupyterLab did not start: {(tmp_path / 'lab.log').read_text()[-2000:]}")
                time.sleep(0.3)
        yield url, token
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def _wait(driver, script: str, what: str, folder: Path, timeout: float = RUN_TIMEOUT):
    """Poll ``script`` until it returns a true value; on time-out, a screenshot shows what the page showed."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        # A fresh settings folder makes JupyterLab ask which kernel to start: accept its choice (python3).
        driver.execute_script("const ok = document.querySelector('.jp-Dialog .jp-mod-accept'); if (ok) ok.click();")
        value = driver.execute_script(script)
        if value:
            return value
        time.sleep(0.3)
    shot = screenshot(driver, folder, "timed-out")
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what} (screenshot: {shot})")


# Console messages JupyterLab itself logs on an offline machine with a fresh settings folder.
NOT_OURS = ("/lab/api/", "/api/workspaces", "/api/settings", "pypi.org", "favicon", "/api/nbconvert",
            "extension manager", "jupyterlab/news", "check_for_updates")


def test_the_exploration_notebook_runs_in_jupyterlab(lab, tmp_path):
    url, token = lab
    with chromium(1400, 1000) as driver:
        def wait(script, what):
            return _wait(driver, script, what, tmp_path)

        driver.get(f"{url}/lab/tree/notebooks/{NOTEBOOK}?token={token}")
        # The notebook is open and its kernel idle.
        wait("return window.jupyterapp && document.querySelector('.jp-Notebook .jp-Cell') !== null",
             "the notebook to open")
        wait("const p = window.jupyterapp.shell.currentWidget, c = p && p.sessionContext;"
             "return !document.querySelector('.jp-Dialog') && c && c.isReady && c.session && c.session.kernel"
             " && c.session.kernel.status === 'idle';", "the kernel to start")
        driver.execute_script("window.jupyterapp.commands.execute('notebook:run-all-cells')")
        # Every code cell ran: a number in each prompt.
        wait("const p = [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')];"
             "return p.length > 0 && p.every(e => /\\[\\d+\\]/.test(e.textContent));", "every cell to run")
        errors = driver.execute_script(
            "return [...document.querySelectorAll('.jp-OutputArea-output[data-mime-type=\"application/vnd.jupyter.stderr\"]')]"
            ".map(e => e.textContent)")
        assert not errors, f"a cell wrote to stderr or failed: {errors}"
        # The widgets, the interactive tables (itables' DataTables) and the viewer rendered.
        wait("return document.querySelectorAll('.jupyter-widgets .widget-dropdown').length >= 5",
             "the filter and article menus")
        wait("return document.querySelectorAll('table.dataTable').length >= 4", "the itables tables")
        wait("return document.querySelectorAll('.av-viewer .av-figure').length > 0", "the article viewer")
        assert driver.execute_script("return document.querySelectorAll('.av-viewer').length") == 2  # static, menu
        path = screenshot(driver, tmp_path, "05-explore")
        assert path.stat().st_size > 10_000
        # The filter panel follows its menus: choosing a category narrows what it shows.
        counts = ("return [...document.querySelectorAll('.jupyter-widgets .jp-OutputArea-output')]"
                  ".map(e => e.textContent).find(t => / figures, /.test(t)) || ''")
        before = wait(counts, "the filter panel's counts")
        driver.execute_script(
            "const menu = [...document.querySelectorAll('.widget-dropdown')]"
            ".find(d => d.querySelector('label').textContent.trim() === 'category');"
            "const select = menu.querySelector('select'); select.value = 'strikes';"
            "select.dispatchEvent(new Event('change', {bubbles: true}));")
        after = wait(counts.replace("|| ''", f"|| ''; ").replace("return ", "const t = ", 1)
                     + f"return t && t !== {before!r} ? t : null;", "the filtered counts")
        assert int(after.split(" figures")[0].split()[-1]) < int(before.split(" figures")[0].split()[-1])
        driver.execute_script("document.querySelector('.widget-dropdown').scrollIntoView()")
        screenshot(driver, tmp_path, "05-filtered")
        ours = [m for m in console_errors(driver) if not any(s in m for s in NOT_OURS)]
        assert not ours, ours
