"""The time as the domain sees it, in one place so tests and records agree."""

from __future__ import annotations

from datetime import datetime

from desktop.store.models import STAMP_FORMAT


def now_text() -> str:
    """The current local time as stored in `created_at`/`updated_at` columns."""
    return datetime.now().strftime(STAMP_FORMAT)
