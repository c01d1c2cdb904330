"""Opening the lessons in JupyterLab on working copies, never on the pristine lessons.

JupyterLab saves a notebook as the student works (and autosaves). Opened on the
package's own lessons, it would overwrite them, and the student edition built
from them (``python -m lessons editions``) would hold a student's answers. So
``python -m lessons lab`` copies the lessons into a folder of the student's
(``./news-nlp-lessons`` by default), only the ones that are not there yet, so a
student's work is never overwritten, and opens JupyterLab there.

JupyterLab runs in this process: stopping it (Ctrl+C, or SIGTERM from a
service manager) runs Jupyter's own shutdown, which stops the kernels too.

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> copies = working_copies(folder)
>>> copies.copied[0], copies.kept
('01_tokenizing.ipynb', ())
>>> working_copies(folder).kept == copies.copied   # a second time, nothing is overwritten
True
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from lessons import paths

DEFAULT_FOLDER = "news-nlp-lessons"  # made in the folder where the command runs


class LabError(RuntimeError):
    """The lab cannot open; the message says why and what to do."""


@dataclass(frozen=True)
class WorkingCopies:
    """A folder of working copies: the lessons copied into it now, and those kept as the student left them."""

    folder: Path
    copied: tuple[str, ...]
    kept: tuple[str, ...]

    @property
    def first_lesson(self) -> Path:
        return self.folder / min(self.copied + self.kept)

    def __str__(self) -> str:
        lines = [f"Your working copies of the lessons are in {self.folder}"]
        if self.copied:
            lines.append(f"  copied now: {', '.join(self.copied)}")
        if self.kept:
            lines.append(f"  kept as you left them: {', '.join(self.kept)} "
                         f"(delete one to start that lesson afresh)")
        return "\n".join(lines)


def working_copies(folder: str | Path | None = None) -> WorkingCopies:
    """Copy the pristine lessons into ``folder`` (default ``./news-nlp-lessons``) where they are missing.

    A lesson already in ``folder`` is left as it is: it is the student's work.
    """
    folder = Path(folder if folder is not None else DEFAULT_FOLDER).expanduser().resolve()
    if folder == paths.lessons_folder().resolve():
        raise LabError(f"{folder} holds the pristine lessons, which the editions are built from. "
                       f"Choose another folder for your working copies (--dir).")
    if folder.exists() and not folder.is_dir():
        raise LabError(f"{folder} is a file, not a folder. Choose a folder for your working copies (--dir).")
    lessons = paths.lesson_notebooks()
    if not lessons:
        raise LabError(f"No lessons in {paths.lessons_folder()}: reinstall the package (pip install news-nlp-lessons).")
    folder.mkdir(parents=True, exist_ok=True)
    copied, kept = [], []
    for lesson in lessons:
        try:
            # "x": fail rather than overwrite, even if the file appeared since we looked.
            with lesson.open("rb") as source, (folder / lesson.name).open("xb") as target:
                shutil.copyfileobj(source, target)
            copied.append(lesson.name)
        except FileExistsError:
            kept.append(lesson.name)
    return WorkingCopies(folder, tuple(copied), tuple(kept))


def jupyterlab_arguments(copies: WorkingCopies, extra: list[str]) -> list[str]:
    """JupyterLab's command-line arguments: serve the working copies and open the first lesson."""
    # Jupyter resolves a file to open against the current folder, not root_dir: pass a full path.
    arguments = [f"--ServerApp.root_dir={copies.folder}", str(copies.first_lesson)]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        arguments.append("--allow-root")  # containers often run as root; JupyterLab refuses otherwise
    return arguments + extra


def open_lab(folder: str | Path | None, extra: list[str]) -> int:
    """Make the working copies, say where they are, and run JupyterLab on them until it is stopped."""
    from jupyterlab.labapp import LabApp

    copies = working_copies(folder)
    print(copies, flush=True)
    LabApp.launch_instance(argv=jupyterlab_arguments(copies, extra))
    return 0
