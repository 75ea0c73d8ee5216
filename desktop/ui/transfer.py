"""File ▸ Import and File ▸ Export: the native file dialogs and what follows them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMenu

from desktop.formats import EXPORTERS, IMPORTERS
from desktop.formats import export as write_export
from desktop.ui.dialogs.people_choice import PeopleChoice
from desktop.ui.dialogs.wait_dialog import CANCELLED, WaitDialog
from desktop.ui.plain import confirm, show_error, wait_cursor

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


def _import_filter(kind: str) -> str:
    importer = IMPORTERS[kind]
    return f"{importer.name} ({' '.join(importer.patterns)});;All files (*)"


def _file_name(text: str) -> str:
    """*text* as a file name every system accepts: no separators or reserved marks."""
    kept = "".join(" " if c in '<>:"/\\|?*' or ord(c) < 32 else c for c in text)
    return " ".join(kept.split()).strip(". ") or "contact"


def _documents() -> str:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return found if found and Path(found).is_dir() else str(Path.home())


def add_menus(window: MainWindow, file_menu: QMenu, before) -> None:
    """Import ▸ and Export ▸ submenus in the File menu, before the action *before*."""
    bring = QMenu("&Import", file_menu)
    for kind, importer in IMPORTERS.items():
        action = bring.addAction(f"{importer.name}…")
        action.triggered.connect(lambda _=False, k=kind: import_people(window, k))
    bring.addSeparator()
    restore = bring.addAction("&Reciprocity archive…")
    restore.triggered.connect(lambda: restore_archive(window))
    take = QMenu("E&xport", file_menu)
    for kind, exporter in EXPORTERS.items():
        action = take.addAction(exporter.menu)
        action.triggered.connect(lambda _=False, k=kind: export(window, k))
    file_menu.insertMenu(before, bring)
    file_menu.insertMenu(before, take)
    file_menu.insertSeparator(before)
    window.import_menu, window.export_menu = bring, take


def import_people(window: MainWindow, kind: str) -> bool:
    chosen, _ = QFileDialog.getOpenFileName(
        window, f"Import {IMPORTERS[kind].name}", _documents(), _import_filter(kind)
    )
    if not chosen:
        return False
    return _import_chosen(window, kind, Path(chosen))


def _import_chosen(window: MainWindow, kind: str, path: Path) -> bool:
    from desktop.ui.dialogs.import_dialog import ImportDialog  # the importers, when asked

    if ImportDialog.run(window, kind, path):
        window.refresh_pages()
        window.statusBar().showMessage("The import is done; everyone is searchable.", 5000)
        return True
    return False


def open_file(window: MainWindow, path: Path) -> bool:
    """Import *path*, a contacts file opened from the desktop: its kind is found from the
    file itself, then the preview asks as File › Import does."""
    from desktop.formats import detect

    try:
        data = path.read_bytes()
    except OSError as exc:
        show_error(
            window,
            "The file could not be read",
            f"Reciprocity could not read {path}: {exc.strerror or exc}. Nothing was imported.",
        )
        return False
    with wait_cursor():
        kind = detect.kind_of(path, data)
    if kind is None:
        show_error(
            window,
            "Not a contacts file Reciprocity reads",
            f"{path.name} is not a contacts file Reciprocity can read, so nothing was "
            f"imported. {detect.WHAT_WE_READ}",
        )
        return False
    return _import_chosen(window, kind, path)


def restore_archive(window: MainWindow) -> dict[str, int] | None:
    """Restore a full archive into this network if it is empty; else say how to."""
    from desktop.formats import archive

    if held := archive.holdings():
        show_error(
            window,
            "This network is not empty",
            f"An archive is restored into an empty network, and this one holds {held}. "
            "Nothing was changed.\n\nTo restore it, start Reciprocity on a new database "
            "file (reciprocity --database NEW.sqlite3) and choose File › Import › "
            "Reciprocity archive there, or run: "
            "reciprocity import archive ARCHIVE.json --database NEW.sqlite3",
        )
        return None
    chosen, _ = QFileDialog.getOpenFileName(
        window, "Restore a Reciprocity archive", _documents(), "Reciprocity archive (*.json)"
    )
    if not chosen:
        return None
    from desktop.ui.dialogs.restore_dialog import RestoreDialog

    counts = RestoreDialog.run(window, Path(chosen))
    if counts is not None:
        window.history.clear()  # the network before was empty: nothing to go back to
        window.refresh_pages()
        window.statusBar().showMessage(archive.restored_words(counts), 8000)
    return counts


def export(window: MainWindow, kind: str) -> Path | None:
    """Ask where, write, and say where it went; a failure is explained, nothing half written
    is left claiming to be complete."""
    from desktop.core import people
    from desktop.formats import csv_export

    chosen_people: list[int] = []
    if kind == "vcard":
        if not people.person_count():
            show_error(window, "No one to export", "There is no one in this network yet.")
            return None
        page = window.people_page
        found = PeopleChoice.ask(
            window, page.model.ids(), page.model.filter_text(), page.current_id()
        )
        if found is None:
            return None
        chosen_people = found
    if kind == "csv":
        chosen = QFileDialog.getExistingDirectory(
            window, "Export CSV files into this folder", _documents()
        )
    else:
        name = EXPORTERS[kind].default_name
        if kind == "vcard" and len(chosen_people) == 1:
            name = _file_name(people.get_person(chosen_people[0]).name) + ".vcf"
        chosen, _ = QFileDialog.getSaveFileName(
            window, "Export", str(Path(_documents()) / name), EXPORTERS[kind].description
        )
    if not chosen:
        return None
    target = Path(chosen)
    if kind == "csv":
        there = [
            f"{table}.csv" for table in csv_export.TABLES if (target / f"{table}.csv").exists()
        ]
        if there and not confirm(
            window,
            "Replace the CSV files?",
            f"{target} already holds {', '.join(there)}. Replace them with this export?",
            "&Replace",
        ):
            return None
    # Off the window's thread, which keeps painting; a full disk is said in words, a bug
    # as a bug, never as the person's doing.
    people_chosen = chosen_people if kind == "vcard" else None
    done, outcome = WaitDialog.run(
        window,
        "Export",
        f"Exporting to {target.name}",
        f"Writing {target}…",
        lambda progress: write_export(kind, target, people=people_chosen, progress=progress),
        failed=f"The export to {target} was not written",
        steps=True,
    )
    if not done:
        if outcome is CANCELLED:
            window.statusBar().showMessage("The export was cancelled; nothing was written.", 8000)
        return None
    window.statusBar().showMessage(f"Exported to {target}.", 8000)
    return target
