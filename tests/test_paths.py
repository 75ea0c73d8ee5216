"""Finding resources from a source checkout, an installed wheel and a frozen bundle."""

from __future__ import annotations

import sys

import pytest

from desktop import paths


def test_the_app_icon_is_found_from_this_checkout():
    icon = paths.resource_path("icons/app.svg")
    assert icon.read_text(encoding="utf-8").lstrip().startswith("<svg")


@pytest.mark.parametrize("layout", ["checkout", "wheel", "frozen"])
def test_each_layout_is_searched(tmp_path, monkeypatch, layout):
    package = tmp_path / "site" / "desktop"
    package.mkdir(parents=True)
    fake_module = package / "paths.py"
    fake_module.write_text("")
    where = {
        "checkout": tmp_path / "site" / "resources",
        "wheel": package / "resources",
        "frozen": tmp_path / "bundle" / "resources",
    }[layout]
    (where / "icons").mkdir(parents=True)
    (where / "icons" / "x.svg").write_text("<svg/>")
    monkeypatch.setattr(paths, "__file__", str(fake_module))
    if layout == "frozen":
        monkeypatch.setattr(sys, "frozen", True, raising=False)
        monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "bundle"), raising=False)
    assert paths.resource_path("icons/x.svg") == where / "icons" / "x.svg"


def test_missing_resource_is_named(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"nothing\.svg"):
        paths.resource_path("icons/nothing.svg", roots=[tmp_path])


def test_data_lives_in_the_users_data_folder():
    assert paths.default_database_path().name == "reciprocity.sqlite3"
    assert paths.default_database_path().parent == paths.sample_database_path().parent
    assert "Reciprocity" in str(paths.data_dir())
