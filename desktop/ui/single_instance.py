"""One window per database: a second start hands over to the window that has it open.

The process that holds the database's `InstanceLock` listens on a local socket named from
the same key. A later start finds the lock taken, connects, says "show", and ends without
opening the database; the first brings its window forward.

The conversation, one line each: the server greets with "reciprocity", the client sends
"show" (or "open " and a file's path, UTF-8, when the start was asked to import a file),
the server answers "shown" once its window has been brought forward.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QWidget

from desktop import paths
from desktop.store import connection
from desktop.store.instance import InstanceLock, key

log = logging.getLogger("reciprocity")

#: How long a second start tries to reach the first before saying it could not.
HANDOVER_SECONDS = 2.0
GREETING, SHOW, SHOWN, OPEN = b"reciprocity", b"show", b"shown", b"open "
_RETRY_SECONDS = 0.05
_LONGEST_LINE = 64 * 1024  # a path of any length a system allows

#: DatabaseError kinds: the window that has the file was brought forward, or not reached.
SHOWN_ELSEWHERE, OPEN_ELSEWHERE = "shown-elsewhere", "open-elsewhere"


def server_name(db_path: str | os.PathLike[str]) -> str:
    """The local socket's name for *db_path*.

    On Linux it lives in the session's private runtime folder when there is one: Qt's
    default, the temporary folder, is shared by every user and moves with TMPDIR. A Unix
    socket's path must stay under about 100 bytes.
    """
    name = key(db_path)
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if sys.platform.startswith("linux") and runtime and len(runtime) + len(name) < 100:
        if os.path.isdir(runtime):
            return os.path.join(runtime, name)
    return name


class Claim(QObject):
    """This process holds one database: its lock, and the server later starts talk to."""

    window_requested = Signal()
    file_requested = Signal(str)  # after window_requested: a start handed over a file

    def __init__(self, lock: InstanceLock, name: str):
        super().__init__()
        self.lock = lock
        self.name = name
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._answer)
        if not lock.held:
            return  # unguarded: the socket under this name may be a live window's
        # We hold the lock, so a socket left under this name is a dead instance's.
        QLocalServer.removeServer(name)
        if not self.server.listen(name):  # the lock still keeps a second window out
            log.warning("Could not listen on %s: %s", name, self.server.errorString())

    @property
    def unclean_shutdown(self) -> bool:
        """Whether the last program with this database ended without letting it go."""
        return self.lock.unclean_shutdown

    def release(self) -> None:
        self.server.close()
        self.lock.release()

    def _answer(self) -> None:
        while (socket := self.server.nextPendingConnection()) is not None:
            # A slot of ours, not a lambda holding the socket: a lambda's reference made
            # the socket's deleteLater a second delete at exit (a crash on quitting).
            socket.readyRead.connect(self._ready)
            socket.disconnected.connect(socket.deleteLater)
            socket.write(GREETING + b"\n")
            self._read(socket)  # a quick client's line may be here already

    def _ready(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        while socket.canReadLine():
            # QByteArray has the buffer protocol, which PySide6's stubs do not declare.
            line = bytes(socket.readLine()).rstrip(b"\r\n")  # type: ignore[call-overload]
            handed = line[len(OPEN) :] if line.startswith(OPEN) else None
            if line.strip() == SHOW or handed:
                self.window_requested.emit()  # the window has come forward when this returns
                if socket.state() == QLocalSocket.LocalSocketState.ConnectedState:
                    socket.write(SHOWN + b"\n")
                if handed:
                    # Queued by the receiver: the import's dialog must not run inside this
                    # socket's slot.
                    self.file_requested.emit(handed.decode("utf-8", "replace"))
        if socket.bytesAvailable() > _LONGEST_LINE:  # not one of ours
            socket.abort()


def claim(
    db_path: Path, *, timeout: float = HANDOVER_SECONDS, then_open: Path | None = None
) -> Claim | None:
    """Hold *db_path* for this process, or hand over to the one that does (None: exit now);
    a handover passes on *then_open*, a file this start was asked to import.

    Raises DatabaseError (kind OPEN_ELSEWHERE) when another process holds it but could not
    be reached within *timeout* seconds. Nothing is written to the database either way.
    """
    lock, name = InstanceLock(db_path), server_name(db_path)
    deadline = time.monotonic() + timeout
    while True:
        try:
            if lock.acquire():
                return Claim(lock, name)
        except OSError as exc:  # no lock folder: run unguarded rather than not at all
            log.warning("Could not take the instance lock for %s: %s", db_path, exc)
            return Claim(lock, name)
        # Retried: the holder may be between taking the lock and listening, or quitting.
        if _hand_over(name, deadline, then_open):
            return None
        if time.monotonic() >= deadline:
            raise connection.DatabaseError(
                f"Reciprocity already has {db_path} open in another window, but could not "
                "reach that window to bring it forward. Switch to it yourself, or close it "
                "and start Reciprocity again.",
                kind=OPEN_ELSEWHERE,
                path=db_path,
            )
        time.sleep(_RETRY_SECONDS)


def _hand_over(name: str, deadline: float, then_open: Path | None = None) -> bool:
    """Ask the process listening on *name* to show its window (and import *then_open*);
    False if none listens."""
    socket = QLocalSocket()
    try:
        socket.connectToServer(name)
        if not socket.waitForConnected(_left_ms(deadline)):
            return False
        # A live holder accepted us. If its event loop is still busy starting, the line
        # waits in the socket and its window comes forward once the loop runs.
        _allow_foreground()
        if then_open is None:
            socket.write(SHOW + b"\n")
        else:
            socket.write(OPEN + str(then_open.resolve()).encode("utf-8") + b"\n")
        socket.waitForBytesWritten(_left_ms(deadline))
        answered = _read_line(socket, deadline) == GREETING and _read_line(socket, deadline)
        if answered == SHOWN and sys.stdout is not None:
            done = "brought forward" if then_open is None else f"asked to import {then_open}"
            print(f"Reciprocity is already open with this network; its window was {done}.")
        return True
    finally:
        socket.abort()


def _read_line(socket: QLocalSocket, deadline: float) -> bytes | None:
    while not socket.canReadLine():
        if socket.bytesAvailable() > _LONGEST_LINE or not socket.waitForReadyRead(
            _left_ms(deadline)
        ):
            return None
    # QByteArray has the buffer protocol, which PySide6's stubs do not declare.
    return bytes(socket.readLine()).strip()  # type: ignore[call-overload]


def _left_ms(deadline: float) -> int:
    return max(1, int((deadline - time.monotonic()) * 1000))


def _allow_foreground() -> None:
    """On Windows only the foreground process may raise a window: this start, not the
    first one. So this start lets any process take the foreground before asking."""
    if sys.platform == "win32":
        import ctypes

        asfw_any = -1
        ctypes.windll.user32.AllowSetForegroundWindow(asfw_any)


def bring_forward(window: QWidget | None) -> None:
    """Show *window* above the others, as far as the window manager allows."""
    if window is None:
        return
    if window.isMinimized():
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
    # Where focus stealing is refused (X11 managers, Wayland), the taskbar asks for attention.
    QApplication.alert(window)
    log.info("Another start asked for this window; it was brought forward.")


class Claimer(Protocol):
    """How a Guard holds a database: `claim`, or a stand-in for it."""

    def __call__(self, db_path: Path, /, *, then_open: Path | None = ...) -> Claim | None: ...


class Guard(QObject):
    """The claims of one session: the database it shows, and while switching, the next."""

    window_requested = Signal()
    file_requested = Signal(str)

    def __init__(
        self,
        app: QCoreApplication | None = None,
        claimer: Claimer | None = claim,
    ):
        super().__init__()
        self._claimer = claimer
        self._claims: dict[str, Claim] = {}
        if app is not None:
            app.aboutToQuit.connect(self.release)

    def claim(self, path: Path, then_open: Path | None = None) -> None:
        """Hold *path*; raises DatabaseError when another window has it (SHOWN_ELSEWHERE
        after bringing that window forward and handing it *then_open*, a file to import;
        OPEN_ELSEWHERE when it could not be reached)."""
        if self._claimer is None or key(path) in self._claims:
            return
        if then_open is None:
            held = self._claimer(path)
        else:
            held = self._claimer(path, then_open=then_open)
        if held is None:
            raise connection.DatabaseError(
                f"{_network_words(path)} is open in another Reciprocity window, which has "
                "been brought forward.",
                kind=SHOWN_ELSEWHERE,
                path=path,
            )
        held.window_requested.connect(self.window_requested)
        held.file_requested.connect(self.file_requested)
        self._claims[key(path)] = held

    def claim_at_start(
        self, path: Path, report: Callable[[str], object], then_open: Path | None = None
    ) -> int | None:
        """Hold *path* before anything opens it: None to go on, else the exit code (0 when
        another window took over, and was handed *then_open* if given; 1 after *report*
        said it could not be reached)."""
        try:
            self.claim(path, then_open)
        except connection.DatabaseError as exc:
            if exc.kind == SHOWN_ELSEWHERE:
                return 0
            report(str(exc))
            return 1
        return None

    def settle(self, path: Path | None) -> None:
        """*path* is the one open now: let go of the others. None (nothing opened yet, the
        start may still retry) keeps them all."""
        if path is None:
            return
        for held_key in [k for k in self._claims if k != key(path)]:
            self._claims.pop(held_key).release()

    def unclean_shutdown(self, path: Path) -> bool:
        """Whether the program that last had *path* ended without letting it go."""
        held = self._claims.get(key(path))
        return held is not None and held.unclean_shutdown

    def release(self) -> None:
        while self._claims:
            self._claims.popitem()[1].release()


def _network_words(path: Path) -> str:
    return "The sample network" if path == paths.sample_database_path() else str(path)
