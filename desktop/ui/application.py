"""The running program: the QApplication, which database is open, and the smoke test."""

from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path
from typing import cast

import shiboken6
from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from desktop import APP_ID, APP_NAME, paths, startup
from desktop.core import people
from desktop.store import backups, connection
from desktop.store.errors import storage_problem
from desktop.ui import errors, location_check, quit_signals, single_instance
from desktop.ui.collector import Collector
from desktop.ui.dialogs import open_problem_dialog
from desktop.ui.dialogs.backups_dialog import when_words
from desktop.ui.dialogs.wait_dialog import WaitDialog
from desktop.ui.icons import app_icon
from desktop.ui.main_window import MainWindow
from desktop.ui.plain import message_box


def ensure_sample_network(path: Path) -> Path:
    """Open the sample database at *path*, generating it afresh when it has no people.

    The sample is made up, so a copy whose people were all deleted is simply replaced.
    """
    connection.open_database(path)
    if people.person_count() == 0:
        connection.close_database()
        for leftover in (
            path,
            path.with_name(path.name + "-wal"),
            path.with_name(path.name + "-shm"),
        ):
            leftover.unlink(missing_ok=True)
        from desktop import sample  # a second's worth of names and words, when asked for

        connection.open_database(path)
        sample.generate_network(connection.db, **sample.SAMPLE_SIZE)
    return path


class Session(QObject):
    """Owns the open database and the window showing it; can switch between databases."""

    def __init__(
        self, settings: QSettings, own_path: Path, guard: single_instance.Guard | None = None
    ):
        super().__init__()
        self.settings = settings
        self.own_path = own_path
        # One window per database: *guard* claims each before it opens (None: unguarded).
        self.guard = guard or single_instance.Guard(claimer=None)
        self.guard.window_requested.connect(lambda: single_instance.bring_forward(self.window))
        # Queued: a handed-over file's import dialog must not run inside the socket's slot.
        self.guard.file_requested.connect(
            lambda text: self.import_file(Path(text)), Qt.ConnectionType.QueuedConnection
        )
        self.window: MainWindow | None = None
        self.path: Path | None = None
        self.read_only = False

    def open(self, path: Path, *, is_sample: bool = False, read_only: bool = False) -> MainWindow:
        """Open *path* and show a fresh window for it. On any failure the database that
        was open before is open again (its window never saw the other file) and a
        DatabaseError says what went wrong. *read_only* opens it for viewing only."""
        old, previous, previous_read_only = self.window, self.path, self.read_only
        self.guard.claim(path)  # a window elsewhere that has *path* is brought forward instead
        if old is not None:
            old.save_settings()
        window = None
        try:
            if is_sample:
                ensure_sample_network(path)
            else:
                connection.open_database(path, read_only=read_only)
            window = MainWindow(self.settings, path, sample=is_sample, read_only=read_only)
            window.show()  # the first page works out its figures as it shows
        except Exception as exc:
            if window is not None:
                window.hide()
                # At once, not later: its views' queued reads must not run on what failed.
                shiboken6.delete(window)
            connection.close_database()
            if previous is not None:
                connection.open_database(previous, read_only=previous_read_only)
                if old is not None:
                    old.history.resume()  # its steps are still in the file, still to undo
            self.guard.settle(previous)
            if isinstance(exc, connection.DatabaseError):
                raise
            problem = storage_problem(exc, path, saved_nothing=False)
            if problem is not None and problem.kind == "damaged":  # found by the first page
                raise connection.damaged_error(path, "SQLite found a malformed page") from exc
            still = " You are still in the network you had open." if previous else ""
            if problem is None:  # a bug: logged, and never worded as the file's fault
                bug = errors.record_bug(f"opening {path}", exc)
                where = f" The details are in {bug.log_file}." if bug.log_file else ""
                raise connection.DatabaseError(
                    f"Something went wrong while opening {path}: this is a bug in "
                    f"Reciprocity, not something you did.{where}{still}",
                    path=path,
                ) from exc
            raise connection.DatabaseError(
                f"Reciprocity could not open {path}: {problem}{still}", kind=problem.kind, path=path
            ) from exc
        window.sample_requested.connect(self.open_sample)
        window.own_database_requested.connect(lambda: self.switch(self.own_path))
        # Queued: the old window is closed and deleted by the restore, so the slot that
        # asked must have returned first.
        window.restore_requested.connect(self.restore, Qt.ConnectionType.QueuedConnection)
        self.window, self.path, self.read_only = window, path, read_only
        if not (is_sample or read_only) and self.guard.unclean_shutdown(path):
            window.safety.check_after_unclean_stop()  # once: the claim is taken afresh now
        self.guard.settle(path)
        if old is not None:
            old.close()
            old.deleteLater()
        return window

    def start(self, path: Path, *, is_sample: bool = False) -> MainWindow | None:
        """Open *path* at start-up; when it cannot be opened as it is, say what was found
        and offer a backup, viewing it, or another file. None when the person quits."""
        read_only = False
        while True:
            try:
                return self.open(path, is_sample=is_sample, read_only=read_only)
            except connection.DatabaseError as exc:
                good = _newest_good_backup(path) if exc.kind == "damaged" else None
                choice = ask_open_problem(None, exc, good.words() if good else None)
            if choice == open_problem_dialog.OPEN_BACKUP and good is not None:
                try:
                    backups.restore(path, good)
                except Exception as exc:  # the backup could not be put in place: say so
                    errors.report(
                        None,
                        exc,
                        doing="putting the backup in place",
                        failed="The backup could not be put in place",
                        title=APP_NAME,
                    )
                    return None
                read_only = False
            elif choice == open_problem_dialog.VIEW:
                read_only = True
            elif choice == open_problem_dialog.RETRY:
                continue
            elif choice == open_problem_dialog.OTHER:
                chosen = choose_database_file(None, path.parent)
                if chosen is None:
                    continue
                path, is_sample, read_only = chosen, False, False
            else:
                return None

    def restore(self, backup) -> None:
        """Put *backup* in place of the open network (the window closes first, so nothing
        holds the file), then show the restored network in a fresh window."""
        window, path = self.window, self.path
        if window is None or path is None:
            return
        window.save_settings()
        window.hide()
        window.discard()
        window.deleteLater()
        self.window = None
        connection.close_database()
        restored, outcome = WaitDialog.run(
            None,
            "Restore a backup",
            f"Restoring the backup of {when_words(backup)}",
            "Backing up your network as it is now, then putting the backup in its place…",
            lambda: backups.restore(path, backup),
            failed="The backup was not restored, and your network is as it was",
            uses_database=False,  # nothing may hold the file it replaces
        )
        safety = cast("backups.Backup | None", outcome)  # what backups.restore returns
        try:
            new = self.open(path)
        except connection.DatabaseError as exc:
            report_error(str(exc))
            return
        if restored:
            kept = (
                f" Your network as it was is kept as the backup of {when_words(safety)}."
                if safety
                else ""
            )
            new.statusBar().showMessage(f"Restored the backup of {when_words(backup)}.{kept}")

    def import_file(self, path: Path) -> None:
        """Import *path*, a file opened from the desktop or handed over by another start."""
        window = self.window
        if window is None:
            return
        if self.read_only:
            window.statusBar().showMessage(
                f"{path.name} was not imported: this network is open for viewing only.", 10_000
            )
            return
        from desktop.ui import transfer

        transfer.open_file(window, path)

    def open_sample(self) -> None:
        self.switch(paths.sample_database_path(), is_sample=True)

    def switch(self, path: Path, *, is_sample: bool = False) -> None:
        try:
            self.open(path, is_sample=is_sample)
        except connection.DatabaseError as exc:
            if exc.kind == single_instance.SHOWN_ELSEWHERE and self.window is not None:
                self.window.statusBar().showMessage(str(exc), 10_000)  # no box over it
            else:
                report_error(str(exc))


def _newest_good_backup(path: Path):
    """The newest backup of *path* that passes the check (reading each takes a while)."""
    if not backups.list_backups(path):
        return None
    found, good = WaitDialog.run(
        None,
        APP_NAME,
        "Looking for a good backup",
        "Checking your backups, newest first, for one that is whole…",
        lambda: backups.newest_good(path),
        failed="The backups could not be checked",
        uses_database=False,  # the damaged file must not be opened again
    )
    return good if found else None


def ask_open_problem(parent, error: connection.DatabaseError, backup_words: str | None) -> str:
    """The start-up question when a network cannot be opened (replaced in tests)."""
    return open_problem_dialog.OpenProblemDialog.ask(parent, error, backup_words)


def choose_database_file(parent, folder: Path) -> Path | None:
    """The native file dialog for another network's file (replaced in tests)."""
    chosen, _ = QFileDialog.getOpenFileName(
        parent,
        "Open a Reciprocity network",
        str(folder),
        "Reciprocity networks (*.sqlite3 *.sqlite *.db);;All files (*)",
    )
    return Path(chosen) if chosen else None


def report_error(text: str) -> None:
    box = message_box(None, QMessageBox.Icon.Critical, APP_NAME, text)
    box.addButton(QMessageBox.StandardButton.Ok)
    box.exec()


class _FileOpenEvents(QObject):
    """macOS gives a file opened from the Finder (double-click, Open With, dropped on the
    Dock icon) as an event, not as an argument."""

    def __init__(self, session: Session):
        super().__init__()
        self._session = session

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(event, QFileOpenEvent)
            and event.type() == QEvent.Type.FileOpen
            and (chosen := event.file())
        ):
            QTimer.singleShot(0, lambda: self._session.import_file(Path(chosen)))
            return True
        return False


class _FirstPaint(QObject):
    """Calls back once, on the event loop turn after the window's first paint."""

    def __init__(self, callback):
        super().__init__()
        self._callback = callback
        self._done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._done:
            self._done = True
            QTimer.singleShot(0, self._callback)
        return False


def run(args: argparse.Namespace, start: float) -> int:
    # The program's one application is always a QApplication, never a bare QCoreApplication.
    app = cast("QApplication | None", QApplication.instance()) or QApplication(sys.argv[:1])
    collector = Collector(app)  # cycles collected on this thread, never on a worker's
    try:
        return _run(app, args, start)
    finally:
        collector.stop()


def _run(app: QApplication, args: argparse.Namespace, start: float) -> int:
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName(APP_ID)  # Wayland finds the menu entry, and its icon, by this
    app.setWindowIcon(app_icon())
    own_path = args.database or paths.default_database_path()
    guard = single_instance.Guard(app)  # let go when the program quits
    session = Session(QSettings(), own_path, guard)
    errors.install(lambda: session.window)  # the log file; a bug is shown as a bug
    quit_signals.install(app)  # a logout quits cleanly, not as a crash
    path = paths.sample_database_path() if args.demo else own_path
    say = (lambda text: print(f"failed: {text}", flush=True)) if args.smoke_test else report_error
    chosen = getattr(args, "file", None)
    to_import = chosen.resolve() if chosen is not None and not args.smoke_test else None
    exit_code = guard.claim_at_start(path, say, then_open=to_import)
    if exit_code is not None:
        return exit_code  # another window has it: brought forward, nothing opened here
    if not (args.demo or args.smoke_test):
        path = session.own_path = location_check.settle(None, session.settings, path, guard)
    window: MainWindow | None
    if args.smoke_test:
        try:
            window = session.open(path, is_sample=args.demo)
        except connection.DatabaseError as exc:
            print(f"failed: {exc}", flush=True)
            return 1
    else:
        window = session.start(path, is_sample=args.demo)
        if window is None:
            return 1
    if not args.smoke_test:
        window.announce_due()
        window.read_names_ahead()  # Go to anything's, once the window is idle
        opened = _FileOpenEvents(session)
        app.installEventFilter(opened)
        if to_import is not None:
            QTimer.singleShot(0, lambda: session.import_file(to_import))
        return app.exec()
    return _smoke_test(app, window, start)


def _knows_endings_and_spellings() -> bool:
    """The list of top-level domains is a data file and the fuzzy matcher a compiled
    module: both are what a bundle can leave out without anything failing at start."""
    from rapidfuzz import fuzz

    from desktop.core.validation import email_problem

    refused = email_problem("dana@acmerobotics.comRobotics") or ""
    return "top-level domain" in refused and fuzz.ratio("gallager", "gallagher") > 80


def _reads_typed_dates() -> bool:
    """Words in dates are read by a library whose languages load from data files, the
    part of a bundle most easily left out."""
    from datetime import date, timedelta

    from desktop.core.dates import parse_date

    today = date.today()
    return parse_date("tomorrow", today=today) == today + timedelta(days=1) and all(
        parse_date(words, today=today, languages=("en", "de")) is not None
        for words in ("next monday", "in 2 weeks", "morgen")
    )


def _smoke_test(app: QApplication, window: MainWindow, start: float) -> int:
    outcome = {"code": 1}

    def finish() -> None:
        try:
            elapsed = startup.milliseconds_since_start(start)
            result = connection.quick_check()
            if result != "ok":
                print(f"failed: database check found {result}", flush=True)
            elif not window.isVisible():
                print("failed: the main window is not visible", flush=True)
            elif not _reads_typed_dates():
                print("failed: typed dates such as 'next monday' cannot be read", flush=True)
            elif not _knows_endings_and_spellings():
                print("failed: email endings or close spellings cannot be checked", flush=True)
            else:
                print(f"ok {elapsed}", flush=True)
                outcome["code"] = 0
        except Exception:
            print("failed: " + traceback.format_exc().strip().replace("\n", " | "), flush=True)
        window.close()
        app.quit()

    watcher = _FirstPaint(finish)
    window.installEventFilter(watcher)
    window.update()
    QTimer.singleShot(30_000, lambda: (print("failed: no paint within 30 s"), app.quit()))
    app.exec()
    connection.close_database()
    return outcome["code"]
