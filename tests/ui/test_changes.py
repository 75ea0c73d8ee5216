"""Pages told what changed: a write reads again only the pages that show what it touched,
and those only once they are on screen."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.core import companies, people, timeline
from desktop.core.changes import ACTION_WRITE, Changed
from desktop.core.timeline import TimelineFilter


def test_logging_an_action_reads_again_only_the_page_on_screen(
    qtbot, window, on_next_dialog, monkeypatch, settle
):
    ada = people.create_person(people.PersonData(name="Ada", company="Acme"))
    window.refresh_pages()
    window.show_page("people")
    window.people_page.select_id(ada)
    reads = []
    for key, page in window.pages.items():
        monkeypatch.setattr(
            page, "recompute", lambda key=key, real=page.recompute: (reads.append(key), real())[1]
        )

    def log(dialog):
        qtbot.keyClicks(dialog.summary, "Sent the lead")
        qtbot.keyClick(dialog.summary, Qt.Key.Key_Return)

    window.people_page.search.setFocus()
    on_next_dialog(log)
    window.log_action.trigger()
    assert timeline.count(TimelineFilter()) == 1
    assert reads == ["people"]  # the page on screen shows it at once; no other page reads
    hidden = [key for key, page in window.pages.items() if page.stale]
    assert set(hidden) >= {"timeline", "follow-ups", "reciprocity", "dashboard", "companies"}
    window.show_page("timeline")
    assert reads == ["people", "timeline"]
    assert not window.timeline_page.stale
    assert window.timeline_page.model.total() == 1


def test_a_profile_change_reaches_the_pages_that_show_fit_and_no_others(qtbot, window, settle):
    companies.create_company(companies.CompanyData(name="Acme"))
    window.show_page("timeline")  # read when first shown, like the pages of figures
    window.show_page("reciprocity")
    settle(window.reciprocity_page)
    window.show_page("companies")
    for page in window.pages.values():
        assert not page.stale or page in (window.dashboard_page, window.followups_page)
    window.note_changes(Changed.PROFILE)
    assert window.needs_page.stale  # fit comes from the profile
    assert not window.timeline_page.stale
    assert not window.reciprocity_page.stale
    assert not window.people_page.stale


def test_a_company_renamed_is_read_again_by_its_pages_but_not_by_the_charts(
    qtbot, window, on_next_dialog, settle
):
    acme = companies.create_company(companies.CompanyData(name="Acme"))
    list(window.pages.values())  # every page made, as once each has been visited
    window.refresh_pages()
    window.show_page("reciprocity")
    settle(window.reciprocity_page)
    window.show_page("companies")
    window.companies_page.select_id(acme)

    def rename(dialog):
        dialog.name.setText("Acme Robotics")
        dialog.save()

    on_next_dialog(rename)
    window.companies_page.edit_button.click()
    assert companies.get_company(acme).name == "Acme Robotics"
    assert window.people_page.stale and window.timeline_page.stale and window.needs_page.stale
    assert not window.reciprocity_page.stale  # the charts name no company


def test_a_write_the_page_does_not_show_leaves_it_as_it_is(qtbot, window, settle):
    window.show_page("reciprocity")
    settle(window.reciprocity_page)
    window.show_page("people")
    window.note_changes(Changed.NEEDS | Changed.COMPANIES)
    assert not window.reciprocity_page.stale
    window.note_changes(ACTION_WRITE)
    assert window.reciprocity_page.stale


def test_a_hidden_page_told_twice_reads_once_when_shown(qtbot, window, monkeypatch, settle):
    people.create_person(people.PersonData(name="Ada"))
    window.show_page("people")
    calls = []
    page = window.timeline_page
    monkeypatch.setattr(page, "recompute", lambda real=page.recompute: (calls.append(1), real())[1])
    window.note_changes(ACTION_WRITE)
    window.note_changes(Changed.PEOPLE)
    assert calls == []
    window.show_page("timeline")
    assert calls == [1]


def test_only_the_first_page_is_made_at_start_and_a_later_one_reads_as_it_is_made(qtbot, window):
    first = window.current_page()
    assert list(window.pages.made()) == [first]
    assert window.stack.count() == len(window.pages)
    people.create_person(people.PersonData(name="Ada", company="Acme"))
    window.note_changes(Changed.PEOPLE | Changed.COMPANIES)
    assert "companies" not in window.pages.made()  # a write makes no page
    window.show_page("companies")
    assert window.stack.currentWidget() is window.companies_page
    assert window.companies_page.model.rowCount() == 1
    assert list(window.pages.made()) == [first, "companies"]
