"""Careful file input and output for the teachers' commands (``editions``, ``grade``, ``report``).

Reading takes regular files only, up to a size limit, so ``/dev/zero`` or a
FIFO is refused at once instead of filling memory or hanging. Writing is
atomic: files go to a temporary name beside their target and are renamed into
place, and a folder of results appears whole or not at all. Every failure is a
:class:`FileError` whose message names the path and says what to do.

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> write_text(folder / "a.txt", "hello")
>>> read_text(folder / "a.txt", limit=10)
'hello'
>>> try:
...     read_text(folder / "a.txt", limit=3)
... except FileError as error:
...     print(error.args[0].endswith("is larger than the limit of 3 bytes."))
True
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

MEGABYTE = 1_000_000


class FileError(RuntimeError):
    """A file or folder cannot be read or written; the message says which and why."""


def _describe(error: OSError) -> str:
    return error.strerror or type(error).__name__


def read_bytes(path: str | Path, limit: int, option: str = "") -> bytes:
    """The bytes of the regular file ``path``; a :class:`FileError` for anything else or anything larger."""
    path = Path(path)
    raise_with = f" (raise it with {option})" if option else ""
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then refuses it.
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as error:
        raise FileError(f"Cannot read {path}: {_describe(error)}.") from None
    with os.fdopen(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise FileError(f"{path} is not a regular file (a device, pipe or folder); give a text file.")
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise FileError(f"{path} is larger than the limit of {limit:,} bytes{raise_with}.")
    return data


def read_text(path: str | Path, limit: int, option: str = "") -> str:
    """The UTF-8 text of a regular file, with the checks of :func:`read_bytes`."""
    return read_bytes(path, limit, option).decode("utf-8")


def write_bytes(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically: readers see the old file or the new one, never a part."""
    path = Path(path)
    try:
        descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name[:40]}.", suffix=".tmp", dir=path.parent)
    except OSError as error:
        raise FileError(f"Cannot write into {path.parent}: {_describe(error)}.") from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise FileError(f"Cannot write {path}: {_describe(error)}.") from None


def write_text(path: str | Path, text: str) -> None:
    """Write UTF-8 ``text`` to ``path`` atomically (see :func:`write_bytes`)."""
    write_bytes(path, text.encode("utf-8"))


def check_new_folder(out: str | Path, force: bool, sources: tuple[Path, ...] = ()) -> Path:
    """``out`` as a folder the command may fill; a :class:`FileError` if it would lose or overwrite something.

    ``out`` must not be a file, must be empty unless ``force``, and must neither
    hold nor sit inside any of ``sources`` (the command's own input).
    """
    out = Path(out).resolve()
    for source in sources:
        source = Path(source).resolve()
        if out == source or out in source.parents or source in out.parents:
            raise FileError(f"--out {out} overlaps the input folder {source}: writing there would change the "
                            f"files being read. Give a separate folder.")
    if out.exists() and not out.is_dir():
        raise FileError(f"--out {out} is a file; give a folder.")
    if out.is_dir() and any(out.iterdir()) and not force:
        raise FileError(f"--out {out} is not empty; give an empty or new folder, or --force to replace "
                        f"what is in it.")
    return out


@contextmanager
def staged_folder(out: Path) -> Iterator[Path]:
    """A temporary folder beside ``out`` to fill; on success it replaces ``out`` whole, on failure it goes."""
    out = Path(out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    except OSError as error:
        raise FileError(f"Cannot write into {out.parent}: {_describe(error)}.") from None
    try:
        yield staging
        os.chmod(staging, 0o755)
        if out.is_dir():
            old = staging.with_name(staging.name + ".old")
            os.replace(out, old)
            os.replace(staging, out)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(staging, out)
    except OSError as error:
        raise FileError(f"Cannot write {out}: {_describe(error)}.") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def publish(files: dict[str, bytes], out: Path) -> list[Path]:
    """Write each ``name: data`` into the folder ``out`` (made if missing): all written, or none changed."""
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise FileError(f"--out {out} is a file; give a folder.")
    try:
        out.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".writing.", dir=out))
    except OSError as error:
        raise FileError(f"Cannot write into {out}: {_describe(error)}.") from None
    try:
        in_the_way = [name for name in files if (out / name).is_dir()]
        if in_the_way:
            raise IsADirectoryError(21, f"a folder is in the way of {', '.join(in_the_way)}")
        for name, data in files.items():
            (staging / name).write_bytes(data)
            os.chmod(staging / name, 0o644)
        for name in files:
            os.replace(staging / name, out / name)
    except OSError as error:
        raise FileError(f"Cannot write into {out}: {_describe(error)}.") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [out / name for name in files]
