"""The needs list model."""

from __future__ import annotations

from desktop.core import needs
from desktop.ui.models.id_table import IdTableModel

HEADERS = ("Need", "Company", "Status", "Urgency", "Learned on", "Told me")


class NeedsModel(IdTableModel):
    """Needs matching the search text and, if set, one status."""

    def __init__(self, parent=None):
        self.status: str | None = None
        super().__init__(
            HEADERS, lambda text: needs.need_ids(text, self.status), self._rows, parent
        )

    def set_status(self, status: str | None) -> None:
        self.status = status
        self.reload()

    @staticmethod
    def _rows(ids: list[int]) -> dict[int, tuple]:
        rows = needs.need_rows(ids)
        return {
            need_id: (
                row.id,
                row.title,
                row.company,
                needs.STATUS_LABELS.get(row.status, row.status),
                needs.URGENCY_LABELS.get(row.urgency, str(row.urgency)),
                row.learned_on.isoformat() if row.learned_on else "",
                row.source,
            )
            for need_id, row in rows.items()
        }
