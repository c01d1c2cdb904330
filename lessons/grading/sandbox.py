"""Where a student's code runs while grading: a sandboxed kernel with limits, and nothing to find there.

Each submission gets a kernel of its own, started with
:func:`kernel_spec`. What protects the teacher depends on the mode:

``bwrap``
    bubblewrap (Debian's ``bwrap``) shows the kernel only the Python
    installation, the NLTK data, a copy of the ``lessons`` package without the
    exercises (:func:`make_library`) and a private folder for its sockets; the
    rest of the machine (the repository, the solutions, other submissions, the
    results) is not there. The kernel runs as an unprivileged user
    (``lessons-grader-N``, created when the grader runs as root), in its own
    process and network namespaces, in a small private home folder; when it
    ends, every process it started ends with it.
``none``
    No sandbox: only the resource limits and the process-group kill. The
    student's code runs as the teacher and can read and change their files.
    Use it for trusted notebooks only; the grade book says when it was used.

In both modes the kernel has limits on memory, CPU time, processes, open
files and file size (:class:`Limits`), and never has the answer key: the
expected answers are computed in the grader's own process.

>>> Limits().rlimits()[0][1] // 2**20
2048
>>> _literal((datetime.date(2023, 3, 20), "x"))
"(datetime.date(2023, 3, 20), 'x',)"
"""

from __future__ import annotations

import ast
import datetime
import fcntl
import json
import os
import pwd
import re
import resource
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import lessons
from lessons import article
from lessons.grading import kernel_checks

MODES = ("auto", "bwrap", "none")
USER_PREFIX = "lessons-grader-"
NOBODY = 65534
HOME = "/home/student"
PACKAGE = Path(lessons.__file__).resolve().parent
LEFT_OUT = {"exercises", "grading", "__pycache__"}  # not copied into the kernel's package
REPOSITORY = PACKAGE.parent


class SandboxError(RuntimeError):
    """The requested sandbox cannot be used here; the message says why and what to do."""


@dataclass(frozen=True)
class Limits:
    """What one kernel may use: memory (MB of address space), CPU seconds, processes, file MB, open files."""

    memory_mb: int = 2048
    cpu_seconds: int = 900
    processes: int = 256
    file_mb: int = 50
    open_files: int = 256
    home_mb: int = 200

    def rlimits(self) -> list[tuple[int, int]]:
        return [(resource.RLIMIT_AS, self.memory_mb * 2**20), (resource.RLIMIT_CPU, self.cpu_seconds),
                (resource.RLIMIT_NPROC, self.processes), (resource.RLIMIT_FSIZE, self.file_mb * 2**20),
                (resource.RLIMIT_NOFILE, self.open_files), (resource.RLIMIT_CORE, 0)]


def _bwrap_works() -> bool:
    if not shutil.which("bwrap"):
        return False
    try:
        return subprocess.run(["bwrap", "--ro-bind", "/", "/", "--unshare-pid", "--unshare-net", "true"],
                              capture_output=True, timeout=20).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def choose_mode(requested: str = "auto") -> str:
    """The sandbox mode to use: ``bwrap`` when it works here, else ``none`` (only when allowed)."""
    if requested not in MODES:
        raise SandboxError(f"Unknown sandbox {requested!r}; choose one of {', '.join(MODES)}.")
    if requested == "none":
        return "none"
    if _bwrap_works():
        return "bwrap"
    if requested == "bwrap":
        raise SandboxError("bubblewrap (bwrap) is not installed or cannot create namespaces here. Install it "
                           "(apt-get install bubblewrap), or pass --sandbox none to grade trusted notebooks "
                           "without a sandbox.")
    return "none"


def _user(number: int) -> tuple[int, int]:
    name = f"{USER_PREFIX}{number}"
    try:
        entry = pwd.getpwnam(name)
    except KeyError:
        created = subprocess.run(["useradd", "--system", "--no-create-home", "--home-dir", "/nonexistent",
                                  "--shell", "/usr/sbin/nologin", "--user-group", name], capture_output=True)
        if created.returncode != 0:
            return NOBODY, NOBODY
        entry = pwd.getpwnam(name)
    return entry.pw_uid, entry.pw_gid


def claim_users(count: int) -> tuple[list[tuple[int, int] | None], list]:
    """``count`` unprivileged users no other grading run is using (``lessons-grader-N``, created if missing).

    Each is held with a lock file until the returned handles are closed, so two runs at once never share
    a user (and never kill each other's kernels). Without root: ``None`` for each (no user switch).
    """
    if os.geteuid() != 0:
        return [None] * count, []
    users, handles, number = [], [], 0
    while len(users) < count:
        number += 1
        handle = open(Path(tempfile.gettempdir()) / f".{USER_PREFIX}{number}.lock", "w")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            continue
        handles.append(handle)
        users.append(_user(number))
    return users, handles


def _imported_names(lesson_sources: list[str]) -> dict[str, set[str]]:
    names: dict[str, set[str]] = {}
    for source in lesson_sources:
        for module, imported in re.findall(r"from lessons\.exercises\.(\w+) import ([\w, ]+)", source):
            names.setdefault(module, set()).update(name.strip() for name in imported.split(","))
    return names


def _literal(value: object) -> str | None:
    """Python source that rebuilds ``value`` (plain data and dates), or ``None``."""
    if isinstance(value, (datetime.date, datetime.time)):
        return repr(value)  # datetime.date(2023, 3, 20): the stub imports datetime
    if type(value) in (tuple, list):
        parts = [_literal(item) for item in value]
        if None in parts:
            return None
        return f"({', '.join(parts)},)" if type(value) is tuple else f"[{', '.join(parts)}]"
    try:
        return repr(value) if not callable(value) and ast.literal_eval(repr(value)) == value else None
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return None


def _stub(module_name: str, names: set[str]) -> str:
    """A stand-in for an exercises module: the constants lessons import, and do-nothing functions."""
    import importlib

    module = importlib.import_module(f"lessons.exercises.{module_name}")
    lines = ['"""Stand-in used while grading: the exercises themselves stay with the grader."""', "import datetime"]
    for name in sorted(names):
        literal = _literal(getattr(module, name, None))
        lines.append(f"{name} = {literal}" if literal else f"def {name}(*args, **kwargs):\n    return None")
    return "\n\n".join(lines) + "\n"


def make_library(folder: Path, lesson_sources: list[str]) -> Path:
    """Copy ``lessons`` for the kernels into ``folder``: no exercises, a ``checks`` that only records answers.

    ``lesson_sources`` are the lessons' code cells: names they import from
    ``lessons.exercises`` get stand-ins (constants copied, functions that do nothing).
    """
    target = Path(folder) / "lessons"
    shutil.copytree(PACKAGE, target, ignore=lambda directory, names: [
        name for name in names if name in LEFT_OUT or name.endswith(".pyc")])
    shutil.copyfile(kernel_checks.__file__, target / "checks.py")
    seeds = Path(article.SEED_ARTICLE).parent
    if seeds.is_dir():  # the seed article and its metadata, where an installed wheel keeps them
        shutil.copytree(seeds, target / "seeds")
    (target / "exercises").mkdir()
    (target / "exercises" / "__init__.py").write_text('"""Not available while grading."""\n', encoding="utf-8")
    for module, names in _imported_names(lesson_sources).items():
        (target / "exercises" / f"{module}.py").write_text(_stub(module, names), encoding="utf-8")
    for path in [Path(folder), *Path(folder).rglob("*")]:
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
    return Path(folder)


def _kernel_path(library: Path) -> list[str]:
    """The kernel's sys.path: the copied package first, then Python's own folders, never the repository."""
    prefixes = (sys.prefix, sys.base_prefix)
    kept = [entry for entry in sys.path if entry and Path(entry).is_dir() and (
        not Path(entry).resolve().is_relative_to(REPOSITORY) or entry.startswith(prefixes))]
    return [str(library), *dict.fromkeys(kept)]


LAUNCH = """import ctypes, json, os, resource, signal, sys
ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG: end with the grader's worker
config = json.loads(sys.argv[1])
for limit, value in config["limits"]:
    resource.setrlimit(limit, (value, value))
os.umask(0o077)
sys.path[:] = config["path"]
sys.argv = ["ipykernel_launcher", *sys.argv[2:]]
from ipykernel import kernelapp
kernelapp.launch_new_instance()
"""


def _environment(home: str) -> list[str]:
    nltk_data = os.pathsep.join(os.path.abspath(path) for path in _nltk_folders())
    values = {"HOME": home, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "NLTK_DATA": nltk_data,
              "MPLCONFIGDIR": f"{home}/.matplotlib", "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1",
              "PYDEVD_DISABLE_FILE_VALIDATION": "1", "JUPYTER_PLATFORM_DIRS": "1"}
    return ["env", "-i", *(f"{name}={value}" for name, value in values.items())]


def _nltk_folders() -> list[str]:
    import nltk

    return [path for path in dict.fromkeys(os.environ.get("NLTK_DATA", "").split(os.pathsep) + nltk.data.path)
            if path and os.path.isdir(path)]


def _bind(path: str, arguments: list[str], mode: str = "--ro-bind") -> None:
    """Bind ``path`` at the same place, with its parent folders made traversable."""
    resolved = Path(path).resolve()
    for parent in reversed(resolved.parents[:-1] if len(resolved.parents) > 1 else []):
        if str(parent) not in ("/usr", "/etc"):
            arguments += ["--perms", "0755", "--dir", str(parent)]
    arguments += [mode, str(resolved), str(resolved)]


def _bwrap(run_folder: Path, library: Path, limits: Limits) -> list[str]:
    arguments = ["bwrap", "--die-with-parent", "--unshare-pid", "--unshare-net", "--unshare-ipc",
                 "--unshare-uts", "--ro-bind", "/usr", "/usr", "--ro-bind", "/etc", "/etc",
                 "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp"]
    for name in ("bin", "lib", "lib64", "sbin", "lib32"):
        if os.path.islink(f"/{name}"):
            arguments += ["--symlink", os.readlink(f"/{name}"), f"/{name}"]
    binds = [sys.base_prefix, sys.prefix, *_kernel_path(library), *_nltk_folders()]
    for path in sorted(set(binds), key=lambda path: len(Path(path).resolve().parts)):
        if not str(Path(path).resolve()).startswith(("/usr/", "/etc/")):
            _bind(path, arguments)
    _bind(str(run_folder), arguments, "--bind")
    arguments += ["--perms", "1777", "--size", str(limits.home_mb * 2**20), "--tmpfs", HOME, "--chdir", HOME]
    return arguments


def kernel_argv(mode: str, run_folder: Path, library: Path, limits: Limits,
                user: tuple[int, int] | None) -> list[str]:
    """The command that starts one sandboxed kernel (``{connection_file}`` is filled in by Jupyter)."""
    home = HOME if mode == "bwrap" else str(run_folder / "home")
    config = json.dumps({"limits": limits.rlimits(), "path": _kernel_path(library)})
    python = [os.path.realpath(sys.executable), "-S", "-E", "-c", LAUNCH, config, "-f", "{connection_file}"]
    drop = ["setpriv", f"--reuid={user[0]}", f"--regid={user[1]}", "--clear-groups", "--"] if user else []
    if mode == "bwrap":
        return [*_environment(home), *_bwrap(run_folder, library, limits), *drop, *python]
    return [*_environment(home), *python]


def prepare_run_folder(folder: Path, user: tuple[int, int] | None, mode: str) -> None:
    """Make the kernel's private folder (sockets, connection file; the home folder without bwrap)."""
    folder.mkdir(mode=0o700)
    if mode == "none":
        (folder / "home").mkdir()
    if user:
        for path in [folder, *folder.iterdir()]:
            os.chown(path, *user)


def write_kernel_spec(folder: Path, argv: list[str]) -> Path:
    """A Jupyter kernel spec folder named ``lessons-sandbox`` that starts ``argv``; returns its parent.

    Interrupts go as messages: a signal would reach bubblewrap, not the kernel inside.
    """
    spec = folder / "kernels" / "lessons-sandbox"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({"argv": argv, "display_name": "grading sandbox",
                                                  "language": "python", "interrupt_mode": "message"}))
    return folder / "kernels"


def end_processes_of(user: tuple[int, int] | None) -> int:
    """Kill every process of a grading user (never the teacher's); how many there were."""
    if not user or user[0] in (0, NOBODY, os.geteuid()):  # nobody may be shared: leave it to the namespace
        return 0
    killed = 0
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if entry.stat().st_uid == user[0]:
                    os.kill(int(entry.name), 9)
                    killed += 1
            except (OSError, ProcessLookupError):
                continue
    return killed
