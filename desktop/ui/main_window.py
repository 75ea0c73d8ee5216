"""The main window: a sidebar of pages, menus, a toolbar and a status bar."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME, __version__
from desktop.core import actions, companies, followups, goto, needs, opportunities, warm_paths
from desktop.core.changes import ACTION_WRITE, CASCADE, Changed
from desktop.ui import ops, plain, transfer
from desktop.ui.icons import app_icon, icon
from desktop.ui.pages.protocol import Page
from desktop.ui.plain import message_box, plain_label, push_button
from desktop.ui.read_only import mark_writes
from desktop.ui.safety import Safety
from desktop.ui.undo_history import UndoHistory

if TYPE_CHECKING:
    from desktop.ui.dialogs.goto_dialog import GoToDialog
    from desktop.ui.pages.companies import CompaniesPage
    from desktop.ui.pages.dashboard import DashboardPage
    from desktop.ui.pages.followups import FollowUpsPage
    from desktop.ui.pages.needs import NeedsPage
    from desktop.ui.pages.opportunities import OpportunitiesPage
    from desktop.ui.pages.people import PeoplePage
    from desktop.ui.pages.reciprocity import ReciprocityPage
    from desktop.ui.pages.timeline import TimelinePage

NEW_ON_PAGE = {  # what Ctrl+N makes on a page, and its icon
    "people": ("New &person…", "people"),
    "companies": ("New &company…", "companies"),
    "needs": ("New &need…", "needs"),
    "opportunities": ("New &opportunity…", "opportunities"),
}
#: The page that lists each kind of record.
LISTED_ON = {
    "person": "people",
    "company": "companies",
    "need": "needs",
    "opportunity": "opportunities",
}
READ_AHEAD_MS = 2000  # after start or a change of names, once the window is idle
GOTO_NAMES = Changed.PEOPLE | Changed.COMPANIES | Changed.NEEDS | Changed.OPPORTUNITIES

PAGES = (
    "dashboard",
    "people",
    "companies",
    "timeline",
    "follow-ups",
    "needs",
    "opportunities",
    "reciprocity",
)
PAGE_LABELS = {
    "dashboard": "Dashboard",
    "people": "People",
    "companies": "Companies",
    "timeline": "Timeline",
    "follow-ups": "Follow-ups",
    "needs": "Needs",
    "opportunities": "Opportunities",
    "reciprocity": "Reciprocity",
}


class Pages(Mapping[str, Page]):
    """The window's pages by key. A page is made, and reads what it shows, the first time
    it is asked for; `made()` is those made so far. Start-up makes only the first page."""

    def __init__(self, window: MainWindow):
        self._window = window
        self._made: dict[str, Page] = {}

    def __getitem__(self, key: str) -> Page:
        if key not in self._made:
            if key not in PAGES:
                raise KeyError(key)
            self._made[key] = self._window._make_page(key)
        return self._made[key]

    def __iter__(self) -> Iterator[str]:
        return iter(PAGES)

    def __len__(self) -> int:
        return len(PAGES)

    def made(self) -> dict[str, Page]:
        return dict(self._made)


class MainWindow(QMainWindow):
    """Each page is made when first shown; the database is opened before the window is."""

    import_menu: QMenu  # File › Import and File › Export, made by transfer.add_menus
    export_menu: QMenu
    sample_requested = Signal()
    own_database_requested = Signal()
    restore_requested = Signal(object)  # the Backup to put in place of this network

    def __init__(
        self,
        settings: QSettings,
        database_path: Path,
        *,
        sample: bool = False,
        read_only: bool = False,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.settings = settings
        self.database_path = database_path
        self.is_sample = sample
        self.read_only = read_only
        title = f"{APP_NAME} — sample network" if sample else APP_NAME
        self.setWindowTitle(f"{title} — read-only" if read_only else title)
        self.setWindowIcon(app_icon())

        self.pages = Pages(self)
        goto.forget()  # another network's names are not this one's
        self.goto_dialog: GoToDialog | None = None
        self._reading_ahead = False
        self.stack = QStackedWidget()
        self.sidebar = QListWidget()
        self.sidebar.setAccessibleName("Pages")
        self.sidebar.setIconSize(QSize(22, 22))
        self.sidebar.setFrameShape(QFrame.Shape.NoFrame)
        for key, label in PAGE_LABELS.items():
            QListWidgetItem(icon(key), label, self.sidebar)
            self.stack.addWidget(QWidget())  # the page itself is made when first shown
        self.sidebar.currentRowChanged.connect(self._show_row)

        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        if sample:
            outer.addWidget(self._sample_banner())
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        side = QWidget()
        side.setFixedWidth(150)
        side.setBackgroundRole(QPalette.ColorRole.Base)  # one column with the page list
        side.setAutoFillBackground(True)
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 6)
        column.addWidget(self.sidebar, 1)
        self.profile_button = QToolButton()
        self.profile_button.setText("My profile…")
        self.profile_button.setAccessibleName("My profile…")
        self.profile_button.setToolTip(
            "Your skills and target roles, which fits are worked out from"
        )
        self.profile_button.setIcon(icon("profile"))
        self.profile_button.setIconSize(QSize(22, 22))
        self.profile_button.setAutoRaise(True)
        self.profile_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.profile_button.clicked.connect(self.edit_profile)
        column.addWidget(self.profile_button)
        row.addWidget(side)
        row.addWidget(self.stack, 1)
        outer.addLayout(row, 1)
        self.setCentralWidget(central)

        self._build_actions()
        self.database_label = QLabel()
        self.database_label.setTextFormat(Qt.TextFormat.PlainText)
        self.database_label.setText(str(database_path))
        self.statusBar().addPermanentWidget(self.database_label)
        if read_only:
            self._go_read_only()
        self._restore()
        self.pages[self.current_page()].focus_start()  # find anyone by typing at once

    # -- construction ---------------------------------------------------------------------
    def _sample_banner(self) -> QWidget:
        banner = QFrame()
        banner.setObjectName("sampleBanner")
        banner.setStyleSheet(
            "#sampleBanner { background: #fff4d6; border-bottom: 1px solid #e0c170; }"
            "#sampleBanner QLabel { color: #4a3b00; }"
        )
        line = QHBoxLayout(banner)
        line.addWidget(
            plain_label(
                "This is a made-up sample network to look around in. Nothing here is your "
                "data, and nothing you change here touches your own network."
            ),
            1,
        )
        back = push_button("Back to &my network")
        back.clicked.connect(self.own_database_requested)
        line.addWidget(back)
        return banner

    def _action(self, text: str, shortcut=None, slot=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if slot is not None:
            action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.new_person_action = self._action(
            "New &person…", QKeySequence.StandardKey.New, self.new_person
        )
        self.new_person_action.setIcon(icon("people"))
        self.new_company_action = self._action("New &company…", "Ctrl+Shift+N", self.new_company)
        self.new_company_action.setIcon(icon("companies"))
        self.log_action = self._action("&Log action…", "Ctrl+L", self.log_action_here)
        self.log_action.setIcon(icon("log-action"))
        self.find_action = self._action("&Find…", QKeySequence.StandardKey.Find, self.find_on_page)
        quit_action = self._action("&Quit", QKeySequence.StandardKey.Quit, self.close)
        switch = (
            self._action("Back to &my network", None, self.own_database_requested)
            if self.is_sample
            else self._action("Open the &sample network", None, self.sample_requested)
        )
        # Ctrl+N makes a new one of what the page lists (as Outlook's New does), a person
        # elsewhere; the others are in the menu, and in Go to anything, by name.
        self.new_need_action = self._action("New &need…", None, self.new_need)
        self.new_opportunity_action = self._action("New &opportunity…", None, self.new_opportunity)
        file_menu = self.menuBar().addMenu("&File")
        for action in (
            self.new_person_action,
            self.new_company_action,
            self.new_need_action,
            self.new_opportunity_action,
            self.log_action,
        ):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(switch)
        transfer.add_menus(self, file_menu, switch)
        self.safety = Safety(
            self, self.database_path, sample=self.is_sample, read_only=self.read_only
        )
        self.safety.restore_requested.connect(self.restore_requested)
        self.history = UndoHistory(self, self.note_changes, keeping=not self.read_only)
        self.history.moved.connect(lambda words: self.statusBar().showMessage(words, 8000))
        self.history.reached.connect(self._select_if_listed)
        self.safety.checked.connect(self._checked)
        self.safety.outside_change.connect(self._changed_outside)
        file_menu.insertAction(switch, self.safety.backups_action)
        file_menu.insertAction(switch, self.safety.check_action)
        file_menu.insertSeparator(switch)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        edit_menu = self.menuBar().addMenu("&Edit")
        edit_menu.aboutToShow.connect(self.history.collect)  # named by the newest step
        edit_menu.addAction(self.history.undo_action)
        edit_menu.addAction(self.history.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        edit_menu.addSeparator()
        self.profile_action = self._action("My &profile…", None, self.edit_profile)
        edit_menu.addAction(self.profile_action)
        self.aliases_action = self._action("Skill &aliases…", None, self.edit_aliases)
        edit_menu.addAction(self.aliases_action)
        self.tiers_action = self._action("Keep-in-touch &tiers…", None, self.edit_tiers)
        edit_menu.addAction(self.tiers_action)
        edit_menu.addSeparator()
        self.merge_action = self._action("&Merge people…", None, self.merge_people)
        edit_menu.addAction(self.merge_action)
        mark_writes(
            self.new_person_action,
            self.new_company_action,
            self.new_need_action,
            self.new_opportunity_action,
            self.log_action,
            self.profile_action,
            self.aliases_action,
            self.tiers_action,
            self.merge_action,
            *self.import_menu.actions(),
        )
        go_menu = self.menuBar().addMenu("&Go")
        self.goto_action = self._action("Go to &anything…", "Ctrl+K", self.go_to_anything)
        go_menu.addAction(self.goto_action)
        go_menu.addSeparator()
        for index, key in enumerate(PAGES):
            go_menu.addAction(
                self._action(
                    PAGE_LABELS[key], f"Ctrl+{index + 1}", lambda _=False, k=key: self.show_page(k)
                )
            )
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(self._action(f"&About {APP_NAME}", None, self.about))
        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addAction(self.new_person_action)
        toolbar.addAction(self.new_company_action)
        toolbar.addAction(self.log_action)

    # -- the pages, each made when first shown -----------------------------------------
    def _make_page(self, key: str) -> Page:
        """The page *key*, made and wired to the window; called once, by `Pages`."""
        page = cast(Page, getattr(self, "_make_" + key.replace("-", ""))())
        page.data_changed.connect(lambda changed: self.note_changes(changed, except_page=key))
        index = PAGES.index(key)
        placeholder = cast(QWidget, self.stack.widget(index))
        self.stack.insertWidget(index, cast(QWidget, page))
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        if hasattr(page, "restore_layout"):  # where the person left its splitter, columns
            page.restore_layout(self.settings, key)
        if self.read_only:  # made after the window went read-only: its writes too
            if hasattr(page, "read_only"):
                page.read_only = True
            if self.safety.guard is not None:
                self.safety.guard.apply(cast(QWidget, page))
        return page

    def _make_dashboard(self) -> DashboardPage:
        from desktop.ui.pages.dashboard import DashboardPage

        page = DashboardPage()
        page.person_requested.connect(self.show_person)
        page.timeline_requested.connect(lambda fields: self.show_timeline(**fields))
        page.page_requested.connect(self.show_page)
        page.follow_up_requested.connect(self.show_follow_up)
        page.log_first.clicked.connect(self.log_action_here)
        page.reciprocity_requested.connect(self.show_reciprocity)
        return page

    def _make_people(self) -> PeoplePage:
        from desktop.ui.pages.people import PeoplePage

        page = PeoplePage(offer_sample=not self.is_sample)
        page.sample_requested.connect(self.sample_requested)
        pane = page.pane
        pane.company_activated.connect(self.show_company)
        pane.log_requested.connect(self.log_with_person)
        pane.need_activated.connect(self.show_need)
        pane.opportunity_activated.connect(self.show_opportunity)
        pane.timeline_requested.connect(lambda person_id: self.show_timeline(person_id=person_id))
        return page

    def _make_companies(self) -> CompaniesPage:
        from desktop.ui.pages.companies import CompaniesPage

        page = CompaniesPage()
        pane = page.pane
        pane.person_activated.connect(self.show_person)
        pane.log_requested.connect(lambda company_id: self._log({"company_id": company_id}))
        pane.introduction_requested.connect(self.ask_for_introduction)
        pane.need_activated.connect(self.show_need)
        pane.opportunity_activated.connect(self.show_opportunity)
        pane.need_requested.connect(self.new_need_at)
        pane.brief_requested.connect(self.export_brief)
        pane.opportunity_requested.connect(self.new_opportunity_at)
        pane.timeline_requested.connect(
            lambda company_id: self.show_timeline(company_id=company_id)
        )
        return page

    def _make_timeline(self) -> TimelinePage:
        from desktop.ui.pages.timeline import TimelinePage

        return TimelinePage()

    def _make_followups(self) -> FollowUpsPage:
        from desktop.ui.pages.followups import FollowUpsPage

        return FollowUpsPage()

    def _make_needs(self) -> NeedsPage:
        from desktop.ui.pages.needs import NeedsPage

        page = NeedsPage()
        page.profile_button.clicked.connect(self.edit_profile)
        pane = page.pane
        pane.refer_requested.connect(self._log)
        pane.timeline_requested.connect(lambda need_id: self.show_timeline(need_id=need_id))
        pane.opportunity_requested.connect(self.new_opportunity_at)
        pane.person_activated.connect(self.show_person)
        pane.introduction_requested.connect(self.ask_for_introduction)
        return page

    def _make_opportunities(self) -> OpportunitiesPage:
        from desktop.ui.pages.opportunities import OpportunitiesPage

        page = OpportunitiesPage()
        page.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        pane = page.pane
        pane.person_activated.connect(self.show_person)
        pane.need_activated.connect(self.show_need)
        pane.log_requested.connect(self.log_about_opportunity)
        pane.introduction_requested.connect(self.ask_for_introduction)
        pane.brief_requested.connect(self._brief_for_opportunity)
        pane.timeline_requested.connect(
            lambda opportunity_id: self.show_timeline(opportunity_id=opportunity_id)
        )
        return page

    def _make_reciprocity(self) -> ReciprocityPage:
        from desktop.ui.pages.reciprocity import ReciprocityPage

        page = ReciprocityPage()
        page.timeline_requested.connect(lambda fields: self.show_timeline(**fields))
        page.person_requested.connect(self.show_person)
        page.log_first.clicked.connect(self.log_action_here)
        return page

    @property
    def dashboard_page(self) -> DashboardPage:
        return cast("DashboardPage", self.pages["dashboard"])

    @property
    def people_page(self) -> PeoplePage:
        return cast("PeoplePage", self.pages["people"])

    @property
    def companies_page(self) -> CompaniesPage:
        return cast("CompaniesPage", self.pages["companies"])

    @property
    def timeline_page(self) -> TimelinePage:
        return cast("TimelinePage", self.pages["timeline"])

    @property
    def followups_page(self) -> FollowUpsPage:
        return cast("FollowUpsPage", self.pages["follow-ups"])

    @property
    def needs_page(self) -> NeedsPage:
        return cast("NeedsPage", self.pages["needs"])

    @property
    def opportunities_page(self) -> OpportunitiesPage:
        return cast("OpportunitiesPage", self.pages["opportunities"])

    @property
    def reciprocity_page(self) -> ReciprocityPage:
        return cast("ReciprocityPage", self.pages["reciprocity"])

    def _go_read_only(self) -> None:
        """Viewing only: every write control disabled, the reason in the status bar."""
        self.safety.go_read_only()
        self.profile_button.setEnabled(False)
        for page in self.pages.made().values():  # the others are made read-only
            if hasattr(page, "read_only"):
                page.read_only = True

    # -- navigation -------------------------------------------------------------------
    def current_page(self) -> str:
        return PAGES[max(0, self.stack.currentIndex())]

    def current_page_label(self) -> str:
        return PAGE_LABELS[self.current_page()]

    def show_page(self, key: str) -> None:
        self.sidebar.setCurrentRow(PAGES.index(key))

    def _show_row(self, row: int) -> None:
        if row >= 0:
            self.pages[PAGES[row]]  # made now if this is its first showing
            self.stack.setCurrentIndex(row)
            self._name_new_action(PAGES[row])

    def _name_new_action(self, page: str) -> None:
        """Ctrl+N's item says what it makes on this page; the fixed item for the same
        thing steps aside so the menu does not say it twice."""
        text, icon_name = NEW_ON_PAGE.get(page, NEW_ON_PAGE["people"])
        self.new_person_action.setText(text)
        self.new_person_action.setIcon(icon(icon_name))
        for key, fixed in (
            ("companies", self.new_company_action),
            ("needs", self.new_need_action),
            ("opportunities", self.new_opportunity_action),
        ):
            fixed.setVisible(page != key)

    def show_person(self, person_id: int) -> None:
        self.show_page("people")
        self.people_page.select_id(person_id)

    def show_need(self, need_id: int) -> None:
        self.show_page("needs")
        self.needs_page.select_id(need_id)

    def show_reciprocity(self, start, end) -> None:
        from desktop.core.reciprocity import Range

        self.show_page("reciprocity")
        self.reciprocity_page.set_range(
            Range(start, end), "week" if (end - start).days < 40 else None
        )

    def show_follow_up(self, action_id: int) -> None:
        self.show_page("follow-ups")
        self.followups_page.select("follow_up", action_id)

    def show_opportunity(self, opportunity_id: int) -> None:
        self.show_page("opportunities")
        self.opportunities_page.select_id(opportunity_id)

    def new_need_at(self, company: str) -> None:
        """The form opens over the page asking; the Needs page shows the need once saved."""
        if self.needs_page.new_for(company) is not None:
            self.show_page("needs")

    def new_opportunity_at(self, company: str, need_id: int | None = None) -> None:
        saved = self.opportunities_page.new_for(company, need_id)
        if saved is not None:
            self.show_page("opportunities")
            self.opportunities_page.after_save(saved)

    def show_company(self, company_id: int) -> None:
        self.show_page("companies")
        self.companies_page.select_id(company_id)

    # -- Go to anything ------------------------------------------------------------------
    def command_actions(self) -> list[tuple[str, str, QAction]]:
        """Every menu command that can run now: its name, where it is (and its keys)."""
        found: list[tuple[str, str, QAction]] = []

        def walk(menu: QMenu, where: str, prefix: str = "") -> None:
            for action in menu.actions():
                sub = action.menu()
                text = action.text().replace("&", "").removesuffix("…").strip()
                if action in (self.history.undo_action, self.history.redo_action):
                    text = text.split(" ", 1)[0]  # 'Undo', not found by the step's names
                if isinstance(sub, QMenu):  # 'Export CSV', found by 'export' too
                    walk(sub, f"{where} › {text}", f"{prefix}{text} ")
                elif (
                    text
                    and action.isEnabled()
                    and action.isVisible()
                    and action is not self.goto_action
                ):
                    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                    where_keys = f"{where} · {keys}" if keys else where
                    found.append((f"{prefix}{text}", where_keys, action))
                    if action is self.safety.backups_action:  # found by its button's name
                        found.append(("Back up now (in Backups)", where, action))

        for top in self.menuBar().actions():
            menu = top.menu()
            if isinstance(menu, QMenu):
                walk(menu, top.text().replace("&", ""))
        return found

    def read_names_ahead(self, after_ms: int = READ_AHEAD_MS) -> None:
        """Soon, off the window's thread: the names Go to anything looks through, so that
        Ctrl+K finds them read (at a large network reading them takes a sixth of a
        second). Nothing is said if it cannot: the box reads them itself when opened."""
        if self._reading_ahead:
            return
        self._reading_ahead = True

        def start() -> None:
            self._reading_ahead = False
            if not self.isVisible():  # closed meanwhile: another window reads its own
                return
            ops.run(
                self,
                lambda _progress: goto.warm(),
                doing="reading names for Go to anything",
                on_failure=lambda _words: None,
                on_crash=lambda _bug: None,
            )

        QTimer.singleShot(after_ms, self, start)

    def go_to_anything(self) -> None:
        """Ctrl+K: one box that finds any record or command and opens it."""
        from desktop.ui.dialogs.goto_dialog import GoToDialog

        runnable = self.command_actions()
        commands = [
            goto.Command(str(number), text, where)
            for number, (text, where, _action) in enumerate(runnable)
        ]
        dialog = GoToDialog(self, commands)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # Once the box has closed: a command may open a form of its own.
        dialog.chosen.connect(lambda hit: QTimer.singleShot(0, lambda: self.go_to(hit, runnable)))
        self.goto_dialog = dialog
        dialog.destroyed.connect(lambda: setattr(self, "goto_dialog", None))
        dialog.open()

    def go_to(self, hit: goto.Hit, runnable: list[tuple[str, str, QAction]]) -> None:
        """Open what Go to anything found: its page with it selected, or run the command."""
        if hit.kind == "command":
            runnable[int(hit.id)][2].trigger()
        elif hit.kind == "person":
            self.show_person(int(hit.id))
        elif hit.kind == "company":
            self.show_company(int(hit.id))
        elif hit.kind == "need":
            self.show_need(int(hit.id))
        elif hit.kind == "opportunity":
            self.show_opportunity(int(hit.id))
        elif hit.kind == "action":
            # The timeline of its day, so that it is near the top however much came after.
            on = actions.get_action(int(hit.id)).occurred_on
            self.show_timeline(start=on, end=on)
            if not self.timeline_page.select_action(int(hit.id)):
                self.statusBar().showMessage("That action is no longer in the timeline.", 8000)

    def note_changes(self, changed: Changed, except_page: str = "") -> None:
        """Something was written: each other page that shows any of it reads again, now if
        it is on screen, else when next shown. *except_page* made the change and has read
        again already. What was written is a step Edit › Undo can take back."""
        self.history.collect()
        goto.note_changes(changed)
        if changed & GOTO_NAMES:
            self.read_names_ahead()
        for key, page in self.pages.made().items():  # one made later reads as it is made
            if key != except_page:
                page.note_changes(changed)

    def _select_if_listed(self, kind: str, record_id: int) -> None:
        """After an undo or redo: select what it brought back, if this page lists it."""
        page = self.current_page()
        if kind == "action" and page == "follow-ups":
            self.followups_page.select("follow_up", record_id)
        elif kind == "action" and page == "timeline":
            self.timeline_page.select_action(record_id)
        elif page == LISTED_ON.get(kind):
            cast(Any, self.pages[page]).select_id(record_id)

    def _checked(self) -> None:
        """A check ran, and may have repaired the summaries and the search indexes (never
        the rows, so every step can still be undone): the pages read again."""
        self.note_changes(Changed.EVERYTHING)

    def _changed_outside(self) -> None:
        """Another program wrote (which empties the undo history in the file): the pages
        read again, and the steps it made impossible are forgotten."""
        self.history.check()
        self.note_changes(Changed.EVERYTHING)

    def refresh_pages(self, except_page: str = "") -> None:
        """Anything may have changed (an import, a check that repaired): every page."""
        self.note_changes(Changed.EVERYTHING, except_page)

    def export_brief(self, company_id: int, opportunity_id: int | None = None) -> None:
        """The interview brief of a company (for an opportunity there), to a file."""
        from desktop.ui.dialogs.brief_dialog import export_brief  # its page layout, when asked

        export_brief(self, company_id, opportunity_id)

    def _brief_for_opportunity(self, opportunity_id: int) -> None:
        company_id = opportunities.company_of(opportunity_id)
        if company_id is not None:  # else deleted since it was shown
            self.export_brief(company_id, opportunity_id)

    def show_timeline(self, **filters) -> None:
        self.show_page("timeline")
        self.timeline_page.show_filtered(**filters)

    def log_action_here(self) -> None:
        """Ctrl+L: log an action about whatever is selected on the current page."""
        prefill: dict[str, int | None] = {}
        page = self.current_page()
        if page == "people" and (person := self.people_page.current_id()) is not None:
            prefill["counterpart_id"] = person
        elif page == "companies" and (company := self.companies_page.current_id()) is not None:
            prefill["company_id"] = company
        elif page == "needs" and (need := self.needs_page.current_id()) is not None:
            prefill["need_id"] = need
            prefill["company_id"] = companies.find_company(needs.get_need(need).company)
        elif (
            page == "opportunities"
            and (opportunity := self.opportunities_page.current_id()) is not None
        ):
            self.log_about_opportunity(opportunity)
            return
        self._log(prefill)

    def log_about_opportunity(self, opportunity_id: int) -> None:
        self._log(
            {
                "opportunity_id": opportunity_id,
                "company_id": opportunities.company_of(opportunity_id),
                "need_id": opportunities.get_opportunity(opportunity_id).need_id,
            }
        )

    def edit_profile(self) -> None:
        """My skills and target roles, which every need's fit is worked out from."""
        from desktop.ui.dialogs.profile_dialog import ProfileDialog

        if ProfileDialog.edit(self) is not None:
            self.note_changes(Changed.PROFILE)
            self.statusBar().showMessage("Your profile was saved; fits are up to date.", 5000)

    def merge_people(self) -> None:
        """Two records of one person become one (the selected person is offered to keep)."""
        keep = self.people_page.current_id() if self.current_page() == "people" else None
        from desktop.ui.dialogs.merge_dialog import MergeDialog

        if MergeDialog.run(self, keep):
            self.note_changes(CASCADE)
            self.statusBar().showMessage("The two records are one now.", 5000)

    def edit_aliases(self) -> None:
        """The short forms ('JS') counted as the skills they stand for ('JavaScript')."""
        from desktop.ui.dialogs.aliases_dialog import AliasesDialog

        if AliasesDialog.edit(self):
            self.note_changes(Changed.ALIASES)
            self.statusBar().showMessage(
                "Skill aliases saved; fits and matches are up to date.", 5000
            )

    def edit_tiers(self) -> None:
        """The keep-in-touch tiers: their names, and the gaps that make someone due."""
        from desktop.ui.dialogs.tiers_dialog import TiersDialog

        if TiersDialog.edit(self):
            self.note_changes(Changed.PEOPLE | Changed.FOLLOW_UPS)
            self.statusBar().showMessage(
                "Keep-in-touch tiers saved; follow-ups are up to date.", 5000
            )

    def log_with_person(self, person_id: int) -> None:
        self._log({"counterpart_id": person_id})

    def _log(self, prefill: dict) -> None:
        from desktop.ui.dialogs.action_dialog import ActionDialog

        saved = ActionDialog.edit(self, None, **prefill)
        if saved is not None:
            self.note_changes(ACTION_WRITE)
            self.statusBar().showMessage("The action was logged.", 5000)

    def ask_for_introduction(self, about: dict) -> None:
        """The action form, filled in with a request for an introduction, to save as it is
        (Enter) or change first."""
        request = warm_paths.introduction_request(today=date.today(), **about)
        self._log({"prefill": request})

    def announce_due(self, today: date | None = None) -> None:
        """Say once, in the status bar, what needs attention today."""
        overdue, reach_out = followups.due_summary(today or date.today())
        parts = []
        if overdue:
            parts.append(f"{plain.counted(overdue, 'follow-up')} overdue")
        if reach_out:
            parts.append(plain.counted(reach_out, "person", "people") + " to reach out to")
        if parts:
            self.statusBar().showMessage(
                " and ".join(parts).capitalize() + ". See Follow-ups (Ctrl+5)."
            )

    def new_person(self) -> None:
        """Ctrl+N: a new company, need or opportunity on their pages, else a person."""
        page = self.current_page()
        if page == "companies":
            self.companies_page.new_item()
        elif page == "needs":
            self.needs_page.new_item()
        elif page == "opportunities":
            self.opportunities_page.new_item()
        else:
            self.show_page("people")
            self.people_page.new_item()

    def new_need(self) -> None:
        self.show_page("needs")
        self.needs_page.new_item()

    def new_opportunity(self) -> None:
        self.show_page("opportunities")
        self.opportunities_page.new_item()

    def new_company(self) -> None:
        self.show_page("companies")
        self.companies_page.new_item()

    def find_on_page(self) -> None:
        self.pages[self.current_page()].focus_search()

    def about(self) -> None:
        box = message_box(
            self,
            QMessageBox.Icon.Information,
            f"About {APP_NAME}",
            f"{APP_NAME} {__version__}",
            "A job search companion for people who lead with service: learn what companies "
            "need, help others first, and see goodwill come back.\n\n"
            f"Your data is kept on this computer only, in {self.database_path}.",
        )
        box.addButton(QMessageBox.StandardButton.Ok)
        box.exec()

    # -- settings -----------------------------------------------------------------------
    def _restore(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(self._first_size())
        page = self.settings.value("window/page", "people")
        if actions.any_logged():
            page = "dashboard"  # with something logged, the week at a glance comes first
        self.show_page(page if page in PAGES else "people")

    def _first_size(self) -> QSize:
        """1200 × 760, or less on a small screen, so every button and the status bar
        are on it from the first start."""
        screen = self.screen()
        room = screen.availableGeometry().size() if screen is not None else QSize(1200, 760)
        return QSize(min(1200, int(room.width() * 0.95)), min(760, int(room.height() * 0.9)))

    def save_settings(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/page", self.current_page())
        for key, page in self.pages.made().items():
            if hasattr(page, "save_layout"):
                page.save_layout(self.settings, key)
        self.settings.sync()

    def discard(self) -> None:
        """Close without the backup on close (its file is about to be replaced)."""
        self.safety.finish(back_up=False)
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        ops.drop_all()  # figures being worked out are not wanted any more
        self.history.forget()  # not kept between runs, nor in the backup made on closing
        self.safety.finish()
        super().closeEvent(event)
