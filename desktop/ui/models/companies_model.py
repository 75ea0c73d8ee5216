"""The companies list model."""

from __future__ import annotations

from desktop.core import companies
from desktop.ui.models.id_table import IdTableModel

HEADERS = ("Name", "Industry", "Location", "Target", "People")


class CompaniesModel(IdTableModel):
    def __init__(self, parent=None):
        super().__init__(HEADERS, companies.company_ids, companies.company_rows, parent)

    def display(self, row: tuple, column: int) -> str:
        if HEADERS[column] == "Target":
            return "Target" if row[column + 1] else ""
        return super().display(row, column)
