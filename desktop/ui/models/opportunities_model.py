"""The opportunities list model."""

from __future__ import annotations

from desktop.core import opportunities
from desktop.ui.models.id_table import FilteredModel

HEADERS = ("Opportunity", "Company", "Status", "Since", "Applied", "Need it serves")


class OpportunitiesModel(FilteredModel):
    """Opportunities matching the search text and, if set, a status ('active' for any
    open stage) and a company."""

    def __init__(self, parent=None):
        super().__init__(HEADERS, parent)

    def find_ids(self, text: str, status: str | None, company: str) -> list[int]:
        return opportunities.opportunity_ids(text, status, company=company)

    def fetch_rows(self, ids: list[int]) -> dict[int, tuple]:
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
