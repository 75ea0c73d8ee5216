"""Many Qt calls must not wear `None` or `True` out (PySide6 6.12 on Python 3.10/3.11)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from desktop.ui import refcount_guard


def run_fresh(body: str) -> None:
    """Run *body* in a fresh interpreter that imports desktop.ui; it must print survived."""
    script = (
        textwrap.dedent(
            """
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        import desktop.ui
        from PySide6.QtCore import QObject, Signal
        from PySide6.QtWidgets import QApplication, QLabel
        app = QApplication([])
        """
        )
        + textwrap.dedent(body)
        + '\nprint("survived")\n'
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "survived"


def test_many_void_qt_calls_do_not_abort_python():
    """200,000 `setText` calls, more than `None` had references."""
    run_fresh(
        """
        label = QLabel()
        for _ in range(200_000):
            label.setText("")
        """
    )


def test_many_signals_emitted_from_python_do_not_abort_python():
    """200,000 emits with and without a receiver, far more than `True` had references;
    the interpreter must also shut down cleanly after them."""
    run_fresh(
        """
        class Source(QObject):
            changed = Signal(int)

        source, heard = Source(), []
        for _ in range(100_000):
            source.changed.emit(1)
        source.changed.connect(heard.append)
        for _ in range(100_000):
            source.changed.emit(2)
        assert len(heard) == 100_000
        """
    )


def test_guard_is_applied_only_where_needed():
    if sys.version_info >= (3, 12):
        assert refcount_guard.guard() == []
        return
    if refcount_guard.bindings_drop_none():
        assert sys.getrefcount(None) > refcount_guard.RESERVE // 2  # applied at import
    if refcount_guard.bindings_drop_true():
        assert sys.getrefcount(True) > refcount_guard.RESERVE // 2
        assert sys.getrefcount(False) > refcount_guard.RESERVE // 2
