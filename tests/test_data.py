"""lessons.data: which NLTK data is needed, and clear advice when it is missing."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import nltk
import pytest

from lessons import data
from lessons.__main__ import main

REPO = Path(__file__).resolve().parent.parent


def run_python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=120)


def test_a_missing_resource_names_itself_and_both_fixes(tmp_path):
    # A fresh interpreter whose NLTK looks only in an empty folder, as on a new machine.
    code = (
        "import nltk, lessons\n"
        f"nltk.data.path[:] = [{str(tmp_path)!r}]\n"
        "try:\n"
        "    lessons.tokenize('Any text.')\n"
        "except lessons.MissingResourceError as error:\n"
        "    print(type(error).__name__, error.name); print(error)\n"
    )
    result = run_python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("MissingResourceError punkt_tab\n")
    assert "python -m lessons data download" in result.stdout
    assert "NLTK_DATA" in result.stdout and str(tmp_path) in result.stdout


def test_a_notebook_shows_only_the_advice():
    lines = data.MissingResourceError("stopwords")._render_traceback_()
    assert len(lines) == 1 and "stopwords" in lines[0] and "Traceback" not in lines[0]


def test_require_is_silent_when_everything_is_there():
    assert data.require() is None
    assert data.missing() == []


def test_require_rejects_unknown_names():
    with pytest.raises(ValueError, match="Unknown resource 'maxent_ne_chunker'"):
        data.require("maxent_ne_chunker")


def test_data_check_exit_code_and_report_when_all_is_there():
    # The course's data has everything the lessons need, but not the optional NE chunker model.
    result = subprocess.run([sys.executable, "-m", "lessons", "data", "check"], capture_output=True, text=True,
                            cwd=REPO, timeout=120)
    assert result.returncode == 0
    lines = result.stdout.splitlines()[:len(data.RESOURCES)]
    assert [line.split()[0] for line in lines] == [resource.name for resource in data.RESOURCES]
    status = {line.split()[0]: line.split(maxsplit=1)[1] for line in lines}
    assert all(status[name].startswith("ok ") for name in data.needed())
    assert "MISSING" not in result.stdout
    if data.find("maxent_ne_chunker_tab") is None:
        assert status["maxent_ne_chunker_tab"].startswith("missing  (optional: lesson 4 skips")


def test_data_check_exit_code_and_report_when_data_is_missing(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(nltk.data, "path", [str(tmp_path)])
    assert main(["data", "check"]) == 1
    report = capsys.readouterr().out
    assert "punkt_tab                        MISSING" in report
    assert "python -m lessons data download" in report and "NLTK_DATA" in report


def test_import_touches_no_network_and_loads_no_model():
    code = (
        "import socket, sys\n"
        "def no_network(*args, **kwargs): raise AssertionError('network used at import')\n"
        "socket.socket.connect = no_network; socket.create_connection = no_network\n"
        "import lessons\n"
        "heavy = [name for name in sys.modules if name.split('.')[0] in {'nltk', 'matplotlib', 'ipywidgets'}]\n"
        "print(heavy, sorted(name for name in sys.modules if name.startswith('lessons')))\n"
    )
    result = run_python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[] ['lessons']"


@pytest.mark.parametrize("arguments", [[], ["data"], ["data", "fetch"], ["data", "check", "--bogus"]])
def test_command_line_rejects_bad_arguments_with_usage(arguments, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(arguments)
    assert stopped.value.code == 2 and "usage: python -m lessons" in capsys.readouterr().err


def test_download_fetches_only_what_is_missing_and_reports_what_failed(tmp_path, monkeypatch):
    fetched = []

    def fake_download(name, download_dir, quiet, raise_on_error):
        # Stands in for the network: installs stopwords only, as if the rest failed.
        fetched.append(name)
        if name == "stopwords":
            (Path(download_dir) / "corpora" / "stopwords").mkdir(parents=True)

    monkeypatch.setattr(nltk.data, "path", [str(tmp_path)])
    monkeypatch.setattr(nltk, "download", fake_download)
    still_missing = data.download(str(tmp_path))
    assert fetched == data.needed(optional=True) and "maxent_ne_chunker_tab" in fetched
    assert still_missing == [name for name in fetched if name != "stopwords"]
    assert nltk.data.path == [str(tmp_path)]


def nltk_data_with_only(names: list[str], folder: Path) -> Path:
    """A copy of the installed NLTK data holding only the resources ``names`` (a few MB).

    A copy, not links: NLTK refuses symlinks and hard links that could lead out of its data folder.
    """
    for name in names:
        category, package = Path(data.RESOURCES_BY_NAME[name].lookup_path).parts[:2]
        installed = data.find(name)
        assert installed is not None, f"{name} must be installed to run this test"
        root = installed.parents[len(Path(data.RESOURCES_BY_NAME[name].lookup_path).parts) - 1]
        shutil.copytree(root / category / package, folder / category / package)
    return folder


def test_each_lesson_requires_only_what_it_needs(tmp_path, monkeypatch):
    monkeypatch.setattr(nltk.data, "path", [str(nltk_data_with_only(data.needed(1), tmp_path))])
    assert data.require(lesson=1) is None
    with pytest.raises(data.MissingResourceError) as missing:
        data.require(lesson=4)
    assert missing.value.name == "averaged_perceptron_tagger_eng" and "python -m lessons data download" in str(missing.value)
    assert data.missing() == [name for name in data.needed() if name not in data.needed(1)]


def test_no_lesson_needs_the_benchmark_corpora_and_download_fetches_every_usable_resource():
    assert not {"conll2000", "state_union"} & set(data.needed())
    usable = data.needed(optional=True)
    assert set(usable) - set(data.needed()) == {"maxent_ne_chunker_tab"} and "ieer" in usable
    assert all(name in usable for lesson in range(1, 6) for name in data.needed(lesson, optional=True))
    with pytest.raises(ValueError, match="no lesson 9"):
        data.needed(9)


@pytest.mark.parametrize("lesson", [1, 2, 3, 4, 5])
def test_a_lesson_runs_with_only_the_data_it_names(lesson, tmp_path, monkeypatch):
    # Without conll2000, state_union, the NE chunker or any other lesson's data.
    from lessons import paths
    from lessons.coursework import execute, exercise_ids, load_notebook

    monkeypatch.setenv("NLTK_DATA", str(nltk_data_with_only(data.needed(lesson), tmp_path / "nltk_data")))
    [path] = [path for path in paths.lesson_notebooks() if path.name.startswith(f"{lesson:02d}_")]
    notebook = load_notebook(path)
    assert execute(notebook, tmp_path) == {exercise: "not attempted" for exercise in exercise_ids(notebook)}
