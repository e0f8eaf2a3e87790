"""The main window: a header (who is signed in, sign out), navigation by role, and pages."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

# Qt's namespace is reached as QtCore.Qt at the point of use: creating it builds ~120 enums (~80 ms),
# which the first screen does not need.
from PySide6 import QtCore
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.ui.events import ChangeBus

if TYPE_CHECKING:
    from app.bootstrap import AppContext
    from app.people.actor import Actor
from app.ui.nav import load_page_class, pages_for
from app.ui.theme import set_role
from app.ui.theme.icons import set_icon

log = logging.getLogger(__name__)
BACKUP_FIRST_MS = 3 * 60_000


class MainArea(QWidget):
    """Navigation and pages for one signed-in person."""

    sign_out_requested = Signal()

    def __init__(self, ctx: AppContext, actor: Actor, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.actor, self.bus = ctx, actor, bus
        self.pages: dict[str, QWidget] = {}
        # A lab computer's app leaves out what its lab service does instead (the Sync page: app/lab/client.py).
        self.specs = [p for p in pages_for(actor.role) if p[0] not in getattr(ctx, "hidden_pages", ())]

        header = QHBoxLayout()
        who = QLabel(self.tr("Signed in as <b>%1</b>").replace("%1", actor.name or actor.role))
        who.setAccessibleName(self.tr("Signed in as"))
        self.status = QLabel("")
        self.status.setAccessibleName(self.tr("Status"))
        set_role(self.status, "muted")
        sign_out = QPushButton(self.tr("Si&gn out"))  # Alt+O is Open on several pages
        set_icon(sign_out, "log-out")
        sign_out.setAccessibleName(self.tr("Sign out"))
        sign_out.clicked.connect(self.sign_out_requested)
        header.addWidget(who)
        header.addStretch(1)
        header.addWidget(self.status)
        header.addWidget(sign_out)
        from app.ui.interop.menus import add_to_header  # Import / Export (issue 17)

        self.interop = add_to_header(self, header)
        from app.ui.language_box import add_to_header as add_language  # issue 18

        self.language = add_language(self, header)

        self.nav = QListWidget()
        self.nav.setAccessibleName(self.tr("Navigation"))
        self.nav.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        set_role(self.nav, "nav")
        self.stack = QStackedWidget()
        for key, title, _spec in self.specs:
            item = QListWidgetItem(self.tr(title))
            item.setData(QtCore.Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._show_row)
        from app.ui.theme.icons import nav_icons

        nav_icons(self.nav, [k for k, _t, _s in self.specs])
        # As wide as the longest name at the text size in use (190 px at 100 %), never cut.
        widest = max(
            (
                self.nav.fontMetrics().horizontalAdvance(self.nav.item(i).text())
                for i in range(self.nav.count())
            ),
            default=0,
        )
        self.nav.setFixedWidth(max(190, widest * 13 // 10 + 40))

        from app.ui.a11y import follow_selection

        follow_selection(self.nav)  # a screen reader's "select" opens the page too

        body = QHBoxLayout()
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        outer = QVBoxLayout(self)
        outer.addLayout(header)
        outer.addLayout(body, 1)
        if getattr(ctx, "agent", None) is not None:
            from app.ui.sync_bridge import SyncBridge, short_status

            self.sync_bridge = SyncBridge(ctx.agent, self)
            self.sync_bridge.changed.connect(self.sync_changed)
            first = ctx.agent.snapshot()
            self.status.setText(short_status(first))
            # "Synced just now" must age between syncs, not only when the agent reports something.
            self.sync_clock = QtCore.QTimer(self, interval=30_000, timeout=self.refresh_sync_status)
            self.sync_clock.start()
        from PySide6.QtGui import QKeySequence, QShortcut  # not needed before sign-in

        for i in range(min(9, len(self.specs))):
            QShortcut(QKeySequence(f"Ctrl+{i + 1}"), self, activated=lambda i=i: self.nav.setCurrentRow(i))
        self.nav.setCurrentRow(0)

    def refresh_sync_status(self) -> None:
        from app.ui.sync_bridge import short_status

        self.status.setText(short_status(self.ctx.agent.snapshot()))

    def sync_changed(self, snap: Any) -> None:
        """The header's few words. (What a sync brings reaches the pages through the change bus:
        the store publishes what it applied, kind by kind.)"""
        from app.ui.sync_bridge import short_status

        self.status.setText(short_status(snap))

    def focus_first(self) -> None:
        """Focus the shown page's main control (a page may name it with ``focus_first``), else the
        navigation: somewhere a keyboard user can start."""
        page = self.stack.currentWidget()
        if page is not None and hasattr(page, "focus_first"):
            page.focus_first()
        else:
            self.nav.setFocus()

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        key, _title, spec = self.specs[row]
        self.show_page(key)

    def show_page(self, key: str) -> QWidget:
        page = self.pages.get(key)
        if page is None:
            spec = next(s for k, _t, s in self.specs if k == key)
            page = load_page_class(spec)(self.ctx, self.actor, self.bus)
            page.setProperty("page_key", key)
            from app.ui.widgets.page_scroll import scroll_vertically

            scroll_vertically(page)  # tall at a large text size: scrolls down, never sideways
            self.pages[key] = page
            self.stack.addWidget(page)
            if hasattr(page, "open_page"):
                page.open_page.connect(self._open_from_page)
        self.stack.setCurrentWidget(page)
        title = next(t for k, t, _s in self.specs if k == key)
        self.window().setWindowTitle(self.tr("%1 - Tessera").replace("%1", self.tr(title)))  # WCAG 2.4.2
        keys = [k for k, _t, _s in self.specs]
        if key in keys and self.nav.currentRow() != keys.index(key):
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(keys.index(key))
            self.nav.blockSignals(False)
        return page

    def _open_from_page(self, key: str, arg: object) -> None:
        page = self.show_page(key)
        if hasattr(page, "show_item"):
            page.show_item(arg)


class MainWindow(QMainWindow):
    """Holds the welcome, sign-in or a signed-in person's area; owns idle sign-out.

    Created before the database is open (``ctx=None``) so the window is on screen at once;
    ``attach(ctx)`` fills it in when the data folder has been opened off the UI thread."""

    def __init__(self, ctx: AppContext | None = None, quick: list | None = None) -> None:
        super().__init__()
        self.ctx: AppContext = ctx  # type: ignore[assignment]  # None only until attach(ctx)
        self.bus = ChangeBus()
        self.area: MainArea | None = None
        self.progress_shown = False  # background work's progress is at the bottom of the window
        self.setWindowTitle("Tessera")
        self.resize(1180, 680)  # with a title bar, fits a 1366x768 screen (see window_state.py)
        from app.ui.help import install_help

        install_help(self, self.help_place)
        from app.ui.theme.dialog import install_display_menu

        install_display_menu(self, lambda: self.ctx.settings if self.ctx is not None else None)
        from app.ui.idle import IdleWatcher

        self.idle = IdleWatcher(0, self)
        self.idle.idle.connect(self.sign_out)
        if ctx is None and quick:
            from app.ui.signin import SignInScreen

            screen = SignInScreen(None, quick=quick)
            screen.signed_in.connect(self.signed_in)
            self._set_central(screen)
        elif ctx is None:
            opening = QLabel(self.tr("Opening your class…"))
            opening.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
            set_role(opening, "heading muted")
            opening.setAccessibleName(self.tr("Opening"))
            self._set_central(opening)
        else:
            self.attach(ctx)

    def help_place(self) -> tuple[str, str]:
        """(role, page key) for F1: who is signed in and which page is on screen."""
        if self.area is not None and self.centralWidget() is self.area:
            page = self.area.stack.currentWidget()
            return self.area.actor.role, str(page.property("page_key") or "") if page is not None else ""
        from app.ui.welcome import WelcomeScreen

        return "", "welcome" if isinstance(self.centralWidget(), WelcomeScreen) else "signin"

    def _set_central(self, widget: QWidget) -> None:
        """Swap screens without deleting the old one synchronously: it may be the very widget whose
        signal got us here (the Sign out button, the welcome screen's task), so Qt deletes it later."""
        old = self.takeCentralWidget()
        self.setCentralWidget(widget)
        # The page's name in the title (set by MainArea.show_page, on the area itself before it is here)
        self.setWindowTitle(widget.windowTitle() if isinstance(widget, MainArea) else "Tessera")
        if old is not None:
            old.hide()
            old.deleteLater()
        if hasattr(widget, "focus_first"):  # nothing focused leaves a keyboard user nowhere to start
            widget.focus_first()

    def attach(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.idle.set_minutes(float(ctx.settings.get("idle_signout_minutes")))
        from app.ui.signin import SignInScreen

        current = self.centralWidget()
        if isinstance(current, SignInScreen) and current.ctx is None and ctx.services.accounts.has_teacher():
            current.attach(ctx)  # the early sign-in screen stays, now able to sign in
        elif ctx.services.accounts.has_teacher():
            self.show_sign_in()
        else:
            self.show_welcome()

    def prepare_practice(self) -> None:
        """Load the learner estimates in the background once the data folder is open, so the first
        practice question comes at once. A long replay (the first start after an update that changed
        the model) shows its progress at the bottom of the window; practice waits for it meanwhile."""
        practice = self.ctx.services.practice if self.ctx is not None else None
        if practice is None:
            return
        from app.ui.tasks import run_task

        # The read pool: a long replay must not hold up sign-in's writes on the write worker.
        run_task(
            practice.prepare,
            lambda _n: self._practice_ready(),
            self._practice_ready,
            on_progress=self._practice_progress,
            owner=self,
        )

    def schedule_backups(self) -> None:
        """The daily copy: first a few minutes after start (not to slow the first screens), then
        checked hourly, so a laptop left on for days still gets one (the check is a folder listing)."""
        QtCore.QTimer.singleShot(BACKUP_FIRST_MS, self, self._back_up)
        self._backup_timer = QtCore.QTimer(self, interval=3_600_000, timeout=self._back_up)
        self._backup_timer.start()

    def _back_up(self) -> None:
        """Once a day, a copy of the class data for "Restore last backup" (off the UI thread; a failure
        is only logged: it must never stop a lesson)."""
        if self.ctx is None:
            return
        from app.ui.tasks import run_task

        run_task(
            lambda _p: self.ctx.db.daily_backup(),
            None,
            lambda exc: log.warning("daily backup failed: %r", exc),
            owner=self,
        )

    def _practice_progress(self, fraction: float, _message: str) -> None:
        if fraction >= 1.0:
            return
        bar = self.statusBar()
        bar.setAccessibleName(self.tr("Background work"))
        bar.showMessage(
            self.tr(
                "Updating practice estimates after an update: %1 done. Practice opens when this finishes."
            ).replace("%1", f"{fraction:.0%}")
        )
        bar.show()
        self.progress_shown = True

    def _practice_ready(self, error: BaseException | None = None) -> None:
        if error is not None:  # the practice page says what went wrong when it is opened
            log.warning("could not prepare practice estimates: %r", error)
        if self.progress_shown:
            self.statusBar().clearMessage()
            self.statusBar().hide()
            self.progress_shown = False

    def show_welcome(self) -> None:
        from app.ui.welcome import DEMO_HINT, WelcomeScreen

        screen = WelcomeScreen(self.ctx)
        screen.demo_ready.connect(lambda: self.show_sign_in(DEMO_HINT))
        screen.created.connect(self.signed_in)
        screen.class_arrived.connect(
            lambda: self.show_sign_in(
                self.tr("Your school's class arrived through the sync folder. Sign in.")
            )
        )
        self._set_central(screen)

    def show_sign_in(self, message: str = "") -> None:
        from app.ui.signin import SignInScreen

        self.area = None
        screen = SignInScreen(self.ctx)
        screen.signed_in.connect(self.signed_in)
        if message:
            screen.set_message(message)
        self._set_central(screen)

    def signed_in(self, actor: Actor) -> None:
        # One bus per signed-in session, owned by its area: when the area goes, so do all the
        # pages' subscriptions (lambdas are not disconnected by Qt on their own) and its own to the store.
        self.bus = ChangeBus(self.ctx.db)
        self.area = MainArea(self.ctx, actor, self.bus)
        self.bus.setParent(self.area)
        self.area.sign_out_requested.connect(self.sign_out)
        self._set_central(self.area)
        # Read at each sign-in: a teacher may have changed it in Tessera since the app started.
        self.idle.set_minutes(float(self.ctx.settings.get("idle_signout_minutes")))

    def sign_out(self) -> None:
        end = getattr(self.ctx, "end_session", None)  # a lab computer: the service forgets the sign-in
        if end is not None and self.area is not None:
            end()
        if self.area is not None:
            idle = not self.idle.timer.isActive()
            self.show_sign_in(self.tr("You were signed out after a quiet while.") if idle else "")
