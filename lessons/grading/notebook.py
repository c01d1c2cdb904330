"""Grading one returned notebook: run its exercise cells in a sandboxed kernel, judge the answers here.

The kernel runs the lesson's own notebook (the student edition) with the
student's exercise cells in place of the starters, one cell at a time, with a
time limit per cell and for the whole notebook. After each exercise cell a
probe hands back the answer the cell passed to ``check`` as plain data, in the
kernel's reply to the probe (see :mod:`lessons.grading.kernel_checks`). When
the kernel and every process it started are gone, the grader reads those
answers (:mod:`lessons.grading.answers`)
and judges each with the real exercise, in a child of its own process, with a
time limit (:func:`judge`). Nothing the kernel prints can say "correct": a
forged report is just a wrong answer.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
from pathlib import Path
from time import monotonic

import nbformat

from lessons import checks
from lessons.coursework import exercise_ids
from lessons.grading.answers import NOTHING, AnswerError, decode
from lessons.grading.children import ChildFailed, run_in_child
from lessons.grading.kernel_checks import MARKER, MAX_CHARS
from lessons.grading.results import ExerciseResult, cap

RECOVERY_SECONDS = 10
JUDGE_SECONDS = 30
MAX_OUTPUTS = 200
MAX_OUTPUT_CHARS = 100_000  # kept of each cell's outputs
CUT_NOTE = "\n[... the grader kept only the first {:,} characters of this output]\n"
BEFORE = "import lessons.checks as _grader\n_grader.forget({!r})\ndel _grader"
AFTER = "import lessons.checks as _grader\n_grader.report_answer({!r}, {!r})\ndel _grader"
MAX_REPORT_CHARS = 4 * MAX_CHARS + 1000  # a report's repr: JSON inside JSON, escaped
# Evaluated in the kernel after a report probe: the answer comes back in the kernel's reply.
REPORT_EXPRESSION = "__import__('lessons.checks', fromlist=['last_report']).last_report()"


def exercise_cells(notebook: nbformat.NotebookNode) -> dict[str, list[str]]:
    cells: dict[str, list[str]] = {}
    for cell in notebook.cells:
        if "exercise" in cell.metadata:
            cells.setdefault(str(cell.metadata["exercise"]), []).append(str(cell.source))
    return cells


def _lesson_cells(notebook: nbformat.NotebookNode) -> list[str]:
    return [str(cell.source).strip() for cell in notebook.cells
            if cell.cell_type == "code" and "exercise" not in cell.metadata]


def structure(lesson: nbformat.NotebookNode, submitted: nbformat.NotebookNode
              ) -> tuple[dict[str, str], dict[str, ExerciseResult], list[str]]:
    """The answers to run, the exercises that cannot be run (and why), and notes on the notebook."""
    cells = exercise_cells(submitted)
    answers: dict[str, str] = {}
    refused: dict[str, ExerciseResult] = {}
    for exercise_id in exercise_ids(lesson):
        sources = cells.get(exercise_id, [])
        if not sources:
            refused[exercise_id] = ExerciseResult(
                exercise_id, False, "missing", f"The notebook has no cell for exercise {exercise_id} "
                "(was it deleted, or its cell metadata removed?).")
        elif len(sources) > 1:
            refused[exercise_id] = ExerciseResult(
                exercise_id, False, "tampered", f"The notebook has {len(sources)} cells for exercise "
                f"{exercise_id} (a copied cell keeps its exercise tag); keep your answer in one cell.")
        else:
            answers[exercise_id] = sources[0]
    notes = []
    unknown = sorted(set(cells) - set(exercise_ids(lesson)))
    if unknown:
        notes.append(f"Cells tagged as exercises that this lesson does not have were ignored: {', '.join(unknown)}.")
    if _lesson_cells(submitted) != _lesson_cells(lesson):
        notes.append("Code cells outside the exercises differ from the lesson (added, changed or removed); "
                     "the grader ran the lesson's own cells instead, so only the exercise cells count.")
    return answers, refused, notes


def is_report_probe(cell: nbformat.NotebookNode) -> bool:
    """Whether ``cell`` is a probe the grader added to hand back an exercise's answer."""
    return bool(cell.metadata.get("grader")) and cell.source.startswith(AFTER.split("{")[0])


def _probe(template: str, exercise_id: str) -> nbformat.NotebookNode:
    # An exercise whose answer is a function declares inputs: the kernel hands back its outputs on them.
    inputs = getattr(checks.exercises().get(exercise_id), "inputs", ())
    cell = nbformat.v4.new_code_cell(template.format(exercise_id, [list(arguments) for arguments in inputs] or None))
    cell.metadata["grader"] = True
    return cell


def graded_notebook(lesson: nbformat.NotebookNode, answers: dict[str, str]) -> nbformat.NotebookNode:
    """The lesson's cells with the student's answers in the exercise cells, and a probe around each."""
    graded = nbformat.v4.new_notebook(metadata=lesson.metadata)
    for cell in lesson.cells:
        exercise_id = cell.metadata.get("exercise")
        if exercise_id is None:
            graded.cells.append(cell)
            continue
        answer = nbformat.from_dict(json.loads(json.dumps(cell)))
        answer.source = answers.get(exercise_id, "")
        graded.cells += [_probe(BEFORE, exercise_id), answer, _probe(AFTER, exercise_id)]
    return graded


def error_of(cell: nbformat.NotebookNode) -> str:
    for output in cell.get("outputs", []):
        if output.get("output_type") == "error":
            return cap(f"{output.get('ename', '')}: {output.get('evalue', '')}", 300)
    return ""


def _size(output: dict) -> int:
    if "text" in output:
        return len(output["text"])
    data = output.get("data", {})
    return sum(len(str(value)) for value in data.values()) + len(str(output.get("traceback", "")))


def _capped(output, budget: int):
    """``output`` cut to ``budget`` characters: text is cut, rich output is replaced by a note."""
    if output is None or _size(output) <= budget:
        return output
    if output.get("output_type") == "error":
        output.evalue = cap(output.evalue, 1000)
        output.traceback = [cap(line, 500) for line in output.traceback[-20:]]
        return output
    if "text" in output:
        output.text = output.text[:budget] + CUT_NOTE.format(MAX_OUTPUT_CHARS)
        return output
    return nbformat.v4.new_output("stream", name="stdout",
                                  text=f"[output of {_size(output):,} characters left out by the grader]\n")


def cap_outputs(cell: nbformat.NotebookNode) -> None:
    """Keep at most ``MAX_OUTPUT_CHARS`` of a cell's outputs (display updates included)."""
    budget, kept = MAX_OUTPUT_CHARS, []
    for output in cell.get("outputs", [])[:MAX_OUTPUTS]:
        output = _capped(output, max(budget, 2000))
        budget -= _size(output)
        kept.append(output)
        if budget <= 0:
            break
    if "outputs" in cell:
        cell.outputs = kept


def _capped_client(*args, **kwargs):
    from nbclient import NotebookClient

    class CappedClient(NotebookClient):
        def output(self, outs, msg, display_id, cell_index):
            # Stop keeping outputs once a cell has too many: an endless print loop must not fill memory.
            kept = sum(_size(output) for output in outs)
            if msg["msg_type"] != "error" and (len(outs) >= MAX_OUTPUTS or kept >= MAX_OUTPUT_CHARS):
                return None
            out = super().output(outs, msg, display_id, cell_index)
            if out is not None and outs and outs[-1] is out:
                outs[-1] = _capped(out, max(MAX_OUTPUT_CHARS - kept, 2000))
            return out

    return CappedClient(*args, **kwargs)


def _kernel_recovers(client, cell: nbformat.NotebookNode) -> bool:
    """Interrupt the kernel after a cell ran too long; ``True`` when it answers again."""
    from nbclient.exceptions import CellTimeoutError, DeadKernelError
    from nbclient.util import run_sync

    run_sync(client.km.interrupt_kernel)()
    client.timeout = RECOVERY_SECONDS
    try:
        return client.wait_for_reply(client.kc.execute("pass"), cell) is not None
    except (CellTimeoutError, DeadKernelError):
        return False


def _run_probe(client, cell: nbformat.NotebookNode) -> None:
    """Run a probe cell and take its report from the kernel's reply, not from its printed output.

    After a cell that flooded its output was stopped, the kernel's output channel can lose
    messages for a while (seen under load); the reply channel still answers.
    """
    reply = client.wait_for_reply(client.kc.execute(cell.source, user_expressions={"report": REPORT_EXPRESSION}),
                                  cell)
    report = ((reply or {}).get("content", {}).get("user_expressions", {}).get("report", {}))
    shown = report.get("data", {}).get("text/plain", "") if report.get("status") == "ok" else ""
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=_literal_text(shown) + "\n")]


def _literal_text(shown: str) -> str:
    """The string whose ``repr`` the kernel showed; ``""`` for anything else."""
    try:
        value = ast.literal_eval(shown) if len(shown) <= MAX_REPORT_CHARS else ""
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return ""
    return value if isinstance(value, str) else ""


def _execute_cells(client, notebook: nbformat.NotebookNode, cell_seconds: int, total_seconds: int,
                   outcomes: dict[int, str]) -> str:
    """Run the code cells in order, noting each one's outcome; why it stopped early, or ``""``."""
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    deadline = monotonic() + total_seconds
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type != "code" or not cell.source.strip():
            continue
        remaining = deadline - monotonic()
        if remaining < 1:
            return f"the notebook used up its total time limit of {total_seconds} s"
        client.timeout = max(1, int(min(cell_seconds, remaining)))
        try:
            if is_report_probe(cell):
                _run_probe(client, cell)
            else:
                client.execute_cell(cell, index)
            outcomes[index] = error_of(cell) and "error"
        except CellTimeoutError:
            outcomes[index] = "timeout"
            if not _kernel_recovers(client, cell):
                return "a cell ran past its time limit and could not be stopped"
        except DeadKernelError:
            outcomes[index] = "error"
            return "the Python kernel died (the code crashed it, exited or hit a limit)"
        finally:
            cap_outputs(cell)
    return ""


def _manager(owner: tuple[int, int] | None, **options):
    from jupyter_client.manager import AsyncKernelManager

    class SandboxManager(AsyncKernelManager):
        def write_connection_file(self, **kwargs) -> None:
            super().write_connection_file(**kwargs)
            if owner:  # the kernel runs as an unprivileged user, who must read it
                os.chown(self.connection_file, *owner)

    return SandboxManager(**options)


def run_notebook(notebook: nbformat.NotebookNode, kernel_specs: Path, run_folder: Path,
                 cell_seconds: int, total_seconds: int, owner: tuple[int, int] | None = None) -> dict:
    """Run ``notebook`` in the sandboxed kernel; the executed notebook, cell outcomes and why it stopped."""
    from jupyter_client.kernelspec import KernelSpecManager

    specs = KernelSpecManager(kernel_dirs=[str(kernel_specs)], ensure_native_kernel=False)
    manager = _manager(owner, kernel_name="lessons-sandbox", kernel_spec_manager=specs, transport="ipc",
                            ip=str(run_folder / "socket"), connection_file=str(run_folder / "kernel.json"))
    client = _capped_client(notebook, km=manager, allow_errors=True, interrupt_on_timeout=False,
                            shutdown_kernel="immediate", startup_timeout=120)
    outcomes: dict[int, str] = {}
    try:
        with client.setup_kernel(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL):
            stopped = _execute_cells(client, notebook, cell_seconds, total_seconds, outcomes)
    except Exception as error:  # a kernel that did not start, or that sent messages out of protocol
        stopped = f"the kernel failed or broke its protocol ({type(error).__name__}: {cap(error, 200)})"
    return {"notebook": notebook, "outcomes": {str(index): outcome for index, outcome in outcomes.items()},
            "stopped": stopped}


def answers_in(notebook: nbformat.NotebookNode) -> dict[int, str]:
    """The answer texts the probes handed back, by the index of the probe's cell (the last one counts)."""
    found = {}
    for index, cell in enumerate(notebook.cells):
        if not is_report_probe(cell):
            continue
        for output in cell.get("outputs", []):
            for line in str(output.get("text", "")).splitlines():
                if line.startswith(MARKER):
                    found[index] = line[len(MARKER):]
    return found


def _judged(exercise_id: str, answer: object) -> dict:
    feedback = checks.check(exercise_id, answer)
    return {"status": feedback.status, "message": feedback.message, "hint": feedback.hint}


def judge(exercise_id: str, probe_line: str | None) -> ExerciseResult:
    """Judge the answer a probe handed back for ``exercise_id`` with the grader's own exercise."""
    try:
        reported = json.loads(probe_line) if probe_line else None
        if not (isinstance(reported, list) and len(reported) == 2 and reported[0] == exercise_id):
            raise AnswerError("no answer was handed back")
        answer = decode(reported[1])
    except (AnswerError, ValueError, RecursionError) as error:
        return ExerciseResult(exercise_id, False, "not checked", f"The grader could not read the answer: {error}.")
    if answer is NOTHING:
        return ExerciseResult(exercise_id, False, "not checked",
                              f'The cell did not call check("{exercise_id}", ...) with your answer.')
    try:
        verdict = run_in_child(lambda: _judged(exercise_id, answer), JUDGE_SECONDS)
    except ChildFailed as error:
        return ExerciseResult(exercise_id, False, "not checked", f"Your answer could not be checked: {error}.")
    hint = f" Hint: {verdict['hint']}" if verdict["hint"] else ""
    return ExerciseResult(exercise_id, verdict["status"] == checks.CORRECT, verdict["status"], verdict["message"] + hint)


def results(graded: nbformat.NotebookNode, outcomes: dict[int, str], stopped: str,
            cell_seconds: int) -> dict[str, ExerciseResult]:
    """A result for each exercise cell of ``graded``, from its outcome and its probe's answer."""
    answers = answers_in(graded)
    rows = {}
    for index, cell in enumerate(graded.cells):
        exercise_id = cell.metadata.get("exercise")
        if exercise_id is None:
            continue
        outcome = outcomes.get(index)
        if outcome == "timeout":
            rows[exercise_id] = ExerciseResult(exercise_id, False, "timeout",
                                               f"The cell ran longer than {cell_seconds} s and was stopped. "
                                               f"Is there a loop that never ends?")
        elif outcome == "error":
            rows[exercise_id] = ExerciseResult(exercise_id, False, "error",
                                               f"The cell raised {error_of(cell) or 'an error that stopped Python'}.")
        elif (outcome is None and cell.source.strip()) or index + 1 not in outcomes:  # an empty cell is not run
            rows[exercise_id] = ExerciseResult(exercise_id, False, "not run",
                                               f"Not run: {stopped or 'its result could not be collected'}.")
        else:
            rows[exercise_id] = judge(exercise_id, answers.get(index + 1))
    return rows
