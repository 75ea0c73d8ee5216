"""One running program per database: an OS lock keyed by the database's path. No Qt here.

The lock files live in a per-user folder, not beside the database, whose folder may be
read-only or shared. The lock is the operating system's (flock, LockFileEx), so it is let
go when the process dies, however it dies. A "<key>.running" marker beside it is written
when the lock is taken and removed on a clean release: finding it when taking the lock
means the last program to hold this database ended without letting go.
"""

from __future__ import annotations

import atexit
import getpass
import hashlib
import os
from pathlib import Path

from filelock import FileLock, Timeout
from platformdirs import user_state_path

from desktop.paths import APP_DIR_NAME

#: Overrides the folder for lock files (tests, portable installs).
STATE_DIR_VARIABLE = "RECIPROCITY_STATE_DIR"

#: Keys of the databases this process holds, so it never reports itself as "elsewhere".
_held_here: set[str] = set()


def locks_dir() -> Path:
    """The folder of lock files (not created here)."""
    override = os.environ.get(STATE_DIR_VARIABLE)
    base = Path(override) if override else user_state_path(APP_DIR_NAME, appauthor=False)
    return base / "locks"


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no name for this uid (containers): the home folder tells users apart
        return str(Path.home())


def key(db_path: str | os.PathLike[str]) -> str:
    """A short name for *db_path*, the same for every spelling of it, for locks and sockets.

    The user is part of it: a local socket's name is shared by everyone on Windows.
    """
    resolved = os.path.normcase(str(Path(db_path).expanduser().resolve()))
    digest = hashlib.sha256(f"{_user()}\0{resolved}".encode("utf-8", "surrogatepass"))
    return "reciprocity-" + digest.hexdigest()[:24]


def _private_folder(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def _file_lock(lock_path: Path) -> FileLock:
    # No soft fallback: a soft lock outlives a killed process, which is what we must avoid.
    return FileLock(lock_path, timeout=0, mode=0o600, fallback_to_soft=False)


class InstanceLock:
    """The claim of one process on one database file."""

    def __init__(self, db_path: str | os.PathLike[str], folder: Path | None = None):
        self.db_path = Path(db_path)
        self.key = key(db_path)
        self.folder = folder or locks_dir()
        self._lock: FileLock | None = None
        #: Whether the previous holder ended without releasing (known once acquired).
        self.unclean_shutdown = False

    @property
    def lock_path(self) -> Path:
        return self.folder / f"{self.key}.lock"

    @property
    def marker_path(self) -> Path:
        return self.folder / f"{self.key}.running"

    @property
    def held(self) -> bool:
        return self._lock is not None

    def acquire(self) -> bool:
        """Take the lock without waiting; False when another process holds it.

        An OSError means the lock folder cannot be used (full disk, no permission).
        """
        if self._lock is not None:
            return True
        lock = _file_lock(_private_folder(self.folder) / self.lock_path.name)
        try:
            lock.acquire(blocking=False)
        except Timeout:
            return False
        try:
            self.unclean_shutdown = self.marker_path.exists()
            _write_private(self.marker_path, f"{os.getpid()}\n{self.db_path}\n")
        except OSError:
            lock.release()
            raise
        self._lock = lock
        _held_here.add(self.key)
        atexit.register(self.release)
        return True

    def release(self) -> None:
        """Let go cleanly: the marker goes first, so no one finds it after a clean exit."""
        lock, self._lock = self._lock, None
        if lock is None:
            return
        atexit.unregister(self.release)
        _held_here.discard(self.key)
        try:
            self.marker_path.unlink(missing_ok=True)
        finally:
            lock.release()

    def __enter__(self) -> InstanceLock:
        if not self.acquire():
            raise Timeout(str(self.lock_path))
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.release()


def held_elsewhere(db_path: str | os.PathLike[str], folder: Path | None = None) -> bool:
    """Whether another process (a Reciprocity window) has *db_path* open now."""
    if key(db_path) in _held_here:
        return False
    lock_path = (folder or locks_dir()) / f"{key(db_path)}.lock"
    if not lock_path.exists():
        return False
    probe = _file_lock(lock_path)
    try:
        probe.acquire(blocking=False)
    except Timeout:
        return True
    probe.release()
    return False


def _write_private(path: Path, text: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with open(fd, "w", encoding="utf-8", errors="surrogateescape") as handle:
        handle.write(text)
