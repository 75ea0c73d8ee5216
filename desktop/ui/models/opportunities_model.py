"""The opportunities list model."""

from __future__ import annotations

from desktop.core import opportunities
from desktop.ui.models.id_table import NO_SUCH_COMPANY, IdTableModel, company_filter_id

HEADERS = ("Opportunity", "Company", "Status", "Since", "Applied", "Need it serves")


class OpportunitiesModel(IdTableModel):
    """Opportunities matching the search text and, if set, a status ('active' for any
    open stage)."""

    def __init__(self, parent=None):
        self.status: str | None = None
        self.company = ""
        super().__init__(HEADERS, self._ids, self._rows, parent)

    def _ids(self, text: str) -> list[int]:
        company_id = company_filter_id(self.company)
        if company_id == NO_SUCH_COMPANY:
            return []
        return opportunities.opportunity_ids(text, self.status, company_id)

    def set_status(self, status: str | None) -> None:
        self.status = status
        self.reload()

    def set_company(self, name: str) -> None:
        self.company = name
        self.reload()

    @staticmethod
    def _rows(ids: list[int]) -> dict[int, tuple]:
        return {
            oid: (
                row.id,
                row.title,
                row.company,
                opportunities.STATUS_LABELS.get(row.status, row.status),
                row.status_on.isoformat() if row.status_on else "",
                row.applied_on.isoformat() if row.applied_on else "",
                row.need,
            )
            for oid, row in opportunities.opportunity_rows(ids).items()
        }
