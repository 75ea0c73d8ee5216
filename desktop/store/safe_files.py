"""Writing files so that a crash leaves either the old file or the new one, never half.

Everything is written under a temporary name beside its final one, flushed to the disk
and renamed into place; the temporary names carry the writer's process id, so that the
next start can tell what an interrupted run left behind from what another is writing.
"""

from __future__ import annotations

import os
import re
import sys
import time
from pathlib import Path

from desktop import private_files

#: What SQLite keeps beside a database file while it is open or writing.
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
_TEMP = re.compile(r"^\.(?P<final>.+)\.partial-(?P<pid>\d+)(?:-wal|-shm|-journal)?$")
#: A temporary file untouched this long is abandoned, whoever wrote it (a reused pid).
ABANDONED_AFTER = 24 * 3600
#: Where a process cannot be asked whether it still runs (Windows), this old is enough.
ABANDONED_WITHOUT_PID_AFTER = 3600


def is_posix() -> bool:
    return os.name == "posix" and sys.platform != "cygwin"


def private_folder(folder: Path) -> Path:
    """Create *folder* (and its missing parents) readable by its owner alone, if missing."""
    return private_files.make_folder(folder)


def temp_for(final: Path) -> Path:
    """The temporary name *final* is written under by this process."""
    return final.with_name(f".{final.name}.partial-{os.getpid()}")


def create_private(path: Path) -> Path:
    """Create an empty file that only its owner can read (it must not exist yet)."""
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    return path


def flush(path: Path) -> None:
    """Make sure what was written to *path* is on the disk, not in a cache."""
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def flush_folder(folder: Path) -> None:
    """Make a rename in *folder* survive a power cut (POSIX; Windows has no such call)."""
    if not is_posix():
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove(path: Path) -> None:
    """Remove *path* and what SQLite may have kept beside it, if they exist."""
    for each in (path, *side_files(path)):
        each.unlink(missing_ok=True)


def side_files(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in SIDE_SUFFIXES]


def write_text(final: Path, text: str) -> None:
    """Write a small text file under a temporary name, then rename it into place."""
    temp = temp_for(final)
    try:
        create_private(temp)
        with open(temp, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, final)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _running(pid: int) -> bool | None:
    """Whether process *pid* runs; None where that cannot be asked safely."""
    if pid == os.getpid():
        return True
    if not is_posix():
        return None  # os.kill on Windows would end the process, not ask about it
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    except OSError:
        return None
    return True


def abandoned(path: Path, *, now: float | None = None) -> bool:
    """Whether *path* is a temporary file that no running process is writing."""
    match = _TEMP.match(path.name)
    if match is None:
        return False
    try:
        age = (time.time() if now is None else now) - path.stat().st_mtime
    except FileNotFoundError:
        return False
    running = _running(int(match["pid"]))
    if running is None:
        return age > ABANDONED_WITHOUT_PID_AFTER
    return not running or age > ABANDONED_AFTER


def final_name(path: Path) -> str | None:
    """The name a temporary file was going to have, or None if it is not one."""
    match = _TEMP.match(path.name)
    return match["final"] if match else None
