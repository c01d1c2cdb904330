"""A wheel built from the repository works in a fresh venv in another folder, outside any checkout.

The wheel is built and installed once for this module (about half a minute). The venv gets
only the wheel; the dependencies are the test venv's own, seen through a ``.pth`` file, so
nothing is downloaded. Every command runs in a folder outside the repository, without the
``PYTHONPATH`` that conftest.py sets, so only the installed copy of ``lessons`` can be imported.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import nbformat
import pytest

from tests.test_lab import _answer, start_lab, stop_and_check_nothing_is_left

REPO = Path(__file__).resolve().parent.parent
SHIPPED = ["pyproject.toml", "README.md", "lessons", "notebooks", "seeds"]  # what a wheel is built from
COMMITTED = sorted((REPO / "notebooks").glob("[0-9][0-9]_*.ipynb"))


class Installed:
    """The fresh venv with the wheel installed, and a way to run its commands outside the checkout."""

    def __init__(self, root: Path, wheel: Path):
        self.root, self.wheel = root, wheel
        self.venv = root / "venv"
        self.python = self.venv / "bin" / "python"
        self.script = self.venv / "bin" / "news-nlp-lessons"
        self.home = root / "home"  # where the student runs the commands
        self.home.mkdir()
        self.env = {name: value for name, value in os.environ.items() if name != "PYTHONPATH"}

    def run(self, *command: str | Path, timeout: int = 900) -> subprocess.CompletedProcess:
        return subprocess.run([str(part) for part in command], cwd=self.home, env=self.env, capture_output=True,
                              text=True, timeout=timeout)

    def python_code(self, code: str, timeout: int = 900) -> str:
        result = self.run(self.python, "-c", code, timeout=timeout)
        assert result.returncode == 0, result.stderr
        return result.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Installed:
    root = tmp_path_factory.mktemp("install")
    source = root / "source"  # a clean copy: a stale build/ folder in the checkout cannot leak into the wheel
    source.mkdir()
    for name in SHIPPED:
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copyfile(REPO / name, source / name)
    # With the test venv's setuptools (a test dependency), so nothing is downloaded.
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                            str(source), "-w", str(root)], capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr
    [wheel] = root.glob("news_nlp_lessons-*.whl")
    installed = Installed(root, wheel)
    venv.create(installed.venv, with_pip=False)
    result = subprocess.run([sys.executable, "-m", "pip", "--python", str(installed.python), "install", "-q",
                             "--no-deps", "--no-index", str(wheel)], capture_output=True, text=True, timeout=600,
                            env=installed.env, cwd=installed.home)
    assert result.returncode == 0, result.stderr
    # Then the test venv's packages, after the venv's own, so the wheel's lessons is found first.
    # (Added after installing: pip would otherwise see this checkout's editable install there.)
    site_packages = Path(installed.python_code("import sysconfig; print(sysconfig.get_path('purelib'))").strip())
    (site_packages / "test-venv-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    return installed


def test_the_wheel_holds_every_module_the_lessons_and_the_seed(installed):
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    modules = {path.relative_to(REPO).as_posix() for path in (REPO / "lessons").rglob("*.py")}
    assert modules <= names, f"not in the wheel (list the package in pyproject.toml): {sorted(modules - names)}"
    assert {f"lessons/notebooks/{path.name}" for path in COMMITTED} <= names
    assert {"lessons/seeds/cbc-2023-03-20-xi-visits-putin.txt", "lessons/seeds/cbc-2023-03-20-xi-visits-putin.json"} \
        <= names
    assert not any(name.startswith("tests/") or "solutions" in name for name in names)


def test_load_article_works_outside_any_checkout(installed):
    output = installed.python_code(
        "import lessons\nfrom lessons import paths\n"
        "print(lessons.__file__); print(paths.checkout()); print(lessons.load_article().metadata['outlet'])")
    location, checkout, outlet = output.splitlines()
    assert Path(location).is_relative_to(installed.venv) and checkout == "None" and outlet == "CBC News"


def test_the_console_script_opens_working_copies_in_jupyterlab(installed):
    folder = installed.home / "my-lessons"
    process, api = start_lab([str(installed.script)], folder, installed.home, installed.env)
    try:
        served = _answer(api % "contents")
        assert sorted(item["name"] for item in served["content"]) == [path.name for path in COMMITTED]
        first = _answer(api % "contents/01_tokenizing.ipynb")
        working_copy = nbformat.read(str(folder / "01_tokenizing.ipynb"), as_version=4)
        assert [cell["source"] for cell in first["content"]["cells"]] == [cell.source for cell in working_copy.cells]
        _answer(api % "kernels", "POST", timeout=60)
    except BaseException:
        process.kill()
        raise
    output = stop_and_check_nothing_is_left(process, signal.SIGTERM)
    assert f"working copies of the lessons are in {folder}" in output


def test_every_lesson_runs_from_the_working_copies(installed):
    folder = installed.home / "run-lessons"
    output = installed.python_code(
        "import json, lessons.lab as lab\n"
        "from lessons.coursework import execute, load_notebook\n"
        f"copies = lab.working_copies({str(folder)!r})\n"
        "print(json.dumps({name: execute(load_notebook(copies.folder / name), copies.folder)\n"
        "                  for name in copies.copied}))\n")
    results = json.loads(output.splitlines()[-1])
    assert sorted(results) == [path.name for path in COMMITTED]
    assert all(status == "not attempted" for statuses in results.values() for status in statuses.values())


def test_editions_come_from_the_pristine_lessons_even_after_a_working_copy_was_saved(installed):
    folder = installed.home / "edited"
    installed.python_code(f"import lessons.lab as lab; lab.working_copies({str(folder)!r})")
    # What JupyterLab saves after a student's session: answers typed in, outputs, a new cell.
    saved = nbformat.read(str(folder / COMMITTED[0].name), as_version=4)
    exercise = next(cell for cell in saved.cells if "exercise" in cell.metadata)
    exercise.source = "my answer = 42"
    saved.cells.append(nbformat.v4.new_code_cell("print('my notes')", execution_count=3))
    nbformat.write(saved, str(folder / COMMITTED[0].name))

    result = installed.run(installed.script, "editions", "--out", installed.home / "editions",
                           "--solutions", REPO / "tests" / "solutions", timeout=1500)
    assert result.returncode == 0, result.stderr
    for committed in COMMITTED:
        student = nbformat.read(str(installed.home / "editions" / "student" / committed.name), as_version=4)
        assert student.cells == nbformat.read(str(committed), as_version=4).cells, committed.name
