"""The interview brief on paper: its document, a PDF of it, and printing.

The document is built with a QTextCursor, one plain-text run at a time, so nothing the
user typed is ever read as markup: a need called "<b>x</b>" prints exactly that.
"""

from __future__ import annotations

import contextlib
import re
from datetime import date
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPdfWriter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QWidget,
)

from desktop import private_files
from desktop.core import brief as core
from desktop.core import words as wording
from desktop.ui.plain import short

BODY_PT = 10.0
SMALL_PT = 8.5
HEADING_PT = 12.5
TITLE_PT = 19.0
INK = QColor("#1a1a1a")
MUTED = QColor("#5a5a5a")
ACCENT = QColor("#1f4e79")
PDF_DPI = 300
MARGINS_MM = QMarginsF(18, 15, 18, 12)
PREVIEW_WIDTH_PX = 660  # about the width of the text on A4 at screen resolution
MAX_TEXT = 320  # characters of a problem or notes shown; the program holds the rest
MAX_NOTES = 200  # of what someone told me: the summary says the gist
MAX_SKILLS = 10
FIT_WORDS = {"strong": "Strong", "partial": "Partial", "none": "None yet"}
HEADING_LEVEL = 2
KEEP_TOGETHER = QTextFormat.Property.UserProperty + 1  # a block not to split across pages


def day(value: date) -> str:
    """'7 Mar 2026'."""
    return f"{value.day} {value:%b %Y}"


def listed(names: list[str] | tuple[str, ...], limit: int = MAX_SKILLS) -> str:
    """'A, B and C'; past *limit*, 'A, B and 5 more'."""
    names = list(names)
    if len(names) > limit:
        names = [*names[:limit], f"{len(names) - limit} more"]
    return wording.listed(names)


def flat(text: str, limit: int = MAX_TEXT) -> str:
    """User text for a block: line breaks kept as line breaks, blank runs squeezed, shortened."""
    lines = [" ".join(line.split()) for line in re.split(r"\r\n|[\r\n\u2028\u2029]", text)]
    kept = "\n".join(lines).strip()
    return short(re.sub(r"\n{2,}", "\n", kept), limit).replace("\n", "\u2028")


class _Writer:
    """Adds paragraphs of plain-text runs to a document through a cursor."""

    def __init__(self, document: QTextDocument):
        self.cursor = QTextCursor(document)
        self.first = True
        self.blocks: dict[tuple[float, bool, bool], QTextBlockFormat] = {}
        base = QTextCharFormat()
        base.setForeground(INK)
        base.setFontPointSize(BODY_PT)
        self.styles: dict[str, QTextCharFormat] = {"body": base}
        for name, size, bold, italic, color in (
            ("title", TITLE_PT, True, False, INK),
            ("heading", HEADING_PT, True, False, ACCENT),
            ("strong", BODY_PT, True, False, INK),
            ("meta", SMALL_PT, False, False, MUTED),
            ("note", SMALL_PT, False, True, MUTED),
            ("quote", BODY_PT, False, True, INK),
        ):
            style = QTextCharFormat(base)
            style.setFontPointSize(size)
            style.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
            style.setFontItalic(italic)
            style.setForeground(color)
            self.styles[name] = style

    def paragraph(
        self,
        *runs: tuple[str, str],
        top: float = 0,
        whole: bool = False,
        heading: bool = False,
    ) -> None:
        """One block of (text, style) runs; '\\n' in a run starts a new line in the block.

        *whole* keeps the block on one page, so an item never splits across pages
        (Qt's own "non-breakable lines" would stop the lines wrapping).
        """
        block = self.blocks.get((top, whole, heading))
        if block is None:
            block = self.blocks[top, whole, heading] = QTextBlockFormat()
            block.setTopMargin(top)
            block.setLineHeight(112, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
            if whole:
                block.setProperty(KEEP_TOGETHER, True)
            if heading:
                block.setHeadingLevel(HEADING_LEVEL)
        if self.first:
            self.cursor.setBlockFormat(block)
            self.first = False
        else:
            self.cursor.insertBlock(block)
        for text, style in runs:
            if text:
                self.cursor.insertText(text.replace("\n", "\u2028"), self.styles[style])

    def say(self, text: str, style: str = "body") -> None:
        """A short paragraph under a heading: a remark, or 'and 5 more'."""
        self.paragraph((text, style), top=4)


def brief_document(brief: core.Brief, device: QPaintDevice | None = None) -> QTextDocument:
    """The brief laid out for a page; with *device* it is measured for that device."""
    document = QTextDocument()
    font = QFont()
    font.setPointSizeF(BODY_PT)
    document.setDefaultFont(font)
    document.setDocumentMargin(2)
    if device is not None:
        document.documentLayout().setPaintDevice(device)
    out = _Writer(document)
    _header(out, brief)
    _needs(out, brief)
    _skills(out, brief)
    _people(out, brief)
    _told(out, brief)
    return document


def _header(out: _Writer, brief: core.Brief) -> None:
    company = brief.company
    out.paragraph((company.name, "title"))
    who = f" for {brief.my_name}" if brief.my_name else ""
    out.paragraph((f"Interview brief{who}, prepared {day(brief.prepared_on)}", "meta"))
    facts = [company.industry, company.location, company.website]
    if company.is_target:
        facts.append("on my target list")
    if any(facts):
        out.paragraph((" · ".join(f for f in facts if f), "body"), top=6)
    if company.notes:
        out.paragraph((flat(company.notes), "note"))
    if brief.opening:
        opening = brief.opening
        runs = [("The interview: ", "strong"), (opening.title, "body")]
        runs.append((f" ({opening.status.lower()})", "body"))
        if opening.need:
            runs.append((f" — for the need “{opening.need}”", "body"))
        out.paragraph(*runs, top=6)
        if opening.url:
            out.paragraph(("Posting: ", "strong"), (opening.url, "body"))
        if opening.notes:
            out.paragraph((flat(opening.notes), "note"))
    if brief.openings:
        word = "Also open" if brief.opening else "Open roles"
        roles = [f"{o.title} ({o.status.lower()})" for o in brief.openings]
        if brief.openings_left_out:
            roles.append(f"{brief.openings_left_out} more")
        out.paragraph(
            (f"{word}: ", "strong"),
            (listed(roles, limit=len(roles)), "body"),
            top=0 if brief.opening else 6,
        )


def _heading(out: _Writer, text: str) -> None:
    out.paragraph((text, "heading"), top=14, heading=True)


def _needs(out: _Writer, brief: core.Brief) -> None:
    _heading(out, "What they need")
    if not brief.needs:
        out.say("No needs recorded yet. Ask what problem this role must solve first, and for whom.")
        return
    for need in brief.needs:
        meta = [f"{need.urgency.lower()} urgency"]
        if need.for_whom:
            meta.append(f"for {need.for_whom[0].lower()}{need.for_whom[1:]}")
        if need.source:
            told = f"told by {need.source}"
            meta.append(f"{told} on {day(need.learned_on)}" if need.learned_on else told)
        elif need.learned_on:
            meta.append(f"learned {day(need.learned_on)}")
        if not need.is_open:
            meta.insert(0, need.status.lower())
        line = " · ".join(meta)
        runs = [(need.title, "strong"), ("\n" + line[:1].upper() + line[1:], "meta")]
        if need.problem:
            runs.append(("\n" + flat(need.problem), "body"))
        runs.append(("\nMy fit: ", "meta"))
        runs.append((_fit_words(need.fit), "meta"))
        out.paragraph(*runs, top=7, whole=True)
    if brief.open_needs_left_out:
        more = brief.open_needs_left_out
        out.say(f"And {more} more open need{'s' if more != 1 else ''}, on the Needs page.", "meta")


def _fit_words(fit) -> str:
    words = FIT_WORDS.get(fit.level, fit.level)
    if fit.overridden:
        words += " (my own judgement)"
    details = []
    if fit.matched:
        details.append("I bring " + listed(fit.matched))
    if fit.missing:
        details.append("to learn: " + listed(fit.missing))
    if not details:
        details.append("the need names no skills")
    return f"{words} — " + "; ".join(details)


def _skills(out: _Writer, brief: core.Brief) -> None:
    _heading(out, "Skills I’d bring")
    if brief.bring:
        out.paragraph(
            ("What their needs call for that I have: ", "body"),
            (listed(brief.bring), "strong"),
            top=2,
        )
    elif brief.my_skills:
        out.paragraph(
            ("None of my skills is named by their needs yet. Mine: ", "body"),
            (listed(brief.my_skills), "strong"),
            top=2,
        )
    else:
        out.say("Add your skills under My profile to see which of theirs you bring.")
    if brief.gaps:
        out.paragraph(("Worth reading up on: ", "body"), (listed(brief.gaps), "body"), top=3)
    if brief.my_pitch:
        out.paragraph(("How I put it: ", "body"), (flat(brief.my_pitch, 600), "quote"), top=3)


def _people(out: _Writer, brief: core.Brief) -> None:
    _heading(out, "People I’ll meet")
    if not brief.people:
        out.say(f"No one at {brief.company.name} is in your network yet.")
        return
    for person in brief.people:
        runs = [(person.name, "strong")]
        if person.title:
            runs.append((f" — {person.title}", "body"))
        if person.elsewhere:
            runs.append((f" at {person.elsewhere}", "body"))
        about = _parts_words(person.parts) or ", ".join(person.roles)
        if about:
            runs.append((f"\n{about}", "meta"))
        out.paragraph(*runs, top=4, whole=True)
    if brief.people_left_out:
        more, name = brief.people_left_out, brief.company.name
        out.say(f"And {more} more {'person' if more == 1 else 'people'} at {name}.", "meta")


def _parts_words(parts: tuple[core.Part, ...]) -> str:
    """'Hiring manager for Data engineer and Analyst; interviewer for Analyst'."""
    grouped: dict[str, list[str]] = {}
    for part in parts:
        titles = grouped.setdefault(part.part, [])
        if part.opening not in titles:  # two openings may share a title
            titles.append(part.opening)
    phrases = [f"{label.lower()} for {listed(titles, 4)}" for label, titles in grouped.items()]
    text = "; ".join(phrases)
    return text[:1].upper() + text[1:]


def _told(out: _Writer, brief: core.Brief) -> None:
    _heading(out, "What they told me")
    if not brief.told:
        out.say(f"Nothing received about {brief.company.name} yet.")
        return
    for told in brief.told:
        runs = [
            (f"{day(told.occurred_on)} · {told.kind} · from {told.person}", "meta"),
            ("\n" + told.summary, "body"),
        ]
        if told.notes:
            runs.append(("\n" + flat(told.notes, MAX_NOTES), "note"))
        out.paragraph(*runs, top=6, whole=True)


def footer_font(device: QPaintDevice) -> tuple[QFont, QFontMetricsF]:
    font = QFont()
    font.setPointSizeF(SMALL_PT)
    return font, QFontMetricsF(font, device)


def paginate(brief: core.Brief, device: QPagedPaintDevice) -> QTextDocument:
    """The brief broken into pages of *device*, leaving room for a footer on each."""
    document = brief_document(brief, device)
    _font, metrics = footer_font(device)
    document.setPageSize(QSizeF(device.width(), device.height() - metrics.height() * 2))
    _keep_together(document)
    return document


def render(brief: core.Brief, device: QPagedPaintDevice) -> int:
    """Paint the brief on a PDF writer or printer, page by page; returns the page count."""
    document = paginate(brief, device)
    width, height, page = device.width(), device.height(), document.pageSize().height()
    font, metrics = footer_font(device)
    pages = document.pageCount()
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("the page could not be drawn")
    try:
        for number in range(pages):
            if number:
                device.newPage()
            painter.save()
            painter.translate(0, -number * page)
            document.drawContents(painter, QRectF(0, number * page, width, page))
            painter.restore()
            painter.setFont(font)
            painter.setPen(MUTED)
            line = QRectF(0, height - metrics.height(), width, metrics.height())
            title = metrics.elidedText(
                f"{brief.company.name} — interview brief", Qt.TextElideMode.ElideRight, width * 0.7
            )
            painter.drawText(line, Qt.AlignmentFlag.AlignLeft, title)
            painter.drawText(line, Qt.AlignmentFlag.AlignRight, f"Page {number + 1} of {pages}")
    finally:
        painter.end()
    return pages


def _keep_together(document: QTextDocument) -> None:
    """Start a new page before an item that would split across two, and before a heading
    that would be left alone at the foot of a page."""
    layout = document.documentLayout()
    height = document.pageSize().height()
    # Finish the layout first: a format changed while Qt still lays out lazily leaves the
    # rest of the document unplaced, and its pages would come out blank.
    layout.documentSize()

    def pages(block) -> tuple[int, int]:
        rect = layout.blockBoundingRect(block)
        return int(rect.top() // height), int((rect.bottom() - 1) // height)

    def break_before(block) -> None:
        moved = QTextBlockFormat()
        moved.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        QTextCursor(block).mergeBlockFormat(moved)

    def splits(block) -> bool:
        first, last = pages(block)
        # boolProperty: PySide 6.12's property() drops a reference to None when unset.
        return block.blockFormat().boolProperty(KEEP_TOGETHER) and last == first + 1

    block = document.begin()
    while block.isValid():
        following = block.next()
        if block.blockFormat().headingLevel() == HEADING_LEVEL and following.isValid():
            if pages(following)[0] > pages(block)[0] or splits(following):
                break_before(block)
        elif splits(block):  # an item taller than a page would split anyway
            break_before(block)
        block = following


def _page_layout() -> QPageLayout:
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        MARGINS_MM,
        QPageLayout.Unit.Millimeter,
    )


def pdf_bytes(brief: core.Brief) -> bytes:
    """The brief as an A4 PDF."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(_page_layout())
    writer.setTitle(f"{brief.company.name} — interview brief")
    writer.setCreator("Reciprocity")
    render(brief, writer)
    del writer  # the PDF is finished when its writer goes
    data = bytes(buffer.data().data())
    buffer.close()
    return data


def export_pdf(brief: core.Brief, path: str | Path) -> None:
    """Write the brief to *path* as a private PDF, whole or not at all. Raises OSError when
    the file cannot be written."""
    private_files.write_bytes(path, pdf_bytes(brief))


def print_brief(parent: QWidget | None, brief: core.Brief) -> bool:
    """Ask which printer, then print; True when it was sent to the printer."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(_page_layout())
    printer.setDocName(f"{brief.company.name} brief")
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Print the brief")
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    render(brief, printer)
    if printer.outputFileName():  # "print to file": a PDF Qt wrote itself
        with contextlib.suppress(OSError):
            private_files.make_private(printer.outputFileName())
    return True
