"""The brief's preview dialog, with Save as PDF and Print."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core import brief as core
from desktop.ui.brief import PREVIEW_WIDTH_PX, brief_document, export_pdf, print_brief
from desktop.ui.plain import short, show_error


def default_pdf_path(brief: core.Brief) -> Path:
    """'<Documents>/<Company> brief.pdf', with characters no file system takes replaced."""
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "-", brief.company.name).strip(" .-") or "Company"
    return pdf_folder() / f"{name} brief.pdf"


def pdf_folder() -> Path:
    """The folder a brief was last saved to, else Documents, else home: one that exists."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    last = BriefDialog.last_folder
    for folder in (last, Path(documents) if documents else None, Path.home()):
        if folder is not None and folder.is_dir():
            return folder
    return Path.home()


class BriefDialog(QDialog):
    """A preview of the brief with Save as PDF and Print."""

    last_folder: Path | None = None  # where a brief was last saved in this session

    def __init__(self, brief: core.Brief, parent: QWidget | None = None):
        super().__init__(parent)
        self.brief = brief
        self.setWindowTitle(f"Brief: {short(brief.company.name, 60)}")
        self.preview = QTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAcceptRichText(False)
        self.preview.setAccessibleName("Brief preview")
        self.preview.setLineWrapMode(QTextEdit.LineWrapMode.FixedPixelWidth)
        self.preview.setLineWrapColumnOrWidth(PREVIEW_WIDTH_PX)
        document = brief_document(brief)
        document.setDocumentMargin(12)  # the page has its margins; the screen needs these
        document.setParent(self.preview)
        self.preview.setDocument(document)
        buttons = QDialogButtonBox()
        self.save_button = QPushButton("&Save as PDF…")
        self.print_button = QPushButton("&Print…")
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.reject)
        self.save_button.clicked.connect(self.save_pdf)
        self.print_button.clicked.connect(lambda: print_brief(self, self.brief))
        self.save_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview)
        layout.addWidget(buttons)
        self.resize(PREVIEW_WIDTH_PX + 80, 720)

    def save_pdf(self) -> Path | None:
        """Ask where, then write the PDF; the path written, or None."""
        chosen, _filter = QFileDialog.getSaveFileName(
            self, "Save the brief as PDF", str(default_pdf_path(self.brief)), "PDF files (*.pdf)"
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            export_pdf(self.brief, path)
            BriefDialog.last_folder = path.parent
        except OSError as exc:
            reason = exc.strerror or str(exc)
            show_error(
                self,
                "Brief not saved",
                f"The brief could not be saved as {path} ({reason}). "
                "Choose another folder, or close the file if another program has it open.",
            )
            return None
        return path


def export_brief(
    parent: QWidget | None, company_id: int, opportunity_id: int | None = None
) -> None:
    """Show the brief on a company (for one of its opportunities, if given) to save or print."""
    dialog = BriefDialog(core.company_brief(company_id, opportunity_id), parent)
    dialog.exec()
    dialog.deleteLater()
