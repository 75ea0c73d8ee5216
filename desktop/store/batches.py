"""Splitting long id lists for `IN (...)` clauses SQLite accepts."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

CHUNK = 500


def id_chunks(ids: Sequence[int], size: int = CHUNK) -> Iterator[tuple[str, list[int]]]:
    """Yield (placeholders, chunk) pairs, e.g. ('?,?,?', [4, 8, 15])."""
    for start in range(0, len(ids), size):
        chunk = list(ids[start : start + size])
        yield ",".join("?" * len(chunk)), chunk
