"""Edit › Undo and Redo: the window's steps on a `QUndoStack`, each taken back by
`core.undo` in one transaction.

Every write the window makes is logged by the store as a step (`store.undo_log`), named by
the core function that made it. After each write the window calls `collect`, which puts
the steps it has not seen on the stack. Undo reverses the step under the stack's index
and moves the index only once the database has taken it back, so a refusal (a full disk,
a step another program has made impossible) leaves the stack where it was, or, for a
step that can never be taken back, empties it with a word why.

The history is the window's, for as long as the network is open: it starts empty each
time a network is opened, and is not kept when Reciprocity closes.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication, QLineEdit, QProgressDialog, QWidget

from desktop.core import undo as core_undo
from desktop.core.changes import Changed
from desktop.store import undo_log
from desktop.store.connection import db
from desktop.store.progress import Progress
from desktop.ui import errors, ops, plain

#: Steps the window can take back, at most; older ones are forgotten.
LIMIT = 100
#: A step changing more rows than this is taken back on a worker, with its progress shown
#: (an import of thousands of people takes a second or more).
ON_A_WORKER = 3000
UNNAMED = "Change"  # for a write that gave no name (none should)


class _Step(QUndoCommand):
    """One step on the stack. The database work is done before the stack moves, so
    `undo` and `redo` (which the stack calls as it moves) have nothing left to do."""

    def __init__(self, step: undo_log.Step):
        super().__init__(step.label or UNNAMED)
        self.step = step.step
        self.changes = step.changes

    def undo(self) -> None:
        pass

    def redo(self) -> None:
        pass


class UndoHistory(QObject):
    """The window's undo stack and its two menu items. *note_changes* is told what each
    undo or redo changed, for the pages to read again."""

    moved = Signal(str)  # what was just undone or redone, in words for the status bar
    reached = Signal(str, int)  # the record it brought back or changed: ('person', 7)

    def __init__(
        self, window: QWidget, note_changes: Callable[[Changed], None], *, keeping: bool = True
    ):
        """Without *keeping* (a network open for viewing) the items stay disabled."""
        super().__init__(window)
        self.window = window
        self.note_changes = note_changes
        self.stack = QUndoStack(self)
        self.stack.setUndoLimit(LIMIT)
        self.op: ops.Op[core_undo.Reversed | core_undo.UndoConflict] | None = None
        if keeping:
            undo_log.keep(db)
        self.log = db.history  # this window's, to take up again after a failed File › Open
        self._seen = 0  # the seq of the last change put on the stack (or taken back)
        self.undo_action = QAction("&Undo", window)
        self.undo_action.setShortcuts(_keys(QKeySequence.StandardKey.Undo, "Ctrl+Z"))
        self.undo_action.triggered.connect(self.undo)
        self.redo_action = QAction("&Redo", window)
        # Ctrl+Shift+Z everywhere, beside the platform's own (Ctrl+Y on Windows).
        self.redo_action.setShortcuts(_keys(QKeySequence.StandardKey.Redo, "Ctrl+Shift+Z"))
        self.redo_action.triggered.connect(self.redo)
        self.stack.indexChanged.connect(self._show_state)
        self._show_state()
        # A text box takes Ctrl+Z for its own typing, even with none to undo; then it is
        # the network's. Each box of this window is watched once it first has the focus.
        self._watched: weakref.WeakSet[QLineEdit] = weakref.WeakSet()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._watch_focus)

    def _watch_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        if isinstance(new, QLineEdit) and new not in self._watched and new.window() is self.window:
            new.installEventFilter(self)
            self._watched.add(new)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+Z in a text box with nothing typed to undo (Ctrl+Shift+Z, nothing to
        redo) is left to the window's Undo (Redo)."""
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(watched, QLineEdit):
            assert isinstance(event, QKeyEvent)
            pressed = QKeySequence(event.keyCombination())
            if pressed in self.undo_action.shortcuts() and not watched.isUndoAvailable():
                return True  # not taken by the box: the shortcut goes to the window
            if pressed in self.redo_action.shortcuts() and not watched.isRedoAvailable():
                return True
        return False

    # -- what the window has done -------------------------------------------------------
    def collect(self) -> None:
        """Put on the stack the steps written since last time (after every write)."""
        if db.history is None or self.busy:
            return
        new = undo_log.steps_since(self._seen, db)
        if not new:
            return
        above = [self._command(i).step for i in range(self.stack.index(), self.stack.count())]
        for step in new:
            self.stack.push(_Step(step))  # drops the steps that could be redone
        self._seen = max(step.last for step in new)
        if above or self.stack.count() >= LIMIT:
            self._forget_the_rest()
        # Said until the window says more (a page's own word on what it did).
        self.moved.emit(f"Done: {self.stack.undoText()}. Ctrl+Z undoes it.")

    def _forget_the_rest(self) -> None:
        """Empty the log of the steps no longer on the stack. Only tidying: when another
        program holds the write lock, or the disk refuses, it is left for next time,
        rather than hold up (or fail) the write that was just made."""
        if db.write_lock_held(0):
            return
        try:
            undo_log.keep_only(self.steps(), db)
        except Exception as exc:
            if errors.storage_of(exc) is None:
                raise  # a bug, which the window's excepthook reports

    def steps(self) -> list[int]:
        """The steps on the stack, oldest first (for tests and pruning)."""
        return [self._command(i).step for i in range(self.stack.count())]

    def clear(self, words: str = "") -> None:
        """Forget every step (a check repaired the network, or a step cannot be undone)."""
        self.stack.clear()
        if db.history is not None:
            self._seen = undo_log.last_seq(db)  # seq is never reused: none after it is old
            self._forget_the_rest()
        if words:
            self.moved.emit(words)

    def forget(self) -> None:
        """The window closes: the history goes, with the deleted rows it holds."""
        self.stack.clear()
        if db.history is not None and not db.is_closed():
            try:
                undo_log.forget_all(db)
            except Exception as exc:  # emptied at the next start all the same
                if errors.storage_of(exc) is None:
                    raise

    def check(self) -> None:
        """Forget the steps whose changes are no longer logged: another program's write
        emptied the log, and undoing them over its changes would undo them blindly."""
        if db.history is None or not self.stack.count() or self.busy:
            return
        if not set(self.steps()) <= undo_log.logged_steps(db):
            self.clear(
                "Your network was changed outside this window; the pages show it now, and "
                "what you did before can no longer be undone."
            )

    @property
    def busy(self) -> bool:
        return self.op is not None

    # -- undo and redo -------------------------------------------------------------------
    def undo(self) -> None:
        self.collect()  # a write that did not tell the window is still the newest step
        if self.stack.canUndo() and not self.busy:
            self._move(self._command(self.stack.index() - 1), back=True)

    def redo(self) -> None:
        self.collect()
        if self.stack.canRedo() and not self.busy:
            self._move(self._command(self.stack.index()), back=False)

    def _command(self, index: int) -> _Step:
        command = self.stack.command(index)
        assert isinstance(command, _Step)
        return command

    def resume(self) -> None:
        """The window's network was opened again (after another file failed to open): its
        history, still in the file, is this window's again."""
        if self.log is not None and db.history is None:
            db.history = self.log

    def _move(self, command: _Step, *, back: bool) -> None:
        label = command.text()
        verb = "Undo" if back else "Redo"
        if db.history is None:  # a file problem on the way: never a bug dialog for it
            self._cannot(
                label, verb, "The undo history of this network is gone. Nothing was changed."
            )
            return
        if command.changes > ON_A_WORKER:
            self._move_on_worker(command, back=back)
            return
        try:
            with errors.doing(f"{verb.lower()}ing “{label}”"), plain.wait_cursor():
                reversed_ = core_undo.reverse(command.step)
        except core_undo.UndoConflict as exc:
            self._cannot(label, verb, str(exc))
            return
        except Exception as exc:
            errors.report(
                self.window,
                exc,
                doing=f"{verb.lower()}ing “{label}”",
                failed=f"“{label}” was not {'undone' if back else 'redone'}",
                title=f"Could not {verb.lower()}",
            )
            return
        self._moved(command, reversed_, back=back)

    def _move_on_worker(self, command: _Step, *, back: bool) -> None:
        label = command.text()
        verb = "Undo" if back else "Redo"
        dialog = QProgressDialog(f"{verb}ing “{label}”…", "Cancel", 0, command.changes, self.window)
        dialog.setWindowTitle(f"{verb} {label}")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        step = command.step

        def job(progress: Progress) -> core_undo.Reversed | core_undo.UndoConflict:
            try:
                return core_undo.reverse(step, progress=progress)
            except core_undo.UndoConflict as exc:  # handed back: it empties the history
                return exc

        def succeeded(outcome: core_undo.Reversed | core_undo.UndoConflict) -> None:
            self.op = None
            dialog.close()
            if isinstance(outcome, core_undo.UndoConflict):
                self._cannot(label, verb, str(outcome))
            else:
                self._moved(command, outcome, back=back)

        def failed(reason: str | None) -> None:
            self.op = None
            dialog.close()
            if reason is None:
                return  # a bug: the "Something went wrong" dialog has said so
            if reason == "":
                self.moved.emit(f"Cancelled: “{label}” was not {'undone' if back else 'redone'}.")
            else:
                plain.show_error(self.window, f"Could not {verb.lower()}", reason)

        self.op = ops.run(
            self,
            job,
            doing=f"{verb.lower()}ing “{label}”",
            failed=f"“{label}” was not {'undone' if back else 'redone'}",
            on_progress=lambda done, _total: dialog.setValue(done),
            on_success=succeeded,
            on_failure=failed,
        )
        dialog.canceled.connect(self.op.cancel)
        dialog.show()

    def _moved(self, command: _Step, reversed_: core_undo.Reversed, *, back: bool) -> None:
        command.step = reversed_.step
        self._seen = undo_log.last_seq(db)  # the reversal's own step is this command's
        if back:
            self.stack.undo()
        else:
            self.stack.redo()
        self.note_changes(reversed_.changed)
        if reversed_.shown is not None:
            self.reached.emit(*reversed_.shown)
        self.moved.emit(f"{'Undone' if back else 'Redone'}: {command.text()}.")

    def _cannot(self, label: str, verb: str, reason: str) -> None:
        plain.show_error(self.window, f"Could not {verb.lower()} “{label}”", reason)
        self.clear("The undo history was cleared: its steps no longer match your network.")

    def _show_state(self) -> None:
        can_undo, can_redo = self.stack.canUndo(), self.stack.canRedo()
        self.undo_action.setEnabled(can_undo)
        self.redo_action.setEnabled(can_redo)
        self.undo_action.setText(f"&Undo {self.stack.undoText()}" if can_undo else "&Undo")
        self.redo_action.setText(f"&Redo {self.stack.redoText()}" if can_redo else "&Redo")


def _keys(standard: QKeySequence.StandardKey, *more: str) -> list[QKeySequence]:
    """The platform's keys for *standard*, and *more* where the platform lacks them."""
    keys = list(QKeySequence.keyBindings(standard))
    for text in more:
        key = QKeySequence(text)
        if key not in keys:
            keys.append(key)
    return keys
