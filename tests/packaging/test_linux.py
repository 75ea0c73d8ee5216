"""The Linux archive's desktop files, and install.sh / uninstall.sh run into a home folder
of their own, on a stand-in for the PyInstaller bundle."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from configparser import ConfigParser
from pathlib import Path

import pytest

from desktop import APP_ID, __version__

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
CACHES = {"mimeinfo.cache", "icon-theme.cache"}  # rebuilt by the desktop's own tools

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX shell scripts")


def _module(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "packaging" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def icons(tmp_path_factory, qapp):
    out = tmp_path_factory.mktemp("icons")
    _module("icons").build(out)
    return out


@pytest.fixture
def unpacked(tmp_path, icons):
    """The archive as a person unpacks it, with a stand-in program that says its name."""
    top = tmp_path / "download" / f"Reciprocity-{__version__}-linux-x86_64"
    program = top / "reciprocity"
    (program / "_internal").mkdir(parents=True)
    (program / "_internal" / "libexample.so").write_bytes(b"\x7fELF")
    launcher = program / "reciprocity"
    launcher.write_text('#!/bin/sh\necho "Reciprocity stand-in $*"\n', "utf-8")
    launcher.chmod(0o755)
    _module("freedesktop").write_share(top / "share", icons, "2026-12-03")
    for script in ("install.sh", "uninstall.sh"):
        shutil.copy2(LINUX / script, top / script)
    return top


@pytest.fixture
def home(tmp_path):
    # A space and a dollar sign: the menu entry must quote the program's path.
    folder = tmp_path / "home of $USER"
    (folder / ".local" / "share" / "applications").mkdir(parents=True)
    (folder / ".local" / "bin").mkdir(parents=True)
    # Someone else's entry and program, which neither script may touch.
    (folder / ".local" / "share" / "applications" / "other.desktop").write_text("x", "utf-8")
    (folder / ".local" / "bin" / "other").write_text("x", "utf-8")
    return folder


def run(script: Path, home: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {"HOME": str(home), "PATH": os.environ["PATH"], **env}
    return subprocess.run(
        ["sh", str(script), *args], env=environment, capture_output=True, text=True, check=False
    )


def tree(folder: Path) -> set[str]:
    return {
        str(path.relative_to(folder))
        for path in folder.rglob("*")
        if path.name not in CACHES and not (path.is_dir() and not path.is_symlink())
    }


def desktop_entry(path: Path) -> dict[str, str]:
    parser = ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def exec_arguments(value: str) -> list[str]:
    """An Exec value as the Desktop Entry specification reads it: the string escapes
    first, then the quoting, where a backslash escapes " ` $ and itself."""
    text = value.replace("\\\\", "\x00").replace("\\s", " ").replace("\x00", "\\")
    arguments, current, quoted, escaped, started = [], "", False, False, False
    for char in text:
        if escaped:
            assert char in '"`$\\', f"{char!r} may not be escaped in a quoted argument"
            current, escaped = current + char, False
        elif quoted and char == "\\":
            escaped = True
        elif char == '"':
            quoted, started = not quoted, True
        elif char == " " and not quoted:
            if started or current:
                arguments.append(current)
            current, started = "", False
        else:
            current += char
    assert not quoted and not escaped, "unbalanced quoting"
    if started or current:
        arguments.append(current)
    return arguments


def test_install_puts_each_file_where_the_freedesktop_specifications_say(unpacked, home):
    done = run(unpacked / "install.sh", home)
    assert done.returncode == 0, done.stderr
    share = home / ".local" / "share"
    entry = share / "applications" / f"{APP_ID}.desktop"
    metainfo = share / "metainfo" / f"{APP_ID}.metainfo.xml"
    assert entry.is_file() and metainfo.is_file()
    for size in _module("icons").HICOLOR:
        assert (share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png").is_file()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()

    program = home / ".local" / "lib" / "reciprocity" / "reciprocity"
    assert (home / ".local" / "bin" / "reciprocity").resolve() == program.resolve()
    fields = desktop_entry(entry)
    assert exec_arguments(fields["Exec"]) == [str(program), "%f"]
    assert fields["Icon"] == APP_ID
    assert "text/vcard" in fields["MimeType"].split(";")
    assert "text/csv" in fields["MimeType"].split(";")
    said = subprocess.run([str(home / ".local" / "bin" / "reciprocity"), "x"], capture_output=True)
    assert said.stdout.decode().strip() == "Reciprocity stand-in x"
    assert "installed" in done.stdout and "uninstall.sh" in done.stdout


def test_uninstall_removes_exactly_what_install_put_and_keeps_the_network(unpacked, home):
    before = tree(home)
    assert run(unpacked / "install.sh", home).returncode == 0
    network = home / ".local" / "share" / "Reciprocity" / "reciprocity.sqlite3"
    network.parent.mkdir(parents=True)
    network.write_bytes(b"SQLite format 3\x00")
    settings = home / ".config" / "Reciprocity" / "Reciprocity.conf"
    settings.parent.mkdir(parents=True)
    settings.write_text("[window]", "utf-8")
    done = run(home / ".local" / "lib" / "reciprocity" / "uninstall.sh", home)
    assert done.returncode == 0, done.stderr
    assert tree(home) == before | {
        ".local/share/Reciprocity/reciprocity.sqlite3",
        ".config/Reciprocity/Reciprocity.conf",
    }
    assert f"settings and logs are in {settings.parent}" in done.stdout
    assert f"Your network is kept in {network.parent}" in done.stdout
    assert network.read_bytes() == b"SQLite format 3\x00"


def test_installing_again_replaces_the_old_version_whole(unpacked, home):
    assert run(unpacked / "install.sh", home).returncode == 0
    stale = home / ".local" / "lib" / "reciprocity" / "_internal" / "libold.so"
    stale.write_bytes(b"old")
    done = run(unpacked / "install.sh", home)
    assert done.returncode == 0, done.stderr
    assert not stale.exists()
    assert (home / ".local" / "lib" / "reciprocity" / "_internal" / "libexample.so").exists()


def test_install_follows_xdg_data_home(unpacked, home, tmp_path):
    data_home = tmp_path / "elsewhere"
    assert run(unpacked / "install.sh", home, XDG_DATA_HOME=str(data_home)).returncode == 0
    assert (data_home / "applications" / f"{APP_ID}.desktop").is_file()
    assert not (home / ".local" / "share" / "applications" / f"{APP_ID}.desktop").exists()
    done = run(
        home / ".local" / "lib" / "reciprocity" / "uninstall.sh", home, XDG_DATA_HOME=str(data_home)
    )
    assert done.returncode == 0
    assert not (data_home / "applications" / f"{APP_ID}.desktop").exists()


def test_install_outside_the_unpacked_folder_says_what_to_do(home):
    done = run(LINUX / "install.sh", home)
    assert done.returncode == 1
    assert "run it from the unpacked Reciprocity folder" in done.stderr
    assert not (home / ".local" / "lib" / "reciprocity").exists()


def test_uninstall_without_an_install_says_so(home):
    shutil.copy2(LINUX / "uninstall.sh", home / "uninstall.sh")
    done = run(home / "uninstall.sh", home)
    assert done.returncode == 1
    assert "not installed here" in done.stderr


def test_the_metainfo_describes_this_release_and_its_own_files(unpacked):
    share = unpacked / "share"
    root = ET.parse(share / "metainfo" / f"{APP_ID}.metainfo.xml").getroot()
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == f"{APP_ID}.desktop"
    assert (share / "applications" / root.find("launchable").text).is_file()
    release = root.find("releases/release")
    assert (release.get("version"), release.get("date")) == (__version__, "2026-12-03")
    assert root.find("content_rating").get("type") == "oars-1.1"
    shots = [image.text for image in root.iter("image")]
    assert shots
    for url in shots:
        assert f"/v{__version__}/resources/screenshots/" in url
        assert (ROOT / "resources" / "screenshots" / url.rsplit("/", 1)[1]).is_file()


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils")
def test_the_installed_menu_entry_passes_desktop_file_validate(unpacked, home):
    assert run(unpacked / "install.sh", home).returncode == 0
    entry = home / ".local" / "share" / "applications" / f"{APP_ID}.desktop"
    done = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstream")
def test_the_metainfo_passes_appstreamcli_validate(unpacked):
    metainfo = unpacked / "share" / "metainfo" / f"{APP_ID}.metainfo.xml"
    done = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(metainfo)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
