"""Headless Chromium for the browser tests, from the operating system's packages only.

The browser and its driver are Debian's ``chromium`` and ``chromium-driver``
(``.ci/run`` installs them when it can). Nothing here may download a browser or
a driver: selenium is given both executables, and Selenium Manager is told it
is offline. Where they are missing, :func:`chromium` skips the test with one
line saying why and how to install them.
"""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
DRIVERS = ("chromedriver",)


def _which(names) -> str | None:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    return None


def missing() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (make setup installs it)"
    if not _which(BROWSERS) or not _which(DRIVERS):
        return ("no Chromium with its driver on PATH (as root: apt-get install chromium chromium-driver; "
                ".ci/run does this when it can)")
    return None


def require() -> None:
    """Skip the calling test when the browser cannot run here.

    The one place that skips, so that pytest folds every browser test's skip
    into one summary line; call it before any costly setup."""
    reason = missing()
    if reason:
        pytest.skip(f"browser tests skipped: {reason}")


@contextmanager
def chromium(width: int = 1280, height: int = 900):
    """A headless Chromium driven by selenium, collecting the console's messages; skips when it cannot run."""
    require()
    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must never fetch a browser or a driver
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = _which(BROWSERS)
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                f"--window-size={width},{height}", "--allow-file-access-from-files"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(_which(DRIVERS)), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def console_errors(driver) -> list[str]:
    """The console's error messages since the last call (SEVERE entries)."""
    return [entry["message"] for entry in driver.get_log("browser") if entry.get("level") == "SEVERE"]


def screenshot(driver, folder: Path, name: str) -> Path:
    """Save what the browser shows into ``folder`` (a test's temporary folder)."""
    path = Path(folder) / f"{name}.png"
    driver.save_screenshot(str(path))
    return path
