"""The layers below ui/ never import Qt (checked in the source and in a fresh interpreter)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import desktop

PACKAGE = Path(desktop.__file__).parent
QT_FREE = ("store", "core", "formats", "sample")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_qt_import_in_the_source_below_ui():
    offenders = []
    for layer in QT_FREE:
        for path in (PACKAGE / layer).rglob("*.py"):
            qt = {m for m in imported_modules(path) if m.split(".")[0] in ("PySide6", "shiboken6")}
            if qt or any(m.startswith("desktop.ui") for m in imported_modules(path)):
                offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []


def test_importing_the_lower_layers_loads_no_qt():
    modules = sorted(
        ".".join(("desktop", *path.relative_to(PACKAGE).with_suffix("").parts)).removesuffix(
            ".__init__"
        )
        for layer in QT_FREE
        for path in (PACKAGE / layer).rglob("*.py")
    )
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(loaded)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"
    assert "desktop.sample.actions" in modules and "desktop.store.connection" in modules


def test_the_checker_would_notice_a_qt_import(tmp_path):
    sample = tmp_path / "bad.py"
    sample.write_text("from PySide6.QtCore import QObject\nimport os\n")
    assert "PySide6.QtCore" in imported_modules(sample)
