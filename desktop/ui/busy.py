"""While a write waits for another program's lock, the window says so.

A write on the window's thread blocks the event loop for as long as SQLite waits for the
lock (up to the busy timeout), so nothing that waits for the loop (a timer, a queued
paint) could tell the person. Instead, before the write, a probe asks for the write lock
for a moment: if another program holds it longer than that, the wait cursor and a
status-bar note are shown (painted at once) for the wait that follows.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QStatusBar, QWidget

from desktop.store.connection import BUSY_TIMEOUT_MS, db

MOMENT_MS = 500  # a wait shorter than this goes unremarked


def lock_held(moment_ms: int = MOMENT_MS) -> bool:
    """Whether another program holds the write lock for longer than *moment_ms*."""
    return db.write_lock_held(moment_ms)


def _status_bar(widget: QWidget | None) -> QStatusBar | None:
    while widget is not None and not isinstance(widget, QMainWindow):
        widget = widget.parentWidget()
    return widget.statusBar() if widget is not None else None


def waiting_words() -> str:
    return (
        "Waiting for another program to finish writing to your network (up to "
        f"{BUSY_TIMEOUT_MS // 1000} seconds)…"
    )


@contextmanager
def waiting(parent: QWidget | None) -> Iterator[None]:
    """Around a write made on the window's thread for *parent*: shows that it waits for
    another program's lock, when it does."""
    if not lock_held():
        yield
        return
    note = waiting_words()
    bar = _status_bar(parent)
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    if bar is not None:
        bar.showMessage(note)
        bar.repaint()  # the event loop is about to be blocked by the wait
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()
        if bar is not None and bar.currentMessage() == note:
            bar.clearMessage()
