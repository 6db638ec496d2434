"""Where Chromium cannot run, the browser tests say why instead of failing."""

from __future__ import annotations

import shutil

import browser


def test_a_machine_without_chromium_gets_the_reason_and_the_install_line(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    reason = browser.missing()
    assert reason and "apt-get install chromium chromium-driver" in reason


def test_a_browser_without_its_driver_is_not_enough(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None if name == "chromedriver" else f"/usr/bin/{name}")
    assert browser.missing()
