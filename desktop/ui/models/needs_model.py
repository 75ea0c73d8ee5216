"""The needs list model."""

from __future__ import annotations

from desktop.core import needs
from desktop.ui.models.id_table import NO_SUCH_COMPANY, IdTableModel, company_filter_id

HEADERS = ("Need", "Company", "Status", "Urgency", "Learned on", "Told me")


class NeedsModel(IdTableModel):
    """Needs matching the search text and, if set, one status."""

    def __init__(self, parent=None):
        self.status: str | None = None
        self.company = ""
        super().__init__(HEADERS, self._ids, self._rows, parent)

    def _ids(self, text: str) -> list[int]:
        company_id = company_filter_id(self.company)
        if company_id == NO_SUCH_COMPANY:
            return []
        return needs.need_ids(text, self.status, company_id)

    def set_status(self, status: str | None) -> None:
        self.status = status
        self.reload()

    def set_company(self, name: str) -> None:
        self.company = name
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
