"""The Qt user interface. The only layer that imports PySide6."""

from desktop.ui.refcount_guard import guard

guard()  # before any widget is made: see refcount_guard
