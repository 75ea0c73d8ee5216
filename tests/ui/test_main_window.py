"""The main window: pages, shortcuts, settings restored, accessible names, cross links."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QSettings
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop.core import companies, people
from desktop.ui.dialogs.company_dialog import CompanyDialog
from desktop.ui.dialogs.person_dialog import PersonDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.widgets.form import accessible_text


def test_pages_are_only_the_working_ones(window):
    labels = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert labels == [
        "Dashboard",
        "People",
        "Companies",
        "Timeline",
        "Follow-ups",
        "Needs",
        "Opportunities",
        "Reciprocity",
    ]
    assert window.stack.count() == 8


def test_size_position_and_page_are_restored(qtbot, database, settings):
    first = MainWindow(settings, database)
    qtbot.addWidget(first)
    first.show()
    first.resize(780, 520)  # the offscreen screen is 800 x 600
    first.move(10, 30)
    first.show_page("companies")
    size, position = first.size(), first.pos()
    assert (size.width(), size.height()) == (780, 520)
    first.close()
    second = MainWindow(QSettings(settings.fileName(), QSettings.Format.IniFormat), database)
    qtbot.addWidget(second)
    second.show()
    assert second.current_page() == "companies"
    assert second.size() == size and second.size().height() == 520
    # Offscreen windows have no real frame, so positions shift by a few pixels; what was
    # stored is the first window's own geometry, which restoreGeometry accepted.
    assert abs(second.x() - position.x()) <= 8 and abs(second.y() - position.y()) <= 8


def test_ctrl_digits_switch_pages(window):
    go = next(m for m in window.menuBar().actions() if m.text() == "&Go").menu()
    first, separator, *pages = go.actions()
    assert (first.text(), first.shortcut().toString()) == ("Go to &anything…", "Ctrl+K")
    assert separator.isSeparator()
    shortcuts = {a.text(): a.shortcut().toString() for a in pages}
    assert shortcuts == {
        "Dashboard": "Ctrl+1",
        "People": "Ctrl+2",
        "Companies": "Ctrl+3",
        "Timeline": "Ctrl+4",
        "Follow-ups": "Ctrl+5",
        "Needs": "Ctrl+6",
        "Opportunities": "Ctrl+7",
        "Reciprocity": "Ctrl+8",
    }
    pages[2].trigger()
    assert window.current_page() == "companies"


def test_standard_shortcuts(window):
    assert window.new_person_action.shortcut().toString() == "Ctrl+N"
    assert window.find_action.shortcut().toString() == "Ctrl+F"
    assert window.new_company_action.shortcut().toString() == "Ctrl+Shift+N"


def test_find_focuses_the_current_pages_search(window):
    companies.create_company(companies.CompanyData(name="Acme"))
    window.companies_page.refresh()
    window.show_page("companies")
    window.find_action.trigger()
    assert window.focusWidget() is window.companies_page.search


def test_company_and_person_link_to_each_other(window):
    person_id = people.create_person(people.PersonData(name="Ada", company="Acme"))
    company_id = companies.find_company("Acme")
    window.people_page.refresh()
    window.companies_page.refresh()
    window.show_person(person_id)
    window.people_page.pane.company_button.click()
    assert window.current_page() == "companies"
    assert window.companies_page.current_id() == company_id
    pane = window.companies_page.pane
    assert pane.people.count() == 1 and pane.people.item(0).text() == "Ada"
    pane.people.itemActivated.emit(pane.people.item(0))
    assert window.current_page() == "people"
    assert window.people_page.current_id() == person_id


def interactive_widgets(root):
    kinds = (QAbstractButton, QLineEdit, QAbstractItemView, QAbstractSpinBox, QPlainTextEdit)
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, kinds) or not widget.isVisibleTo(root):
            continue
        # A spin box's inner line edit and a table's header are parts of those controls.
        if isinstance(widget, QLineEdit) and isinstance(widget.parent(), QAbstractSpinBox):
            continue
        if isinstance(widget, QHeaderView):
            continue
        yield widget


def spoken_name(widget) -> str:
    """The name a screen reader announces for the widget."""
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)


def assert_accessible(root):
    missing = []
    for widget in interactive_widgets(root):
        name = spoken_name(widget)
        if not name:
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
        elif isinstance(widget, QAbstractButton) and widget.text():
            assert name == accessible_text(widget.text()), (name, widget.text())
    assert not missing, f"controls without an accessible name: {missing}"


def test_every_control_has_an_accessible_name(qtbot, window):
    people.create_person(people.PersonData(name="Ada", company="Acme", offers=["Python"]))
    window.people_page.refresh()
    window.companies_page.refresh()
    window.show_person(people.person_ids()[0])
    assert_accessible(window)
    person_dialog = PersonDialog(window, people.person_ids()[0])
    qtbot.addWidget(person_dialog)
    person_dialog.show()
    assert_accessible(person_dialog)
    assert person_dialog.name.accessibleName() == "Name"
    assert person_dialog.linkedin_url.accessibleName() == "LinkedIn"
    assert person_dialog.offers.editor.accessibleName() == "Skills offered"
    company_dialog = CompanyDialog(window)
    qtbot.addWidget(company_dialog)
    company_dialog.show()
    assert_accessible(company_dialog)


def test_sample_window_says_so_and_offers_the_way_back(qtbot, database, settings):
    win = MainWindow(settings, database, sample=True)
    qtbot.addWidget(win)
    win.show()
    assert "sample network" in win.windowTitle()
    assert not win.people_page.open_sample.isVisibleTo(win)
    with qtbot.waitSignal(win.own_database_requested):
        win.findChild(QAbstractButton, None)
        back = [b for b in win.findChildren(QAbstractButton) if "my network" in b.text()]
        back[0].click()


def test_window_uses_our_icon(window):
    icon = window.windowIcon()
    assert not icon.isNull()
    assert not icon.pixmap(64, 64).toImage().isNull()
    # The drawing is ours: its corner is transparent and its centre is filled.
    image = icon.pixmap(64, 64).toImage()
    assert image.pixelColor(0, 0).alpha() == 0
    assert image.pixelColor(32, 32).alpha() == 255


def test_new_pages_and_the_action_form_are_accessible(qtbot, window):
    from desktop.ui.dialogs.action_dialog import ActionDialog

    ada = people.create_person(people.PersonData(name="Ada", company="Acme"))
    window.refresh_pages()
    for page in ("timeline", "follow-ups", "needs"):
        window.show_page(page)
        assert_accessible(window.pages[page])
    dialog = ActionDialog(window, None, counterpart_id=ada)
    qtbot.addWidget(dialog)
    dialog.show()
    assert_accessible(dialog)
    assert dialog.counterpart.accessibleName() == "With"


def test_company_pane_logs_an_action_about_the_company(window, on_next_dialog):
    people.create_person(people.PersonData(name="Ada", company="Acme"))
    window.refresh_pages()
    window.show_company(companies.find_company("Acme"))
    seen = {}

    def look(dialog):
        seen["company"] = dialog.company.text()
        dialog.done(0)

    on_next_dialog(look)
    window.companies_page.pane.log_button.click()
    assert seen == {"company": "Acme"}


def test_skill_aliases_open_from_the_edit_menu(qtbot, window, on_next_dialog):
    from desktop.ui.dialogs.aliases_dialog import AliasesDialog

    edit = next(m for m in window.menuBar().actions() if m.text() == "&Edit").menu()
    assert "Skill &aliases…" in [a.text() for a in edit.actions()]
    seen = []
    on_next_dialog(lambda dialog: (seen.append(type(dialog)), dialog.reject()))
    window.aliases_action.trigger()
    assert seen == [AliasesDialog]


def test_my_profile_opens_from_the_sidebar(qtbot, window, on_next_dialog):
    from desktop.ui.dialogs.profile_dialog import ProfileDialog

    seen = []
    on_next_dialog(lambda dialog: (seen.append(type(dialog)), dialog.reject()))
    window.profile_button.click()
    assert seen == [ProfileDialog]


def alt_collisions(top, extra: tuple[str, ...] = ()) -> list[str]:
    """Alt letters shared by two visible, enabled things under *top* (or with *extra*)."""
    import re

    from PySide6.QtWidgets import QAbstractButton, QLabel

    def letter(text: str) -> str | None:
        found = re.search(r"&([^&])", text.replace("&&", ""))
        return found.group(1).lower() if found else None

    seen: dict[str, str] = {m: "menu" for m in map(letter, extra) if m}
    clashes = []
    for widget in [*top.findChildren(QAbstractButton), *top.findChildren(QLabel)]:
        buddy = widget.buddy() if isinstance(widget, QLabel) else widget
        if buddy is None or not buddy.isEnabled():
            continue
        if not widget.isVisibleTo(top.window()) or not widget.isEnabled():
            continue
        mark = letter(widget.text())
        if mark is None:
            continue
        if mark in seen:
            clashes.append(f"Alt+{mark}: {seen[mark]!r} and {widget.text()!r}")
        seen[mark] = widget.text()
    return clashes


@pytest.mark.parametrize("filled", [False, True], ids=["empty", "filled"])
def test_no_two_alt_keys_on_a_page_collide(window, filled):
    """Alt+letter must reach one thing: what the page shows (empty or with a record
    selected), and the menus."""
    from datetime import date

    from desktop.core import actions, needs, opportunities

    if filled:
        ada = people.create_person(people.PersonData(name="Ada", company="Acme"))
        needs.create_need(needs.NeedData(company="Acme", title="Pipeline"))
        opportunities.create_opportunity(
            opportunities.OpportunityData(company="Acme", title="Lead")
        )
        actions.create_action(
            actions.ActionData(occurred_on=date(2026, 1, 2), counterpart_id=ada, summary="Hi")
        )
        window.refresh_pages()
        for key in ("people", "companies", "needs", "opportunities"):
            window.pages[key].select_id(window.pages[key].model.id_at(0))
    menus = tuple(a.text() for a in window.menuBar().actions())
    for key, page in window.pages.items():
        window.show_page(key)
        assert alt_collisions(page, menus) == [], key


def test_no_two_alt_keys_in_a_form_collide(qtbot, database):
    from desktop.ui.dialogs.action_dialog import ActionDialog
    from desktop.ui.dialogs.aliases_dialog import AliasesDialog
    from desktop.ui.dialogs.need_dialog import NeedDialog
    from desktop.ui.dialogs.opportunity_dialog import OpportunityDialog
    from desktop.ui.dialogs.profile_dialog import ProfileDialog

    for make in (
        PersonDialog,
        CompanyDialog,
        NeedDialog,
        OpportunityDialog,
        ActionDialog,
        ProfileDialog,
        AliasesDialog,
    ):
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        assert alt_collisions(dialog) == [], make.__name__
        dialog.done(0)


def test_what_another_program_wrote_shows_when_the_window_is_used_again(qtbot, window):
    """A command-line import while the window is open: coming back shows its people."""
    import sqlite3

    assert window.people_page.model.rowCount() == 0
    assert not window.safety.notice_outside_changes()  # nothing yet
    other = sqlite3.connect(window.database_path)
    with other:
        other.execute(
            "INSERT INTO person (name, sort_key, created_at, updated_at)"
            " VALUES ('Imported Elsewhere', 'imported elsewhere', '', '')"
        )
    other.close()
    # The person comes back to the window (the offscreen platform has no real focus).
    window.safety.eventFilter(window, QEvent(QEvent.Type.ActivationChange))
    if not window.isActiveWindow():
        window.safety.notice_outside_changes()
    qtbot.waitUntil(lambda: window.people_page.model.rowCount() == 1, timeout=5000)
    assert "changed outside this window" in window.statusBar().currentMessage()
    assert not window.safety.notice_outside_changes()  # seen: no second refresh


def test_the_first_window_fits_a_small_screen(qtbot, database, tmp_path, monkeypatch):
    from PySide6.QtCore import QRect, QSize

    fresh = QSettings(str(tmp_path / "fresh.ini"), QSettings.Format.IniFormat)
    window = MainWindow(fresh, database)
    qtbot.addWidget(window)
    screen = window.screen()
    monkeypatch.setattr(type(screen), "availableGeometry", lambda self: QRect(0, 0, 1024, 700))
    size = window._first_size()
    assert size.width() <= 1024 and size.height() <= 700
    monkeypatch.setattr(type(screen), "availableGeometry", lambda self: QRect(0, 0, 1920, 1080))
    assert window._first_size() == QSize(1200, 760)


def test_find_and_the_first_focus_work_on_every_page(qtbot, window):
    """Ctrl+F, and where typing begins when a page is shown, on each page (the Follow-ups
    page once had neither, and Ctrl+F there stopped with a bug)."""
    from desktop.ui.main_window import PAGES

    for key in PAGES:
        window.show_page(key)
        window.find_action.trigger()
        window.pages[key].focus_start()
        assert window.pages[key].isAncestorOf(QApplication.focusWidget()), key


def test_about_shows_its_words_as_written_with_no_markup(qtbot, window, on_next_dialog):
    """As found: Help › About showed a raw '<br><br>' between its paragraphs."""
    from PySide6.QtWidgets import QLabel, QMessageBox

    help_menu = next(m for m in window.menuBar().actions() if m.text() == "&Help").menu()
    about = next(a for a in help_menu.actions() if a.text().startswith("&About"))
    seen = []

    def look(box):
        assert isinstance(box, QMessageBox)
        labels = [label for label in box.findChildren(QLabel) if label.isVisible()]
        seen.extend(label.text() for label in labels)
        box.accept()

    on_next_dialog(look)
    about.trigger()
    words = "\n".join(seen)
    assert "lead with service" in words and str(window.database_path) in words
    assert "<br" not in words and "&#" not in words and "<p" not in words
