"""Backups of the database: made with SQLite's backup API into the `backups` folder beside
it, listed from small sidecar files, thinned by `retention`, verified and restored.

Every backup is copied from a connection of its own, never the shared `db`, so it can run
on a worker thread while the window writes; one backup step is one read transaction, so
the copy is a consistent snapshot. It is written under a temporary name, checked, made a
self-contained file (journal mode DELETE) and renamed into place.
"""

from __future__ import annotations

import logging
import os
import shutil
import threading
from datetime import datetime, timedelta
from pathlib import Path
from typing import NamedTuple

from desktop.store import backup_index, connection, query, retention, safe_files, snapshots
from desktop.store.backup_index import (
    FOLDER_NAME,
    REASONS,
    Backup,
    folder_for,
    list_backups,
    size_words,
)
from desktop.store.errors import StorageError, storage_problem
from desktop.store.snapshots import verify
from desktop.store.sqltypes import Database

__all__ = [
    "FOLDER_NAME",
    "REASONS",
    "Backup",
    "before_upgrade",
    "clean_leftovers",
    "create",
    "damaged_copies",
    "due",
    "folder_for",
    "list_backups",
    "newest_good",
    "restore",
    "retention_words",
    "thin",
    "verify",
]

log = logging.getLogger("reciprocity.backups")
#: One backup at a time in this process: two at once (a timer's and one by hand) would
#: only share the disk, and could pick the same name in the same second.
_one_at_a_time = threading.Lock()

#: How often the window makes an automatic backup while something changed (`due`).
AUTOMATIC_EVERY = timedelta(minutes=30)


def _local(now: datetime | None) -> datetime:
    return (now or datetime.now()).astimezone()


def _fingerprint(db_path: Path) -> dict[str, int]:
    stat = db_path.stat()
    return {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns}


def _refuse_when_low_on_space(db_path: Path, folder: Path) -> None:
    needed = 2 * db_path.stat().st_size
    free = shutil.disk_usage(folder).free
    if free < needed:
        raise StorageError(
            "full",
            f"There is not enough free space for an automatic backup of {db_path.name}: "
            f"the disk has {size_words(free)} free, and Reciprocity wants twice the size "
            f"of the database ({size_words(needed)}) free before it makes one",
            "Free some space on that disk; automatic backups start again by themselves. "
            "Your earlier backups are untouched.",
            saved_nothing=False,
        )


def _explained(exc: BaseException, db_path: Path, folder: Path) -> Exception | None:
    """What to raise instead of *exc* (a disk or file problem), or None for a bug."""
    if isinstance(exc, connection.DatabaseError | StorageError):
        return exc
    problem = storage_problem(exc, folder)
    if problem is None:
        return None
    if problem.kind == "damaged":
        return connection.DatabaseError(
            f"{db_path} is damaged, so no backup was made of it. Restore an earlier "
            "backup instead.",
            kind="damaged",
            path=db_path,
        )
    return StorageError(
        problem.kind, f"{problem.cause}, so no backup was made", problem.advice, saved_nothing=False
    )


def create(
    db_path: Path, reason: str, *, now: datetime | None = None, only_read: bool = False
) -> Backup:
    """Back up the database at *db_path* now, then thin the old backups.

    Raises StorageError when the disk refuses (or, for an automatic backup, has less
    free space than twice the database's size) and DatabaseError when the file is
    missing or damaged; nothing is left behind either way.
    """
    if reason not in REASONS:
        raise ValueError(f"unknown backup reason {reason!r}")
    db_path = Path(db_path)
    if not db_path.is_file():
        raise connection.DatabaseError(
            f"There is no database at {db_path}, so there is nothing to back up.",
            kind="gone",
            path=db_path,
        )
    with _one_at_a_time:
        backup = _create(db_path, reason, _local(now), only_read)
    thin(db_path, now=now, keep=backup.path)
    return backup


def _create(db_path: Path, reason: str, taken_at: datetime, only_read: bool) -> Backup:
    folder = folder_for(db_path)
    temp = None
    try:
        safe_files.private_folder(folder)
        if reason == "automatic":
            _refuse_when_low_on_space(db_path, folder)
        source = _fingerprint(db_path)
        target = backup_index.free_name(folder, backup_index.prefix_for(db_path), taken_at, reason)
        temp = safe_files.temp_for(target)
        facts = snapshots.copy(db_path, temp, only_read=only_read)
        safe_files.flush(temp)
        os.replace(temp, target)
        safe_files.flush_folder(folder)
    except Exception as exc:
        if temp is not None:
            safe_files.remove(temp)
        explained = _explained(exc, db_path, folder)
        if explained is None or explained is exc:
            raise
        raise explained from exc
    backup = Backup(
        target, taken_at, reason, target.stat().st_size, facts.people, facts.actions,
        facts.schema_version,
    )  # fmt: skip
    backup_index.write_sidecar(backup, source)
    return backup


def thin(db_path: Path, *, now: datetime | None = None, keep: Path | None = None) -> list[Path]:
    """Remove the backups the retention policy no longer keeps; return what was removed.

    *keep* (the backup just made) stays whatever its time says: a clock set back would
    otherwise make an older backup look newer than the latest work."""
    db_path = Path(db_path)
    every = list_backups(db_path)
    size = db_path.stat().st_size if db_path.is_file() else 0
    kept = {b.path for b in retention.to_keep(every, now=_local(now), database_size=size)}
    if keep is not None:
        kept.add(keep)
    removed = []
    for backup in every:
        if backup.path in kept:
            continue
        try:
            backup.path.unlink(missing_ok=True)
            backup_index.sidecar_of(backup.path).unlink(missing_ok=True)
        except OSError as exc:  # it stays until the next thinning; nothing is lost
            log.warning("Could not remove the old backup %s: %s", backup.path, exc)
            continue
        removed.append(backup.path)
    return removed


def retention_words(db_path: Path | None = None) -> str:
    """The retention policy in sentences (with the cap worked out for *db_path*, if given)."""
    size = db_path.stat().st_size if db_path is not None and db_path.is_file() else None
    return retention.words(database_size=size)


def due(db_path: Path, *, now: datetime | None = None) -> bool:
    """Whether an automatic backup is due: none yet, or the newest is AUTOMATIC_EVERY old."""
    newest = next(iter(list_backups(db_path)), None)
    return newest is None or _local(now) - newest.taken_at >= AUTOMATIC_EVERY


class _Checkpoint(NamedTuple):
    """What `PRAGMA wal_checkpoint` says: whether a reader or writer kept it from
    finishing, the log's frames, and how many of them reached the file."""

    busy: int
    log: int
    checkpointed: int


def before_upgrade(db_path: Path, version: int, database: Database) -> Backup:
    """The backup to keep before upgrading: a new one, or that of an interrupted try.

    A retry reuses a complete before-upgrade backup of the same version when the file
    has not changed since (same size and modification time, taken after a checkpoint has
    moved every commit into the file), so it does not add another full-size copy.
    """
    checkpoint = query.row("PRAGMA wal_checkpoint(TRUNCATE)", into=_Checkpoint, database=database)
    if checkpoint is not None and not checkpoint.busy:
        source = _fingerprint(db_path)
        for backup in list_backups(db_path):
            record = backup_index.read_sidecar(backup.path)
            if (
                backup.reason == "before-upgrade"
                and backup.schema_version == version
                and record is not None
                and record.get("source") == source
            ):
                return backup
    return create(db_path, "before-upgrade")


def newest_good(db_path: Path) -> Backup | None:
    """The newest backup that passes `verify`, for a file found damaged; None if none does."""
    return next((b for b in list_backups(db_path) if verify(b.path) == "ok"), None)


def _aside_name(db_path: Path, now: datetime) -> Path:
    return db_path.with_name(f"{db_path.name}.damaged-{now:%Y-%m-%dT%H%M%S}")


def damaged_copies(db_path: Path) -> list[Path]:
    """Files that `restore` moved aside because they were damaged, newest first."""
    db_path = Path(db_path)
    found = [
        p
        for p in _names_in(db_path.parent)
        if p.name.startswith(f"{db_path.name}.damaged-")
        and not p.name.endswith(safe_files.SIDE_SUFFIXES)
    ]
    return sorted(found, key=lambda p: p.name, reverse=True)


def _move_aside(db_path: Path, now: datetime) -> Path:
    """Keep a damaged file (with its -wal, which may hold the last changes) beside it."""
    aside = _aside_name(db_path, now)
    pairs = zip(
        (db_path, *safe_files.side_files(db_path)),
        (aside, *safe_files.side_files(aside)),
        strict=True,
    )
    for original, kept in pairs:
        if original.exists():
            os.replace(original, kept)
    return aside


def restore(db_path: Path, backup: Backup | Path, *, now: datetime | None = None) -> Backup | None:
    """Put *backup* in the place of the database at *db_path*.

    The caller must have closed every connection to *db_path* first (in the window: the
    window itself); another process must not have it open either. The backup is
    verified, then the current file is backed up ("before-restore", returned). When the
    current file is missing, or damaged so that it cannot be backed up, it returns None;
    a damaged file is then moved aside as "<name>.damaged-<time>", never deleted. The
    file is replaced atomically: copied to a temporary name beside it, flushed, the old
    -wal, -shm and -journal removed (SQLite would apply them to the restored file), and
    renamed into place.

    Raises DatabaseError (kind 'bad-backup') for a backup that fails `verify`, and
    StorageError when the disk refuses; the current file is unchanged then.
    """
    db_path = Path(db_path)
    source = backup.path if isinstance(backup, Backup) else Path(backup)
    problem = verify(source)
    if problem == "ok" and db_path.exists() and source.resolve() == db_path.resolve():
        problem = f"{source.name} is the database itself, not a backup of it."
    if problem != "ok":
        raise connection.DatabaseError(
            f"Reciprocity did not restore {source.name}: {problem} Your database has not "
            "been changed.",
            kind="bad-backup",
            path=source,
        )
    temp = safe_files.temp_for(db_path)
    try:
        # The copy comes first: the backup made next thins the old ones, which may take
        # the very backup being restored.
        safe_files.private_folder(db_path.parent)
        snapshots.copy(source, temp)
        safe_files.flush(temp)
        saved, damaged = _save_current(db_path, now)
        if damaged:
            _move_aside(db_path, _local(now))
        elif db_path.exists():
            _refuse_unless_alone(db_path, source)
        for stale in safe_files.side_files(db_path):
            stale.unlink(missing_ok=True)
        os.replace(temp, db_path)
        safe_files.flush_folder(db_path.parent)
    except Exception as exc:
        safe_files.remove(temp)
        explained = storage_problem(exc, db_path)
        if explained is None or isinstance(exc, connection.DatabaseError | StorageError):
            raise
        raise StorageError(
            explained.kind,
            f"{explained.cause}, so {source.name} was not restored",
            explained.advice,
            saved_nothing=False,
        ) from exc
    return saved


def _refuse_unless_alone(db_path: Path, source: Path) -> None:
    """A process that has the file open would go on writing into the replaced one, and
    what it wrote would be lost without a word."""
    con = snapshots.open_alone(db_path)
    if con is None:
        raise connection.DatabaseError(
            f"Something else has {db_path} open (perhaps a command-line import or another "
            f"window), so Reciprocity did not restore {source.name}. Your database has not "
            "been changed; try again once that has finished.",
            kind="busy",
            path=db_path,
        )
    con.close()


def _save_current(db_path: Path, now: datetime | None) -> tuple[Backup | None, bool]:
    """Back up the file a restore replaces: (the backup, whether it was too damaged to)."""
    if not db_path.is_file() or db_path.stat().st_size == 0:
        return None, False  # nothing to lose
    try:
        # Read only: a damaged file must not even have its log folded in on closing.
        return create(db_path, "before-restore", now=now, only_read=True), False
    except connection.DatabaseError as exc:
        if exc.kind != "damaged":
            raise
        return None, True


def _names_in(folder: Path) -> list[Path]:
    try:
        return list(folder.iterdir())
    except (FileNotFoundError, NotADirectoryError):
        return []
    except OSError as exc:  # an unreadable folder: leftovers wait for the next start
        log.warning("Could not look for leftovers in %s: %s", folder, exc)
        return []


def clean_leftovers(db_path: Path) -> list[Path]:
    """Remove what an interrupted backup, restore or upgrade left half-written; return it.

    Only temporary files of this database that no running process is writing, and
    sidecars whose backup is gone: never a backup or the database itself.
    """
    db_path = Path(db_path)
    stem = backup_index.prefix_for(db_path)
    leftovers = [
        p
        for p in _names_in(db_path.parent)
        if p.name.startswith(f".{db_path.name}.partial-") and safe_files.abandoned(p)
    ]
    for path in _names_in(folder_for(db_path)):
        final = safe_files.final_name(path)
        if final is not None:  # a backup or sidecar being written, or abandoned
            if final.startswith(f"{stem}-") and safe_files.abandoned(path):
                leftovers.append(path)
        elif path.suffix == ".json":
            backup = path.with_suffix(backup_index.SUFFIX)
            if backup_index.is_backup_name(backup.name, stem) and not backup.exists():
                leftovers.append(path)
    removed = []
    for path in leftovers:
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:  # tried again at the next start
            log.warning("Could not remove the leftover %s: %s", path, exc)
            continue
        removed.append(path)
    return removed
