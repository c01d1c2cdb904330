"""The project's own files agree with each other."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~ \[]", requirement.strip(), maxsplit=1)[0].lower()


def test_environment_yml_lists_the_same_runtime_packages_as_pyproject():
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text())
    runtime = {_name(requirement): requirement for requirement in pyproject["project"]["dependencies"]}
    conda = {}
    dependencies = (REPO / "environment.yml").read_text().split("\ndependencies:\n", 1)[1]
    for line in dependencies.splitlines():
        match = re.match(r"^  - ([A-Za-z0-9_.-]+)(.*)$", line)
        if match and match.group(1) not in {"python", "pip"}:
            conda[match.group(1).lower()] = match.group(1) + match.group(2)
    assert sorted(conda) == sorted(runtime)
    for name, requirement in runtime.items():
        assert conda[name].replace(" ", "") == requirement.replace(" ", ""), name


def test_every_runtime_dependency_has_an_upper_bound():
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text())
    requirements = pyproject["project"]["dependencies"] + pyproject["project"]["optional-dependencies"]["test"]
    for requirement in requirements:
        assert "<" in requirement, f"{requirement} has no upper bound"


def test_readme_has_exactly_two_setup_commands_and_ci_runs_the_test_one():
    readme = (REPO / "README.md").read_text()
    commands = re.findall(r"```(?:bash|sh)\n(.*?)\n```", readme.split("## Get started", 1)[1].split("\n## ", 1)[0],
                          re.DOTALL)
    assert len(commands) == 2, commands
    assert "lessons lab" in commands[0]
    assert commands[1] in (REPO / ".ci" / "run").read_text()


def test_import_is_light():
    code = "import sys, lessons; print(sorted(m for m in ('nltk', 'matplotlib', 'ipywidgets') if m in sys.modules))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"


def test_seed_metadata_matches_the_text():
    import hashlib
    import json

    metadata = json.loads((REPO / "seeds" / "cbc-2023-03-20-xi-visits-putin.json").read_text())
    text = (REPO / "seeds" / "cbc-2023-03-20-xi-visits-putin.txt").read_bytes()
    assert hashlib.sha256(text).hexdigest() == metadata["sha256"]
    lines = text.decode("utf-8").splitlines()
    assert (lines[0], lines[1], lines[-1]) == (metadata["title"], metadata["standfirst"], metadata["credit"])


def test_every_subpackage_ships_and_the_lessons_and_seed_ship_inside_the_package():
    # pyproject lists its packages (so notebooks/ and seeds/ can be mapped into the package);
    # a new subpackage left off the list would be missing from the wheel.
    setuptools = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]
    found = {".".join(init.parent.relative_to(REPO).parts) for init in (REPO / "lessons").rglob("__init__.py")}
    assert found <= set(setuptools["packages"]), sorted(found - set(setuptools["packages"]))
    assert setuptools["package-dir"] == {"lessons.notebooks": "notebooks", "lessons.seeds": "seeds"}


def test_the_seed_metadata_is_where_lessons_paths_finds_the_seed():
    from lessons import paths

    assert paths.seed_article() == REPO / "seeds" / "cbc-2023-03-20-xi-visits-putin.txt"
    assert paths.lesson_notebooks() == sorted((REPO / "notebooks").glob("[0-9][0-9]_*.ipynb"))
