"""Many Qt calls that return nothing must not wear `None` out (PySide6 6.12 on 3.10/3.11)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from desktop.ui import none_guard


def test_many_void_qt_calls_do_not_abort_python():
    """In a fresh interpreter: 200,000 `setText` calls, more than `None` had references."""
    script = textwrap.dedent(
        """
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        import desktop.ui
        from PySide6.QtWidgets import QApplication, QLabel
        app = QApplication([])
        label = QLabel()
        for _ in range(200_000):
            label.setText("")
        print("survived")
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "survived"


def test_guard_is_applied_only_where_needed():
    needed = sys.version_info < (3, 12) and none_guard.bindings_drop_none()
    if needed:
        assert sys.getrefcount(None) > none_guard.RESERVE // 2  # applied at import
    else:
        assert none_guard.guard_none() is False
