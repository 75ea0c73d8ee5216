"""The Qt user interface. The only layer that imports PySide6."""

from desktop.ui.none_guard import guard_none

guard_none()  # before any widget is made: see none_guard
