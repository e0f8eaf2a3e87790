"""My challenge: the driving question and brief, my team, our checkpoints (which the team updates),
our log with progress, reflections and files, and the teacher's rubric feedback once assessed."""

from __future__ import annotations

import html
import time

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import AppContext
from app.i18n import N_
from app.people.actor import Actor
from app.planning.challenges import ChallengeView, TeamView
from app.planning.levels import LEVELS
from app.ui import a11y
from app.ui.events import ChangeBus, Kind
from app.ui.locale_format import weekday_day
from app.ui.messages import error_text, show_error
from app.ui.tasks import Latest, run_task
from app.ui.theme import set_role
from app.ui.widgets.common import empty_note
from app.ui.widgets.lazy_refresh import LazyRefresh
from app.ui.widgets.team_log import TeamLogPanel

STATUS_WORDS = [("not_started", "Not started"), ("in_progress", N_("In progress")), ("done", "Done")]


class MyChallengePage(QWidget):
    open_page = Signal(str, object)
    loaded = Signal()

    def __init__(self, ctx: AppContext, actor: Actor, bus: ChangeBus) -> None:
        super().__init__()
        self.ctx, self.actor, self.bus = ctx, actor, bus
        self.challenges = ctx.services.challenges
        self.work = ctx.services.team_work
        self.items: list[tuple[ChallengeView, TeamView]] = []
        self.pending = ""  # a challenge to show once the list has loaded
        self._loads = Latest()
        title = QLabel(self.tr("My challenge"))
        set_role(title, "title")
        self.pick = QComboBox()
        self.pick.setAccessibleName(self.tr("Challenge"))
        self.pick.setMinimumWidth(280)
        self.pick.currentIndexChanged.connect(lambda _i: self._show_current())
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.pick)
        self.about = QLabel("")
        self.about.setWordWrap(True)
        self.about.setAccessibleName(self.tr("About the challenge"))
        self.empty = empty_note(self.tr("You are not on a challenge team yet. Your teacher forms the teams."))

        self.checkpoints = QTableWidget(0, 3)
        self.checkpoints.setTabKeyNavigation(False)  # Tab moves on to the next control; arrows move inside
        self.checkpoints.setAccessibleName(self.tr("Our checkpoints"))
        self.checkpoints.setHorizontalHeaderLabels(
            [self.tr("Checkpoint"), self.tr("Due"), self.tr("Our status")]
        )
        self.checkpoints.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.checkpoints.verticalHeader().hide()
        self.status = a11y.live(QLabel(""))  # messages said as they change
        self.status.setAccessibleName(self.tr("Challenge message"))
        self.rubric = QLabel("")
        self.rubric.setWordWrap(True)
        self.rubric.setAccessibleName(self.tr("Teacher's assessment"))
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        cp_box = QGroupBox(self.tr("Our checkpoints"))
        QVBoxLayout(cp_box).addWidget(self.checkpoints)
        lv.addWidget(cp_box, 1)
        lv.addWidget(self.status)
        lv.addWidget(self.rubric)
        self.log = TeamLogPanel(self.work, actor, can_post=True)
        log_box = QGroupBox(self.tr("Our team log"))
        QVBoxLayout(log_box).addWidget(self.log)
        self.body = QSplitter()
        self.body.addWidget(left)
        self.body.addWidget(log_box)
        self.body.setSizes([520, 480])

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.about)
        # Only one of these shows; each takes the spare height, so the title stays at the top.
        layout.addWidget(self.empty, 1, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.body, 1)
        self.lazy = LazyRefresh(self, bus, Kind.CHALLENGES, self.refresh)
        self.refresh()

    def refresh(self) -> None:
        # Loads run in parallel: an older list finishing after the reload that follows a status change
        # would put the old statuses back in the boxes.
        run_task(
            lambda _p: self.challenges.for_student(self.actor),
            self._loads(self._show),
            lambda e: show_error(self, e),
            owner=self,
        )

    def _show(self, items) -> None:
        keep = self.pending or (self.current[0].id if self.current else "")
        self.pending = ""
        self.items = items
        self.pick.blockSignals(True)
        self.pick.clear()
        for ch, _t in items:
            self.pick.addItem(
                ch.title + (f" ({self.tr('finished')})" if ch.status == "finished" else ""), ch.id
            )
        self.pick.setCurrentIndex(next((i for i, (c, _t) in enumerate(items) if c.id == keep), 0))
        self.pick.blockSignals(False)
        self.pick.setVisible(len(items) > 1)
        self.empty.setVisible(not items)
        self.body.setVisible(bool(items))
        self.about.setVisible(bool(items))
        self._show_current()
        self.loaded.emit()

    @property
    def current(self) -> tuple[ChallengeView, TeamView] | None:
        i = self.pick.currentIndex()
        return self.items[i] if 0 <= i < len(self.items) else None

    def show_item(self, arg: object) -> None:
        """Opened from Home with a challenge id: show it (now, or when the list has loaded)."""
        for i, (ch, _t) in enumerate(self.items):
            if ch.id == arg:
                self.pick.setCurrentIndex(i)
                return
        self.pending = str(arg or "")

    def _show_current(self) -> None:
        cur = self.current
        if cur is None:
            return
        ch, team = cur
        e = html.escape
        self.about.setText(
            f"<h3>{e(ch.title)}</h3><p><b>{e(ch.driving_question)}</b></p><p>{e(ch.brief)}</p>"
            f"<p>{self.tr('Community partner')}: {e(ch.community_partner)} \u00b7 "
            f"<b>{e(team.name)}</b>: {e(', '.join(team.member_names))}</p>"
        )
        running = ch.status == "running"
        self.checkpoints.setRowCount(len(ch.checkpoints))
        now = time.time()
        for r, cp in enumerate(ch.checkpoints):
            self.checkpoints.setItem(r, 0, QTableWidgetItem(cp.title))
            due = weekday_day(cp.due_at)
            late = now > cp.due_at + 86_400 and team.statuses.get(cp.id) != "done"
            self.checkpoints.setItem(r, 1, QTableWidgetItem(due + (f"  ({self.tr('late')})" if late else "")))
            box = QComboBox()
            box.setAccessibleName(self.tr("Status of %1").replace("%1", str(cp.title)))
            for key, word in STATUS_WORDS:
                box.addItem(self.tr(word), key)
            box.setCurrentIndex(max(0, box.findData(team.statuses.get(cp.id, "not_started"))))
            box.setEnabled(running)
            box.currentIndexChanged.connect(lambda _i, b=box, c=cp.id: self.set_status(c, b.currentData()))
            self.checkpoints.setCellWidget(r, 2, box)
        self.checkpoints.resizeColumnToContents(1)
        self.log.load(team.id)
        self.log.setEnabled(running)
        if team.assessment:
            lines = "".join(
                f"<li>{e(k)}: {v} {self.tr(LEVELS[v][0])}</li>"
                for k, v in team.assessment.scores.items()
                if v in LEVELS
            )
            self.rubric.setText(
                f"<b>{self.tr('Your teacher assessed your work')}</b><ul>{lines}</ul>"
                f"<i>{e(team.assessment.comment)}</i>"
            )
        else:
            self.rubric.setText("")

    def set_status(self, checkpoint_id: str, status: str) -> None:
        cur = self.current
        if cur is None:
            return
        tid = cur[1].id
        run_task(
            lambda _p: self.work.set_status(self.actor, tid, checkpoint_id, status),
            lambda _r: self.status.setText(self.tr("Saved.")),
            lambda e: self.status.setText(error_text(e)),
            writes=True,
            owner=self,
        )
