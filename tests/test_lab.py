"""`python -m lessons lab`: working copies in the student's folder, and a server that stops cleanly."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import psutil
import pytest

from lessons import paths
from lessons.__main__ import main
from lessons.lab import DEFAULT_FOLDER, LabError, jupyterlab_arguments, working_copies

LESSONS = [path.name for path in paths.lesson_notebooks()]


def test_copies_every_lesson_into_the_default_folder_beside_the_caller(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    copies = working_copies()
    assert copies.folder == tmp_path / DEFAULT_FOLDER
    assert list(copies.copied) == LESSONS and copies.kept == ()
    for name in LESSONS:
        assert (copies.folder / name).read_bytes() == (paths.lessons_folder() / name).read_bytes()
    assert copies.first_lesson == copies.folder / "01_tokenizing.ipynb"
    assert str(copies.folder) in str(copies)


def test_never_overwrites_a_students_work_and_restores_a_deleted_lesson(tmp_path):
    working_copies(tmp_path)
    edited = tmp_path / LESSONS[0]
    edited.write_text('{"my": "work"}')
    (tmp_path / LESSONS[1]).unlink()
    copies = working_copies(tmp_path)
    assert copies.copied == (LESSONS[1],) and LESSONS[0] in copies.kept
    assert edited.read_text() == '{"my": "work"}'
    assert "kept as you left them" in str(copies)


@pytest.mark.parametrize("folder", [lambda tmp: paths.lessons_folder(), lambda tmp: tmp / "a-file"])
def test_refuses_the_pristine_lessons_and_files(folder, tmp_path):
    (tmp_path / "a-file").write_text("")
    with pytest.raises(LabError, match="--dir"):
        working_copies(folder(tmp_path))


def test_jupyterlab_serves_the_working_copies_and_gets_the_other_flags(tmp_path):
    copies = working_copies(tmp_path)
    arguments = jupyterlab_arguments(copies, ["--no-browser", "--ServerApp.port=9999"])
    assert arguments[:2] == [f"--ServerApp.root_dir={tmp_path}", str(tmp_path / "01_tokenizing.ipynb")]
    assert arguments[-2:] == ["--no-browser", "--ServerApp.port=9999"]
    assert not any(str(paths.lessons_folder()) in argument for argument in arguments)


def test_help_lists_its_own_options_and_says_jupyterlab_flags_pass_through(capsys):
    with pytest.raises(SystemExit):
        main(["lab", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "--dir DIR" in help_text and "./news-nlp-lessons" in help_text
    assert "Any other option is passed to JupyterLab" in help_text


def test_lab_passes_unknown_flags_to_jupyterlab(tmp_path, monkeypatch):
    import lessons.lab

    started = []
    monkeypatch.setattr(lessons.lab, "open_lab", lambda folder, extra: started.append((folder, extra)) or 0)
    assert main(["lab", "--dir", str(tmp_path), "--no-browser", "--port", "8890"]) == 0
    assert started == [(tmp_path, ["--no-browser", "--port", "8890"])]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _answer(url: str, method: str = "GET", timeout: float = 2) -> dict | list:
    request = urllib.request.Request(url, method=method, data=b"{}" if method == "POST" else None)
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read())


def start_lab(command: list[str], folder: Path, cwd: Path, env: dict | None = None,
              timeout: float = 120) -> tuple[subprocess.Popen, str]:
    """Start the lab on a free port without a browser; wait until its HTTP server answers."""
    port, token = free_port(), "lab-test-token"
    process = subprocess.Popen(
        [*command, "lab", "--dir", str(folder), "--no-browser", "--ServerApp.ip=127.0.0.1",
         f"--ServerApp.port={port}", f"--IdentityProvider.token={token}"],
        cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"lab stopped early:\n{process.stdout.read()}")
        try:
            _answer(f"{base}/api/status?token={token}")
            return process, f"{base}/api/%s?token={token}"
        except OSError:
            time.sleep(0.5)
    process.kill()
    raise AssertionError("lab's server never answered")


def stop_and_check_nothing_is_left(process: subprocess.Popen, sent: int) -> str:
    """Send ``sent``; the lab, its server and its kernels must all be gone."""
    family = [psutil.Process(process.pid), *psutil.Process(process.pid).children(recursive=True)]
    assert len(family) >= 2, "the test should have started a kernel"
    process.send_signal(sent)
    try:
        output, _ = process.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        raise
    _, alive = psutil.wait_procs(family, timeout=20)
    assert alive == [], f"still running after {signal.Signals(sent).name}: {alive}"
    return output


@pytest.mark.parametrize("sent", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "Ctrl+C"])
def test_stopping_the_lab_stops_its_server_and_kernels(tmp_path, sent):
    folder = tmp_path / "work"
    process, api = start_lab([sys.executable, "-m", "lessons"], folder, tmp_path, dict(os.environ))
    try:
        assert sorted(path.name for path in folder.glob("*.ipynb")) == LESSONS
        kernel = _answer(api % "kernels", "POST", timeout=60)
        assert kernel["id"] in [running["id"] for running in _answer(api % "kernels")]
    except BaseException:
        process.kill()
        raise
    output = stop_and_check_nothing_is_left(process, sent)
    assert f"working copies of the lessons are in {folder}" in output
