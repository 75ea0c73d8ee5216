"""The one-command page renderer produces real pictures of every page and dialog."""

from __future__ import annotations

from PySide6.QtGui import QImage

from desktop.store import connection
from desktop.ui import screenshots


def test_renders_every_page_and_dialog(qtbot, tmp_path):
    try:
        saved = screenshots.render_all(
            tmp_path / "png", tmp_path / "sample.sqlite3", tmp_path / "settings.ini"
        )
    finally:
        connection.close_database()
    names = sorted(p.stem for p in saved)
    assert names == sorted(
        [
            "dashboard",
            "reciprocity",
            "people",
            "people-search",
            "companies",
            "companies-warm-paths",
            "timeline",
            "timeline-person",
            "follow-ups",
            "follow-ups-reach-out",
            "follow-ups-reconnect",
            "person-tie",
            "person-tie-dormant",
            "tiers-dialog",
            "tier-choice",
            "go-to-anything",
            "needs",
            "opportunities",
            "opportunity-dialog",
            "follow-through",
            "action-dialog",
            "person-dialog",
            "person-dialog-invalid",
            "company-dialog",
            "import-preview",
            "restore-dialog",
            "backups-dialog",
            "check-dialog",
            "damaged-file-dialog",
        ]
    )
    for path in saved:
        image = QImage(str(path))
        assert not image.isNull(), path
        if path.stem == "damaged-file-dialog":  # a question with a few lines of words
            assert image.width() >= 500 and image.height() >= 120, path
        elif path.stem == "tier-choice":  # one list and its buttons
            assert image.width() >= 300 and image.height() >= 100, path
        elif "dialog" in path.stem or path.stem in (
            "follow-through",
            "import-preview",
            "go-to-anything",
        ):
            assert image.width() >= 500 and image.height() >= 200, path
        else:  # a page: the whole window
            assert (image.width(), image.height()) == screenshots.SIZE, path
    people = QImage(str(tmp_path / "png" / "people.png"))
    assert (people.width(), people.height()) == screenshots.SIZE
    # The search picture differs from the plain list: the search was applied.
    assert QImage(str(tmp_path / "png" / "people-search.png")) != people
