"""The people list model."""

from __future__ import annotations

from desktop.core import people
from desktop.ui.models.id_table import IdTableModel

HEADERS = ("Name", "Company", "Title", "Roles", "Tier", "Skills offered", "Skills sought")


class PeopleModel(IdTableModel):
    def __init__(self, parent=None):
        super().__init__(
            HEADERS,
            people.person_ids,
            people.person_rows,
            parent,
            fetch_first=people.person_search,
        )
