"""One student on one skill, for the teacher: where they are and why (the mastery rule in words), their
recent answers, and their practice settings (target difficulty, focus skills). Loads off the UI thread."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import AppContext
from app.evidence.service import LevelSource
from app.people.actor import Actor
from app.planning.levels import LEVELS
from app.practice.results import PracticeSettings, SkillDetail
from app.ui.locale_format import day_time
from app.ui.messages import error_text
from app.ui.tasks import Latest, run_task
from app.ui.theme import colour, set_role

TARGETS = [(0.85, "Gentle: about 85% right"), (0.75, "Balanced: about 75% right (recommended)"),
           (0.65, "Stretch: about 65% right")]  # fmt: skip
MAX_FOCUS = 5


def _when(ts: float) -> str:
    return day_time(ts)


class SkillDetailView(QWidget):
    loaded = Signal()
    saved = Signal()

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.actor = ctx, actor
        self.teaching = ctx.services.practice_class
        self.student_id = self.skill_id = ""
        self._loads = Latest()
        self.title = QLabel("")
        set_role(self.title, "heading")
        self.title.setAccessibleName(self.tr("Student and skill"))
        self.level = QLabel("")
        self.level.setAccessibleName(self.tr("Mastery level"))
        self.explanation = QLabel("")
        self.explanation.setWordWrap(True)
        self.explanation.setAccessibleName(self.tr("Why"))
        self.stats = QLabel("")
        self.stats.setAccessibleName(self.tr("Answers so far"))
        set_role(self.stats, "muted")
        # Where the level comes from: the teacher's judgement that decides it, if any (app.evidence).
        self.source = QLabel("")
        self.source.setWordWrap(True)
        self.source.setAccessibleName(self.tr("Where this level comes from"))
        self.judge_button = QPushButton(self.tr("&Judge from work…"))
        self.judge_button.setAccessibleName(self.tr("Judge from work"))
        self.judge_button.setToolTip(
            self.tr(
                "Give a level on this skill from the student's essay, challenge "
                "work, plan evidence or what you saw in class."
            )
        )
        self.judge_button.clicked.connect(self.judge)
        self.withdraw_button = QPushButton(self.tr("&Withdraw that judgement"))
        self.withdraw_button.setAccessibleName(self.tr("Withdraw the judgement"))
        self.withdraw_button.setToolTip(
            self.tr(
                "Given by mistake? The level goes back to the evidence before it; "
                "the judgement stays in the history."
            )
        )
        self.withdraw_button.clicked.connect(self.withdraw)
        self.withdraw_button.hide()
        self._deciding = ""

        self.recent = QTableWidget(0, 5)
        self.recent.setTabKeyNavigation(False)  # Tab moves on to the next control; arrows move inside
        self.recent.setAccessibleName(self.tr("Recent answers"))
        self.recent.setHorizontalHeaderLabels([self.tr("When"), self.tr("Question"), self.tr("Their answer"),
                                               self.tr("Right?"), self.tr("Time")])  # fmt: skip
        self.recent.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.recent.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.recent.verticalHeader().hide()
        self.recent.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        recent_box = QGroupBox(self.tr("Recent answers on this skill"))
        QVBoxLayout(recent_box).addWidget(self.recent)

        self.target = QComboBox()
        self.target.setAccessibleName(self.tr("Target difficulty"))
        self.focus = QListWidget()
        self.focus.setAccessibleName(self.tr("Focus skills"))
        self.focus.setToolTip(self.tr("Tick up to five skills practice should favour (Space ticks)."))
        self.save_button = QPushButton(self.tr("&Save practice settings"))
        self.save_button.setAccessibleName(self.tr("Save practice settings"))
        self.save_button.clicked.connect(self.save)
        self.status = QLabel("")
        self.status.setAccessibleName(self.tr("Settings status"))
        self.status.setWordWrap(True)
        settings = QGroupBox(self.tr("Practice settings for this student"))
        form = QFormLayout(settings)
        form.addRow(self.tr("&Target:"), self.target)
        form.addRow(self.tr("&Focus skills:"), self.focus)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.status, 1)
        form.addRow(row)

        left = QVBoxLayout()
        left.addWidget(self.level)
        left.addWidget(self.explanation)
        left.addWidget(self.stats)
        left.addWidget(self.source)
        judged = QHBoxLayout()
        judged.addWidget(self.judge_button)
        judged.addWidget(self.withdraw_button)
        judged.addStretch(1)
        left.addLayout(judged)
        left.addWidget(recent_box, 1)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addWidget(settings, 2)
        outer = QVBoxLayout(self)
        outer.addWidget(self.title)
        outer.addLayout(body, 1)

    def load(self, student_id: str, skill_id: str) -> None:
        self.student_id, self.skill_id = student_id, skill_id
        t, a, j = self.teaching, self.actor, self.ctx.services.judgements
        self.status.setText("")

        def work(_p):  # noqa: ANN001, ANN202
            return (
                t.skill_detail(a, student_id, skill_id),
                t.practice_settings(a, student_id),
                j.level_source(a, student_id, skill_id),
            )

        # Loads run in parallel: a cell opened before finishing late must not show, or its student's
        # settings would sit in the form and Save would write them for the student opened last.
        run_task(work, self._loads(self._show), lambda e: self.explanation.setText(error_text(e)), owner=self)

    def _show(self, data: tuple[SkillDetail, PracticeSettings, LevelSource]) -> None:
        detail, settings, source = data
        self.detail = detail
        self._show_source(source)
        self.title.setText(f"{detail.student_name} \u00b7 {detail.skill_name}")
        if detail.level == "not started" and source.deciding is None:
            # With no answers the figure is only the model's starting guess: "0% expected right" misleads.
            figure = self.tr("no estimate yet: it comes with their first answers on this skill")
        elif source.deciding is not None:
            figure = f"{round(detail.mastery * 100)}% {self.tr('secure, with a teacher’s judgement of their work')}"
        else:
            figure = f"{round(detail.mastery * 100)}% {self.tr('expected right on a typical question')}"
        self.level.setText(f"<b>{self.tr(detail.level.capitalize())}</b> \u00b7 {figure}")
        self.explanation.setText(detail.explanation)
        due = ""
        if detail.review_due_in_days is not None:
            d = round(detail.review_due_in_days)
            due = self.tr("review due now") if d <= 0 else self.tr("review due in %n day(s)", "", d)
        self.stats.setText(
            self.tr("%n answer(s), %1 right", "", detail.attempts).replace("%1", str(detail.correct))
            + (f" \u00b7 {due}" if due else "")
        )
        self.recent.setRowCount(len(detail.recent))
        for r, a in enumerate(detail.recent):
            right = self.tr("yes") if a.correct else self.tr("no, %1").replace("%1", a.expected)
            for c, value in enumerate(
                (_when(a.at), a.prompt, a.answer or "-", right, f"{a.response_ms / 1000:.0f} s")
            ):
                item = QTableWidgetItem(value)
                if c == 3:
                    item.setForeground(colour("success" if a.correct else "danger"))
                self.recent.setItem(r, c, item)
        self.recent.resizeColumnToContents(0)
        self._show_settings(settings)
        self.loaded.emit()

    def _show_source(self, source: LevelSource) -> None:
        j = source.deciding
        self._deciding = j.id if j is not None else ""
        self.withdraw_button.setVisible(j is not None)
        if j is None:
            self.source.setText(
                self.tr("From practice answers only: no teacher has judged this skill from work yet.")
                if source.attempts
                else self.tr("No evidence yet: no answers and no judgement.")
            )
            return
        level = self.tr(LEVELS[j.level][0])
        text = f"<b>{level}</b> \u00b7 {j.source_words(you=False)}"
        if j.note:
            text += f"<br><i>\u201c{j.note}\u201d</i>"
        earlier = [h for h in source.history if h.id != j.id]
        if earlier:
            text += "<br>" + self.tr("%n earlier judgement(s) on this skill.", "", len(earlier))
        self.source.setText(text)

    def judge(self) -> None:
        if not self.student_id:
            return
        from app.evidence.rubric_skills import JudgeRow
        from app.ui.widgets.judge_dialog import JudgeDialog

        j = self.ctx.services.judgements
        try:
            options = j.evidence_options(self.actor, self.student_id)
        except Exception as exc:  # noqa: BLE001
            self.status.setText(error_text(exc))
            return
        name = getattr(self, "detail", None)
        row = JudgeRow(name.skill_name if name else self.tr("This skill"),
                       ((self.skill_id, name.skill_name if name else ""),))  # fmt: skip
        dialog = JudgeDialog(self.ctx.services, self.actor, [(self.student_id, name.student_name if name else "")],
                             [row], options, self)  # fmt: skip
        dialog.accepted.connect(self._after_judging)
        self.dialog = dialog
        dialog.open()

    def _after_judging(self) -> None:
        self.load(self.student_id, self.skill_id)
        self.saved.emit()

    def withdraw(self) -> None:
        if not self._deciding:
            return
        try:
            self.ctx.services.judgements.withdraw(self.actor, self._deciding)
        except Exception as exc:  # noqa: BLE001
            self.status.setText(error_text(exc))
            return
        self.load(self.student_id, self.skill_id)
        self.saved.emit()

    def _show_settings(self, settings: PracticeSettings) -> None:
        self.target.clear()
        options = list(TARGETS)
        if all(abs(v - settings.target) > 0.001 for v, _ in options):
            options.append((settings.target, f"Custom: about {round(settings.target * 100)}% right"))
        for value, label in options:
            self.target.addItem(self.tr(label), value)
        self.target.setCurrentIndex(
            next(i for i, (v, _) in enumerate(options) if abs(v - settings.target) <= 0.001)
        )
        self.focus.clear()
        for sk in settings.skills:
            if not sk.items:
                continue
            item = QListWidgetItem(sk.name)
            item.setToolTip(f"{sk.name} ({sk.domain}): {sk.items} questions")
            item.setData(Qt.ItemDataRole.UserRole, sk.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if sk.id in settings.focus else Qt.CheckState.Unchecked)
            self.focus.addItem(item)

    def chosen_focus(self) -> list[str]:
        return [self.focus.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.focus.count())
                if self.focus.item(i).checkState() == Qt.CheckState.Checked]  # fmt: skip

    def save(self) -> None:
        sid, target, focus = self.student_id, self.target.currentData(), self.chosen_focus()
        t, a = self.teaching, self.actor
        if len(focus) > MAX_FOCUS:
            self.status.setText(self.tr("Choose up to five focus skills."))
            return
        self.status.setText(self.tr("Saving…"))

        def work(_p):  # noqa: ANN001, ANN202
            t.set_target(a, sid, float(target))
            t.set_focus(a, sid, focus)

        def done(_r) -> None:  # noqa: ANN001
            self.status.setText(self.tr("Saved. The next practice session uses these settings."))
            self.saved.emit()

        run_task(work, done, lambda e: self.status.setText(error_text(e)), writes=True, owner=self)
