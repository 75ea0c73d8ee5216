"""A person's months of exchange, for their pane."""

from __future__ import annotations

from datetime import date

from desktop.core import actions, people
from desktop.core.actions import ActionData
from desktop.core.reciprocity.person import Month, person_months


def test_months_are_continuous_and_count_each_direction(database):
    ada = people.create_person(people.PersonData(name="Ada"))
    bob = people.create_person(people.PersonData(name="Bob"))
    for day, who, direction in (
        (date(2026, 3, 31), ada, "given"),
        (date(2026, 3, 1), ada, "received"),
        (date(2026, 5, 2), ada, "given"),
        (date(2026, 5, 3), bob, "given"),  # someone else
        (date(2025, 12, 31), ada, "given"),  # before the window
        (date(2026, 5, 21), ada, "given"),  # after today
    ):
        actions.create_action(
            ActionData(occurred_on=day, direction=direction, counterpart_id=who, summary="x")
        )
    assert person_months(ada, date(2026, 5, 20), months=4) == [
        Month(date(2026, 2, 1), 0, 0),
        Month(date(2026, 3, 1), 1, 1),
        Month(date(2026, 4, 1), 0, 0),
        Month(date(2026, 5, 1), 1, 0),
    ]
