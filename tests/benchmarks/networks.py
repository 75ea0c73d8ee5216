"""The made-up networks the benchmarks measure, generated once and kept in a cache folder
(`--cache`, else the user's cache folder), named by their size and everything that makes
them: the schema and the generator's source. A stale one is simply made again."""

from __future__ import annotations

import hashlib
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_cache_path

import desktop.sample as sample_package
from desktop.store import connection, migrations


@dataclass(frozen=True)
class Size:
    name: str
    people: int
    companies: int
    actions: int
    months: int

    @property
    def words(self) -> str:
        return f"{self.people:,} people, {self.companies:,} companies, {self.actions:,} actions"


LARGE = Size("large", 30_000, 3_000, 1_000_000, 60)
SMALL = Size("small", 3_000, 300, 100_000, 24)


def default_cache() -> Path:
    return user_cache_path("reciprocity-benchmarks", appauthor=False)


def _recipe() -> str:
    """What a cached network depends on besides its size."""
    digest = hashlib.sha256()
    for source in sorted(Path(sample_package.__file__).parent.glob("*.py")):
        digest.update(source.read_bytes())
    return f"v{migrations.LATEST_VERSION}-{digest.hexdigest()[:12]}"


def network(size: Size, cache: Path, say=print) -> Path:
    """The cached file of a network of *size*, made if missing. Measures that write must
    work on a copy (`scratch_copy`)."""
    path = cache / f"{size.name}-{size.people}-{size.actions}-{_recipe()}.sqlite3"
    if path.exists():
        return path
    cache.mkdir(parents=True, exist_ok=True)
    for stale in cache.glob(f"{size.name}-*.sqlite3*"):
        stale.unlink()
    making = path.with_name(path.name + ".making")
    making.unlink(missing_ok=True)
    say(f"Making the {size.name} network ({size.words}); kept in {cache} for next time…")
    started = time.perf_counter()
    connection.open_database(making)
    try:
        sample_package.generate_network(
            connection.db,
            people=size.people,
            companies=size.companies,
            actions=size.actions,
            months=size.months,
        )
        connection.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close_database()
    for side in ("-wal", "-shm"):
        making.with_name(making.name + side).unlink(missing_ok=True)
    making.rename(path)
    say(f"  made in {time.perf_counter() - started:.0f} s")
    return path


def scratch_copy(path: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    copy = folder / path.name
    shutil.copyfile(path, copy)
    return copy
