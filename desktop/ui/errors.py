"""How a failure reaches the person using the window: in words when the disk, the file or
what they typed refused it; as a bug ("Something went wrong", with the traceback logged)
when the program itself failed. And the excepthook that sends whatever escapes a slot or
an event handler the same way, so the program keeps running and nothing fails silently.
"""

from __future__ import annotations

import sys
import threading
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QWidget

from desktop import APP_NAME, logs
from desktop.core.validation import ValidationError
from desktop.formats.records import FormatError
from desktop.store import connection
from desktop.store.errors import StorageError, causes, storage_problem
from desktop.ui import busy, plain
from desktop.ui.dialogs import bug_dialog
from desktop.ui.dialogs.bug_dialog import Bug

#: Errors the code raises on purpose, with words written for the user.
OWN_WORDS = (ValidationError, FormatError, connection.DatabaseError)
_DOING = "_reciprocity_doing"


@contextmanager
def doing(activity: str) -> Iterator[None]:
    """Tag an exception escaping the block with *activity* ('deleting the person'), which
    the excepthook then names; the innermost tag wins."""
    try:
        yield
    except Exception as exc:
        if not hasattr(exc, _DOING):
            setattr(exc, _DOING, activity)
        raise


def activity_of(exc: BaseException, default: str) -> str:
    """The activity `doing` tagged *exc* with, else *default*."""
    return getattr(exc, _DOING, None) or default


def database_path() -> Path | None:
    """The open database's file, which words about the disk or a lock name."""
    name = connection.db.database
    if not name or name == ":memory:":
        return None
    if name.startswith("file:"):  # opened for viewing, by URI
        from urllib.request import url2pathname  # slow to import, and seldom needed

        return Path(url2pathname(urlsplit(name).path))
    return Path(name)


def storage_of(exc: BaseException, path: Path | None = None) -> StorageError | None:
    """The refusal of the disk or the file behind *exc*. An OS error names its own file
    (an archive being read); SQLite's errors name the database."""
    names_its_file = any(isinstance(c, OSError) and c.filename for c in causes(exc))
    return storage_problem(exc, None if names_its_file else (path or database_path()))


def explain(exc: BaseException, failed: str = "", path: Path | None = None) -> str | None:
    """What to tell the user about *exc*, after *failed* ('The person was not saved') when
    given; None when it is a bug, which must never be worded as the user's doing. Errors
    with words of their own already say what was kept, so they are shown as they are."""
    if isinstance(exc, OWN_WORDS):
        return str(exc)
    if type(exc) is LookupError:
        # Core's "There is no person with id 7." (deleted elsewhere meanwhile); a KeyError
        # or an IndexError is a bug.
        return f"{failed}. {exc}" if failed else str(exc)
    problem = storage_of(exc, path)
    if problem is not None:
        return f"{failed}. {problem.cause}. {problem.advice}" if failed else str(problem)
    if isinstance(exc, OSError) and exc.filename and exc.strerror:
        words = f"{exc.filename}: {exc.strerror}."
        return f"{failed}. {words}" if failed else words
    return None


def record_bug(doing_what: str, exc: BaseException, *, saved_nothing: bool | None = None) -> Bug:
    """Log *exc* with its traceback and describe it for the bug dialog (any thread)."""
    log_file = logs.log_bug(doing_what, exc)
    details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return Bug(doing_what, details, log_file, saved_nothing, datetime.now())


def report(
    parent: QWidget | None,
    exc: BaseException,
    *,
    doing: str,
    failed: str = "",
    title: str = "Could not finish",
    saved_nothing: bool | None = True,
) -> None:
    """Show *exc*: its words in a warning box, or, for a bug, log it and show the bug
    dialog. *saved_nothing* says whether the work was rolled back as a whole."""
    words = explain(exc, failed)
    if words is not None:
        plain.show_error(parent, title, words)
        return
    bug_dialog.show_bug(
        parent, record_bug(activity_of(exc, doing), exc, saved_nothing=saved_nothing)
    )


def attempt(
    parent: QWidget | None,
    change: Callable[[], object],
    *,
    doing: str,
    failed: str,
    title: str = "Could not finish",
) -> bool:
    """Make one write from a slot (a delete, a status change); True when it was made, else
    the reason has been shown. The write is one transaction, so a failure saved nothing."""
    try:
        with busy.waiting(parent):
            change()
    except Exception as exc:
        report(parent, exc, doing=doing, failed=failed, title=title)
        return False
    return True


def attempt_delete(parent: QWidget | None, noun: str, change: Callable[[], object]) -> bool:
    """`attempt` for deleting one *noun* ('person'), worded for it."""
    return attempt(
        parent,
        change,
        doing=f"deleting the {noun}",
        failed=f"The {noun} was not deleted",
        title="Could not delete",
    )


def _signature(exc: BaseException) -> tuple:
    """The same bug again: the same type raised from the same lines (not the same text,
    which may hold an id)."""
    frames = traceback.extract_tb(exc.__traceback__)
    return (type(exc).__qualname__, *((f.filename, f.lineno) for f in frames))


class ExceptHook(QObject):
    """`sys.excepthook` for the window program: every bug is logged; the dialog is shown
    once per bug and never while another is open (no loop, no flood); words are shown as
    words. Work from other threads is logged there and shown on the window's thread."""

    reported = Signal(object)  # a Bug or words, for the window's thread to show
    repeated = Signal(object)  # a Bug shown before: a status-bar note, not another box

    def __init__(self, get_window: Callable[[], QWidget | None], previous=None):
        super().__init__()
        self._get_window = get_window
        self._previous = previous or sys.__excepthook__
        self._shown: set[tuple] = set()
        self._showing = False
        self.reported.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self.repeated.connect(self._note_again, Qt.ConnectionType.QueuedConnection)

    def __call__(self, kind, exc, tb) -> None:
        if not issubclass(kind, Exception) or QApplication.instance() is None:
            self._previous(kind, exc, tb)  # Ctrl+C and exits, or no window program yet
            return
        try:
            self._handle(exc if exc.__traceback__ is not None else exc.with_traceback(tb))
        except Exception:  # the hook never fails in its turn, and never loops
            return

    def _handle(self, exc: BaseException) -> None:
        words = explain(exc)
        if words is not None:
            self.reported.emit(words)
            return
        in_window_thread = threading.current_thread() is threading.main_thread()
        fallback = self._activity() if in_window_thread else "working in the background"
        bug = record_bug(activity_of(exc, fallback), exc)
        signature = _signature(exc)
        if signature in self._shown:
            self.repeated.emit(bug)
        else:
            self._shown.add(signature)
            self.reported.emit(bug)

    def _activity(self) -> str:
        """What was being done, as far as the window can tell."""
        dialog = QApplication.activeModalWidget()
        if dialog is not None and dialog.windowTitle():
            return f"working in “{dialog.windowTitle()}”"
        window = self._window()
        page = getattr(window, "current_page_label", None)
        if page is not None:
            return f"working on the {page()} page"
        return f"working in {APP_NAME}"

    def _window(self) -> QWidget | None:
        try:
            return self._get_window()
        except Exception:  # no window yet, or one being replaced
            return None

    def _note_again(self, bug: Bug) -> None:
        bar = getattr(self._window(), "statusBar", None)
        if bar is not None:
            where = f"; the details are in {bug.log_file}" if bug.log_file else ""
            bar().showMessage(f"Something went wrong again while {bug.doing}{where}.", 15_000)

    def _show(self, item: Bug | str) -> None:
        if self._showing:
            return  # one at a time: what happens meanwhile is in the log
        self._showing = True
        try:
            parent = QApplication.activeModalWidget() or self._window()
            if isinstance(item, Bug):
                bug_dialog.show_bug(parent, item)
            else:
                plain.show_error(parent, "Could not finish", item)
        except Exception as exc:  # showing it failed: it is in the log all the same
            logs.log_bug("showing an error", exc)
        finally:
            self._showing = False


def install_excepthook(get_window: Callable[[], QWidget | None]) -> ExceptHook:
    """Send whatever escapes a slot, an event handler or a thread through `ExceptHook`."""
    hook = ExceptHook(get_window, sys.excepthook)
    sys.excepthook = hook
    threading.excepthook = lambda args: hook(args.exc_type, args.exc_value, args.exc_traceback)
    return hook


def install(get_window: Callable[[], QWidget | None]) -> Path | None:
    """At the window program's start: the log file and the excepthook. Returns the log
    file, or None when its folder cannot be written (the program runs on without it)."""
    try:
        path = logs.setup()
    except OSError:
        path = None
    install_excepthook(get_window)
    return path
