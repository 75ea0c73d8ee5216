"""The brief on paper: a PDF that says what the database holds, literally, on one or two
pages; the preview dialog that saves and prints it."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QPdfWriter
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog

from desktop.core import brief as core
from desktop.core import companies, needs, people, profile
from desktop.core.actions import ActionData, create_action
from desktop.core.matching import Fit
from desktop.sample import generate_network
from desktop.store.connection import db
from desktop.ui import brief as ui
from desktop.ui.dialogs import brief_dialog

PROBLEM = "Sales waits three days for every report."
MARKUP = "<b>not bold</b> & <i>kept</i>"


def pdf_text(data: bytes) -> tuple[int, str]:
    """(pages, all the text with spacing made single)."""
    reader = PdfReader(io.BytesIO(data))
    text = " ".join(page.extract_text() for page in reader.pages)
    return len(reader.pages), " ".join(text.split())


@pytest.fixture
def acme(database):
    profile.save_profile(profile.ProfileData(name="Maya Chen", skills=["Python"]))
    hana = people.create_person(
        people.PersonData(name="Hana Ito", company="Acme Analytics", title="VP Data")
    )
    needs.create_need(
        needs.NeedData(
            company="Acme Analytics",
            title=f"Dashboards {MARKUP}",
            problem=PROBLEM,
            skills=["Python", "Tableau"],
            source_person_id=hana,
        )
    )
    company_id = companies.find_company("Acme Analytics")
    insight = "The board wants one number"
    create_action(
        ActionData(date(2025, 3, 1), "received", "company_insight", hana, summary=insight)
    )
    return core.company_brief(company_id)


def test_export_writes_a_pdf_with_the_company_and_the_needs_problem(acme, qtbot, tmp_path):
    path = tmp_path / "brief.pdf"
    ui.export_pdf(acme, path)
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 1000
    pages, text = pdf_text(data)
    assert pages == 1
    assert "Acme Analytics" in text
    assert PROBLEM in text
    assert "Hana Ito" in text and "The board wants one number" in text
    assert "Page 1 of 1" in text


def test_user_text_is_printed_literally_never_as_markup(acme, qtbot, tmp_path):
    document = ui.brief_document(acme)
    assert f"Dashboards {MARKUP}" in document.toPlainText()
    _pages, text = pdf_text(ui.pdf_bytes(acme))
    assert f"Dashboards {MARKUP}" in text


def test_the_document_has_its_sections_and_says_when_one_is_empty(database, qtbot):
    company_id = companies.create_company(companies.CompanyData(name="Quiet Ltd"))
    text = ui.brief_document(core.company_brief(company_id)).toPlainText()
    for heading in ("What they need", "Skills I’d bring", "People I’ll meet", "What they told me"):
        assert heading in text
    assert "No needs recorded yet" in text
    assert "No one at Quiet Ltd is in your network yet." in text
    assert "Nothing received about Quiet Ltd yet." in text
    assert "Add your skills under My profile" in text
    pages, _text = pdf_text(ui.pdf_bytes(core.company_brief(company_id)))
    assert pages == 1


def test_long_notes_are_shortened_and_line_breaks_stay_inside_the_item(database, qtbot):
    company_id = companies.create_company(
        companies.CompanyData(name="Verbose", notes="First line\n\n\nSecond line " + "x" * 900)
    )
    document = ui.brief_document(core.company_brief(company_id))
    notes = document.findBlock(document.toPlainText().index("First line"))
    assert notes.text().startswith("First line\u2028Second line x")  # one item, two lines
    assert "x" * 500 not in notes.text() and notes.text().endswith("…")


def test_the_busiest_sample_companies_fit_two_pages_without_stranded_headings(
    database, qtbot, tmp_path
):
    generate_network(db, today=date(2026, 6, 1))
    writer = QPdfWriter(str(tmp_path / "measure.pdf"))
    writer.setResolution(ui.PDF_DPI)
    writer.setPageLayout(ui._page_layout())
    # The busiest companies (a handful: each layout is hundreds of Qt calls).
    busiest = sorted(
        companies.company_ids(),
        key=lambda c: (
            -db.execute_sql(
                "SELECT (SELECT count(*) FROM need WHERE company_id = ?1)"
                " + (SELECT count(*) FROM person WHERE company_id = ?1)",
                (c,),
            ).fetchone()[0]
        ),
    )[:4]
    for company_id in busiest:
        document = ui.paginate(core.company_brief(company_id), writer)
        assert document.pageCount() <= 2, companies.get_company(company_id).name
        height = document.pageSize().height()
        layout = document.documentLayout()
        block = document.begin()
        while block.isValid():
            rect = layout.blockBoundingRect(block)
            top, bottom = int(rect.top() // height), int((rect.bottom() - 1) // height)
            if block.blockFormat().boolProperty(ui.KEEP_TOGETHER):
                assert top == bottom, block.text()  # an item is never cut in two
            if block.blockFormat().headingLevel() == ui.HEADING_LEVEL:
                following = layout.blockBoundingRect(block.next())
                assert int(following.top() // height) == top, block.text()
            block = block.next()


def full_brief() -> core.Brief:
    """A brief with every list at its longest and every text long."""
    long = "The board wants one revenue number and three teams disagree on it. " * 12
    fit = Fit("partial", ["Python", "SQL"], ["Airflow", "Kafka", "Spark"], False)
    return core.Brief(
        company_id=1,
        company=companies.CompanyData(
            "Maximal Industries", "https://max.example", "Cars", notes=long
        ),
        prepared_on=date(2025, 4, 1),
        my_name="Maya Chen",
        my_pitch=long,
        my_skills=("Python", "SQL"),
        opening=core.Opening(
            1, "Data engineer", "Interviewing", "Data platform", "https://max.example/7", long
        ),
        openings=tuple(core.Opening(i, f"Role {i}", "Applied", "", "", "") for i in range(5)),
        openings_left_out=4,
        needs=tuple(
            core.BriefNeed(i, f"Need {i}", long, "A boss", "Open", True, "High", None, "", fit)
            for i in range(core.MAX_NEEDS)
        ),
        open_needs_left_out=12,
        bring=("Python", "SQL"),
        gaps=tuple(f"Skill {i}" for i in range(20)),
        people=tuple(
            core.BriefPerson(i, f"Person {i}", "Director", "", (core.Part("Interviewer", "X"),), ())
            for i in range(core.MAX_PEOPLE)
        ),
        people_left_out=140,
        told=tuple(
            core.Told(i, date(2025, 3, i + 1), "Company insight", "Hana", f"Told {i}", long)
            for i in range(core.MAX_TOLD)
        ),
    )


def test_a_brief_with_everything_at_its_longest_prints_to_the_last_item(qtbot):
    pages, text = pdf_text(ui.pdf_bytes(full_brief()))
    assert pages == 3  # two for every company of the sample; three at the very most
    assert f"Told {core.MAX_TOLD - 1}" in text  # nothing is lost off the end
    assert "And 140 more people at Maximal Industries." in text
    assert "Role 4 (applied) and 4 more" in text.replace("\n", " ")
    assert "Posting: https://max.example/7" in text
    assert "Page 3 of 3" in text


def open_dialog(qtbot, brief: core.Brief) -> brief_dialog.BriefDialog:
    dialog = brief_dialog.BriefDialog(brief)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_dialog_previews_the_brief_and_saves_it_as_pdf(acme, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(brief_dialog.BriefDialog, "last_folder", None)
    asked = []

    def choose(parent, caption, directory, filters):
        asked.append(directory)
        return str(tmp_path / "for Hana"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    dialog = open_dialog(qtbot, acme)
    assert dialog.preview.isReadOnly()
    assert f"Dashboards {MARKUP}" in dialog.preview.toPlainText()
    dialog.save_button.click()
    assert Path(asked[0]).name == "Acme Analytics brief.pdf"
    written = tmp_path / "for Hana.pdf"  # the extension is added when left off
    assert written.read_bytes().startswith(b"%PDF")
    assert PROBLEM in pdf_text(written.read_bytes())[1]
    dialog.save_button.click()  # the next save starts where the last one went
    assert Path(asked[1]).parent == tmp_path


def test_a_file_that_cannot_be_written_is_explained(acme, qtbot, tmp_path, monkeypatch):
    target = tmp_path / "no such folder" / "brief.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), ""))
    errors = []
    monkeypatch.setattr(brief_dialog, "show_error", lambda parent, title, text: errors.append(text))
    dialog = open_dialog(qtbot, acme)
    assert dialog.save_pdf() is None
    assert not target.exists()
    assert str(target) in errors[0] and "Choose another folder" in errors[0]


def test_cancelling_the_save_writes_nothing(acme, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: ("", ""))
    assert open_dialog(qtbot, acme).save_pdf() is None
    assert list(tmp_path.glob("*.pdf")) == []


class FakePrintDialog:
    """Stands in for the system print dialog: prints to a PDF file, or is cancelled."""

    answer = QDialog.DialogCode.Accepted
    output: Path

    def __init__(self, printer: QPrinter, parent=None):
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(self.output))

    def setWindowTitle(self, title: str) -> None:
        pass

    def exec(self):
        return self.answer


def test_print_sends_the_pages_to_the_chosen_printer(acme, qtbot, tmp_path, monkeypatch):
    FakePrintDialog.output = tmp_path / "printed.pdf"
    monkeypatch.setattr(ui, "QPrintDialog", FakePrintDialog)
    dialog = open_dialog(qtbot, acme)
    dialog.print_button.click()
    pages, text = pdf_text(FakePrintDialog.output.read_bytes())
    assert pages == 1 and PROBLEM in text


def test_cancelled_print_prints_nothing(acme, qtbot, tmp_path, monkeypatch):
    FakePrintDialog.output = tmp_path / "printed.pdf"
    monkeypatch.setattr(FakePrintDialog, "answer", QDialog.DialogCode.Rejected)
    monkeypatch.setattr(ui, "QPrintDialog", FakePrintDialog)
    assert ui.print_brief(None, acme) is False
    assert not FakePrintDialog.output.exists()


def test_export_brief_opens_the_dialog_for_the_company(acme, qtbot, on_next_dialog):
    seen = []

    def check(dialog):
        seen.append(dialog.windowTitle())
        dialog.reject()

    on_next_dialog(check)
    brief_dialog.export_brief(None, acme.company_id)
    assert seen == ["Brief: Acme Analytics"]
