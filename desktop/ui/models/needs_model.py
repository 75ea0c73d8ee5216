"""The needs list model."""

from __future__ import annotations

from desktop.core import matching, needs
from desktop.ui.models.id_table import NO_SUCH_COMPANY, IdTableModel, company_filter_id

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


class NeedsModel(IdTableModel):
    """Needs matching the search text and, if set, one status."""

    def __init__(self, parent=None):
        self.status: str | None = None
        self.company = ""
        self.fits: tuple[str, ...] | None = None
        super().__init__(HEADERS, self._ids, self._rows, parent)

    def _ids(self, text: str) -> list[int]:
        company_id = company_filter_id(self.company)
        if company_id == NO_SUCH_COMPANY:
            return []
        ids = needs.need_ids(text, self.status, company_id)
        if self.fits is None:
            return ids
        levels = matching.fit_levels(ids)
        return [need_id for need_id in ids if levels[need_id][0] in self.fits]

    def set_status(self, status: str | None) -> None:
        self.status = status
        self.reload()

    def set_fits(self, fits: tuple[str, ...] | None) -> None:
        self.fits = fits
        self.reload()

    def set_company(self, name: str) -> None:
        self.company = name
        self.reload()

    @staticmethod
    def _rows(ids: list[int]) -> dict[int, tuple]:
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
