"""What the window writes itself (the brief's PDF, chart pictures, exports) is private
(0600) whatever the umask, and written by us rather than by Qt."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from desktop.core import people
from desktop.core.brief import company_brief
from desktop.core.companies import CompanyData, create_company
from desktop.ui import brief, transfer
from desktop.ui.charts import ChartData, ChartPanel, Series

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def open_umask():
    before = os.umask(0o022)
    yield
    os.umask(before)


def test_the_brief_pdf_is_private(database, qtbot, tmp_path):
    acme = company_brief(create_company(CompanyData(name="Acme")))
    path = tmp_path / "Acme brief.pdf"
    path.write_bytes(b"an older brief")
    path.chmod(0o644)
    brief.export_pdf(acme, path)
    assert path.read_bytes().startswith(b"%PDF") and mode(path) == 0o600


def test_chart_pictures_are_private(qtbot, tmp_path):
    panel = ChartPanel()
    qtbot.addWidget(panel)
    panel.set_data(ChartData("By month", "bars", ("Jan", "Feb"), (Series("Given", (1, 2)),)))
    for name in ("chart.png", "chart.svg"):
        saved = panel.save(tmp_path / name)
        assert saved.stat().st_size > 0 and mode(saved) == 0o600
    with pytest.raises(OSError, match="There is no folder"):
        panel.save(tmp_path / "gone" / "chart.png")


@pytest.mark.parametrize("kind", ["vcard", "ics"])
def test_exports_from_the_file_menu_are_private(qtbot, window, monkeypatch, tmp_path, kind):
    people.create_person(people.PersonData(name="Ada Lovelace"))
    target = tmp_path / f"export.{kind}"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(transfer.PeopleChoice, "ask", lambda *a, **k: people.person_ids())
    assert transfer.export(window, kind) == target
    assert mode(target) == 0o600
