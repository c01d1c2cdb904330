"""Work done in a forked child process, so a crash, a hang or a memory blow-up stays there.

:class:`Child` runs a function in a child with a deadline and reads back its
JSON-able result through a pipe; :func:`run_in_child` waits for one. The
grader uses children for each submission, for the kernel run, and for each
comparison with an expected answer (a student's regular expression can loop).

>>> run_in_child(lambda: {"sum": 1 + 2}, seconds=10)
{'sum': 3}
"""

from __future__ import annotations

import json
import os
import resource
import select
import signal
import sys
from collections.abc import Callable
from time import monotonic
from typing import Any

CHILD_MEMORY = 4 * 2**30


class ChildFailed(RuntimeError):
    """The child ran out of time, crashed or returned nothing; the message says which."""


class Child:
    """``function()`` running in a forked child; :meth:`poll` collects its result."""

    def __init__(self, function: Callable[[], Any], seconds: float, memory: int = CHILD_MEMORY) -> None:
        self.deadline = monotonic() + seconds
        self.seconds = seconds
        read, write = os.pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        self.pid = os.fork()
        if self.pid == 0:  # the child: never returns into the caller's code
            os.close(read)
            os.setpgid(0, 0)
            _die_with_parent()
            code = 1
            try:
                resource.setrlimit(resource.RLIMIT_AS, (memory, resource.getrlimit(resource.RLIMIT_AS)[1]))
                data = json.dumps(function()).encode("utf-8")
                with os.fdopen(write, "wb") as handle:
                    handle.write(data)
                code = 0
            except BaseException as error:  # noqa: B036 - report anything, then leave at once
                try:
                    os.write(2, f"grader child failed: {type(error).__name__}: {str(error)[:300]}\n".encode())
                except OSError:
                    pass
            finally:
                os._exit(code)
        os.close(write)
        self.fd = read
        self.chunks: list[bytes] = []
        self.result: Any = None
        self.failure = ""
        self.done = False

    def read_some(self) -> None:
        """Read what the child wrote; at the end, reap it and decode its result."""
        chunk = os.read(self.fd, 1 << 20)
        if chunk:
            self.chunks.append(chunk)
            return
        os.close(self.fd)
        _, status = os.waitpid(self.pid, 0)
        self.done = True
        try:
            self.result = json.loads(b"".join(self.chunks))
        except ValueError:
            self.failure = (f"the grader's worker stopped ({_exit_reason(status)})"
                            if not self.chunks else "the grader's worker returned an unreadable result")

    def kill_if_late(self) -> bool:
        """Kill the child (and its process group) once past its deadline; ``True`` if it was killed."""
        if self.done or monotonic() < self.deadline:
            return False
        for target in (lambda: os.killpg(self.pid, signal.SIGKILL), lambda: os.kill(self.pid, signal.SIGKILL)):
            try:
                target()
            except OSError:
                pass
        os.close(self.fd)
        os.waitpid(self.pid, 0)
        self.done = True
        self.failure = f"it took longer than {self.seconds:.0f} s and was stopped"
        return True


def _die_with_parent() -> None:
    """Ask Linux to kill this child when its parent dies, so nothing outlives a stopped grader."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _exit_reason(status: int) -> str:
    if os.WIFSIGNALED(status):
        return f"killed by signal {os.WTERMSIG(status)}, often a memory limit"
    return f"exit code {os.waitstatus_to_exitcode(status)}"


def run_in_child(function: Callable[[], Any], seconds: float, memory: int = CHILD_MEMORY) -> Any:
    """Run ``function`` in a child and return its result; :class:`ChildFailed` when it gives none."""
    child = Child(function, seconds, memory)
    while not child.done:
        if select.select([child.fd], [], [], 0.5)[0]:
            child.read_some()
        child.kill_if_late()
    if child.failure:
        raise ChildFailed(child.failure)
    return child.result
