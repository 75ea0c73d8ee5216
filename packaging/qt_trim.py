"""What of Qt the bundle leaves out: modules Reciprocity never uses, and the files they bring.

Reciprocity uses QtCore, QtGui, QtWidgets, QtSvg, QtCharts, QtPrintSupport (printing the
brief) and QtNetwork (only the local socket that keeps one window per database). The
PySide6 hooks also collect plugins for every platform Qt supports; the ones below are for
kiosks, touch panels, remote screens, the network and image formats we never read.
"""

from __future__ import annotations

from fnmatch import fnmatch
from pathlib import Path

# Python modules the analysis would otherwise follow into.
EXCLUDED_MODULES = [
    "PySide6.Qt3DAnimation",
    "PySide6.Qt3DCore",
    "PySide6.Qt3DExtras",
    "PySide6.Qt3DInput",
    "PySide6.Qt3DLogic",
    "PySide6.Qt3DRender",
    "PySide6.QtBluetooth",
    "PySide6.QtDesigner",
    "PySide6.QtGraphs",
    "PySide6.QtHelp",
    "PySide6.QtLocation",
    "PySide6.QtMultimedia",
    "PySide6.QtMultimediaWidgets",
    "PySide6.QtNetworkAuth",
    "PySide6.QtNfc",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtPositioning",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuick3D",
    "PySide6.QtQuickControls2",
    "PySide6.QtQuickWidgets",
    "PySide6.QtRemoteObjects",
    "PySide6.QtScxml",
    "PySide6.QtSensors",
    "PySide6.QtSerialBus",
    "PySide6.QtSerialPort",
    "PySide6.QtSpatialAudio",
    "PySide6.QtSql",
    "PySide6.QtStateMachine",
    "PySide6.QtTest",
    "PySide6.QtTextToSpeech",
    "PySide6.QtUiTools",
    "PySide6.QtWebChannel",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineQuick",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebSockets",
    "PySide6.QtWebView",
    "PySide6.QtXml",
    # Tools and test helpers that are never imported by the program itself.
    "tkinter",
    "unittest",
    "pydoc",
    "pytest",
    "hypothesis",
    "PIL",
]

# Files (by their place in the bundle, '/' separated) that are dropped after analysis.
EXCLUDED_FILES = [
    # The on-screen keyboard input method pulls in Qml and Quick (about 17 MB).
    "*/plugins/platforminputcontexts/*qtvirtualkeyboard*",
    "*libQt6VirtualKeyboard*",
    "*libQt6Qml*",
    "*libQt6Quick*",
    # Platforms for kiosks and remote screens; xcb, wayland and offscreen stay.
    "*/plugins/platforms/*qvnc*",
    "*/plugins/platforms/*qlinuxfb*",
    "*/plugins/platforms/*qvkkhrdisplay*",
    "*/plugins/platforms/*qeglfs*",
    "*/plugins/platforms/*qminimalegl*",
    "*/plugins/egldeviceintegrations/*",
    "*libQt6EglFS*",
    "*libQt6EglFsKmsSupport*",
    "*/plugins/generic/*",
    # Reciprocity never goes on the network: no TLS backends or network monitors.
    "*/plugins/tls/*",
    "*/plugins/networkinformation/*",
    # The GTK theme would carry the build machine's GTK (about 25 MB) into the bundle;
    # Qt's own dialogs and the portal theme serve every desktop.
    "*/plugins/platformthemes/*qgtk3*",
    # Windows' software OpenGL (about 20 MB) is for Qt Quick; widgets paint without it.
    "*opengl32sw.dll",
    # Image formats no file of ours is in; SVG, PNG, ICO and JPEG stay.
    "*/plugins/imageformats/*qtiff*",
    "*/plugins/imageformats/*qwebp*",
    "*/plugins/imageformats/*qtga*",
    "*/plugins/imageformats/*qwbmp*",
    "*/plugins/imageformats/*qpdf*",
    "*/plugins/imageformats/*qgif*",
]

# Qt's translations: its own dialog buttons in the user's language (qtbase) stay.
_TRANSLATIONS = "*/translations/*.qm"
_KEPT_TRANSLATIONS = ("*/translations/qtbase_*.qm",)


def dropped(dest: str) -> bool:
    """Whether the bundle leaves out the file that would go to `dest`."""
    dest = dest.replace("\\", "/")
    if fnmatch(dest, _TRANSLATIONS):
        return not any(fnmatch(dest, kept) for kept in _KEPT_TRANSLATIONS)
    name = "/" + dest
    return any(fnmatch(name, pattern) for pattern in EXCLUDED_FILES)


def keep(entries):
    """PyInstaller's table of files without the ones this module drops.

    A library the analysis brought in only for a dropped file goes too (the GTK theme's
    GTK, for one); a library anything kept still links to stays.
    """
    gone = [entry for entry in entries if dropped(entry[0])]
    kept = [entry for entry in entries if not dropped(entry[0])]
    orphans = _only_needed_by(gone, kept)
    return [entry for entry in kept if _real(entry[1]) not in orphans]


def _real(source) -> str:
    return str(Path(source).resolve())


def _links(source: str) -> set[str]:
    from PyInstaller.depend.bindepend import get_imports

    try:
        found = get_imports(source)
    except Exception:  # a data file or a binary the platform's tools cannot read
        return set()
    return {_real(path) for _name, path in found if path}


def _reach(sources: set[str]) -> set[str]:
    seen: set[str] = set()
    todo = list(sources)
    while todo:
        source = todo.pop()
        if source not in seen:
            seen.add(source)
            todo.extend(_links(source) - seen)
    return seen


def _only_needed_by(gone, kept) -> set[str]:
    binaries = {"BINARY", "EXTENSION"}
    gone_sources = {_real(entry[1]) for entry in gone if entry[2] in binaries}
    kept_sources = {_real(entry[1]) for entry in kept if entry[2] in binaries}
    candidates = (_reach(gone_sources) - gone_sources) & kept_sources
    return candidates - _reach(kept_sources - candidates)
