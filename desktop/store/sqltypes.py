"""What the store's functions ask of a database, so the type checker can hold them to it:
the program's own `ReciprocityDatabase`, or a plain peewee one (a scratch file)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping, Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol


class Database(Protocol):
    def execute_sql(
        self, sql: str, params: Sequence[Any] | Mapping[str, Any] | None = ...
    ) -> sqlite3.Cursor: ...

    def connection(self) -> sqlite3.Connection: ...

    def atomic(self, *args: Any, **kwargs: Any) -> AbstractContextManager[Any]: ...

    def close(self) -> bool: ...

    def register_function(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any: ...
