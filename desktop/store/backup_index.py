"""The backups folder: names that sort by time and say why, sidecars that say what each
backup holds, and the list read from them without opening 40 databases."""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop.store import safe_files, snapshots

log = logging.getLogger("reciprocity.backups")

FOLDER_NAME = "backups"
SUFFIX = ".sqlite3"
#: Why a backup was made, as a slug in its file name and in words for lists.
REASONS = {
    "automatic": "automatic",
    "on-close": "when the program closed",
    "by-hand": "made by hand",
    "before-restore": "before a restore",
    "before-merge": "before a merge",
    "before-import": "before an import",
    "before-upgrade": "before an upgrade",
    "before-repair": "before a repair",
}
_SIDECAR_FORMAT = "reciprocity-backup"
_NAME = re.compile(
    r"^(?P<stamp>\d{4}-\d{2}-\d{2}T\d{6})(?:-(?P<seq>\d+))?-(?P<reason>"
    + "|".join(re.escape(r) for r in REASONS)
    + r")\.sqlite3$"
)
_STAMP = "%Y-%m-%dT%H%M%S"

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def when_words(when: datetime) -> str:
    """'Thu 3 Dec 2026, 09:15', the same whatever the system's language."""
    return f"{_DAYS[when.weekday()]} {when.day} {_MONTHS[when.month - 1]} {when.year}, {when:%H:%M}"


def size_words(size: int) -> str:
    """'812 KB', '12.3 MB', '1.2 GB' (powers of 1,000, as file managers show them)."""
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("KB", 10**3)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}" if unit != "KB" else f"{size // scale} KB"
    return f"{size} bytes"


def count_words(n: int, one: str, many: str) -> str:
    return f"{n:,} {one if n == 1 else many}"


@dataclass(frozen=True)
class Backup:
    """One backup file and what it holds, as the Backups list shows it."""

    path: Path
    taken_at: datetime  # aware, local time
    reason: str
    size: int
    people: int | None
    actions: int | None
    schema_version: int

    @property
    def reason_words(self) -> str:
        return REASONS.get(self.reason, self.reason.replace("-", " "))

    def words(self) -> str:
        """One line for lists: when, why, what it holds, how big."""
        parts = [when_words(self.taken_at), self.reason_words]
        if self.people is not None and self.actions is not None:
            parts.append(
                f"{count_words(self.people, 'person', 'people')}, "
                f"{count_words(self.actions, 'action', 'actions')}"
            )
        parts.append(size_words(self.size))
        return " · ".join(parts)


def folder_for(db_path: Path) -> Path:
    """The folder that holds the backups of the database at *db_path*."""
    return Path(db_path).parent / FOLDER_NAME


def prefix_for(db_path: Path) -> str:
    """What the backups of *db_path* are named after: 'reciprocity' for reciprocity.sqlite3,
    but 'work.db' for work.db, so that two networks in one folder never share backups."""
    db_path = Path(db_path)
    return db_path.stem if db_path.suffix.lower() == SUFFIX else db_path.name


def free_name(folder: Path, stem: str, taken_at: datetime, reason: str) -> Path:
    """A name in *folder* no other backup has: 'reciprocity-2026-12-03T091502-by-hand.sqlite3'."""
    stamp = taken_at.strftime(_STAMP)
    target = folder / f"{stem}-{stamp}-{reason}{SUFFIX}"
    seq = 1
    while target.exists() or safe_files.temp_for(target).exists():
        seq += 1
        target = folder / f"{stem}-{stamp}-{seq}-{reason}{SUFFIX}"
    return target


def sidecar_of(path: Path) -> Path:
    """The small JSON file beside a backup that says what it holds."""
    return path.with_suffix(".json")


def write_sidecar(backup: Backup, source: dict[str, int]) -> None:
    """Write what the list shows, so listing never opens the backups themselves."""
    record = {
        "format": _SIDECAR_FORMAT,
        "reason": backup.reason,
        "taken_at": backup.taken_at.isoformat(),
        "size": backup.size,
        "people": backup.people,
        "actions": backup.actions,
        "schema_version": backup.schema_version,
        "source": source,
    }
    try:
        safe_files.write_text(sidecar_of(backup.path), json.dumps(record, indent=1))
    except OSError as exc:  # the backup itself is complete: the list reads the file instead
        log.warning("Could not write the sidecar of %s: %s", backup.path, exc)


def read_sidecar(path: Path) -> dict[str, Any] | None:
    """The sidecar of the backup at *path*; None if it is missing or not one of ours."""
    try:
        record = json.loads(sidecar_of(path).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict) or record.get("format") != _SIDECAR_FORMAT:
        return None
    return record


def _from_sidecar(path: Path, record: dict[str, Any], reason: str, size: int) -> Backup | None:
    try:
        taken_at = datetime.fromisoformat(record["taken_at"])
        if record["size"] != size or taken_at.tzinfo is None:
            return None  # it describes another file than this one
        return Backup(
            path, taken_at, reason, size, record["people"], record["actions"],
            int(record["schema_version"]),
        )  # fmt: skip
    except (KeyError, TypeError, ValueError):
        return None


def _from_file(path: Path, taken_at: datetime, reason: str, size: int) -> Backup:
    facts = snapshots.read_facts(path)
    return Backup(path, taken_at, reason, size, facts.people, facts.actions, facts.schema_version)


def _parsed(name: str, stem: str) -> tuple[datetime, int, str] | None:
    if not name.startswith(stem + "-"):
        return None
    match = _NAME.match(name[len(stem) + 1 :])
    if match is None:
        return None
    try:
        taken_at = datetime.strptime(match["stamp"], _STAMP).astimezone()
    except ValueError:
        return None
    return taken_at, int(match["seq"] or 1), match["reason"]


def is_backup_name(name: str, stem: str) -> bool:
    """Whether *name* is that of a backup of the database named *stem*."""
    return _parsed(name, stem) is not None


def list_backups(db_path: Path) -> list[Backup]:
    """The backups of the database at *db_path*, newest first."""
    db_path = Path(db_path)
    try:
        entries = list(folder_for(db_path).iterdir())
    except (FileNotFoundError, NotADirectoryError):
        return []
    found: list[tuple[datetime, int, Backup]] = []
    for path in entries:
        parsed = _parsed(path.name, prefix_for(db_path))
        if parsed is None:
            continue
        taken_at, seq, reason = parsed
        try:
            size = path.stat().st_size
        except FileNotFoundError:  # removed meanwhile (another program's thinning)
            continue
        record = read_sidecar(path)
        backup = (record and _from_sidecar(path, record, reason, size)) or _from_file(
            path, taken_at, reason, size
        )
        found.append((backup.taken_at, seq, backup))
    found.sort(key=lambda entry: entry[:2], reverse=True)
    return [backup for *_, backup in found]
