"""The Timeline page: month headers, lazy pages, combined filters with a true count."""

from __future__ import annotations

from datetime import date, timedelta

from desktop.core import actions, people, timeline
from desktop.core.timeline import TimelineFilter
from desktop.ui.models.timeline_model import HeaderRole, RowRole, TimelineModel
from desktop.ui.pages import timeline as timeline_module

KINDS = tuple(actions.KIND_LABELS)


def add_actions(person_ids, n, start=date(2026, 1, 1), **fields):
    ids = []
    for i in range(n):
        data = actions.ActionData(
            occurred_on=start + timedelta(days=i % 90),
            counterpart_id=person_ids[i % len(person_ids)],
            summary=fields.get("summary", f"Action number {i}"),
            kind=fields.get(
                "kind",
                actions.ACTION_KINDS[i % len(actions.ACTION_KINDS)]
                if hasattr(actions, "ACTION_KINDS")
                else "check_in",
            ),
            direction="given" if i % 3 else "received",
        )
        ids.append(actions.create_action(data))
    return ids


def test_model_passes_the_model_tester_and_has_month_headers(qtmodeltester, add_people):
    ids = add_people("Ada", "Grace")
    add_actions(ids, 70)  # 1 January to 11 March
    model = TimelineModel()
    model.reload()
    qtmodeltester.check(model)
    assert model.index(0).data(HeaderRole) == "March 2026"
    first = model.index(1).data(RowRole)
    assert first.occurred_on.startswith("2026-03")
    headers = [model.index(r).data(HeaderRole) for r in range(model.rowCount())]
    assert [h for h in headers if h] == ["March 2026", "February 2026", "January 2026"]


def test_model_fetches_pages_not_everything(add_people, monkeypatch):
    ids = add_people("Ada")
    add_actions(ids, 450)
    monkeypatch.setattr(TimelineModel, "PAGE", 100)
    model = TimelineModel()
    model.reload()
    rows = [model.action_at(r) for r in range(model.rowCount())]
    assert sum(r is not None for r in rows) == 100
    assert model.canFetchMore()
    while model.canFetchMore():
        model.fetchMore()
    loaded = [model.action_at(r).id for r in range(model.rowCount()) if model.action_at(r)]
    assert len(loaded) == len(set(loaded)) == 450
    assert model.total() == 450


def test_filters_narrow_and_the_count_matches_the_database(window, add_people):
    ada, grace = add_people("Ada", "Grace")
    add_actions([ada, grace], 30)
    actions.create_action(
        actions.ActionData(
            occurred_on=date(2026, 2, 2),
            counterpart_id=grace,
            kind="referral",
            summary="Referred Sam to the platform team",
            direction="given",
        )
    )
    page = window.timeline_page
    page.refresh()
    assert page.count_label.text() == "31 actions"
    page.person.set_person(grace)
    page.kind.setCurrentIndex(page.kind.findData("referral"))
    page.direction.setCurrentIndex(page.direction.findData("given"))
    page.text.setText("platform")
    expected = timeline.count(
        TimelineFilter(
            person_id=grace, kinds=frozenset({"referral"}), direction="given", text="platform"
        )
    )
    assert expected == 1
    assert page.model.total() == 1
    assert page.count_label.text() == "1 of 31 actions"
    shown = [page.model.action_at(r) for r in range(page.model.rowCount())]
    assert [r.summary for r in shown if r] == ["Referred Sam to the platform team"]
    page.clear_filters()
    assert page.model.total() == 31


def test_delete_asks_and_removes(window, add_people, monkeypatch):
    (ada,) = add_people("Ada")
    (action_id,) = add_actions([ada], 1, summary="Checked in")
    asked = []
    monkeypatch.setattr(
        timeline_module.plain,
        "confirm_delete",
        lambda parent, title, text, info="": asked.append(text) or True,
    )
    page = window.timeline_page
    page.refresh()
    assert page.select_action(action_id)
    page.delete_current()
    assert asked == ["Delete “Checked in”?"]
    assert timeline.count(TimelineFilter()) == 0
    assert page.stack.currentWidget() is page.empty


def test_person_pane_button_opens_the_filtered_timeline(window, add_people):
    ada, grace = add_people("Ada", "Grace")
    add_actions([ada, grace], 10)
    window.people_page.refresh(select=ada)
    window.people_page.pane.history.all_button.click()
    assert window.current_page() == "timeline"
    assert window.timeline_page.person.person_id() == ada
    assert window.timeline_page.model.total() == 5
    assert people.get_person(ada).name == "Ada"


def test_down_from_the_search_moves_into_the_list(window, add_people):
    (ada,) = add_people("Ada")
    add_actions([ada], 3, summary="Sent a lead")
    page = window.timeline_page
    window.show_page("timeline")
    page.refresh()
    page.text.setText("lead")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    QTest.keyClick(page.text, Qt.Key.Key_Down)
    assert page.current_id() is not None
    assert page.edit_button.isEnabled()


def test_an_older_action_is_found_again_beyond_the_first_page(window, add_people, monkeypatch):
    monkeypatch.setattr(TimelineModel, "PAGE", 20)
    (ada,) = add_people("Ada")
    ids = add_actions([ada], 90)
    oldest = ids[0]  # 1 January: on the last page
    page = window.timeline_page
    page.refresh()
    assert page.model.row_of(oldest) == -1
    assert page.select_action(oldest)
    assert page.current_id() == oldest
