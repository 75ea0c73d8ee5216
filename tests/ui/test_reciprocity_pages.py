"""The Dashboard and Reciprocity pages show the database's figures and open the timeline
behind them."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.core import actions, needs, people
from desktop.core.actions import ActionData
from desktop.ui.pages.dashboard import DashboardPage
from desktop.ui.pages.reciprocity import ReciprocityPage

TODAY = date(2026, 5, 20)  # a Wednesday; its week starts on Monday 18 May


def give(day: date, who: int, kind: str = "check_in", direction: str = "given", **more) -> int:
    return actions.create_action(
        ActionData(
            occurred_on=day,
            direction=direction,
            kind=kind,
            counterpart_id=who,
            summary=f"{kind} {direction}",
            **more,
        )
    )


@pytest.fixture
def network(database):
    ada = people.create_person(people.PersonData(name="Ada", roles=("recruiter",)))
    bob = people.create_person(people.PersonData(name="Bob", roles=("job_seeker",)))
    cy = people.create_person(people.PersonData(name="Cy"))
    # This week: a referral to Ada for Bob, a check-in with Cy, and Ada helped me back.
    give(date(2026, 5, 18), ada, "referral", beneficiary_id=bob)
    give(date(2026, 5, 19), cy)
    give(date(2026, 5, 20), ada, "job_lead", "received", weight=3)
    # Last week: one check-in with Bob; Cy gave me an insight in April.
    give(date(2026, 5, 12), bob)
    give(date(2026, 4, 2), cy, "company_insight", "received")
    needs.create_need(
        needs.NeedData(company="Acme", title="Pipeline", learned_on=date(2026, 5, 19))
    )
    return {"ada": ada, "bob": bob, "cy": cy}


def test_dashboard_tiles_show_this_week_against_the_last(qtbot, network, settle):
    page = DashboardPage(today=lambda: TODAY)
    qtbot.addWidget(page)
    page.show()  # figures are worked out when the page is shown
    settle(page)
    tiles = page.tiles
    # Helped this week: Ada (counterpart), Bob (beneficiary), Cy. Last week: Bob.
    assert tiles["people_helped"].number.text() == "3"
    assert tiles["people_helped"].change.text() == "▲ 2 more than last week"
    assert tiles["referrals_made"].number.text() == "1"
    assert tiles["needs_learned"].number.text() == "1"
    assert tiles["two_way"].number.text() == "1"  # Ada: both ways this week
    assert tiles["follow_ups_due"].change.text() == "The same as last week"
    assert page.dates.text() == "2026-05-18 to 2026-05-24"
    # Cy gave me an insight in April and I checked in with him after: not owed.
    # Ada gave weight 3 and got 1 back: she waits for my help.
    owed = [page.owed.topLevelItem(i).text(0) for i in range(page.owed.topLevelItemCount())]
    assert owed == ["Ada"]
    page.period.setCurrentIndex(page.period.findData("month"))
    settle(page)
    assert page.dates.text() == "2026-05-01 to 2026-05-31"
    assert tiles["people_helped"].number.text() == "3"  # Ada, Bob, Cy in May


def test_dashboard_tile_opens_the_timeline_of_what_it_counts(qtbot, window, network, settle):
    window.refresh_pages()
    window.show_page("dashboard")
    page = settle(window.dashboard_page)
    page.tiles["referrals_made"].activated.emit("referrals_made")
    assert window.current_page() == "timeline"
    shown = window.timeline_page.model.filter()
    assert shown.kinds == frozenset({"referral"}) and shown.direction == "given"
    assert shown.start is not None and shown.end is not None


def test_empty_network_shows_a_word_not_zeros(qtbot, database, settle):
    page = DashboardPage(today=lambda: TODAY)
    qtbot.addWidget(page)
    page.show()  # figures are worked out when the page is shown
    settle(page)
    assert page.stack.currentWidget() is page.empty


def series_values(panel) -> list[list[float]]:
    bars = panel.chart.series()[0]
    return [[bar_set.at(i) for i in range(bar_set.count())] for bar_set in bars.barSets()]


def test_the_date_range_drives_every_chart(qtbot, network, settle):
    page = ReciprocityPage(today=lambda: TODAY)
    qtbot.addWidget(page)
    page.show()
    settle(page)
    monthly = page.charts["monthly"]
    assert monthly.data.categories == ("Apr 26", "May 26")
    assert series_values(monthly) == [[0, 3], [1, 1]]  # given, received per month
    page.start.set_value(date(2026, 5, 1))  # typing a date switches to 'Dates I choose'
    assert page.preset.currentData() == "custom"
    settle(page)
    assert monthly.data.categories == ("May 26",)
    kinds = page.charts["kinds"].data
    assert "Company insight" not in [
        label for label, r in zip(kinds.categories, kinds.series[1].values, strict=True) if r
    ]
    assert page.summary.text().startswith("Gave 3 and received 1")


def test_clicking_a_bar_filters_the_timeline(qtbot, window, network, settle):
    window.refresh_pages()
    window.show_page("reciprocity")
    page = window.reciprocity_page
    page.set_range(page.current_range(), "month")
    settle(page)
    panel = page.charts["kinds"]
    index = panel.data.keys.index("referral")
    panel.clicked.emit(panel.data.keys[index], "Given")
    assert window.current_page() == "timeline"
    rows = window.timeline_page.model
    assert rows.total() == 1
    assert window.timeline_page.model.filter().kinds == frozenset({"referral"})
    window.show_page("reciprocity")
    roles = page.charts["roles"]
    roles.clicked.emit("recruiter", "Received")
    assert window.timeline_page.model.filter().role == "recruiter"
    assert window.timeline_page.model.total() == 1  # Ada's job lead
    assert window.timeline_page.scope_label.text().endswith("role is recruiter")


def test_figures_wait_until_the_page_is_shown(qtbot, network, monkeypatch, settle):
    from desktop.core import reciprocity

    calls = []
    real = reciprocity.totals
    monkeypatch.setattr(reciprocity, "totals", lambda rng: calls.append(rng) or real(rng))
    page = ReciprocityPage(today=lambda: TODAY)
    qtbot.addWidget(page)
    page.refresh()  # a write elsewhere, while the page is hidden: nothing worked out
    assert calls == []
    page.show()
    settle(page)
    assert len(calls) == 1


def test_reciprocity_page_on_an_empty_network_says_what_it_will_show(qtbot, database, settle):
    page = ReciprocityPage(today=lambda: TODAY)
    qtbot.addWidget(page)
    page.show()
    settle(page)
    assert page.stack.currentWidget() is page.empty


def test_the_first_bar_opens_only_the_chosen_days_and_people_bars_their_own_actions(
    qtbot, window, network, settle
):
    window.refresh_pages()
    window.show_page("reciprocity")
    page = window.reciprocity_page
    from desktop.core.reciprocity import Range

    page.set_range(Range(date(2026, 5, 19), date(2026, 5, 31)), "month")
    settle(page)
    monthly = page.charts["monthly"]
    monthly.clicked.emit(monthly.data.keys[0], "Given")
    shown = window.timeline_page.model.filter()
    assert (shown.start, shown.end) == (date(2026, 5, 19), date(2026, 5, 31))
    assert window.timeline_page.model.total() == 1  # the check-in with Cy on 19 May
    window.show_page("reciprocity")
    page.set_range(Range(None, None), "month")
    settle(page)
    exchanges = page.charts["exchanges"]
    bob = network["bob"]
    exchanges.clicked.emit(bob, "Given (weight)")
    # Bob was the other person of one check-in; the referral was *for* him, not with him.
    assert window.timeline_page.model.total() == 1
    assert window.timeline_page.scope_label.text() == "Only actions with Bob as the other person"


def test_dates_in_the_wrong_order_clear_the_charts(qtbot, network, settle):
    page = ReciprocityPage(today=lambda: TODAY)
    qtbot.addWidget(page)
    page.show()
    page.start.set_value(date(2026, 6, 1))
    page.end.set_value(date(2026, 5, 1))
    settle(page)
    assert page.summary.text().startswith("The first day comes after the last")
    assert all(panel.stack.currentWidget() is panel.empty for panel in page.charts.values())


def test_the_dashboard_lists_a_glance_of_what_is_due_and_sends_to_the_rest(qtbot, network, settle):
    from desktop.ui.pages.dashboard import DUE_LISTED

    for n in range(DUE_LISTED + 7):
        actions.create_action(
            ActionData(
                occurred_on=TODAY,
                counterpart_id=network["ada"],
                summary=f"Due {n}",
                follow_up_on=TODAY,
            )
        )
    page = DashboardPage(today=lambda: TODAY)
    qtbot.addWidget(page)
    page.show()
    settle(page)
    total = DUE_LISTED + 7
    assert page.due_heading.text() == f"Open follow-ups: {total} due today"
    assert page.due.topLevelItemCount() == 1  # the day's group, its first 50, a pointer
    group = page.due.topLevelItem(0)
    assert group.text(0) == f"Due today ({total})"
    assert group.childCount() == DUE_LISTED + 1
    more = group.child(DUE_LISTED)
    assert more.text(0) == "And 7 more: see Follow-ups (Ctrl+5)"
    with qtbot.waitSignal(page.page_requested) as asked:
        page.due.itemActivated.emit(more, 0)
    assert asked.args == ["follow-ups"]


def test_the_dashboard_splits_overdue_from_what_is_coming_and_says_what_owed_counts(
    qtbot, network, settle
):
    """As found: 'due by the end of the week (26)' began with items 434 days late, and
    'Owed 89' had no unit."""
    for due, summary in (
        (TODAY - timedelta(days=434), "Long late"),
        (TODAY - timedelta(days=1), "Late"),
        (TODAY, "Now"),
        (TODAY + timedelta(days=3), "Soon"),
    ):
        actions.create_action(
            ActionData(
                occurred_on=min(due, TODAY) - timedelta(days=1),
                counterpart_id=network["ada"],
                summary=summary,
                follow_up_on=due,
            )
        )
    page = DashboardPage(today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1024, 700)
    page.show()
    settle(page)
    assert page.due_heading.text() == (
        "Open follow-ups: 2 overdue, 1 due today, 1 due in the next 7 days"
    )
    groups = [page.due.topLevelItem(i) for i in range(page.due.topLevelItemCount())]
    assert [g.text(0) for g in groups] == [
        "Overdue (2)",
        "Due today (1)",
        "Due in the next 7 days (1)",
    ]
    late = groups[0].child(0)
    assert late.text(0) == "434 days late" and late.text(2).endswith("Long late")
    assert groups[1].child(0).text(0) == "Today"
    soon = TODAY + timedelta(days=3)
    assert groups[2].child(0).text(0) == f"{soon:%a} {soon.isoformat()}"
    assert page.due.currentItem() is late  # the keyboard starts at the oldest
    with qtbot.waitSignal(page.follow_up_requested):
        page.due.itemActivated.emit(late, 0)
    # The What column is not squeezed to a few letters, and nothing scrolls sideways.
    assert page.due.columnWidth(2) > page.due.viewport().width() // 3
    assert page.owed.headerItem().text(1) == "Weight owed"
    assert "less what you gave them" in page.owed_about.text()
    assert page.spark._scale and page.spark.top() >= 1
    assert "each week" in page.spark_caption.text()


def test_chains_read_as_steps_and_say_which_dates_they_were_looked_for_in(qtbot, database, settle):
    """As found: 'begun in the last 91 days of these dates' with Dates = All time, and
    chains written 'William Demir → me → Ari Müller → me'."""
    from desktop.core import companies
    from desktop.core.reciprocity import Range

    ana, ben, cleo = (
        people.create_person(people.PersonData(name=n)) for n in ("Ana", "Ben", "Cleo")
    )
    acme = companies.create_company(companies.CompanyData(name="Acme"))
    today = date(2026, 1, 31)
    actions.create_action(
        ActionData(
            occurred_on=date(2026, 1, 5),
            direction="received",
            kind="job_lead",
            counterpart_id=ana,
            company_id=acme,
            summary="Ana told me Acme is hiring",
        )
    )
    actions.create_action(
        ActionData(
            occurred_on=date(2026, 1, 12),
            kind="referral",
            counterpart_id=cleo,
            beneficiary_id=ben,
            company_id=acme,
            summary="Referred Ben to Cleo at Acme",
        )
    )
    page = ReciprocityPage(today=lambda: today)
    qtbot.addWidget(page)
    page.show()
    page.set_range(Range(date(2026, 1, 1), date(2026, 1, 31)), "month")
    settle(page)
    assert page.chains_heading.text() == (
        "Pay-it-forward chains begun from 2026-01-01 to 2026-01-31 (1)"
    )
    chain = page.chains.topLevelItem(0)
    assert chain.text(0) == "From Ana, passed on to Ben · 2 steps"
    assert chain.text(1) == "2026-01-05 to 2026-01-12"
    steps = [[chain.child(i).text(c) for c in range(3)] for i in range(chain.childCount())]
    assert steps == [
        ["Ana helped me", "2026-01-05", "Job lead"],
        ["I helped Ben", "2026-01-12", "Referral"],
    ]
    assert chain.isExpanded()
    page.set_range(Range(None, None), "month")  # all time: only the last days are walked
    settle(page)
    assert page.chains_heading.text().startswith(
        "Pay-it-forward chains begun in the last 90 days, 2025-11-03 to 2026-01-31"
    )
    assert "years of actions" in page.chains_heading.toolTip()


def test_the_dashboard_says_who_changed_jobs_this_month(qtbot, database, settle):
    from desktop.core.actions import ActionData

    theo = people.create_person(people.PersonData(name="Theo Grant", company="Contoso"))
    people.create_person(people.PersonData(name="Dana Ruiz", company="Initech"))  # stayed
    actions.create_action(
        ActionData(occurred_on=date.today(), direction="given", kind="check_in",
                   counterpart_id=theo, summary="Coffee")
    )  # fmt: skip
    page = DashboardPage()
    qtbot.addWidget(page)
    page.show()
    settle(page)
    assert not page.moves.isVisibleTo(page)  # nobody moved yet
    people.update_person(theo, people.PersonData(name="Theo Grant", company="Globex"), moved=True)
    page.refresh()
    settle(page)
    assert page.moves.isVisibleTo(page)
    assert page.moves.text() == (
        "1 person in your network changed jobs this month — a good moment to congratulate"
        " them: Theo Grant (now at Globex)."
    )
    assert "Theo Grant: from Contoso to Globex" in page.moves.toolTip()
