"""Render every page, filled with the sample network, to PNG files.

    python -m desktop.ui.screenshots [OUTPUT_FOLDER] [--size WIDTHxHEIGHT]

Used for the README and for reviewing screens; runs headless (offscreen) by default.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

DEFAULT_OUTPUT = Path("resources/screenshots")
SIZE = (1280, 800)


def render_all(
    output: Path, database: Path, settings_file: Path, size: tuple[int, int] = SIZE
) -> list[Path]:
    """Open the sample network in a main window and save one PNG per page and dialog."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from desktop.core import companies, follow_through, matching, needs, opportunities, people
    from desktop.ui.application import ensure_sample_network
    from desktop.ui.dialogs.action_dialog import ActionDialog
    from desktop.ui.dialogs.company_dialog import CompanyDialog
    from desktop.ui.dialogs.follow_through_dialog import FollowThroughDialog
    from desktop.ui.dialogs.import_dialog import ImportDialog
    from desktop.ui.dialogs.opportunity_dialog import OpportunityDialog
    from desktop.ui.dialogs.person_dialog import PersonDialog
    from desktop.ui.dialogs.restore_dialog import RestoreDialog
    from desktop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    ensure_sample_network(database)
    output.mkdir(parents=True, exist_ok=True)
    window = MainWindow(
        QSettings(str(settings_file), QSettings.Format.IniFormat), database, sample=True
    )
    window.resize(*size)
    window.show()
    saved: list[Path] = []

    def save(widget, name: str) -> None:
        figures = getattr(window.pages[window.current_page()], "figures", None)
        if widget is window and figures is not None:
            figures.wait()  # a page's figures are worked out off the window's thread
        app.processEvents()
        path = output / f"{name}.png"
        widget.grab().save(str(path))
        saved.append(path)

    seeker = next(
        (
            pid
            for pid in people.person_ids()
            if "Job seeker" in people.person_rows([pid])[pid].roles
        ),
        people.person_ids()[0],
    )
    window.show_page("dashboard")
    save(window, "dashboard")
    window.show_page("reciprocity")
    save(window, "reciprocity")
    window.show_person(seeker)
    save(window, "people")
    window.people_page.search.setText("python")
    save(window, "people-search")
    window.people_page.search.clear()
    busiest = max(companies.company_ids(), key=lambda c: companies.company_rows([c])[c].people)
    window.show_company(busiest)
    save(window, "companies")
    pane = window.companies_page.pane
    pane.ensureWidgetVisible(pane.warm.ask_button, 0, 0)
    save(window, "companies-warm-paths")
    pane.verticalScrollBar().setValue(0)
    window.show_page("timeline")
    save(window, "timeline")
    window.show_timeline(person_id=seeker)
    save(window, "timeline-person")
    window.timeline_page.clear_filters()
    window.show_page("follow-ups")
    save(window, "follow-ups")
    _save_ties(window, save)
    window.show_page("needs")
    richest = max(needs.need_ids(), key=lambda n: len(matching.candidates(n, limit=20)))
    window.needs_page.select_id(richest)
    save(window, "needs")
    window.go_to_anything()
    box = window.goto_dialog
    if box is not None:
        box.box.setText("mar")  # Ctrl+K, and a few letters
        save(box, "go-to-anything")
        box.reject()
    window.show_page("opportunities")

    def richness(opportunity_id: int) -> tuple[int, int]:
        offer = follow_through.offer(opportunity_id)
        groups = (offer.referrals, offer.thanks, offer.keep_in_touch)
        return sum(1 for g in groups if g), len(offer.suggestions)

    ended = opportunities.opportunity_ids(status="not_selected")
    with_people = sorted(ended, key=richness, reverse=True)
    if with_people:
        window.opportunities_page.select_id(with_people[0])
    save(window, "opportunities")
    opportunity_dialog = OpportunityDialog(window, with_people[0] if with_people else None)
    opportunity_dialog.show()
    save(opportunity_dialog, "opportunity-dialog")
    opportunity_dialog.done(0)
    if with_people:
        offer = FollowThroughDialog(window, with_people[0])
        offer.show()
        save(offer, "follow-through")
        offer.done(0)  # closed unseen: the offer stays due
    action_dialog = ActionDialog(window, None, counterpart_id=seeker, kind="referral")
    action_dialog.show()
    action_dialog.summary.setText("Referred them for the data role at Northwind")
    save(action_dialog, "action-dialog")
    action_dialog.done(0)
    dialog = PersonDialog(window, seeker)
    dialog.show()
    save(dialog, "person-dialog")
    dialog.email.setText("not-an-address@")
    dialog.name.clear()
    save(dialog, "person-dialog-invalid")
    dialog.done(0)  # close without the discard question
    company_dialog = CompanyDialog(window, busiest)
    company_dialog.show()
    save(company_dialog, "company-dialog")
    company_dialog.done(0)
    preview = ImportDialog(window, "linkedin", Path("Connections.csv"), _connections())
    preview.show()
    save(preview, "import-preview")
    preview.done(0)
    restore = RestoreDialog(window, Path(tempfile.gettempdir()) / "reciprocity-archive.json")
    restore.show()
    save(restore, "restore-dialog")
    restore.done(0)
    _save_safety_dialogs(window, database, save)
    window.close()
    return saved


def _save_ties(window, save) -> None:
    """Who is due and overdue, the dormant ties to reconnect, tie strength on the pane,
    and the tiers' dialogs."""
    from PySide6.QtWidgets import QApplication

    from desktop.core import reconnect
    from desktop.store import query
    from desktop.ui.dialogs.tier_choice import TierChoiceDialog
    from desktop.ui.dialogs.tiers_dialog import TiersDialog
    from desktop.ui.models.followups_model import SECTIONS

    page = window.followups_page
    page.wait()
    for key in ("overdue", "today", "this_week"):  # folded away: the lists below in view
        page.model.set_folded(key, True)
    for key, name in (("reach_out", "follow-ups-reach-out"), ("reconnect", "follow-ups-reconnect")):
        if page.count(key):
            page._select_place(SECTIONS.index(key), 0)
            save(window, name)
    for key in ("overdue", "today", "this_week"):
        page.model.set_folded(key, False)
    dormant = reconnect.dormant(page.today(), limit=1)
    shown = {
        "person-tie": query.value(
            "SELECT person_id FROM action_person ORDER BY given + received DESC LIMIT 1"
        ),
        "person-tie-dormant": dormant[0].person_id if dormant else None,
    }
    for name, person_id in shown.items():
        if person_id is not None:
            window.show_person(person_id)
            pane = window.people_page.pane
            QApplication.processEvents()
            pane.ensureWidgetVisible(pane.tie, 0, 0)
            save(window, name)
    tiers = TiersDialog(window)
    tiers.show()
    save(tiers, "tiers-dialog")
    tiers.reject()
    choice = TierChoiceDialog(window, 12)
    choice.show()
    save(choice, "tier-choice")
    choice.reject()


def _save_safety_dialogs(window, database: Path, save) -> None:
    """Backups (three made at other times), Check database, and a damaged file at start."""
    from datetime import datetime, timedelta

    from PySide6.QtWidgets import QApplication

    from desktop.store import backups
    from desktop.store.connection import DatabaseError
    from desktop.ui.dialogs.backups_dialog import BackupsDialog, when_words
    from desktop.ui.dialogs.check_dialog import CheckDialog
    from desktop.ui.dialogs.open_problem_dialog import OpenProblemDialog

    now = datetime.now().astimezone()
    made = [
        backups.create(database, reason, now=now - ago)
        for reason, ago in (
            ("automatic", timedelta(days=9, hours=3)),
            ("before-import", timedelta(days=2, hours=1)),
            ("on-close", timedelta(hours=20)),
            ("by-hand", timedelta(minutes=5)),
        )
    ]
    listing = BackupsDialog(window, database)
    listing.show()
    save(listing, "backups-dialog")
    listing.done(0)
    checking = CheckDialog(window, database)
    checking.show()
    checking.start()
    while checking.report is None and checking.worker is not None:
        QApplication.processEvents()
    save(checking, "check-dialog")
    checking.done(0)
    newest = made[-1]
    damaged = DatabaseError(
        f"{database} is damaged: SQLite says “database disk image is malformed”. "
        "Reciprocity has not changed it. Open a backup instead, or choose another file.",
        kind="damaged",
    )
    problem = OpenProblemDialog(
        window,
        damaged,
        f"{when_words(newest)} ({newest.people:,} people, {newest.actions:,} actions)",
    )
    problem.show()
    save(problem, "damaged-file-dialog")
    problem.done(0)


def _connections():
    """A LinkedIn export as a user might bring it to the sample network: a few people it
    knows (one with a new title), newcomers, and a row without a name."""
    from desktop.core import people
    from desktop.formats import linkedin

    everyone = [people.get_person(pid) for pid in people.person_ids()]
    known = [p for p in everyone if p.email and not p.linkedin_url][:2] + everyone[:1]
    lines = [
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
        *(
            f"{p.name.split()[0]},{' '.join(p.name.split()[1:])},"
            f"https://www.linkedin.com/in/{'-'.join(p.name.lower().split())},{p.email},"
            f"{p.company},{p.title or 'Staff Engineer'},14 Mar 2025"
            for p in known
        ),
        "Priya,Raman,https://www.linkedin.com/in/priya-raman,,Northwind,Data Lead,2 Sep 2025",
        "Tomás,Ortega,https://www.linkedin.com/in/tomas-ortega,,Globex,Recruiter,9 Oct 2025",
        "Mei,Chen,,mei@example.com,Initech,Engineering Manager,21 Oct 2025",
        ",,https://www.linkedin.com/in/private-member,,,,3 Nov 2025",
    ]
    return linkedin.parse("\n".join(lines).encode(), "Connections.csv")


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m desktop.ui.screenshots")
    parser.add_argument("output", nargs="?", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument(
        "--size",
        default=f"{SIZE[0]}x{SIZE[1]}",
        help="the main window's size, such as 1024x700 (default %(default)s)",
    )
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    try:
        width, height = (int(part) for part in args.size.lower().split("x"))
    except ValueError:
        parser.error(f"--size takes WIDTHxHEIGHT, such as 1024x700, not {args.size!r}")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    output = args.output
    with tempfile.TemporaryDirectory() as scratch:
        from desktop.store import connection

        try:
            paths = render_all(
                output,
                Path(scratch) / "sample.sqlite3",
                Path(scratch) / "settings.ini",
                (width, height),
            )
        finally:
            connection.close_database()
    for path in paths:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
