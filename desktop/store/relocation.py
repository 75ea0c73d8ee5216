"""Moving a closed database into another folder, whole, or not at all. No Qt here."""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path

from desktop.store import snapshots

log = logging.getLogger("reciprocity")

SIDE_SUFFIXES = ("-wal", "-shm", "-journal")


class MoveRefused(Exception):
    """The database was not moved; the message says why and that it is unchanged."""


def _sides(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in SIDE_SUFFIXES]


def _change_counter(path: Path) -> bytes:
    """The header's file change counter, which every committed write moves on."""
    with open(path, "rb") as handle:
        return handle.read(28)[24:28]


def _open_alone(path: Path) -> sqlite3.Connection:
    """Open *path*, its write-ahead log folded in; MoveRefused when another program has it open."""
    con = snapshots.open_alone(path)
    if con is None:
        raise MoveRefused(
            f"Something else has {path} open (perhaps a command-line import), so "
            "Reciprocity did not move it. It is unchanged; try again once that has finished."
        )
    return con


def move_database(source: Path, folder: Path) -> Path:
    """Move the database at *source* (closed by this program) into *folder*; the new path.

    A copy is made with SQLite's backup API, checked, and only then put in place and the
    original removed, so a failure at any step leaves the original where and as it was.
    """
    target = folder / source.name
    if not source.is_file() or not os.access(source.parent, os.W_OK):
        raise MoveRefused(
            f"Reciprocity cannot move {source}: it is not there, or its folder cannot be "
            "changed. It stays where it is."
        )
    if target.exists() or any(side.exists() for side in _sides(target)):
        raise MoveRefused(
            f"There is already a database at {target}, so Reciprocity did not move "
            f"{source} there. Both files are unchanged; rename or move that one first."
        )
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    partial = folder / f".{source.name}.moving-{os.getpid()}"
    try:
        con = _open_alone(source)
        try:
            before = _change_counter(source)
            fd = os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            os.close(fd)
            copy = sqlite3.connect(partial)
            try:
                con.backup(copy)
                problem = snapshots.quick_check(copy)
            finally:
                copy.close()
        finally:
            con.close()
        if problem != "ok":
            raise MoveRefused(
                f"The copy of {source} did not pass the database check, so Reciprocity "
                "did not move it. The original is unchanged."
            )
        with open(partial, "rb+") as handle:
            os.fsync(handle.fileno())
        # Nothing may have opened or written the original since it was copied.
        _open_alone(source).close()
        if _change_counter(source) != before:
            raise MoveRefused(
                f"{source} changed while Reciprocity was copying it, so it was not moved. "
                "It is unchanged; try again."
            )
        if target.exists():
            raise MoveRefused(f"A file appeared at {target} meanwhile; nothing was moved.")
        os.replace(partial, target)
    except OSError as exc:
        raise MoveRefused(
            f"Reciprocity could not copy {source} to {folder}: {exc.strerror or exc}. "
            "The original is unchanged."
        ) from exc
    finally:
        partial.unlink(missing_ok=True)
    for leftover in (source, *_sides(source)):
        try:
            leftover.unlink(missing_ok=True)
        except OSError as exc:  # the move is done; an extra copy is only untidy
            log.warning("Moved %s but could not remove it: %s", leftover, exc)
    return target
