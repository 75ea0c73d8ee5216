"""A termination request (logout, shutdown, `kill`, Ctrl+C in a terminal) quits as File ›
Quit does: the window closes, backs up what changed and lets go of its network, so the
next start does not take it for a crash and check the whole file again."""

from __future__ import annotations

import contextlib
import os
import signal
import socket

from PySide6.QtCore import QObject, QSocketNotifier
from PySide6.QtWidgets import QApplication

SIGNALS = (signal.SIGTERM, signal.SIGINT, getattr(signal, "SIGHUP", signal.SIGTERM))


class QuitOnSignal(QObject):
    """POSIX only. Python handles a signal only between bytecodes, which never come while
    Qt's event loop waits; so the C handler writes to a socket Qt watches, and the quit
    happens on the window's thread."""

    def __init__(self, app: QApplication):
        super().__init__(app)
        self.app = app
        self._read, self._write = socket.socketpair()
        for end in (self._read, self._write):
            end.setblocking(False)
        signal.set_wakeup_fd(self._write.fileno(), warn_on_full_buffer=False)
        for number in SIGNALS:
            signal.signal(number, lambda *_: None)  # the wakeup byte does the work
        self.notifier = QSocketNotifier(self._read.fileno(), QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self._quit)
        app.aboutToQuit.connect(self.close)

    def _quit(self, *_args) -> None:
        with contextlib.suppress(OSError):
            self._read.recv(64)
        self.app.closeAllWindows()  # each window's closeEvent: settings, the last backup
        self.app.quit()

    def close(self) -> None:
        self.notifier.setEnabled(False)
        signal.set_wakeup_fd(-1)
        for number in SIGNALS:
            signal.signal(number, signal.SIG_DFL)
        self._read.close()
        self._write.close()


def install(app: QApplication) -> QuitOnSignal | None:
    if os.name != "posix":
        return None  # Windows ends a program at logout with messages Qt already answers
    return QuitOnSignal(app)
