"""A throwaway JupyterLab server for the browser tests: fresh folders, no token, stopped by its process."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

# User settings written into the fresh settings folder before JupyterLab starts.
SETTINGS = {
    # No "Would you like to receive official Jupyter news?" toast, and no request to the internet.
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
    # Keep every cell in the page, so the tests see every output without scrolling the notebook.
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
}


@dataclass(frozen=True)
class Lab:
    """A running JupyterLab: where to reach it and which folder it serves."""

    url: str
    root: Path
    process: subprocess.Popen
    log: Path


def free_port() -> int:
    """A loopback port nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _write_settings(settings_dir: Path) -> None:
    for plugin, values in SETTINGS.items():
        path = settings_dir / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")


def _wait_until_up(url: str, process: subprocess.Popen, log: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"JupyterLab exited with code {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}api/status", timeout=2):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    raise RuntimeError(f"JupyterLab did not answer within {timeout:.0f} s:\n{log.read_text()[-3000:]}")


@contextmanager
def running_lab(notebooks: Path, workdir: Path, timeout: float = 90) -> Iterator[Lab]:
    """Serve a copy of ``notebooks`` from ``workdir`` and stop the server (and its kernels) afterwards.

    Settings, workspaces, runtime files and user config live in ``workdir`` too, so no open
    tab, dialog or password of an earlier run leaks in. Kernels inherit this process's
    environment, including the NLTK_DATA and PYTHONPATH that the root conftest sets.
    """
    root = workdir / "notebooks"
    shutil.copytree(notebooks, root, ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
    settings_dir = workdir / "settings"
    _write_settings(settings_dir)
    environment = {
        **os.environ,
        "JUPYTERLAB_SETTINGS_DIR": str(settings_dir),
        "JUPYTERLAB_WORKSPACES_DIR": str(workdir / "workspaces"),
        "JUPYTER_CONFIG_DIR": str(workdir / "config"),
        "JUPYTER_RUNTIME_DIR": str(workdir / "runtime"),
    }
    # The root conftest picks matplotlib's Agg backend for headless runs; here kernels must
    # draw charts into the page as they do for a student (ipykernel's inline backend).
    environment.pop("MPLBACKEND", None)
    port = free_port()
    log = workdir / "jupyterlab.log"
    command = [
        sys.executable, "-m", "jupyterlab", "--no-browser",
        "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
        "--IdentityProvider.token=", "--ServerApp.password=",
        f"--ServerApp.root_dir={root}",
        # CI containers run as root; the server refuses to start as root without this.
        "--ServerApp.allow_root=True", "--ServerApp.terminals_enabled=False",
    ]  # fmt: skip
    with log.open("w") as log_file:
        process = subprocess.Popen(command, env=environment, cwd=root, stdout=log_file, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        _wait_until_up(url, process, log, timeout)
        yield Lab(url=url, root=root, process=process, log=log)
    finally:
        # SIGTERM lets the server shut its kernels down before it exits.
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
