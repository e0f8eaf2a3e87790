"""Extended challenges for the teacher: create one (from scratch or a template), form teams by hand
or from a suggestion, follow every team on the board, read their logs, assess with the rubric and
finish the challenge (which celebrates every member)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import AppContext
from app.i18n import N_
from app.people.actor import Actor
from app.planning.challenges import Board, ChallengeView
from app.planning.levels import LEVELS
from app.ui.events import ChangeBus, Kind
from app.ui.locale_format import day_year
from app.ui.messages import error_text, show_error
from app.ui.tasks import Latest, run_task
from app.ui.teacher.challenge_dialog import ChallengeDialog
from app.ui.theme import set_role
from app.ui.widgets.challenge_board import CELL, BoardTable
from app.ui.widgets.common import button, empty_note
from app.ui.widgets.flow_layout import FlowLayout
from app.ui.widgets.lazy_refresh import LazyRefresh
from app.ui.widgets.team_editor import TeamEditor, arrangement
from app.ui.widgets.team_log import TeamLogPanel

SCOPE_WORDS = {"class": N_("this class"), "grade": N_("grade"), "school": N_("the whole school")}


class ChallengesPage(QWidget):
    open_page = Signal(str, object)
    loaded = Signal()
    board_loaded = Signal()

    def __init__(self, ctx: AppContext, actor: Actor, bus: ChangeBus) -> None:
        super().__init__()
        self.ctx, self.actor, self.bus = ctx, actor, bus
        self.challenges = ctx.services.challenges
        self.work = ctx.services.team_work
        self.classes = {c.id: c for c in ctx.services.roster.my_classes(actor)}
        self.items: list[ChallengeView] = []
        self.board: Board | None = None
        self.dialog: ChallengeDialog | None = None
        # Loads run in parallel and may finish out of order (a new pick, or a refresh after a change):
        # a ticket per request, and only the result of the one asked for last is shown.
        self._list_loads, self._board_loads = Latest(), Latest()

        self.class_box = QComboBox()
        self.class_box.setAccessibleName(self.tr("Class"))
        for c in self.classes.values():
            self.class_box.addItem(c.name, c.id)
        self.class_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.pick = QComboBox()
        self.pick.setAccessibleName(self.tr("Challenge"))
        self.pick.setMinimumWidth(260)
        self.pick.currentIndexChanged.connect(lambda _i: self.load_board())
        self.new_button = self._button(self.tr("&New challenge…"), "New challenge", self.new_challenge)
        self.finish_button = self._button(self.tr("&Finish challenge"), "Finish challenge", self.ask_finish)
        top = FlowLayout()  # wraps at a large text size instead of scrolling sideways
        top.addWidget(QLabel(self.tr("Class:")))
        top.addWidget(self.class_box)
        top.addWidget(QLabel(self.tr("Challenge:")))
        top.addWidget(self.pick)
        top.addWidget(self.new_button)
        top.addWidget(self.finish_button)
        self.headline = QLabel("")
        self.headline.setWordWrap(True)
        self.headline.setAccessibleName(self.tr("Driving question"))
        set_role(self.headline, "lead")

        # Board, with the chosen team's log beside it.
        self.table = BoardTable()
        self.table.status_requested.connect(self.set_status)
        self.table.team_chosen.connect(self._team_chosen)
        self.log = TeamLogPanel(self.work, actor, can_post=False)
        legend = QLabel(
            "   ".join(f"{sym} {self.tr(label)}" for sym, label, _c in CELL.values())
            + "   \u00b7  "
            + self.tr("double-click a cell to change it")
        )
        set_role(legend, "muted")
        legend.setWordWrap(True)  # one line at 100 %, two at a large text size
        board_page = QSplitter()
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.table, 1)
        lv.addWidget(legend)
        board_page.addWidget(left)
        board_page.addWidget(self.log)
        board_page.setSizes([720, 320])

        self.teams = TeamEditor()
        self.teams.suggest_requested.connect(self.suggest)
        self.teams.save_requested.connect(self.save_teams)
        self.brief = QTextBrowser()
        self.brief.setAccessibleName(self.tr("Challenge brief"))
        self.assess_page = self._assess_page()

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Challenge views"))
        self.tabs.addTab(board_page, self.tr("&Board"))
        self.tabs.addTab(self.teams, self.tr("&Teams"))
        self.tabs.addTab(self.brief, self.tr("B&rief"))
        self.tabs.addTab(self.assess_page, self.tr("&Assess"))
        self.empty = empty_note(
            self.tr(
                "No challenges yet. Press <b>New challenge</b> to start one from scratch or from a template."
            )
        )
        title = QLabel(self.tr("Challenges"))
        set_role(title, "title")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(top)
        layout.addWidget(self.headline)
        # Only one of these shows; each takes the spare height, so the title and controls stay at the top.
        layout.addWidget(self.empty, 1, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.tabs, 1)
        self.lazy = LazyRefresh(self, bus, Kind.CHALLENGES | Kind.ROSTER, self.load_board)
        self.refresh()

    def _button(self, text: str, name: str, slot) -> QPushButton:  # noqa: ANN001
        return button(self, text, name, slot)

    def _assess_page(self) -> QWidget:
        page = QWidget()
        self.assess_team = QComboBox()
        self.assess_team.setAccessibleName(self.tr("Team to assess"))
        self.assess_team.currentIndexChanged.connect(lambda _i: self._fill_assessment(clear=True))
        self.criteria_form = QFormLayout()
        self.criteria: dict[str, QComboBox] = {}
        self.comment = QPlainTextEdit()
        self.comment.setAccessibleName(self.tr("Assessment comment"))
        self.comment.setTabChangesFocus(True)  # Tab leaves the box, as everywhere else
        self.comment.setMaximumHeight(90)
        self.save_assessment = self._button(self.tr("&Save assessment"), "Save assessment", self.assess)
        # The rubric's levels as levels on the challenge's skills, for every member (app.evidence).
        self.judge_button = self._button(self.tr("Give skill &levels from the rubric…"),
                                         "Give skill levels from the rubric", self.judge_skills)  # fmt: skip
        self.assess_status = QLabel("")
        self.assess_status.setAccessibleName(self.tr("Assessment message"))
        layout = QVBoxLayout(page)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Team:")))
        row.addWidget(self.assess_team, 1)
        layout.addLayout(row)
        layout.addLayout(self.criteria_form)
        layout.addWidget(QLabel(self.tr("Comment for the team:")))
        layout.addWidget(self.comment)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_assessment)
        buttons.addWidget(self.judge_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.assess_status)
        layout.addStretch(1)
        return page

    @property
    def class_id(self) -> str:
        return self.class_box.currentData() or ""

    @property
    def challenge(self) -> ChallengeView | None:
        i = self.pick.currentIndex()
        return self.items[i] if 0 <= i < len(self.items) else None

    # -- loading ----------------------------------------------------------------------------------------
    def refresh(self, select: str = "") -> None:
        cid = self.class_id
        if not cid:
            self.loaded.emit()
            return
        run_task(
            lambda _p: self.challenges.for_class(self.actor, cid),
            self._list_loads(lambda items: self._show_list(items, select)),
            lambda e: show_error(self, e),
            owner=self,
        )

    def _show_list(self, items: list[ChallengeView], select: str) -> None:
        keep = select or (self.challenge.id if self.challenge else "")
        self.items = items
        self.pick.blockSignals(True)
        self.pick.clear()
        for c in items:
            self.pick.addItem(
                c.title + (f"  ({self.tr('finished')})" if c.status == "finished" else ""), c.id
            )
        index = next((i for i, c in enumerate(items) if c.id == keep), 0)
        self.pick.setCurrentIndex(index)
        self.pick.blockSignals(False)
        self.empty.setVisible(not items)
        self.tabs.setVisible(bool(items))
        self.loaded.emit()
        self.load_board()

    def load_board(self) -> None:
        ch, cid = self.challenge, self.class_id
        if ch is None:
            self._board_loads.forget()  # a board still loading belongs to a challenge no longer shown
            self.headline.setText("")
            self.headline.hide()  # an empty line would push the empty message down
            self.finish_button.setEnabled(False)
            return
        roster = self.ctx.services.roster

        def work(_p):
            return self.challenges.board(self.actor, ch.id, cid), roster.students(self.actor, cid)

        # A board of the challenge picked before (or an older one of this) finishing late is dropped: its
        # teams' ids would otherwise be what a status change or an assessment writes to.
        run_task(work, self._board_loads(self._show_board), lambda e: show_error(self, e), owner=self)

    def _show_board(self, data) -> None:
        board, students = data
        ch = board.challenge
        # A reload of the same challenge (a write here, or a team's log post arriving by sync) keeps
        # teams being arranged and an assessment being written: only saving them replaces them.
        same = self.board is not None and self.board.challenge.id == ch.id
        assessing = same and self._assessment_edited()
        saved_teams = arrangement([(t.name, list(t.member_ids)) for t in board.teams])
        arranging = same and self.teams.edited() and arrangement(self.teams.teams()) != saved_teams
        self.board = board
        scope = self.tr(SCOPE_WORDS.get(ch.scope, ch.scope)) + (f" {ch.grade}" if ch.scope == "grade" else "")
        self.headline.setText(
            f"<b>{html.escape(ch.driving_question)}</b> \u00b7 {self.tr('with')} "
            f"{html.escape(ch.community_partner)} \u00b7 {self.tr('for')} {scope}"
        )
        self.headline.show()
        self.finish_button.setEnabled(ch.status != "finished")
        # Refill quietly, then show the chosen team's log once: the current cell can stay put across a
        # refill (no signal), which left the log of another challenge's team beside the new board.
        self.table.blockSignals(True)
        self.table.set_board(board)
        if board.teams and self.table.currentRow() < 0:
            self.table.setCurrentCell(0, 0)
        self.table.blockSignals(False)
        row = self.table.currentRow()
        self.log.load(board.teams[row].id if 0 <= row < len(board.teams) else "")
        if not arranging:
            self.teams.set_students(students, board.teams)
        self.teams.setEnabled(ch.status != "finished")
        self.brief.setHtml(_brief_html(ch))
        keep = self.assess_team.currentData()  # a reload (after saving, say) stays on the same team
        self.assess_team.blockSignals(True)
        self.assess_team.clear()
        for t in board.teams:
            self.assess_team.addItem(t.name, t.id)
        self.assess_team.setCurrentIndex(max(0, self.assess_team.findData(keep)))
        self.assess_team.blockSignals(False)
        if not (assessing and self.assess_team.currentData() == keep):
            self._build_criteria(ch)
            self._fill_assessment()
        self.board_loaded.emit()

    def _assessment_edited(self) -> bool:
        """Levels or a comment chosen for the team being assessed and not saved yet."""
        team_id = self.assess_team.currentData()
        team = next((t for t in (self.board.teams if self.board else ()) if t.id == team_id), None)
        saved = team.assessment if team else None
        scores = {k: b.currentData() for k, b in self.criteria.items() if b.currentData()}
        saved_scores = {k: v for k, v in (saved.scores if saved else {}).items() if v}
        return scores != saved_scores or self.comment.toPlainText() != (saved.comment if saved else "")

    def _team_chosen(self, team_id: str) -> None:
        self.log.load(team_id)

    # -- actions ------------------------------------------------------------------------------------------
    def new_challenge(self) -> None:
        klass = self.classes.get(self.class_id)
        if klass is None:
            return
        self.dialog = ChallengeDialog(
            self,
            self.challenges.templates(),
            self.ctx.services.framework.domains(),
            klass.id,
            klass.name,
            klass.grade,
            lambda key: self.challenges.draft_from_template(key, klass.id),
        )
        self.dialog.accepted.connect(lambda: self.create_challenge(self.dialog.draft()))
        self.dialog.open()

    def create_challenge(self, draft) -> None:  # not create(): that is QWidget.create()
        run_task(
            lambda _p: self.challenges.create(self.actor, draft),
            lambda view: self._created(view),
            lambda e: show_error(self, e),
            writes=True,
            owner=self,
        )

    def _created(self, view: ChallengeView) -> None:
        self.refresh(select=view.id)
        self.tabs.setCurrentWidget(self.teams)

    def suggest(self, n: int) -> None:
        ch, cid = self.challenge, self.class_id
        if ch is None:
            return
        run_task(
            lambda _p: self.challenges.suggest_teams(self.actor, ch.id, cid, n),
            self.teams.show_suggestion,
            lambda e: self.teams.status.setText(error_text(e)),
            owner=self,
        )

    def save_teams(self, teams: list) -> None:
        ch, cid = self.challenge, self.class_id
        if ch is None:
            return
        run_task(
            lambda _p: self.challenges.set_teams(self.actor, ch.id, cid, teams),
            lambda _r: self.teams.status.setText(self.tr("Teams saved.")),
            lambda e: self.teams.status.setText(error_text(e)),
            writes=True,
            owner=self,
        )

    def set_status(self, team_id: str, checkpoint_id: str, status: str) -> None:
        run_task(
            lambda _p: self.work.set_status(self.actor, team_id, checkpoint_id, status),
            None,
            lambda e: show_error(self, e),
            writes=True,
            owner=self,
        )

    def ask_finish(self) -> None:
        ch = self.challenge
        if ch is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Finish challenge"),
            self.tr(
                "Finish \u201c%1\u201d? Every team member gets a celebration, and teams can no longer change."
            ).replace("%1", ch.title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setAccessibleName(self.tr("Finish challenge?"))
        box.accepted.connect(self.finish)
        box.open()

    def finish(self) -> None:
        ch = self.challenge
        if ch is None:
            return
        run_task(
            lambda _p: self.challenges.finish(self.actor, ch.id),
            lambda _n: self.refresh(select=ch.id),
            lambda e: show_error(self, e),
            writes=True,
            owner=self,
        )

    # -- rubric -------------------------------------------------------------------------------------------
    def _build_criteria(self, ch: ChallengeView) -> None:
        while self.criteria_form.rowCount():
            self.criteria_form.removeRow(0)
        self.criteria = {}
        for r in ch.rubric:
            box = QComboBox()
            box.setAccessibleName(self.tr("Level for %1").replace("%1", str(r["criterion"])))
            # A long level description is shown whole in the open list, not by widening the page.
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(24)
            box.addItem(self.tr("(not assessed)"), 0)
            for n, (name, _d) in LEVELS.items():
                desc = r["levels"][n - 1] if n - 1 < len(r.get("levels", [])) else ""
                box.addItem(f"{n} {self.tr(name)}" + (f": {desc}" if desc else ""), n)
            self.criteria[r["criterion"]] = box
            self.criteria_form.addRow(r["criterion"], box)

    def _fill_assessment(self, clear: bool = False) -> None:
        team = next(
            (t for t in (self.board.teams if self.board else ()) if t.id == self.assess_team.currentData()),
            None,
        )
        scores = team.assessment.scores if team and team.assessment else {}
        for name, box in self.criteria.items():
            box.setCurrentIndex(max(0, box.findData(scores.get(name, 0))))
        self.comment.setPlainText(team.assessment.comment if team and team.assessment else "")
        if clear:
            self.assess_status.setText("")

    def assess(self) -> None:
        tid = self.assess_team.currentData()
        if not tid:
            return
        scores = {k: b.currentData() for k, b in self.criteria.items() if b.currentData()}
        comment = self.comment.toPlainText()
        run_task(
            lambda _p: self.work.assess(self.actor, tid, scores, comment),
            lambda _r: self.assess_status.setText(self.tr("Assessment saved.")),
            lambda e: self.assess_status.setText(error_text(e)),
            writes=True,
            owner=self,
        )

    def judge_skills(self) -> None:
        """Judge each team member's skills from the team's work, one row per rubric criterion, starting
        from the levels chosen in the assessment above."""
        tid = self.assess_team.currentData()
        if not tid:
            return
        from app.ui.widgets.judge_dialog import JudgeDialog

        try:
            members, option, rows = self.ctx.services.judgements.rows_for_team(self.actor, tid)
        except Exception as exc:  # noqa: BLE001
            self.assess_status.setText(error_text(exc))
            return
        if not members:
            self.assess_status.setText(self.tr("This team has no members to judge."))
            return
        self.judge_dialog = JudgeDialog(self.ctx.services, self.actor, members, rows, [option], self)
        for i, row in enumerate(rows):
            box = self.criteria.get(row.label)
            if box is not None and box.currentData():
                self.judge_dialog.set_level(i, int(box.currentData()))
        self.judge_dialog.accepted.connect(
            lambda: self.assess_status.setText(
                self.tr("Skill levels given to %n student(s).", "", len(members))
            )
        )  # pages refresh on what changed
        self.judge_dialog.open()


def _brief_html(ch: ChallengeView) -> str:
    e = html.escape
    rubric = "".join(
        f"<tr><td><b>{e(r['criterion'])}</b></td>"
        + "".join(f"<td>{e(x)}</td>" for x in r["levels"])
        + "</tr>"
        for r in ch.rubric
    )
    cps = "".join(f"<li>{e(c.title)} \u2014 {day_year(c.due_at)}</li>" for c in ch.checkpoints)
    return (
        f"<h2>{e(ch.title)}</h2><p><b>Driving question:</b> {e(ch.driving_question)}</p>"
        f"<p><b>Community partner:</b> {e(ch.community_partner)}</p><p>{e(ch.brief)}</p>"
        f"<p><b>Skills:</b> {e(', '.join(ch.skill_names))}</p><h3>Checkpoints</h3><ul>{cps}</ul>"
        f"<h3>Rubric</h3><table border='1' cellpadding='4' cellspacing='0'><tr><th>Criterion</th>"
        f"<th>1 Beginning</th><th>2 Developing</th><th>3 Secure</th><th>4 Extending</th></tr>{rubric}</table>"
    )
