"""The Companies page and form."""

from __future__ import annotations

import itertools

from desktop.core import companies, people
from desktop.store.connection import db
from desktop.ui.dialogs.company_dialog import CompanyDialog
from desktop.ui.models.companies_model import CompaniesModel
from desktop.ui.pages import companies as companies_module


def test_model_passes_the_model_tester(qtmodeltester, database):
    for name in ("Acme", "Globex", "Initech"):
        companies.create_company(companies.CompanyData(name=name, is_target=name == "Acme"))
    model = CompaniesModel()
    model.reload()
    qtmodeltester.check(model)
    assert [model.index(r, 3).data() for r in range(3)] == ["Target", "", ""]


def test_add_a_company_through_the_dialog(qtbot, window, on_next_dialog):
    def fill(dialog):
        dialog.name.setText("Northwind")
        dialog.website.setText("https://northwind.example")
        dialog.industry.setText("Logistics")
        dialog.is_target.setChecked(True)
        dialog.save_button.click()

    on_next_dialog(fill)
    window.new_company_action.trigger()
    page = window.companies_page
    assert window.current_page() == "companies"
    assert page.model.rowCount() == 1 and page.model.index(0, 0).data() == "Northwind"
    (company_id,) = companies.company_ids()
    assert companies.get_company(company_id) == companies.CompanyData(
        name="Northwind",
        website="https://northwind.example",
        industry="Logistics",
        is_target=True,
    )
    assert page.pane.title.text() == "Northwind"


def test_duplicate_name_and_bad_website_are_explained(qtbot, database):
    companies.create_company(companies.CompanyData(name="Acme"))
    dialog = CompanyDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("ACME")
    assert dialog.form.message("name").text() == "A company named 'Acme' already exists."
    assert not dialog.save_button.isEnabled()
    dialog.name.setText("Acme Robotics")
    dialog.website.setText("ftp://acme.example")
    assert "http:// or https://" in dialog.form.message("website").text()
    assert not dialog.save_button.isEnabled()
    dialog.website.setText("acme.example")  # a bare site name: https:// is added for you
    assert dialog.form.message("website").text() == "Saved as https://acme.example."
    assert dialog.save_button.isEnabled()
    dialog.website.setText("https://acme.example")
    assert not dialog.form.message("website").isVisible()
    assert dialog.save_button.isEnabled()


def test_pane_lists_people_and_adds_one_here(qtbot, window, on_next_dialog):
    people.create_person(people.PersonData(name="Ada", company="Acme", title="CTO"))
    window.companies_page.refresh()
    window.show_company(companies.find_company("Acme"))
    pane = window.companies_page.pane
    assert pane.people_heading.text() == "People (1)"
    assert pane.people.item(0).text() == "Ada — CTO"

    def add(dialog):
        assert dialog.company.text() == "Acme"
        dialog.name.setText("Grace")
        dialog.save()

    on_next_dialog(add)
    pane.add_person_button.click()
    assert pane.people_heading.text() == "People (2)"
    assert window.companies_page.model.index(0, 4).data() == "2"
    assert window.people_page.stale  # told, and reads again when shown
    window.show_page("people")
    assert window.people_page.model.rowCount() == 2  # the People page saw it too


def test_delete_explains_what_goes_and_what_stays(window, monkeypatch):
    people.create_person(people.PersonData(name="Ada", company="Acme"))
    company_id = companies.find_company("Acme")
    db.execute_sql(
        "INSERT INTO need (company_id, title, created_at, updated_at) VALUES (?, 'Data', '', '')",
        (company_id,),
    )
    asked = {}

    def confirm(parent, title, text, informative=""):
        asked.update(text=text, informative=informative)
        return True

    monkeypatch.setattr(companies_module, "confirm_delete", confirm)
    page = window.companies_page
    page.refresh(select=company_id)
    page.delete_current()
    assert asked["text"] == "Delete Acme?"
    assert "1 person stays in your network without a company." in asked["informative"]
    assert "Its 1 need is deleted with it." in asked["informative"]
    assert companies.company_count() == 0
    assert page.stack.currentWidget() is page.empty
    assert people.get_person(people.person_ids()[0]).company == ""


def test_dossier_shows_needs_opportunities_and_people_and_leads_to_them(
    qtbot, window, on_next_dialog
):
    from desktop.core import needs, opportunities
    from desktop.core.needs import NeedData
    from desktop.core.opportunities import OpportunityData

    hana = people.create_person(
        people.PersonData(name="Hana", company="Initech", roles=("hiring_manager",))
    )
    need = needs.create_need(NeedData(company="Initech", title="Tame the data", urgency=3))
    opportunity = opportunities.create_opportunity(
        OpportunityData(company="Initech", title="Data engineer", status="applied")
    )
    window.refresh_pages()
    window.show_company(companies.find_company("Initech"))
    pane = window.companies_page.pane
    assert pane.needs_heading.text() == "Needs (1)"
    assert pane.needs.item(0).text() == "Tame the data — high urgency"
    assert pane.opportunities.item(0).text().startswith("Data engineer — Applied since ")
    assert pane.people.item(0).text() == "Hana — Hiring manager"
    pane.needs.itemActivated.emit(pane.needs.item(0))
    assert window.current_page() == "needs" and window.needs_page.current_id() == need
    window.show_company(companies.find_company("Initech"))
    pane.opportunities.itemActivated.emit(pane.opportunities.item(0))
    assert window.current_page() == "opportunities"
    assert window.opportunities_page.current_id() == opportunity
    assert hana

    def add_need(dialog):
        assert dialog.company.text() == "Initech"
        dialog.title.setText("Cut churn")
        dialog.save()

    window.show_company(companies.find_company("Initech"))
    on_next_dialog(add_need)
    pane.add_need_button.click()
    assert needs.get_need(window.needs_page.current_id()).title == "Cut churn"
    window.show_company(companies.find_company("Initech"))
    assert pane.needs_heading.text() == "Needs (2)"


def test_cancelling_a_new_need_from_the_dossier_stays_on_the_company(qtbot, window, on_next_dialog):
    company_id = companies.create_company(companies.CompanyData(name="Initech"))
    window.refresh_pages()
    window.show_company(company_id)
    on_next_dialog(lambda dialog: dialog.reject())
    window.companies_page.pane.add_need_button.click()
    assert window.current_page() == "companies"
    on_next_dialog(lambda dialog: dialog.reject())
    window.companies_page.pane.add_opportunity_button.click()
    assert window.current_page() == "companies"


def test_the_dossier_counts_the_staff_as_the_list_does_and_says_who_else(qtbot, window):
    """As found: the Companies list said People = 3 and the dossier People (4)."""
    from desktop.core import opportunities
    from desktop.core.opportunities import OpportunityData

    for name in ("Ada", "Grace", "Linus"):
        people.create_person(
            people.PersonData(name=name, company="Acme", title="Recruiter", roles=("recruiter",))
        )
    rita = people.create_person(people.PersonData(name="Rita", company="Agency"))
    opportunities.create_opportunity(
        OpportunityData(company="Acme", title="Analyst", people=[(rita, "recruiter")])
    )
    window.companies_page.refresh()
    window.show_company(companies.find_company("Acme"))
    pane = window.companies_page.pane
    row = window.companies_page.model
    assert [row.index(0, c).data() for c in (0, 4)] == ["Acme", "3"]
    assert pane.people_heading.text() == "People (3 on staff, 1 through its opportunities)"
    shown = [pane.people.item(i).text() for i in range(pane.people.count())]
    assert shown[0] == "Ada — Recruiter"  # the title says it; not 'Recruiter, Recruiter'
    assert "Rita — Recruiter, not on staff" in shown


def test_empty_dossier_sections_are_their_headings_alone_never_drawn_over(qtbot, window):
    """As found: 'No opportunities yet' and 'People (4)' sat inside the box above."""
    for name in ("Ada", "Grace"):
        people.create_person(people.PersonData(name=name, company="Acme"))
    window.resize(1024, 700)
    window.show()
    window.companies_page.refresh()
    window.show_company(companies.find_company("Acme"))
    pane = window.companies_page.pane
    qtbot.waitUntil(lambda: pane.people.isVisible())
    assert not pane.needs.isVisible() and not pane.opportunities.isVisible()
    assert pane.needs_heading.text() == "No needs recorded yet"
    widgets = [pane.needs_heading, pane.opportunities_heading, pane.people_heading, pane.people]
    for upper, lower in itertools.pairwise(widgets):
        top = lower.mapTo(pane, lower.rect().topLeft()).y()
        bottom = upper.mapTo(pane, upper.rect().bottomLeft()).y()
        assert bottom < top, f"{upper.accessibleName() or upper.text()!r} runs into what is below"
    # The list is as tall as its two rows, and the frame holds them whole.
    assert pane.people.height() >= 2 * pane.people.sizeHintForRow(0)
    assert pane.people.height() == pane.people.maximumHeight()


def test_other_names_are_saved_with_the_company_and_checked_as_typed(qtbot, database):
    from desktop.core import company_names

    alphabet = companies.create_company(companies.CompanyData(name="Alphabet"))
    company_names.set_aliases(alphabet, ["Google"])
    dialog = CompanyDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("Meta")
    dialog.aliases.set_tags(["Google LLC"])
    assert (
        dialog.form.message("aliases").text()
        == "‘Google LLC’ is already another name for Alphabet."
    )
    assert not dialog.save_button.isEnabled()
    dialog.aliases.set_tags(["Facebook", "Instagram"])
    assert dialog.save_button.isEnabled()
    dialog.save_button.click()
    meta = companies.find_company("Meta")
    assert company_names.aliases_of(meta) == ["Facebook", "Instagram"]
    edit = CompanyDialog(None, meta)
    qtbot.addWidget(edit)
    assert edit.aliases.tags() == ["Facebook", "Instagram"]
