"""The needs list model."""

from __future__ import annotations

from PySide6.QtCore import QObject

from desktop.core import matching, needs
from desktop.ui.models.id_table import FilteredModel

HEADERS = ("Need", "Company", "Status", "Urgency", "My fit", "Learned on", "Told me")
FIT_WORDS = {"strong": "Strong", "partial": "Partial", "none": "None"}
#: The choices of the 'My fit' filter: label and the levels it keeps (None: all).
FIT_FILTERS = (
    ("Any fit", None),
    ("Strong or partial", ("strong", "partial")),
    ("Strong", ("strong",)),
    ("Partial", ("partial",)),
    ("None", ("none",)),
)


def fit_word(level: str, overridden: bool) -> str:
    """'Strong', or 'Strong (by hand)' when set on the need."""
    word = FIT_WORDS[level]
    return f"{word} (by hand)" if overridden else word


class NeedsModel(FilteredModel):
    """Needs matching the search text and, if set, a status, a company and my fit."""

    def __init__(self, parent: QObject | None = None) -> None:
        self.fits: tuple[str, ...] | None = None
        super().__init__(HEADERS, parent)

    def find_ids(self, text: str, status: str | None, company: str) -> list[int]:
        ids = needs.need_ids(text, status, company=company)
        if self.fits is None:
            return ids
        levels = matching.fit_levels(ids)
        return [need_id for need_id in ids if levels[need_id][0] in self.fits]

    def set_fits(self, fits: tuple[str, ...] | None) -> None:
        self.fits = fits
        self.reload()

    def fetch_rows(self, ids: list[int]) -> dict[int, tuple]:
        rows = needs.need_rows(ids)
        levels = matching.fit_levels(ids)
        return {
            need_id: (
                row.id,
                row.title,
                row.company,
                needs.STATUS_LABELS.get(row.status, row.status),
                needs.URGENCY_LABELS.get(row.urgency, str(row.urgency)),
                fit_word(*levels.get(need_id, ("none", False))),
                row.learned_on.isoformat() if row.learned_on else "",
                row.source,
            )
            for need_id, row in rows.items()
        }
