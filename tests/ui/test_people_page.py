"""The People page: lazy list, search as you type, pane, keyboard add/edit/delete."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from desktop.core import people
from desktop.store.connection import db
from desktop.ui import plain
from desktop.ui.models.people_model import PeopleModel
from desktop.ui.pages import people as people_page_module


def shown_names(page) -> list[str]:
    model = page.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_model_passes_the_model_tester(qtmodeltester, add_people):
    add_people("Ada", "Grace", people.PersonData(name="Linus", roles=("mentor",)))
    model = PeopleModel()
    model.reload()
    qtmodeltester.check(model)
    model.set_filter("gra")
    qtmodeltester.check(model)


def test_model_fetches_rows_in_blocks_not_all(add_people, monkeypatch):
    add_people(*[f"Person {i:04d}" for i in range(1000)])
    calls: list[int] = []
    original = people.person_rows

    def counting(ids):
        calls.append(len(ids))
        return original(ids)

    model = PeopleModel()
    monkeypatch.setattr(model, "_fetch_rows", counting)
    model.reload()
    assert model.rowCount() == 1000 and calls == []
    assert model.index(500, 0).data() == "Person 0500"
    assert model.index(501, 1).data() == ""
    assert len(calls) == 1 and calls[0] <= model.BLOCK


def test_search_narrows_the_list_and_the_count(window, add_people):
    add_people(
        people.PersonData(name="Ada Lovelace", company="Acme", offers=["Python"]),
        people.PersonData(name="Grace Hopper", title="Admiral"),
        people.PersonData(name="Alan Turing", notes="Knows Ada from Bletchley"),
    )
    page = window.people_page
    page.refresh()
    assert shown_names(page) == ["Ada Lovelace", "Alan Turing", "Grace Hopper"]
    assert page.count_label.text() == "3 people"
    page.search.setText("ada")
    assert shown_names(page) == ["Ada Lovelace", "Alan Turing"]
    assert page.count_label.text() == "2 of 3 people"
    page.search.setText("pyth")
    assert shown_names(page) == ["Ada Lovelace"]
    assert page.pane.title.text() == "Ada Lovelace"  # first match shown at once
    page.search.clear()
    assert len(shown_names(page)) == 3


def test_typing_a_search_that_hides_the_selected_person_keeps_the_search(window, add_people):
    ada, grace = add_people("Ada Lovelace", "Grace Hopper")
    page = window.people_page
    page.refresh(select=grace)
    page.search.setText("ada")
    assert page.search.text() == "ada"
    assert shown_names(page) == ["Ada Lovelace"]
    assert page.current_id() == ada and page.pane.title.text() == "Ada Lovelace"


def test_html_in_a_name_is_shown_literally_everywhere(window, add_people, monkeypatch):
    (bob,) = add_people(people.PersonData(name="<b>Bob</b>", notes="<i>x</i>", company="<a>Co"))
    page = window.people_page
    page.refresh(select=bob)
    assert page.model.index(0, 0).data() == "<b>Bob</b>"
    tip = page.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;Bob&lt;/b&gt;" in tip  # escaped, so the tooltip shows the brackets
    title = page.pane.title
    assert title.text() == "<b>Bob</b>" and title.textFormat() == Qt.TextFormat.PlainText
    assert page.pane.value("notes").textFormat() == Qt.TextFormat.PlainText
    for label in page.pane.findChildren(QLabel):
        if "<" in label.text():
            assert label.textFormat() == Qt.TextFormat.PlainText, label.text()

    seen = {}

    def capture(box_self):
        seen["text"], seen["format"] = box_self.text(), box_self.textFormat()
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "exec", capture)
    page.delete_current()
    assert seen == {"text": "Delete <b>Bob</b>?", "format": Qt.TextFormat.PlainText}
    assert people.person_count() == 1  # cancelled


def test_delete_asks_and_removes_from_list_and_database(window, add_people, monkeypatch):
    ada, grace = add_people("Ada", "Grace")
    db.execute_sql(
        "INSERT INTO action (occurred_on, direction, kind, counterpart_id, summary, created_at)"
        " VALUES ('2026-01-01', 'given', 'thanks', ?, 'Thanked her', '')",
        (ada,),
    )
    asked = {}

    def confirm(parent, title, text, informative=""):
        asked.update(text=text, informative=informative)
        return True

    monkeypatch.setattr(people_page_module, "confirm_delete", confirm)
    page = window.people_page
    page.refresh(select=ada)
    page.table.setFocus()
    # The shortcut fires only for a focused, active window; drive the same slot if not.
    page.delete_current()
    assert asked["text"] == "Delete Ada?"
    assert "The 1 action logged with them will be deleted too." in asked["informative"]
    assert shown_names(page) == ["Grace"]
    assert page.current_id() == grace
    assert people.person_ids() == [grace]


def test_empty_network_offers_the_sample_in_one_click(window, qtbot):
    page = window.people_page
    assert page.stack.currentWidget() is page.empty
    assert page.open_sample.isVisible()
    with qtbot.waitSignal(window.sample_requested):
        qtbot.mouseClick(page.open_sample, Qt.MouseButton.LeftButton)


def test_keyboard_only_add_find_edit_delete(window, qtbot, on_next_dialog):
    """Ctrl+N, type, Enter; Ctrl+F, type, Down, Enter to edit; Delete, Enter to confirm."""
    window.activateWindow()
    window.people_page.setFocus()

    def fill_new(dialog):
        assert dialog.focusWidget() is dialog.name
        qtbot.keyClicks(dialog.name, "Maya Chen")
        qtbot.keyClick(dialog.name, Qt.Key.Key_Tab)
        assert dialog.focusWidget() is dialog.name_parts_toggle  # folded: passed in one Tab
        qtbot.keyClick(dialog.name_parts_toggle, Qt.Key.Key_Tab)
        assert dialog.focusWidget() is dialog.company
        qtbot.keyClicks(dialog.company, "Northwind")
        qtbot.keyClick(dialog.company, Qt.Key.Key_Return)

    on_next_dialog(fill_new)
    window.new_person_action.trigger()
    assert people.person_ids("maya") != []
    (maya,) = people.person_ids("maya")
    assert people.get_person(maya).company == "Northwind"

    page = window.people_page
    window.find_action.trigger()
    assert window.focusWidget() is page.search
    qtbot.keyClicks(page.search, "north")
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert page.current_id() == maya

    def retitle(dialog):
        dialog.title.setFocus()
        qtbot.keyClicks(dialog.title, "Data engineer")
        qtbot.keyClick(dialog.title, Qt.Key.Key_Return)

    on_next_dialog(retitle)
    page.edit_current()  # what Enter on the list does
    assert people.get_person(maya).title == "Data engineer"

    def confirm(dialog):
        assert isinstance(dialog, QMessageBox)
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    on_next_dialog(confirm)
    page.delete_current()  # what Delete on the list does
    assert people.person_ids() == []
    assert page.stack.currentWidget() is page.empty


def test_enter_and_delete_keys_on_the_list_reach_edit_and_delete(window, add_people, monkeypatch):
    (ada,) = add_people("Ada")
    page = window.people_page
    page.refresh(select=ada)
    calls = []
    monkeypatch.setattr(type(page), "open_editor", lambda self, i: calls.append(("edit", i)))
    monkeypatch.setattr(
        type(page), "confirm_and_delete", lambda self, i: calls.append(("delete", i)) or False
    )
    window.activateWindow()
    page.table.setFocus()
    from PySide6.QtTest import QTest

    QTest.keyClick(page.table, Qt.Key.Key_Return)
    QTest.keyClick(page.table, Qt.Key.Key_Delete)
    assert calls == [("edit", ada), ("delete", ada)]


def test_new_person_dialog_cancel_writes_nothing(window, qtbot, on_next_dialog, monkeypatch):
    monkeypatch.setattr(plain, "confirm_discard", lambda parent, question: True)

    def cancel(dialog):
        dialog.name.setText("Someone")
        dialog.reject()

    on_next_dialog(cancel)
    window.new_person_action.trigger()
    assert people.person_count() == 0
    assert isinstance(window.people_page.stack.currentWidget(), type(window.people_page.empty))


def test_ctrl_backspace_deletes_too(window, add_people, monkeypatch):
    from PySide6.QtTest import QTest

    (ada,) = add_people("Ada")
    page = window.people_page
    page.refresh(select=ada)
    calls = []
    monkeypatch.setattr(type(page), "confirm_and_delete", lambda self, i: calls.append(i) or False)
    window.activateWindow()
    page.table.setFocus()
    QTest.keyClick(page.table, Qt.Key.Key_Backspace, Qt.KeyboardModifier.ControlModifier)
    assert calls == [ada]


def test_empty_page_hides_the_pane_and_shows_it_with_people(window, add_people):
    page = window.people_page
    assert not page.pane.isVisible()
    add_people("Ada")
    page.refresh()
    assert page.pane.isVisible()


def test_typing_starts_in_search_or_on_add_when_the_window_opens(
    qtbot, database, settings, add_people
):
    from desktop.ui.main_window import MainWindow

    empty = MainWindow(settings, database)
    qtbot.addWidget(empty)
    assert empty.focusWidget() is empty.people_page.add_first
    add_people("Ada")
    full = MainWindow(settings, database)
    qtbot.addWidget(full)
    assert full.focusWidget() is full.people_page.search


def test_long_names_are_shortened_in_the_delete_question(window, add_people, monkeypatch):
    (long_one,) = add_people("N" * 200)
    asked = {}
    monkeypatch.setattr(
        people_page_module, "confirm_delete", lambda p, t, text, i="": asked.update(text=text)
    )
    page = window.people_page
    page.refresh(select=long_one)
    page.delete_current()
    assert asked["text"] == "Delete " + "N" * 79 + "…?"


def test_person_pane_lists_their_opportunities_and_opens_one(qtbot, window):
    from desktop.core import opportunities
    from desktop.core.opportunities import OpportunityData

    (rita,) = [people.create_person(people.PersonData(name="Rita"))]
    opportunity_id = opportunities.create_opportunity(
        OpportunityData(
            company="Acme", title="Analyst", status="applied", people=[(rita, "recruiter")]
        )
    )
    window.refresh_pages()
    window.show_person(rita)
    pane = window.people_page.pane
    assert pane.involved_heading.text() == "Opportunities (1)"
    assert pane.involved.item(0).text() == "Recruiter for Analyst at Acme · Applied"
    pane.involved.itemActivated.emit(pane.involved.item(0))
    assert window.current_page() == "opportunities"
    assert window.opportunities_page.current_id() == opportunity_id


def test_person_pane_shows_the_exchange_and_when_help_came_back(qtbot, window):
    from datetime import date, timedelta

    from desktop.core import actions
    from desktop.core.actions import ActionData

    ada = people.create_person(people.PersonData(name="Ada"))
    today = date.today()
    for days_ago, direction, weight in ((20, "given", 2), (8, "received", 3)):
        actions.create_action(
            ActionData(
                occurred_on=today - timedelta(days=days_ago),
                direction=direction,
                counterpart_id=ada,
                summary="x",
                weight=weight,
            )
        )
    window.refresh_pages()
    window.show_person(ada)
    pane = window.people_page.pane
    assert pane.value("exchange").text() == (
        "Gave 1 (weight 2) · received 1 (weight 3) · balance -1"
    )
    assert pane.value("lag").text() == "12 days after I first helped"
    assert pane.spark.isVisibleTo(pane)
    tip = pane.spark.toolTip().splitlines()
    assert len(tip) == 12 and sum("received 1" in line for line in tip) == 1


def test_lag_says_who_helped_first():
    from datetime import date

    from desktop.core.reciprocity import PersonBalance
    from desktop.ui.pages.people import lag_text

    def balance(first_given, first_received, lag):
        return PersonBalance(1, 1, 1, 1, 1, 0, first_given, None, first_received, None, lag)

    assert lag_text(balance(None, date(2026, 2, 26), None)) == "They helped first, on 2026-02-26"
    assert lag_text(balance(date(2026, 3, 10), date(2026, 2, 26), None)) == (
        "Not yet since I first helped, on 2026-03-10 (they helped first, on 2026-02-26)"
    )
    assert lag_text(balance(date(2026, 3, 1), date(2026, 3, 13), 12)) == (
        "12 days after I first helped"
    )
    assert lag_text(balance(None, None, None)) == ""
