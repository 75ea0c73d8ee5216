"""The person pane's tie strength: a level always shown with its parts in words."""

from __future__ import annotations

from datetime import date, timedelta

from desktop.core import actions, companies, people
from desktop.ui.pages.tie_section import TieSection


def log(person_id: int, days_ago: int, direction: str = "given") -> None:
    actions.create_action(
        actions.ActionData(
            occurred_on=date.today() - timedelta(days=days_ago),
            counterpart_id=person_id,
            direction=direction,
            summary="Talked",
        )
    )


def test_the_pane_shows_the_level_with_every_part(window, qtbot):
    companies.create_company(companies.CompanyData(name="Globex", is_target=True))
    ada = people.create_person(people.PersonData(name="Ada", company="Globex"))
    log(ada, 40)
    log(ada, 30, "received")
    log(ada, 5)
    window.refresh_pages()
    window.show_person(ada)
    section = window.people_page.pane.tie
    assert not section.isHidden()
    # recent 2, three in a year 1, both ways 1, back in 10 days 1, a target 1: Strong.
    assert section.heading.text() == "Tie strength: Strong"
    assert section.texts() == {
        "How recent": f"Last contact 5 days ago ({(date.today() - timedelta(days=5)).isoformat()})",
        "How often": "3 actions in the last 12 months",
        "Both ways": "Given 2 · received 1 (both ways)",
        "Help came back": "10 days after I first helped",
        "Shared companies": "Globex (target)",
    }
    window.people_page.pane.show_person(None)
    assert section.isHidden()


def test_a_new_acquaintance_is_weak_and_says_why(qtbot, database):
    cy = people.create_person(people.PersonData(name="Cy"))
    section = TieSection()
    qtbot.addWidget(section)
    section.show_for(cy, date.today())
    assert section.heading.text() == "Tie strength: Weak"
    assert section.texts()["How recent"] == "Nothing logged with them yet"
    assert all(section.texts().values())  # never the level alone
