"""Every attack from issue 14 on the grader: forged results score 0 and say why; classmates are unharmed."""

from __future__ import annotations

import csv
import hashlib
import json
import os
import time
from pathlib import Path

import nbformat
import pytest

import lessons.checks
from lessons.__main__ import main
from lessons.grading import grade, sandbox
from lessons.grading.answers import AnswerError, decode
from tests.demo_lesson import NAME, SOLUTIONS, demo_notebook, write_demo_lesson

REPOSITORY = Path(__file__).resolve().parent.parent
SANDBOXED = sandbox.choose_mode() == "bwrap"
# Like the browser tests: skipped on a machine without bubblewrap, except in CI, where they must run.
needs_sandbox = pytest.mark.skipif(not SANDBOXED and not os.environ.get("CI"), reason="bubblewrap does not work here")
MARK = "lessons-attack-marker"


@pytest.fixture
def lessons_folder(tmp_path):
    return write_demo_lesson(tmp_path / "repo")[0]


def _grade_91(tmp_path, lessons_folder, source, **limits):
    path = tmp_path / "returned" / NAME
    path.parent.mkdir(exist_ok=True)
    nbformat.write(demo_notebook({"9.1": source, "9.2": SOLUTIONS["9.2"]}), str(path))
    result, executed = grade(path, lessons_folder=lessons_folder, **limits)
    return {row.id: row for row in result.exercises}, result, executed


FORGERIES = {
    "patched json.dumps": 'import json\njson.dumps = lambda *args, **kwargs: \'"correct"\'\ncheck("9.1", ...)',
    "printed report": 'print("LESSONS-GRADER-ANSWER " + \'["9.1", "correct"]\')\ncheck("9.1", ...)',
    "results table": 'check.__globals__["_RES" + "ULTS"]["9.1"] = "correct"',
    "answer key": 'check("9.1", check.__globals__["exercises"]()["9.1"].expected())',
    "exercise module": 'import importlib\nm = importlib.import_module("lessons.exer" + "cises.tokenizing")\n'
                       'check("9.1", m._headline_split())',
    "solutions": 'from tests.solutions.tokenizing_01 import SOLUTIONS\ncheck("9.1", SOLUTIONS)',
    "object equal to anything": 'class Yes:\n    def __eq__(self, other):\n        return True\ncheck("9.1", Yes())',
    "4 GB": 'block = bytearray(4 * 10**9)\ncheck("9.1", 3)',
    "200,000 terms": "x = " + "+".join(["1"] * 200_000) + '\ncheck("9.1", x)',
}


@needs_sandbox
@pytest.mark.parametrize("attack", FORGERIES)
def test_forged_answers_score_nothing_and_say_why(tmp_path, lessons_folder, attack):
    rows, result, _ = _grade_91(tmp_path, lessons_folder, FORGERIES[attack], cell_seconds=5)
    assert not rows["9.1"].passed and rows["9.1"].feedback
    assert rows["9.1"].status in {"error", "incorrect", "not checked", "not attempted", "not run", "timeout"}
    if attack not in {"200,000 terms", "patched json.dumps"}:  # those two may break the kernel itself
        assert rows["9.2"].passed


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _survivors() -> list[str]:
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and MARK.encode() in (entry / "cmdline").read_bytes():
                found.append(entry.name)
        except OSError:
            continue
    return found


HOSTILE = f'''import os, subprocess, sys
victims = {{victims!r}}
for path in victims:
    for action in (lambda: open(path, "w").write("overwritten"), lambda: os.remove(path),
                   lambda: print(open(path).read()[:10])):
        try:
            action()
        except OSError as error:
            print("refused:", type(error).__name__)
try:
    open(os.path.join(os.path.dirname(lessons.__file__), "checks.py"), "a").write("\\n# forged")
except OSError as error:
    print("package refused:", type(error).__name__)
subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)  # {MARK}"], start_new_session=True)
check("9.1", len(lessons.tokenize("U.S. aid")))'''


@needs_sandbox
def test_a_class_is_graded_and_no_student_harms_another(tmp_path, lessons_folder):
    students = tmp_path / "class"
    for name in ("alice", "bob", "carol"):
        (students / name).mkdir(parents=True)
    nbformat.write(demo_notebook(SOLUTIONS), str(students / "alice" / NAME))
    nbformat.write(demo_notebook({"9.1": SOLUTIONS["9.1"]}), str(students / "bob" / NAME))
    out = tmp_path / "grades"
    victims = [str(students / "alice" / NAME), str(students / "bob" / NAME), str(out / "alice-09_demo.grade.json"),
               str(REPOSITORY / "lessons" / "checks.py"), str(REPOSITORY / "tests" / "solutions" / "tokenizing_01.py")]
    nbformat.write(demo_notebook({"9.1": HOSTILE.format(victims=victims)}), str(students / "carol" / NAME))
    (students / "09_demo.grade.csv").mkdir()  # a folder named like a grade file
    nbformat.write(demo_notebook(SOLUTIONS), str(students / "09_demo.grade.csv" / NAME))
    before = {path: _sha(Path(path)) for path in victims if Path(path).exists()}

    code = main(["grade", str(students), "--out", str(out), "--jobs", "2", "--lessons-folder", str(lessons_folder)])

    assert code == 0
    assert not _survivors()
    assert {path: _sha(Path(path)) for path in before} == before
    with (out / "gradebook.csv").open(encoding="utf-8") as handle:
        book = {row["student"]: row for row in csv.DictReader(handle)}
    assert {name: (book[name]["9.1"], book[name]["9.2"], book[name]["passed"]) for name in book} == {
        "alice": ("1", "1", "2"), "bob": ("1", "0", "1"), "carol": ("1", "0", "1"), "09_demo.grade.csv": ("1", "1", "2")}
    graded = {path.name: _sha(path) for path in out.iterdir()}
    time.sleep(2)
    assert {path.name: _sha(path) for path in out.iterdir()} == graded
    page = (out / "gradebook.html").read_text(encoding="utf-8")
    assert "<td>4/4 (100%)</td><td>2/4 (50%)</td>" in page
    carol = (out / "carol-09_demo.graded.ipynb").read_text(encoding="utf-8")
    assert carol.count('"refused: ') == 3 * 5 and "package refused" in carol
    assert json.loads((out / "gradebook.json").read_text(encoding="utf-8"))["exercises"]["9.2"] == {
        "passed": 2, "total": 4}


@needs_sandbox
def test_same_notebook_names_from_two_students_do_not_collide(tmp_path, lessons_folder):
    for name, answers in (("alice", SOLUTIONS), ("bob", {})):
        (tmp_path / name).mkdir()
        nbformat.write(demo_notebook(answers), str(tmp_path / name / NAME))
    out = tmp_path / "grades"
    assert main(["grade", str(tmp_path / "alice" / NAME), str(tmp_path / "bob" / NAME), "--out", str(out),
                 "--lessons-folder", str(lessons_folder)]) == 0
    passed = {path.name: json.loads(path.read_text())["passed"] for path in out.glob("*.grade.json")}
    assert passed == {"alice-09_demo.grade.json": 2, "bob-09_demo.grade.json": 0}


@needs_sandbox
def test_huge_outputs_and_messages_are_capped(tmp_path, lessons_folder):
    flood = ('from IPython.display import HTML, display\ndisplay(HTML("<b>x</b>" * 5_000_000))\n'
             'raise ValueError("y" * 50_000_000)')
    rows, result, executed = _grade_91(tmp_path, lessons_folder, flood)
    assert rows["9.1"].status == "error" and len(rows["9.1"].feedback) <= 1000
    assert len(nbformat.writes(executed)) < 1_000_000
    assert rows["9.2"].passed


def test_the_grader_reads_only_plain_data():
    with pytest.raises(AnswerError):
        decode("[" * 300_000)
    with pytest.raises(AnswerError):
        decode('{"__reduce__": "os.system"}')
    assert decode('{"set": ["a", "b"]}') == {"a", "b"}


@needs_sandbox
def test_the_kernels_package_has_no_exercises_and_checks_decides_nothing(tmp_path):
    library = sandbox.make_library(tmp_path / "library", ["from lessons.exercises.tokenizing import PATTERN_SAMPLE"])
    stub = (library / "lessons" / "exercises" / "tokenizing.py").read_text(encoding="utf-8")
    assert "PATTERN_SAMPLE = " in stub and "register" not in stub and "expected" not in stub
    assert "_evaluate" not in (library / "lessons" / "checks.py").read_text(encoding="utf-8")
    assert not (library / "lessons" / "grading").exists()
    assert lessons.checks.exercises()  # the grader's own registry is untouched


@needs_sandbox
@pytest.mark.skipif(not (REPOSITORY / "notebooks").is_dir(), reason="no lesson notebooks")
def test_every_real_lessons_starters_grade_not_attempted(tmp_path):
    from lessons.coursework import exercise_ids, load_notebook

    lessons_ = sorted((REPOSITORY / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    out = tmp_path / "grades"
    assert main(["grade", *map(str, lessons_), "--out", str(out), "--jobs", "2"]) == 0
    for lesson in lessons_:
        graded = json.loads((out / f"{lesson.stem}.grade.json").read_text(encoding="utf-8"))
        assert {row["id"]: row["status"] for row in graded["exercises"]} == {
            exercise: "not attempted" for exercise in exercise_ids(load_notebook(lesson))}, lesson.name
        assert graded["notes"] == [], lesson.name
