"""CSV tables of everything, readable by people and safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from desktop.core import actions, companies, needs, opportunities, people
from desktop.core.actions import ActionData
from desktop.core.companies import CompanyData
from desktop.core.needs import NeedData
from desktop.core.people import PersonData
from desktop.formats import csv_export

NOTE = 'He said "hire her", then:\nline two, with a comma\r\nand a third; done'


def table(name: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(csv_export.export(name), newline="")))


@pytest.fixture
def saved(database):
    companies.create_company(
        CompanyData(name="Acme", website="https://acme.example", industry="Anvils", is_target=True)
    )
    ada = people.create_person(
        PersonData(
            name="Ada Lovelace",
            company="Acme",
            title="CTO",
            email="ada@acme.example",
            phone="+1 555 0100",
            location="Zürich",
            how_met="PyCon",
            met_on=date(2025, 6, 1),
            notes=NOTE,
            roles=("mentor", "hiring_manager"),
            offers=["Python", "Go", "Ansible"],
            seeks=["Rust"],
            cadence_days=30,
            name_prefix="Lady",
            given_name="Augusta",
            middle_name="Ada",
            family_name="=King()",
        )
    )
    evil = people.create_person(PersonData(name='=HYPERLINK("http://evil.example","click")'))
    need = needs.create_need(
        NeedData(
            company="Acme",
            title="Data pipeline",
            problem="-nightly jobs fail",
            for_whom="team",
            skills=["SQL", "Python"],
            source_person_id=ada,
            learned_on=date(2025, 6, 2),
            urgency=3,
            fit_override="strong",
        )
    )
    opportunity = opportunities.create_opportunity(
        opportunities.OpportunityData(
            company="Acme",
            title="Data engineer",
            need_id=need,
            url="https://acme.example/jobs/7",
            notes=NOTE,
            people=[(ada, "interviewer"), (evil, "referrer"), (ada, "hiring_manager")],
        ),
        today=date(2025, 6, 2),
    )
    opportunities.set_status(opportunity, "applied", date(2025, 6, 4))
    opportunities.set_status(opportunity, "interviewing", date(2025, 6, 20))
    withdrawn = opportunities.create_opportunity(
        opportunities.OpportunityData(
            company="Acme", title="+Night shift", status="withdrawn", notes="=cmd|' /C calc'!A0"
        ),
        today=date(2025, 5, 1),
    )
    actions.create_action(
        ActionData(
            occurred_on=date(2025, 6, 3),
            direction="given",
            kind="introduction",
            counterpart_id=ada,
            beneficiary_id=evil,
            company_id=companies.find_company("Acme"),
            need_id=need,
            opportunity_id=opportunity,
            summary="@Ada introduced to the team",
            notes=NOTE,
            weight=2,
            follow_up_on=date(2025, 6, 10),
        )
    )
    return {"ada": ada, "evil": evil, "opportunity": opportunity, "withdrawn": withdrawn}


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ('=HYPERLINK("x")', '\'=HYPERLINK("x")'),
        ("+1 555", "'+1 555"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Ada", "Ada"),
        ("", ""),
        ("a=b", "a=b"),
        ("2025-06-01", "2025-06-01"),
    ],
)
def test_neutralise_prefixes_cells_a_spreadsheet_would_run(cell, safe):
    assert csv_export.neutralise(cell) == safe


def test_people_have_readable_columns_and_neutralised_cells(saved):
    header, *rows = table("people")
    assert header == [
        "Name", "Prefix", "Given name", "Middle name", "Family name", "Suffix", "Company",
        "Title", "Email", "Phone", "LinkedIn", "Location", "How met", "Met on", "Roles",
        "Offers", "Seeks", "Keep in touch every (days)", "Notes",
    ]  # fmt: skip
    assert rows == [  # by name, as the people list sorts them: '=' comes before letters
        ['\'=HYPERLINK("http://evil.example","click")', "", "", "", "", "", "", "", "", "",
         "", "", "", "", "", "", "", "", ""],
        ["Ada Lovelace", "Lady", "Augusta", "Ada", "'=King()", "", "Acme", "CTO",
         "ada@acme.example", "'+1 555 0100", "", "Zürich", "PyCon", "2025-06-01",
         "Hiring manager, Mentor", "Ansible, Go, Python", "Rust", "30", NOTE],
    ]  # fmt: skip


def test_companies_needs_and_actions_name_what_they_point_at(saved):
    assert table("companies") == [
        ["Name", "Website", "Industry", "Location", "Target", "Notes"],
        ["Acme", "https://acme.example", "Anvils", "", "Yes", ""],
    ]
    assert table("needs") == [
        ["Company", "Title", "Problem", "For whom", "Skills", "Learned from", "Learned on",
         "Status", "Urgency", "Fit (set by hand)", "Notes"],
        ["Acme", "Data pipeline", "'-nightly jobs fail", "The team", "Python, SQL",
         "Ada Lovelace", "2025-06-02", "Open", "High", "Strong", ""],
    ]  # fmt: skip
    assert table("actions") == [
        ["Date", "Direction", "Kind", "Person", "Helped", "Company", "Need", "Opportunity",
         "Summary", "Notes", "Weight", "Follow up on", "Follow-up done"],
        ["2025-06-03", "Given", "Introduction", "Ada Lovelace",
         '\'=HYPERLINK("http://evil.example","click")', "Acme", "Data pipeline",
         "Data engineer", "'@Ada introduced to the team", NOTE, "2", "2025-06-10", ""],
    ]  # fmt: skip


def test_opportunities_show_their_company_need_people_and_history(saved):
    assert table("opportunities") == [
        ["Company", "Title", "Need", "Status", "Status since", "Applied on", "Posting",
         "People", "Status history", "Notes"],
        # The latest status change first, as the opportunities page lists them.
        ["Acme", "Data engineer", "Data pipeline", "Interviewing", "2025-06-20", "2025-06-04",
         "https://acme.example/jobs/7",
         "Ada Lovelace (hiring manager, interviewer); "
         '=HYPERLINK("http://evil.example","click") (referrer)',
         "Interested 2025-06-02; Applied 2025-06-04; Interviewing 2025-06-20", NOTE],
        ["Acme", "'+Night shift", "", "Withdrawn", "2025-05-01", "", "", "",
         "Withdrawn 2025-05-01", "'=cmd|' /C calc'!A0"],
    ]  # fmt: skip


def test_a_person_first_in_an_opportunitys_people_cannot_run_as_a_formula(database):
    evil = people.create_person(PersonData(name="=1+2"))
    opportunities.create_opportunity(
        opportunities.OpportunityData(company="-Acme", title="Role", people=[(evil, "recruiter")]),
        today=date(2025, 6, 2),
    )
    (row,) = table("opportunities")[1:]
    assert row[0] == "'-Acme"
    assert row[7] == "'=1+2 (recruiter)"


def test_an_opportunitys_people_and_history_follow_their_changes(saved):
    opportunities.set_status(saved["withdrawn"], "interested", date(2025, 7, 1))
    people.delete_person(saved["evil"])
    rows = {row[1]: row for row in table("opportunities")[1:]}
    assert rows["'+Night shift"][3:5] == ["Interested", "2025-07-01"]
    assert rows["'+Night shift"][8] == "Withdrawn 2025-05-01; Interested 2025-07-01"
    assert rows["Data engineer"][7] == "Ada Lovelace (hiring manager, interviewer)"
    assert list(rows) == ["'+Night shift", "Data engineer"]


def test_two_people_of_one_name_on_an_opportunity_stay_two(database):
    first, second = (people.create_person(PersonData(name="Sam Lee")) for _ in range(2))
    opportunities.create_opportunity(
        opportunities.OpportunityData(
            company="Acme",
            title="Role",
            people=[(first, "recruiter"), (second, "interviewer"), (first, "interviewer")],
        )
    )
    (row,) = table("opportunities")[1:]
    assert row[7] == "Sam Lee (recruiter, interviewer); Sam Lee (interviewer)"


def test_every_record_is_one_row_even_with_newlines_in_a_note(database):
    for n in range(30):
        people.create_person(PersonData(name=f"Person {n:02}", notes=NOTE))
    rows = table("people")[1:]
    assert [row[0] for row in rows] == [f"Person {n:02}" for n in range(30)]
    assert {row[-1] for row in rows} == {NOTE}


def test_an_empty_database_gives_headers_only(database):
    for name in csv_export.TABLES:
        assert len(table(name)) == 1


def test_an_unknown_table_is_refused(database):
    with pytest.raises(ValueError, match="Unknown table 'skills'"):
        csv_export.export("skills")


def test_export_all_writes_one_utf8_file_per_table_with_a_byte_order_mark(saved, tmp_path):
    folder = tmp_path / "export"
    paths = csv_export.export_all(folder)
    assert [p.name for p in paths] == [
        "people.csv", "companies.csv", "needs.csv", "opportunities.csv", "actions.csv",
    ]  # fmt: skip
    for path, name in zip(paths, csv_export.TABLES, strict=True):
        data = path.read_bytes()
        assert data.startswith(b"\xef\xbb\xbf")
        assert data.decode("utf-8-sig") == csv_export.export(name)
    assert "Zürich" in paths[0].read_text(encoding="utf-8-sig")
    with paths[0].open(encoding="utf-8-sig", newline="") as f:
        assert list(csv.reader(f))[2][-1] == NOTE
