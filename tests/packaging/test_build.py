"""packaging/build.py and the bundle's recipe: the version from one place, the Windows
version resource, and what of Qt the bundle leaves out."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import re
from pathlib import Path

import pytest

import desktop

ROOT = Path(__file__).resolve().parents[2]


def _module(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "packaging" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_version_is_written_in_one_place():
    pyproject = (ROOT / "pyproject.toml").read_text("utf-8")
    assert re.search(r"^version\s*=", pyproject, re.MULTILINE) is None
    assert 'dynamic = ["version"]' in pyproject
    assert importlib.metadata.version("reciprocity") == desktop.__version__


@pytest.mark.parametrize(
    ("version", "numbers"),
    [("0.1.0", [0, 1, 0]), ("1.12.3rc1", [1, 12, 3]), ("2.0", [2, 0]), ("3.1.dev4", [3, 1])],
)
def test_windows_version_fields_hold_the_numeric_parts(version, numbers):
    assert _module("build").version_numbers(version) == numbers


def test_the_windows_version_resource_names_this_release():
    build = _module("build")
    text = build.windows_version_info("1.12.3rc1")
    made = {}

    def record(kind):
        def make(*args, **kwargs):
            made.setdefault(kind, []).append((args, kwargs))
            return kind

        return make

    names = ["VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable"]
    names += ["StringStruct", "VarFileInfo", "VarStruct"]
    eval(text, {"__builtins__": {}}, {name: record(name) for name in names})  # its own syntax
    fixed = made["FixedFileInfo"][0][1]
    assert fixed["filevers"] == fixed["prodvers"] == (1, 12, 3, 0)
    strings = dict(args for args, _ in made["StringStruct"])
    assert strings["ProductVersion"] == strings["FileVersion"] == "1.12.3rc1"
    assert strings["ProductName"] == "Reciprocity"
    assert strings["OriginalFilename"] == "reciprocity.exe"


def test_the_release_date_is_the_source_date_when_given(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764720000")  # 2025-12-03 00:00 UTC
    assert _module("build").release_date() == "2025-12-03"


@pytest.mark.parametrize(
    "kept",
    [
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/platforms/qwindows.dll",
        "PySide6/Qt/plugins/platforms/libqcocoa.dylib",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
        "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
        "PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so",
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6/Qt/lib/libQt6Charts.so.6",
        "PySide6\\Qt\\plugins\\styles\\qmodernwindowsstyle.dll",
    ],
)
def test_the_bundle_keeps_what_the_program_uses(kept):
    assert not _module("qt_trim").dropped(kept)


@pytest.mark.parametrize(
    "dropped",
    [
        "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
        "PySide6/Qt/lib/libQt6Quick.so.6",
        "PySide6/Qt/lib/libQt6Qml.so.6",
        "PySide6/Qt/plugins/platforms/libqvnc.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/tls/libqopensslbackend.so",
        "PySide6/Qt/translations/qt_help_de.qm",
        "PySide6/Qt/translations/qtmultimedia_de.qm",
        "PySide6\\Qt\\plugins\\tls\\qschannelbackend.dll",
    ],
)
def test_the_bundle_leaves_out_what_it_never_uses(dropped):
    assert _module("qt_trim").dropped(dropped)


def test_a_library_only_a_dropped_plugin_needed_goes_with_it(monkeypatch):
    qt_trim = _module("qt_trim")
    links = {
        "/q/libqgtk3.so": {"/l/libgtk-3.so", "/l/libglib.so"},
        "/l/libgtk-3.so": {"/l/libcairo.so", "/l/libglib.so"},
        "/q/libqxcb.so": {"/l/libglib.so"},
    }
    monkeypatch.setattr(qt_trim, "_real", str)
    monkeypatch.setattr(qt_trim, "_links", lambda source: links.get(source, set()))
    entries = [
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "/q/libqgtk3.so", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/q/libqxcb.so", "BINARY"),
        ("libgtk-3.so", "/l/libgtk-3.so", "BINARY"),
        ("libcairo.so", "/l/libcairo.so", "BINARY"),
        ("libglib.so", "/l/libglib.so", "BINARY"),
        ("resources/icons/app.svg", "/r/app.svg", "DATA"),
    ]
    kept = [entry[0] for entry in qt_trim.keep(entries)]
    assert kept == [
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "libglib.so",
        "resources/icons/app.svg",
    ]


def test_windows_versions_have_four_numbers():
    assert _module("build").windows_version("1.2rc1") == (1, 2, 0, 0)


def test_the_installer_script_takes_every_value_build_py_passes():
    """ISCC ignores a /D name the script never uses; a renamed one would go unnoticed."""
    build_text = (ROOT / "packaging" / "build.py").read_text("utf-8")
    passed = set(re.findall(r'f"/D(\w+)=', build_text))
    script = (ROOT / "packaging" / "windows" / "reciprocity.iss").read_text("utf-8")
    defaults = set(re.findall(r"^#ifndef (\w+)$", script, re.MULTILINE))
    assert passed == {"AppVersion", "NumericVersion", "SourceDir", "IconFile", "OutputDir"}
    assert passed == defaults
    assert "OutputBaseFilename=Reciprocity-Setup-{#AppVersion}" in script
    assert "PrivilegesRequired=lowest" in script
