"""The Needs page: record a need, see my fit and who could fill it, refer someone."""

from __future__ import annotations

from datetime import date

from desktop.core import matching, needs, people, timeline
from desktop.core.timeline import TimelineFilter
from desktop.ui.dialogs.need_dialog import NeedDialog
from desktop.ui.models import needs_model
from desktop.ui.models.needs_model import NeedsModel


def test_model_passes_the_model_tester(qtmodeltester, database):
    needs.create_need(needs.NeedData(company="Acme", title="Tame the pipeline"))
    model = NeedsModel()
    model.reload()
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == "Tame the pipeline"


def test_create_a_need_through_its_form_and_see_fit_and_candidates(qtbot, window, on_next_dialog):
    matching.set_profile_skills(["Python", "SQL"])
    maya = people.create_person(
        people.PersonData(name="Maya", roles=("job_seeker",), offers=["Airflow", "SQL"])
    )
    tom = people.create_person(people.PersonData(name="Tom", offers=["Python"]))
    window.refresh_pages()

    def fill(dialog):
        dialog.company.setText("Northwind")
        dialog.title.setText("Tame the data pipeline")
        dialog.problem.setPlainText("Reports break every Monday; the CFO is unhappy.")
        dialog.skills.set_tags(["Python", "SQL", "Airflow"])
        dialog.save()

    on_next_dialog(fill)
    window.show_page("needs")
    window.needs_page.new_item()
    pane = window.needs_page.pane
    assert pane.title.text() == "Tame the data pipeline"
    assert pane.value("fit").text() == "Strong: you have Python, SQL; missing Airflow"
    names = [
        pane.candidates.topLevelItem(i).text(0) for i in range(pane.candidates.topLevelItemCount())
    ]
    assert names == ["Maya", "Tom"]  # job seekers first
    assert pane.candidates.topLevelItem(0).text(1).startswith("job seeker")
    assert {maya, tom} <= set(people.person_ids())


def test_refer_logs_a_referral_for_the_need(qtbot, window, on_next_dialog):
    ada = people.create_person(people.PersonData(name="Ada", company="Northwind"))
    maya = people.create_person(
        people.PersonData(name="Maya", roles=("job_seeker",), offers=["SQL"])
    )
    need_id = needs.create_need(
        needs.NeedData(company="Northwind", title="Analyst", skills=["SQL"], source_person_id=ada)
    )
    window.refresh_pages()
    window.show_page("needs")
    window.needs_page.select_id(need_id)
    pane = window.needs_page.pane
    pane.candidates.setCurrentItem(pane.candidates.topLevelItem(0))

    def check_and_save(dialog):
        assert dialog.counterpart.person_id() == ada
        assert dialog.beneficiary.person_id() == maya
        assert dialog.kind.currentData() == "referral"
        assert dialog.need.currentData() == need_id
        dialog.summary.setText("Referred Maya for the analyst need")
        dialog.save()

    on_next_dialog(check_and_save)
    pane.refer_button.click()
    rows = timeline.page(TimelineFilter(person_id=maya))
    assert [(r.kind, r.summary) for r in rows] == [
        ("referral", "Referred Maya for the analyst need")
    ]


def test_need_form_requires_company_and_title(qtbot, database):
    dialog = NeedDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.save_button.isEnabled()
    dialog.company.setText("Acme")
    dialog.title.setText("x")
    dialog.title.clear()
    assert dialog.form.message("title").text() == "Give the need a short title."
    dialog.title.setText("Find a data lead")
    assert dialog.save_button.isEnabled()
    assert "saving adds it" in dialog.form.message("company").text()


def test_saving_my_profile_updates_the_fit_shown(qtbot, window, on_next_dialog):
    need_id = needs.create_need(needs.NeedData(company="Acme", title="Data lead", skills=["SQL"]))
    window.refresh_pages()
    window.show_page("needs")
    window.needs_page.select_id(need_id)
    pane = window.needs_page.pane
    assert pane.value("fit").text() == "None: missing SQL"

    def add_skill(dialog):
        dialog.skills.set_tags(["SQL"])
        dialog.save()

    on_next_dialog(add_skill)
    window.needs_page.profile_button.click()
    assert pane.value("fit").text() == "Strong: you have SQL"


def test_a_job_seekers_pane_lists_the_needs_that_fit_them(window):
    maya = people.create_person(
        people.PersonData(name="Maya", roles=("job_seeker",), offers=["SQL"])
    )
    tom = people.create_person(people.PersonData(name="Tom", offers=["SQL"]))
    need_id = needs.create_need(needs.NeedData(company="Acme", title="Data lead", skills=["SQL"]))
    window.refresh_pages()
    window.show_person(maya)
    pane = window.people_page.pane
    assert pane.fitting.isVisibleTo(window)
    item = pane.fitting.topLevelItem(0)
    assert (item.text(0), item.text(2)) == ("Data lead", "Acme")
    assert "offers SQL" in item.text(1)
    pane.fitting.itemActivated.emit(item, 0)
    assert window.current_page() == "needs"
    assert window.needs_page.current_id() == need_id
    window.show_person(tom)  # not a job seeker: no such list
    assert not pane.fitting.isVisibleTo(window)


def test_status_filter_narrows_the_list(window):
    needs.create_need(needs.NeedData(company="Acme", title="Open one"))
    needs.create_need(needs.NeedData(company="Acme", title="Filled one", status="filled"))
    window.refresh_pages()  # written behind the window's back: it is told
    window.show_page("needs")
    page = window.needs_page
    assert page.model.rowCount() == 2
    page.status.setCurrentIndex(page.status.findData("filled"))
    assert [page.model.index(r, 0).data() for r in range(page.model.rowCount())] == ["Filled one"]
    assert page.count_label.text() == "1 of 2 needs"


def test_fit_column_and_filter(qtbot, window):
    matching.set_profile_skills(["Python"])
    strong = needs.create_need(needs.NeedData(company="Acme", title="Strong", skills=["Python"]))
    weak = needs.create_need(needs.NeedData(company="Acme", title="Weak", skills=["Go"]))
    by_hand = needs.create_need(
        needs.NeedData(company="Globex", title="Mine", skills=["Go"], fit_override="partial")
    )
    window.refresh_pages()  # written behind the window's back: it is told
    window.show_page("needs")
    page = window.needs_page
    fit_column = needs_model.HEADERS.index("My fit")

    def shown() -> dict[int, str]:
        model = page.model
        return {model.id_at(r): model.index(r, fit_column).data() for r in range(model.rowCount())}

    assert shown() == {strong: "Strong", weak: "None", by_hand: "Partial (by hand)"}
    page.fit.setCurrentIndex(page.fit.findText("Strong or partial"))
    assert set(shown()) == {strong, by_hand}
    assert page.count_label.text() == "2 of 3 needs"
    page.company.setText("acme")
    assert set(shown()) == {strong}
    page.fit.setCurrentIndex(page.fit.findText("Any fit"))
    assert set(shown()) == {strong, weak}


def test_need_pane_adds_an_opportunity_for_it_and_shows_its_actions(qtbot, window, on_next_dialog):
    from desktop.core import actions, opportunities
    from desktop.core.actions import ActionData

    ada = people.create_person(people.PersonData(name="Ada"))
    need_id = needs.create_need(needs.NeedData(company="Northwind", title="Tame the pipeline"))
    actions.create_action(
        ActionData(
            occurred_on=date(2026, 5, 1), counterpart_id=ada, need_id=need_id, summary="Asked Ada"
        )
    )
    window.refresh_pages()
    window.show_need(need_id)
    pane = window.needs_page.pane
    assert pane.history.heading.text() == "Actions (1)"

    def fill(dialog):
        assert (dialog.company.text(), dialog.need.currentData()) == ("Northwind", need_id)
        dialog.title.setText("Data engineer")
        dialog.save()

    on_next_dialog(fill)
    pane.opportunity_button.click()
    assert window.current_page() == "opportunities"
    saved = window.opportunities_page.current_id()
    assert opportunities.get_opportunity(saved).need_id == need_id

    window.show_need(need_id)
    pane.history.all_button.click()
    timeline_page = window.timeline_page
    assert window.current_page() == "timeline"
    assert timeline_page.scope_label.text() == "Only actions about the need “Tame the pipeline”"
    assert timeline_page.model.total() == 1
    timeline_page.clear_button.click()
    assert timeline_page.scope_label.isHidden()
