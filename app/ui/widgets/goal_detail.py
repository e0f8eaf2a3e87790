"""One goal in full: progress shown by evidence, pace, milestones, self-assessment and the teacher's
feedback. The student ticks milestones, assesses themselves and attaches evidence; the teacher
writes feedback. Writes go through the plan service off the UI thread."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.people.actor import Actor
from app.planning.levels import LEVELS, PATHS
from app.planning.plans import GoalView, PlanService
from app.ui.locale_format import day as _day_text
from app.ui.messages import error_text
from app.ui.tasks import run_task
from app.ui.theme import set_role, tokens
from app.ui.widgets.common import button

PACE_COLORS = {"on_track": "success", "behind": "warning", "done": "accent"}  # theme token names
EVIDENCE_ICONS = {
    "attempts": "\u270d",
    "skill_state": "\u25d4",
    "mastered_skill": "\u2605",
    "draft": "\u270e",
    "challenge": "\u2691",
    "note": "\u2709",
}
ROLE = Qt.ItemDataRole.UserRole + 1


def fit(view: QListWidget, most: int) -> None:
    """Size a short list to its rows (up to ``most`` pixels), so forms do not fill with blank space."""
    if view.wordWrap():  # rows as laid out at the list's width: a wrapped row is taller than the first
        view.doItemsLayout()
        rows = sum(view.visualItemRect(view.item(r)).height() for r in range(view.count()))
    else:
        rows = view.count() * view.sizeHintForRow(0)
    rows = rows or 20
    view.setFixedHeight(min(most, rows + 2 * view.frameWidth() + 4))


def day(ts: float) -> str:
    return _day_text(ts) if ts else ""


class EvidenceDialog(QDialog):
    def __init__(self, parent: QWidget, options) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Attach evidence"))
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Evidence"))
        self.kind.addItem(self.tr("A note about what I did"), ("note", ""))
        for o in options:
            self.kind.addItem(o.label, (o.kind, o.ref_id))
        self.note = QLineEdit()
        self.note.setAccessibleName(self.tr("What it shows"))
        self.note.setPlaceholderText(self.tr("What does it show?"))
        form = QFormLayout(self)
        form.addRow(self.tr("&Evidence:"), self.kind)
        form.addRow(self.tr("&What it shows:"), self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class GoalDetail(QScrollArea):
    changed = Signal()  # something was saved

    def __init__(self, plans: PlanService, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plans, self.actor = plans, actor
        self.goal: GoalView | None = None
        self.student = actor.is_student
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        # Up and down only: everything inside wraps, and the pane is never narrower than its content.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget()
        self.setWidget(inner)
        self.title = QLabel("")
        set_role(self.title, "heading")
        self.title.setWordWrap(True)
        self.title.setAccessibleName(self.tr("Goal"))
        self.about = QLabel("")
        self.about.setWordWrap(True)
        self.about.setAccessibleName(self.tr("About the goal"))
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.bar.setAccessibleName(self.tr("Goal progress"))
        self.pace = QLabel("")
        self.pace.setWordWrap(True)
        self.pace.setAccessibleName(self.tr("Pace"))

        self.milestones = QListWidget()
        self.milestones.setAccessibleName(self.tr("Milestones"))
        self.milestones.setMaximumHeight(130)
        self.milestones.setWordWrap(True)
        self.milestones.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.milestones.itemChanged.connect(self._milestone_ticked)
        miles = QGroupBox(self.tr("Milestones"))
        QVBoxLayout(miles).addWidget(self.milestones)

        self.evidence = QListWidget()
        self.evidence.setAccessibleName(self.tr("Evidence"))
        self.evidence.setWordWrap(True)
        self.evidence.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.evidence.setFixedHeight(120)
        ev_box = QGroupBox(self.tr("Evidence of progress"))
        ev_layout = QVBoxLayout(ev_box)
        ev_layout.addWidget(self.evidence)
        self.attach = self._button(self.tr("Attach &evidence…"), "Attach evidence", self.attach_evidence)
        self.remove = self._button(self.tr("Remove"), "Remove evidence", self.remove_evidence)
        self.met = self._button(self.tr("Mark goal as &met"), "Mark goal as met", self.mark_met)
        # A teacher gives levels on the goal's skills from the evidence picked (app.evidence); shown
        # once the page that owns this gives it the app's services.
        self.services = None
        self.judge = self._button(
            self.tr("&Judge from this evidence…"), "Judge from this evidence", self.judge_evidence
        )
        self.judge.setVisible(False)
        row = QHBoxLayout()
        for b in (self.attach, self.remove, self.met):
            row.addWidget(b)
        row.addStretch(1)
        ev_layout.addLayout(row)
        ev_layout.addWidget(self.judge, 0, Qt.AlignmentFlag.AlignLeft)  # own row: the pane fits 1024 px

        self.levels = QButtonGroup(self)
        level_box = QGroupBox(self.tr("Self-assessment"))
        lv = QVBoxLayout(level_box)
        radios = QGridLayout()  # two by two: four in a row made the plan pane too wide for 1024 px
        for i, (n, (name, desc)) in enumerate(LEVELS.items()):
            rb = QRadioButton(f"{n} {self.tr(name)}")
            rb.setAccessibleName(self.tr("Level %1 %2").replace("%1", str(n)).replace("%2", str(name)))
            rb.setAccessibleDescription(self.tr(desc))
            rb.setToolTip(self.tr(desc))
            rb.setEnabled(self.student)
            self.levels.addButton(rb, n)
            radios.addWidget(rb, i // 2, i % 2)
        radios.setColumnStretch(2, 1)
        lv.addLayout(radios)
        self.level_text = QLabel("")
        self.level_text.setWordWrap(True)
        set_role(self.level_text, "muted")
        self.level_text.setAccessibleName(self.tr("What the level means"))
        lv.addWidget(self.level_text)
        self.levels.idToggled.connect(self._level_text)
        self.reflection = QPlainTextEdit()
        self.reflection.setAccessibleName(self.tr("My reflection"))
        self.reflection.setTabChangesFocus(True)  # Tab leaves the box, as everywhere else
        self.reflection.setPlaceholderText(self.tr("How do you know? What helped, what is still hard?"))
        self.reflection.setMaximumHeight(70)
        self.reflection.setReadOnly(not self.student)
        lv.addWidget(self.reflection)
        self.save_self = self._button(
            self.tr("&Save my assessment"), "Save my assessment", self.save_assessment
        )
        self.save_self.setVisible(self.student)
        lv.addWidget(self.save_self, 0, Qt.AlignmentFlag.AlignLeft)

        fb_box = QGroupBox(self.tr("Teacher feedback"))
        fv = QVBoxLayout(fb_box)
        self.feedback = QPlainTextEdit()
        self.feedback.setAccessibleName(self.tr("Teacher feedback"))
        self.feedback.setTabChangesFocus(True)  # Tab leaves the box, as everywhere else
        self.feedback.setReadOnly(self.student)
        self.feedback.setMaximumHeight(70)
        fv.addWidget(self.feedback)
        self.save_feedback = self._button(
            self.tr("Save &feedback"), "Save feedback", self.save_teacher_feedback
        )
        self.save_feedback.setVisible(not self.student)
        fv.addWidget(self.save_feedback, 0, Qt.AlignmentFlag.AlignLeft)
        self.status = QLabel("")
        self.status.setAccessibleName(self.tr("Goal status message"))
        set_role(self.status, "muted")

        layout = QVBoxLayout(inner)
        for w in (self.title, self.about, self.bar, self.pace, miles, ev_box, level_box, fb_box, self.status):
            layout.addWidget(w)
        layout.addStretch(1)
        # Without a goal these are empty boxes: only the title (what to do) shows.
        self.body = (self.about, self.bar, self.pace, miles, ev_box, level_box, fb_box)
        self.attach.setVisible(self.student)
        self.remove.setVisible(self.student)
        bar = self.verticalScrollBar().sizeHint().width()
        self.setMinimumWidth(inner.minimumSizeHint().width() + bar)
        # Wrapped milestones take more or fewer lines as the pane's width changes.
        self._refit = QTimer(self, singleShot=True, interval=0, timeout=lambda: fit(self.milestones, 130))
        self.set_goal(None)

    def _button(self, text: str, name: str, slot) -> QPushButton:  # noqa: ANN001
        return button(self, text, name, slot)

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802
        super().resizeEvent(event)
        self._refit.start()

    def set_goal(self, goal: GoalView | None) -> None:
        old = self.goal
        same = goal is not None and old is not None and goal.id == old.id
        # A refresh of the same goal (another change elsewhere) keeps what the person is still typing.
        picked = self.levels.checkedId()
        keep_self = same and (
            (picked > 0 and picked != old.self_level) or self.reflection.toPlainText() != old.self_reflection
        )
        keep_feedback = same and not self.student and self.feedback.toPlainText() != old.teacher_feedback
        self.goal = goal
        self.setEnabled(goal is not None)
        for w in self.body:
            w.setVisible(goal is not None)
        if goal is None:
            self.title.setText(self.tr("Choose a goal to see it in full."))
            return
        self.title.setText(goal.title)
        pace = []
        if goal.target_date:
            pace.append(self.tr("by %1").replace("%1", day(goal.target_date)))
        if goal.weekly_minutes:
            pace.append(self.tr("%1 min a week").replace("%1", str(goal.weekly_minutes)))
        skills = ", ".join(goal.skill_names) or self.tr("no particular skill")
        self.about.setText(
            f"{goal.why}<br><i>{self.tr(PATHS.get(goal.path, goal.path))} \u00b7 {skills} \u00b7 "
            f"{', '.join(pace)}</i>"
        )
        self.bar.setValue(round(goal.progress * 100))
        color = getattr(tokens(), PACE_COLORS.get(goal.pace.status, "muted"))
        self.pace.setText(
            f"<span style='color:{color}'><b>{self._pace_word(goal.pace.status)}</b></span> "
            f"\u2014 {goal.pace.reason}"
        )
        self.milestones.blockSignals(True)
        self.milestones.clear()
        for m in goal.milestones:
            item = QListWidgetItem(f"{m.title}  ({day(m.due_at)})")
            flags = item.flags() | Qt.ItemFlag.ItemIsUserCheckable
            if not self.student:
                flags &= ~Qt.ItemFlag.ItemIsUserCheckable
            item.setFlags(flags)
            item.setCheckState(Qt.CheckState.Checked if m.done else Qt.CheckState.Unchecked)
            item.setData(ROLE, m.id)
            self.milestones.addItem(item)
        self.milestones.blockSignals(False)
        fit(self.milestones, 130)
        self.evidence.clear()
        for e in goal.evidence:
            icon = EVIDENCE_ICONS.get(e.kind, "\u2022")
            item = QListWidgetItem(f"{icon}  {e.label}")
            item.setData(ROLE, e.id)
            self.evidence.addItem(item)
        if not goal.evidence:
            self.evidence.addItem(self.tr("No evidence yet: practise, or attach your work."))
        if not keep_self:
            button = self.levels.button(goal.self_level)
            self.levels.setExclusive(False)
            for b in self.levels.buttons():
                b.setChecked(b is button)
            self.levels.setExclusive(True)
            self.level_text.setText(
                self.tr(LEVELS[goal.self_level][1])
                if goal.self_level in LEVELS
                else self.tr("Not assessed yet.")
            )
            self.reflection.setPlainText(goal.self_reflection)
        if not keep_feedback:
            self.feedback.setPlainText(
                goal.teacher_feedback or ("" if not self.student else self.tr("No feedback yet."))
            )
        active = goal.status == "active"
        self.met.setVisible(active)
        shown = goal.progress >= 1.0 or (
            goal.path != "practice"
            and bool(goal.milestones)
            and all(m.done for m in goal.milestones)
            and any(e.id for e in goal.evidence)
        )
        self.met.setEnabled(not self.student or shown)
        self.met.setToolTip(
            ""
            if self.met.isEnabled()
            else self.tr(
                "Progress is shown, not claimed: master the skills, or finish the milestones and attach "
                "evidence."
            )
        )
        self.attach.setEnabled(active)
        # A reload of the same goal keeps the last message ("Feedback saved."), a met one's too: the demo
        # sometimes has a met goal first, and its reload after saving feedback hid the "saved" note.
        if goal.status == "met" and not (same and old.status == "met"):
            self.status.setText(self.tr("Goal met: well done!"))
        elif not same:
            self.status.setText("")

    def _level_text(self, level: int, checked: bool) -> None:
        if checked and level in LEVELS:
            self.level_text.setText(self.tr(LEVELS[level][1]))

    def _pace_word(self, status: str) -> str:
        return {"on_track": self.tr("On track"), "behind": self.tr("Behind"), "done": self.tr("Done")}.get(
            status, status
        )

    # -- writes --------------------------------------------------------------------------------------
    def _write(self, fn, done_text: str) -> None:
        def ok(_r) -> None:
            self.status.setText(done_text)
            self.changed.emit()

        run_task(lambda _p: fn(), ok, lambda e: self.status.setText(error_text(e)), writes=True, owner=self)

    def _milestone_ticked(self, item: QListWidgetItem) -> None:
        mid, done = item.data(ROLE), item.checkState() == Qt.CheckState.Checked
        self._write(lambda: self.plans.set_milestone_done(self.actor, mid, done), self.tr("Milestone saved."))

    def save_assessment(self) -> None:
        if self.goal is None:
            return
        level, text, gid = self.levels.checkedId(), self.reflection.toPlainText(), self.goal.id
        self._write(
            lambda: self.plans.self_assess(self.actor, gid, level, text), self.tr("Your assessment is saved.")
        )

    def save_teacher_feedback(self) -> None:
        if self.goal is None:
            return
        text, gid = self.feedback.toPlainText(), self.goal.id
        self._write(lambda: self.plans.feedback(self.actor, gid, text), self.tr("Feedback saved."))

    def attach_evidence(self) -> None:
        if self.goal is None:
            return
        options = self.plans.evidence_options(self.actor, self.actor.person_id)
        dlg = EvidenceDialog(self, options)
        accepted = dlg.exec() == QDialog.DialogCode.Accepted
        dlg.deleteLater()  # a child of the panel: it would otherwise live as long as the panel
        if not accepted:
            return
        kind, ref = dlg.kind.currentData()
        self.add_evidence(kind, ref, dlg.note.text())

    def add_evidence(self, kind: str, ref: str, note: str) -> None:
        gid = self.goal.id if self.goal else ""
        self._write(
            lambda: self.plans.attach_evidence(self.actor, gid, kind, ref, note),
            self.tr("Evidence attached."),
        )

    def remove_evidence(self) -> None:
        item = self.evidence.currentItem()
        eid = item.data(ROLE) if item else ""
        if not eid:
            self.status.setText(self.tr("Only evidence you attached can be removed."))
            return
        self._write(lambda: self.plans.remove_evidence(self.actor, eid), self.tr("Evidence removed."))

    def set_services(self, services) -> None:  # noqa: ANN001
        self.services = services
        self.judge.setVisible(not self.student and services is not None)

    def judge_evidence(self) -> None:
        item = self.evidence.currentItem()
        eid = item.data(ROLE) if item is not None else None
        if not eid or self.services is None:
            self.status.setText(self.tr("Pick evidence the student attached, then judge from it."))
            return
        from app.ui.widgets.judge_dialog import JudgeDialog

        try:
            student, option, rows = self.services.judgements.rows_for_plan_evidence(self.actor, eid)
        except Exception as exc:  # noqa: BLE001
            self.status.setText(error_text(exc))
            return
        self.judge_dialog = JudgeDialog(self.services, self.actor, [student], rows, [option], self)
        self.judge_dialog.accepted.connect(
            lambda: self.status.setText(self.tr("Levels given from this evidence."))
        )
        self.judge_dialog.open()

    def mark_met(self) -> None:
        gid = self.goal.id if self.goal else ""
        self._write(
            lambda: self.plans.set_goal_status(self.actor, gid, "met"), self.tr("Goal met: well done!")
        )
