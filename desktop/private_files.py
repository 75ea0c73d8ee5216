"""Files and folders only their owner can read (0600 and 0700 on POSIX). No Qt here.

Exports, PDFs, backups and logs hold names, emails and notes on people, so everything the
program writes is made private by these helpers themselves, whatever the umask says.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

FILE_MODE = 0o600
FOLDER_MODE = 0o700

_POSIX = os.name == "posix"


def make_folder(path: str | os.PathLike[str]) -> Path:
    """Create *path* and its missing parents, each 0700; folders already there stay as
    they are (an export into ~/Documents must not change who can read ~/Documents)."""
    path = Path(path)
    missing = []
    current = path
    while not current.is_dir():
        if current.exists() or current.is_symlink():
            raise NotADirectoryError(errno.ENOTDIR, "Not a directory", str(current))
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=FOLDER_MODE)
        except FileExistsError:  # made by someone else meanwhile
            if not folder.is_dir():
                raise
            continue
        if _POSIX:
            os.chmod(folder, FOLDER_MODE)  # mkdir's mode passes through the umask
    return path


def make_private(path: str | os.PathLike[str]) -> None:
    """Make an existing file 0600 (for a file another library wrote, such as a print to
    PDF)."""
    if _POSIX:
        os.chmod(path, FILE_MODE)


def _private_fd(fd: int) -> None:
    if _POSIX:
        # Someone else's file that we may write to keeps its mode.
        with contextlib.suppress(PermissionError):
            os.fchmod(fd, FILE_MODE)


def open_private(path: str | os.PathLike[str], mode: str = "w", **kwargs: Any) -> IO[Any]:
    """Open *path* for writing ('w', 'wb', 'a', 'ab'), created 0600 or made 0600 before a
    byte is written into it."""
    if mode.rstrip("b") not in ("w", "a"):
        raise ValueError(f"open_private writes; mode {mode!r} is not one of w, wb, a, ab")
    flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if mode.startswith("a") else os.O_TRUNC)
    fd = os.open(path, flags | getattr(os, "O_BINARY", 0), FILE_MODE)
    try:
        _private_fd(fd)
        return open(fd, mode, **kwargs)
    except BaseException:
        os.close(fd)
        raise


def _sync_folder(folder: Path) -> None:
    """Make a rename inside *folder* survive a power cut (POSIX; elsewhere a no-op)."""
    if not _POSIX:
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):  # some file systems cannot sync a folder
            os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def replacing(path: str | os.PathLike[str], mode: str = "w", **kwargs: Any) -> Iterator[IO[Any]]:
    """Write *path* through a private temporary file beside it, renamed into place only
    once complete, so a full disk or a crash never leaves half a file where a good one was.
    """
    path = Path(path)
    if mode not in ("w", "wb"):
        raise ValueError(f"replacing writes a whole file; mode {mode!r} is not w or wb")
    try:
        # mkstemp creates the file 0600 whatever the umask, on the same disk as *path*.
        fd, partial = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    except OSError as exc:
        _name_the_file(exc, path)
        raise
    try:
        with open(fd, mode, **kwargs) as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(partial, path)
    except OSError as exc:
        Path(partial).unlink(missing_ok=True)
        _name_the_file(exc, path)
        raise
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def _name_the_file(exc: OSError, path: Path) -> None:
    """Let *exc* name the file being written, not its temporary twin (nor nothing)."""
    if exc.filename is None or str(exc.filename).endswith(".partial"):
        exc.filename, exc.filename2 = str(path), None


def write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace *path* with *data*, privately and whole."""
    with replacing(path, "wb") as stream:
        stream.write(data)


def write_text(
    path: str | os.PathLike[str], text: str, encoding: str = "utf-8", newline: str | None = None
) -> None:
    """Replace *path* with *text*, privately and whole."""
    with replacing(path, "w", encoding=encoding, newline=newline) as stream:
        stream.write(text)


def keep_private_by_default() -> None:
    """Set the process umask to 0o077: a second line of defence for files made elsewhere
    (by Qt, SQLite or a library) without these helpers."""
    if _POSIX:
        os.umask(0o077)
