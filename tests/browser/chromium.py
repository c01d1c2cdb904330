"""Debian's Chromium, headless, for Playwright (which cannot download its own browsers here)."""

from __future__ import annotations

import shutil

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
# A laptop screen with JupyterLab's file browser open leaves the notebook about 1000 px wide.
LAPTOP = {"width": 1280, "height": 800}


def launch(playwright):
    """Start the browser through a started ``sync_playwright()``."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
