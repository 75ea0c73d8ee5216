"""Telling the environment's refusals (a full disk, a read-only or locked file) from bugs.

SQLite and the operating system report a full disk, a read-only file, a lock held too
long or a vanished folder as exceptions; `storage_problem` turns those into a
`StorageError` whose words name the cause and the file. Anything it does not recognise
is a bug, and the caller lets it reach the log and the "Something went wrong" path.
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

#: SQLite's extended result codes whose cause is not that of their primary code.
_SQLITE_EXTENDED_KINDS = {
    # The -shm file could not be grown: on a full disk SQLite opens nothing in WAL mode.
    "SQLITE_IOERR_SHMSIZE": "full",
}
#: SQLite's primary result codes this program can explain, by name.
_SQLITE_KINDS = {
    "SQLITE_FULL": "full",
    "SQLITE_READONLY": "read-only",
    "SQLITE_BUSY": "busy",
    "SQLITE_LOCKED": "busy",
    "SQLITE_CANTOPEN": "gone",
    "SQLITE_IOERR": "io",
    "SQLITE_CORRUPT": "damaged",
    "SQLITE_NOTADB": "damaged",
    "SQLITE_PERM": "read-only",
    "SQLITE_AUTH": "read-only",
}
#: The same, by the words SQLite uses, for errors that carry no code (older Pythons).
_SQLITE_WORDS = (
    ("database or disk is full", "full"),
    ("readonly database", "read-only"),
    ("read-only database", "read-only"),
    ("database is locked", "busy"),
    ("database table is locked", "busy"),
    ("unable to open database file", "gone"),
    ("disk i/o error", "io"),
    ("database disk image is malformed", "damaged"),
    ("file is not a database", "damaged"),
)
_ERRNO_KINDS = {
    errno.ENOSPC: "full",
    getattr(errno, "EDQUOT", -1): "full",
    errno.EROFS: "read-only",
    errno.EACCES: "read-only",
    errno.EPERM: "read-only",
    errno.ENOENT: "gone",
    errno.ENOTDIR: "gone",
    getattr(errno, "ENODEV", -2): "gone",
    getattr(errno, "ENXIO", -3): "gone",
    getattr(errno, "ESTALE", -4): "gone",
    errno.EIO: "io",
}


class StorageError(Exception):
    """The disk or the file refused; `cause` and `advice` say so in words.

    `str()` is the whole message: the cause, that nothing was saved, what to do.
    """

    def __init__(self, kind: str, cause: str, advice: str, *, saved_nothing: bool = True):
        self.kind = kind
        self.cause = cause
        self.advice = advice
        text = cause + ("; nothing was saved." if saved_nothing else ".")
        super().__init__(f"{text} {advice}".strip())


def _words(kind: str, where: str) -> tuple[str, str]:
    return {
        "full": (
            f"The disk holding {where} is full",
            "Free some space and try again.",
        ),
        "read-only": (
            f"{where} cannot be written to: the file or its folder is read-only",
            "Make it writable (or copy it somewhere you can write), then open it again.",
        ),
        "busy": (
            f"{where} is busy: another program (perhaps a command-line import or backup) "
            "kept it locked for more than 5 seconds",
            "Wait until that program has finished, then try again.",
        ),
        "gone": (
            f"{where} can no longer be reached (its folder or drive may have been removed)",
            "Reconnect the drive or put the folder back, then try again.",
        ),
        "io": (
            f"The disk holding {where} reported an input/output error",
            "The disk may be failing: make a copy of your backups, then try again.",
        ),
        "damaged": (
            f"{where} is damaged (SQLite found a malformed page)",
            "Use File › Check database… to see what is wrong, or restore a backup "
            "from File › Backups….",
        ),
    }[kind]


def _kind_of(exc: BaseException) -> str | None:
    if isinstance(exc, sqlite3.Error):
        name = getattr(exc, "sqlite_errorname", "") or ""
        if name in _SQLITE_EXTENDED_KINDS:
            return _SQLITE_EXTENDED_KINDS[name]
        primary = name.split("_")[0:2]
        kind = _SQLITE_KINDS.get("_".join(primary)) if len(primary) == 2 else None
        if kind:
            return kind
        text = str(exc).lower()
        return next((k for words, k in _SQLITE_WORDS if words in text), None)
    if isinstance(exc, OSError):
        return _ERRNO_KINDS.get(exc.errno) if exc.errno is not None else None
    return None


#: Less room than this on the disk, and an input/output error is taken for a full disk.
_NEARLY_FULL_BYTES = 1 << 20


def _out_of_room(path: str | Path | None) -> bool:
    """Whether the disk holding *path* has (next to) no room left; False when unknown."""
    if path is None:
        return False
    folder = Path(path)
    while not folder.is_dir() and folder.parent != folder:
        folder = folder.parent
    try:
        return shutil.disk_usage(folder).free < _NEARLY_FULL_BYTES
    except OSError:
        return False


def causes(exc: BaseException) -> Iterator[BaseException]:
    """*exc* and what it wraps: peewee keeps SQLite's exception as `orig`, other wrappers
    as their first argument, Python as the cause or context."""
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        current = todo.pop(0)
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        todo.extend(arg for arg in current.args[:1] if isinstance(arg, BaseException))
        todo.extend((getattr(current, "orig", None), current.__cause__, current.__context__))


def storage_problem(
    exc: BaseException, path: str | Path | None = None, *, saved_nothing: bool = True
) -> StorageError | None:
    """The StorageError that *exc* stands for, naming *path*; None when it is not one
    (then it is a bug, or an error with words of its own)."""
    for current in causes(exc):
        if isinstance(current, StorageError):
            return current
        kind = _kind_of(current)
        if kind is not None:
            named = path if path is not None else getattr(current, "filename", None)
            if kind == "io" and _out_of_room(named):  # a write that found no room
                kind = "full"
            where = str(named) if named else "the database"
            cause, advice = _words(kind, where)
            if kind == "full" and where == "the database":
                cause = "The disk is full"
            return StorageError(kind, cause, advice, saved_nothing=saved_nothing)
    return None
