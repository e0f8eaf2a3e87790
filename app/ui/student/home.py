"""The student's home: what is best to do now, each with its reason, and every other option too
(voice and choice); their goals at a glance and their recent wins."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import AppContext
from app.people.actor import Actor
from app.ui.events import ChangeBus, Kind
from app.ui.messages import show_error
from app.ui.nav import pages_for
from app.ui.tasks import Latest, run_task
from app.ui.theme import set_role
from app.ui.theme.icons import set_icon
from app.ui.widgets.celebrations import CelebrationList
from app.ui.widgets.common import clear_layout
from app.ui.widgets.lazy_refresh import LazyRefresh
from app.ui.widgets.next_steps_list import NextStepList

# What a "what next" action opens, by page key of the student's navigation.
ACTION_PAGES = {
    "practice": "practice",
    "writing": "writing",
    "checkin": "checkin",
    "plan": "my_plan",
    "challenge": "my_challenge",
}


class HomePage(QWidget):
    open_page = Signal(str, object)
    loaded = Signal()

    def focus_first(self) -> None:
        self.list.setFocus()

    def __init__(self, ctx: AppContext, actor: Actor, bus: ChangeBus) -> None:
        super().__init__()
        self.ctx, self.actor, self.bus = ctx, actor, bus
        self.services = ctx.services  # not self.x: that is QWidget.x()
        self._loads = Latest()
        self.available = {
            a for a, page in ACTION_PAGES.items() if page in {k for k, _t, _s in pages_for("student")}
        }
        hello = QLabel(self._greeting())
        set_role(hello, "title")
        hello.setAccessibleName(self.tr("Greeting"))
        intro = QLabel(
            self.tr(
                "Here is what could help most right now, with why. The first one is only a "
                "suggestion: choose whatever suits you."
            )
        )
        intro.setWordWrap(True)
        set_role(intro, "muted")
        self.list = NextStepList()
        self.list.itemActivated.connect(lambda _i: self.start())
        self.list.currentRowChanged.connect(lambda _r: self._update_button())
        self.start_button = QPushButton(self.tr("&Start this"))
        set_icon(self.start_button, "play", "on_accent")
        set_role(self.start_button, "primary")
        self.start_button.setAccessibleName(self.tr("Start this: the chosen activity"))
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        self.hint = QLabel("")
        set_role(self.hint, "muted")
        self.hint.setAccessibleName(self.tr("About the chosen activity"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.hint, 1)

        left = QVBoxLayout()
        left.addWidget(hello)
        left.addWidget(intro)
        left.addWidget(self.list, 1)
        left.addLayout(buttons)

        self.goals_box = QGroupBox(self.tr("My goals"))
        self.goals_layout = QVBoxLayout(self.goals_box)
        self.celebrations = CelebrationList()
        wins = QGroupBox(self.tr("Recent wins"))
        QVBoxLayout(wins).addWidget(self.celebrations)
        right = QVBoxLayout()
        right.addWidget(self.goals_box)
        right.addWidget(wins, 1)

        body = QHBoxLayout(self)
        body.addLayout(left, 3)
        body.addLayout(right, 2)
        QShortcut(QKeySequence("F5"), self, activated=self.refresh)
        shows = (
            Kind.PLANS | Kind.CHECKINS | Kind.CHALLENGES | Kind.PRACTICE | Kind.WRITING | Kind.CELEBRATIONS
        )
        self.lazy = LazyRefresh(self, bus, shows, self.refresh)
        self.goal_check = LazyRefresh(
            self, bus, Kind.PRACTICE | Kind.PLANS, self.check_met_goals, delay_ms=1000
        )
        self.check_met_goals()
        self.refresh()

    def _greeting(self) -> str:
        hour = dt.datetime.now().hour
        part = (
            self.tr("Good morning")
            if hour < 12
            else self.tr("Good afternoon")
            if hour < 18
            else self.tr("Good evening")
        )
        first = (self.actor.name or "").split(" ")[0]
        return f"{part}, {first}" if first else part

    def check_met_goals(self) -> None:
        """Goals met by the evidence are marked and celebrated as soon as they are seen."""
        a = self.actor
        run_task(
            lambda _p: self.services.plans.record_met_goals(a, [a.person_id]),
            None,
            lambda e: None,
            writes=True,
            owner=self,
        )

    def refresh(self) -> None:
        a, x, sid = self.actor, self.services, self.actor.person_id
        cel = self.ctx.services.celebrations

        def work(_p):
            return (
                x.what_next.for_student(a),
                x.plans.get(a, sid, with_evidence=False),
                cel.for_student(a, sid, limit=8),
            )

        # Loads run in parallel (the first one and a refresh after a change): an older one finishing
        # late must not bring back steps already done.
        run_task(work, self._loads(self._show), lambda e: show_error(self, e), owner=self)

    def _show(self, data) -> None:
        steps, plan, celebrations = data
        self.list.set_steps(steps, self.available)
        self.celebrations.set_items(celebrations)
        clear_layout(self.goals_layout)
        goals = [g for g in (plan.goals if plan else ()) if g.status != "dropped"]
        for g in goals:
            label = QLabel(("\u2714 " if g.pace.status == "done" else "") + g.title)
            label.setWordWrap(True)
            bar = QProgressBar()
            bar.setRange(0, 100)
            bar.setValue(round(g.progress * 100))
            bar.setAccessibleName(self.tr("Progress on %1").replace("%1", str(g.title)))
            bar.setFormat(f"%p%  \u00b7  {self._pace_word(g.pace.status)}")
            self.goals_layout.addWidget(label)
            self.goals_layout.addWidget(bar)
        if not goals:
            self.goals_layout.addWidget(QLabel(self.tr("No goals yet: make your plan to choose some.")))
        self._update_button()
        self.loaded.emit()

    def _pace_word(self, status: str) -> str:
        return {
            "on_track": self.tr("on track"),
            "behind": self.tr("a little behind"),
            "done": self.tr("done"),
        }.get(status, status)

    def _update_button(self) -> None:
        step = self.list.current_step()
        enabled = self.list.current_enabled()
        self.start_button.setEnabled(enabled)
        if step is None:
            self.hint.setText(self.tr("Nothing waiting: well done!"))
        elif not enabled:
            self.hint.setText(self.tr("This opens once that screen is on this computer."))
        else:
            self.hint.setText("")

    def start(self) -> None:
        step = self.list.current_step()
        if step is None or not self.list.current_enabled():
            return
        if step.action in self.available:
            self.open_page.emit(ACTION_PAGES[step.action], step.arg)
        else:
            self.open_page.emit(ACTION_PAGES["plan"], step.goal_id)
