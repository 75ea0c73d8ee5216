"""Room used well: columns sized to what they hold and fitted to the table, splitters
that grow with the window and come back where the person left them."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QSettings

from desktop.core import companies, people
from desktop.ui.main_window import MainWindow
from desktop.ui.widgets.columns import fitted


@settings(max_examples=300, deadline=None, database=None)
@given(
    st.lists(st.integers(30, 600), min_size=1, max_size=8),
    st.integers(100, 2000),
    st.data(),
)
def test_fitted_columns_fill_the_room_and_keep_their_headings(wanted, room, data):
    floors = [data.draw(st.integers(20, w)) for w in wanted]
    grow = data.draw(st.integers(0, len(wanted) - 1))
    widths = fitted(wanted, room, grow, floors)
    assert all(w >= f for w, f in zip(widths, floors, strict=True))  # headings whole
    if sum(floors) <= room:
        assert sum(widths) == room  # no sideways scrolling, no empty strip
    if sum(wanted) <= room:  # room to spare: all of it to the growing column
        assert [w for c, w in enumerate(widths) if c != grow] == [
            w for c, w in enumerate(wanted) if c != grow
        ]


def test_the_people_table_does_not_scroll_sideways_at_1024_wide(qtbot, database, settings):
    people.create_person(
        people.PersonData(
            name="Alexandra Montgomery-Ferreira",
            company="Ferncliff Foundation for Community Health",
            title="Senior Technical Program Manager, Data Platforms",
            offers=("Python", "Stakeholder management", "Roadmapping"),
            seeks=("Introductions to hiring managers in healthcare",),
        )
    )
    window = MainWindow(settings, database)
    qtbot.addWidget(window)
    window.resize(1024, 700)
    window.show()
    window.show_page("people")
    table = window.people_page.table
    qtbot.waitUntil(lambda: table.viewport().width() > 0)
    header = table.horizontalHeader()
    widths = [header.sectionSize(c) for c in range(header.count())]
    assert sum(widths) <= table.viewport().width()
    assert not table.horizontalScrollBar().isVisible()
    assert widths[0] >= table.fontMetrics().horizontalAdvance("Alexandra Montgomery")  # the name


def test_the_pane_grows_with_the_window_and_the_splitter_is_remembered(qtbot, database, settings):
    companies.create_company(companies.CompanyData(name="Acme"))
    window = MainWindow(settings, database)
    qtbot.addWidget(window)
    window.resize(1600, 1000)
    window.show()
    window.show_page("companies")
    splitter = window.companies_page.splitter
    qtbot.waitUntil(lambda: splitter.sizes()[1] > 0)
    list_width, pane_width = splitter.sizes()
    assert pane_width >= 0.3 * (list_width + pane_width)  # not a narrow strip at 1600
    splitter.setSizes([500, list_width + pane_width - 500])
    placed = splitter.sizes()
    window.close()
    again = MainWindow(QSettings(settings.fileName(), QSettings.Format.IniFormat), database)
    qtbot.addWidget(again)
    again.resize(1600, 1000)
    again.show()
    again.show_page("companies")
    qtbot.waitUntil(lambda: again.companies_page.splitter.sizes()[1] > 0)
    assert again.companies_page.splitter.sizes() == placed


def test_who_could_fill_a_need_takes_the_room_an_empty_timeline_would_waste(qtbot, window):
    """As found: 'Who could fill this' stayed small above a large empty box."""
    from desktop.core import needs

    for number in range(30):
        people.create_person(people.PersonData(name=f"Seeker {number}", offers=("SQL",)))
    need = needs.create_need(needs.NeedData(company="Acme", title="Data lead", skills=["SQL"]))
    window.resize(1024, 700)
    window.show()
    window.show_page("needs")
    window.needs_page.select_id(need)
    pane = window.needs_page.pane
    qtbot.waitUntil(lambda: pane.candidates.isVisible())
    assert pane.history.heading.text() == "No actions logged yet"
    assert not pane.history.view.isVisible()
    assert pane.candidates.height() > pane.candidates.minimumHeight()  # it grew into the room
