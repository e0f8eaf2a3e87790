"""My plan: the student's goals with progress shown by evidence, milestones, self-assessment and
the teacher's feedback; build or change the plan with the guided wizard and send it to the teacher."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import AppContext
from app.i18n import N_
from app.people.actor import Actor
from app.planning.plans import PlanView
from app.ui.events import ChangeBus, Kind
from app.ui.messages import error_text, show_error
from app.ui.tasks import Latest, run_task
from app.ui.theme import colour, set_role, tokens
from app.ui.theme.icons import set_icon
from app.ui.widgets.common import empty_note
from app.ui.widgets.goal_detail import PACE_COLORS, GoalDetail
from app.ui.widgets.lazy_refresh import LazyRefresh
from app.ui.widgets.plan_wizard import PlanWizard

GOAL = Qt.ItemDataRole.UserRole + 1
STATUS_TEXT = {
    "draft": (N_("Draft: not sent to your teacher yet"), "muted"),  # (words, theme token)
    "submitted": (N_("Waiting for your teacher"), "warning"),
    "approved": (N_("Approved by your teacher \u2714"), "success"),
    "changes_suggested": (N_("Your teacher suggested changes"), "danger"),
}


class MyPlanPage(QWidget):
    open_page = Signal(str, object)
    loaded = Signal()

    def __init__(self, ctx: AppContext, actor: Actor, bus: ChangeBus) -> None:
        super().__init__()
        self.ctx, self.actor, self.bus = ctx, actor, bus
        self.plans = ctx.services.plans
        self.plan: PlanView | None = None
        self._loads = Latest()
        self.wizard: PlanWizard | None = None
        self.pending = ""  # a goal to show once the plan has loaded
        self.title = QLabel(self.tr("My plan"))
        set_role(self.title, "title")
        self.title.setAccessibleName(self.tr("Plan title"))
        self.state = QLabel("")
        self.state.setAccessibleName(self.tr("Plan status"))
        self.build = QPushButton(self.tr("&Build my plan…"))
        set_icon(self.build, "pencil")
        self.build.setAccessibleName(self.tr("Build or change my plan"))
        self.build.clicked.connect(self.open_wizard)
        self.send = QPushButton(self.tr("Send to my &teacher"))
        set_icon(self.send, "send")
        self.send.setAccessibleName(self.tr("Send my plan to my teacher"))
        self.send.clicked.connect(self.submit)
        self.title.setWordWrap(True)  # at a large text size the row wraps its words, not the page
        self.state.setWordWrap(True)
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.state, 1)
        head.addWidget(self.build)
        head.addWidget(self.send)
        self.note = QLabel("")
        self.note.setWordWrap(True)
        self.note.setAccessibleName(self.tr("Teacher's note"))
        set_role(self.note, "note")
        self.note.hide()
        self.empty = empty_note(
            self.tr(
                "You do not have a plan yet. Press <b>Build my plan</b>: Tessera starts from your strengths "
                "and interests and suggests goals you are ready for."
            )
        )

        self.goals = QListWidget()
        self.goals.setAccessibleName(self.tr("My goals"))
        set_role(self.goals, "spaced")
        self.goals.setWordWrap(True)
        self.goals.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.goals.currentRowChanged.connect(self._pick)
        self.detail = GoalDetail(self.plans, actor)
        split = QSplitter()
        split.addWidget(self.goals)
        split.addWidget(self.detail)
        split.setSizes([300, 700])
        self.split = split

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.note)
        layout.addWidget(self.empty)
        layout.addWidget(split, 1)
        self.lazy = LazyRefresh(self, bus, Kind.PLANS | Kind.PRACTICE | Kind.WRITING, self.refresh)
        self.refresh()

    def refresh(self) -> None:
        a = self.actor
        # A refresh started before a save may finish after it: only the newest read is shown.
        run_task(
            lambda _p: self.plans.get(a, a.person_id),
            self._loads(self._show),
            lambda e: show_error(self, e),
            owner=self,
        )

    def _show(self, plan: PlanView | None) -> None:
        self.plan = plan
        keep = self.goals.currentRow()
        self.goals.blockSignals(True)  # refill quietly, show the goal once (see teacher/plans.py)
        self.goals.clear()
        self.goals.blockSignals(False)
        self.empty.setVisible(plan is None)
        self.split.setVisible(plan is not None)
        self.send.setVisible(plan is not None and plan.status in ("draft", "changes_suggested"))
        self.build.setText(self.tr("&Change my plan…") if plan else self.tr("&Build my plan…"))
        if plan is None:
            self.detail.set_goal(None)
            self.state.setText("")
            self.note.hide()
            self.loaded.emit()
            return
        self.title.setText(plan.title)
        text, token = STATUS_TEXT.get(plan.status, (plan.status, "muted"))
        color = getattr(tokens(), token)
        self.state.setText(f"<span style='color:{color}'>{self.tr(text)}</span>")
        self.note.setVisible(bool(plan.teacher_note))
        self.note.setText(self.tr("<b>Your teacher says:</b> %1").replace("%1", plan.teacher_note))
        self.goals.blockSignals(True)
        for g in plan.goals:
            mark = "\u2714 " if g.status == "met" else ""
            item = QListWidgetItem(
                f"{mark}{g.title}\n{round(g.progress * 100)}% \u00b7 {self._pace(g.pace.status)}"
            )
            item.setForeground(colour(PACE_COLORS.get(g.pace.status, "text")))
            item.setData(GOAL, g)
            item.setToolTip(g.pace.reason)
            self.goals.addItem(item)
        if plan.goals:
            self.goals.setCurrentRow(min(max(keep, 0), len(plan.goals) - 1))
        self.goals.blockSignals(False)
        self._pick(self.goals.currentRow())
        if self.pending:
            self.show_item(self.pending)
        self.loaded.emit()

    def _pace(self, status: str) -> str:
        return {"on_track": self.tr("on track"), "behind": self.tr("behind"), "done": self.tr("done")}.get(
            status, status
        )

    def _pick(self, row: int) -> None:
        item = self.goals.item(row)
        self.detail.set_goal(item.data(GOAL) if item else None)

    def show_item(self, arg: object) -> None:
        """Opened from Home with a goal id: select that goal (now, or when the plan has loaded)."""
        self.pending = str(arg or "")
        for i in range(self.goals.count()):
            if self.goals.item(i).data(GOAL).id == self.pending:
                self.goals.setCurrentRow(i)
                self.pending = ""

    # -- building -----------------------------------------------------------------------------------
    def open_wizard(self) -> None:
        a, s = self.actor, self.ctx.services

        def work(_p):
            return (
                s.profiles.get(a, a.person_id),
                s.framework.jagged_profile(a, a.person_id),
                self.plans.suggestions(a, a.person_id),
            )

        run_task(work, self._start_wizard, lambda e: show_error(self, e), owner=self)

    def _start_wizard(self, data) -> None:
        profile, domains, suggestions = data
        self.wizard = PlanWizard(profile, domains, suggestions, self.plan, self)
        self.wizard.accepted.connect(self._wizard_done)
        self.wizard.open()

    def _wizard_done(self) -> None:
        wiz = self.wizard
        if wiz is None:
            return
        draft, submit = wiz.plan_draft(), wiz.submit_now
        a = self.actor
        run_task(
            lambda _p: self.plans.save(a, a.person_id, draft, submit=submit),
            self._built,
            lambda e: show_error(self, e),
            writes=True,
            owner=self,
        )

    def _built(self, plan: PlanView) -> None:
        self._loads.forget()  # the saved plan is newer than any read still running
        self._show(plan)

    def submit(self) -> None:
        a = self.actor
        run_task(
            lambda _p: self.plans.submit(a, a.person_id),
            None,
            lambda e: self.state.setText(error_text(e)),
            writes=True,
            owner=self,
        )
