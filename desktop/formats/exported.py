"""When a contacts file was exported: the day moves it shows are dated by.

LinkedIn names its export after the day it was made ('Basic_LinkedInDataExport_12-03-2026',
month first, and the folder keeps the name once unpacked); other files often carry an ISO
day in their name. Failing both, the day the file was last written, which unpacking an
export and copying it keep. No database, no Qt.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

_US_DAY = re.compile(r"(?<!\d)(\d{2})-(\d{2})-(\d{4})(?!\d)")  # LinkedIn's: 12-03-2026
_ISO_DAY = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")


def export_day(path: Path, today: date | None = None) -> date | None:
    """The day *path* was exported, as its name (or its folder's) says, else as its
    modification time says; None when nothing says (or says a day after *today*)."""
    today = today or date.today()
    for part in reversed(path.parts[-3:]):
        found = _named_day(part)
        if found is not None and found <= today:
            return found
    try:
        written = datetime.fromtimestamp(path.stat().st_mtime).date()
    except (OSError, OverflowError, ValueError):
        return None
    return written if written <= today else None


def _named_day(name: str) -> date | None:
    for pattern, order in ((_ISO_DAY, (0, 1, 2)), (_US_DAY, (2, 0, 1))):
        if found := pattern.search(name):
            numbers = [int(n) for n in found.groups()]
            year, month, day = (numbers[i] for i in order)
            try:
                return date(year, month, day)
            except ValueError:
                continue
    return None
