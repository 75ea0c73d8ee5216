"""The time as the domain sees it, in one place so tests and records agree."""

from __future__ import annotations

from datetime import datetime


def now_text() -> str:
    """The current local time as stored in `created_at`/`updated_at` columns."""
    return datetime.now().strftime("%Y-%m-%d %H:%M:%S")
