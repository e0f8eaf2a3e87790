"""Practice: a session of questions chosen for the learner right now, each with the reason it was
chosen; immediate feedback with a worked hint; a short celebration when a skill is mastered; and a
summary at the end. Fully usable by keyboard: Enter checks the answer, Enter again goes on; number
keys pick a choice. Every service call runs off the UI thread."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QElapsedTimer, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import AppContext
from app.errors import InvalidInput, StorageError
from app.people.actor import Actor
from app.practice.engine.kinds import item_kind
from app.practice.results import AnswerResult, NextItem, PracticeOverview, SessionInfo, SessionSummary
from app.ui.events import ChangeBus, Kind
from app.ui.messages import error_text
from app.ui.nav import pages_for
from app.ui.numbers import read_number
from app.ui.tasks import run_task
from app.ui.theme import set_role
from app.ui.theme.icons import set_icon
from app.ui.theme.motion import glow_in
from app.ui.widgets.answer_box import AnswerBox
from app.ui.widgets.common import clear_layout
from app.ui.widgets.lazy_refresh import LazyRefresh

SESSION_LENGTH = 10
START, ASKING, CHECKING, FEEDBACK, SUMMARY = range(5)


def _label(text: str = "", name: str = "", role: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if name:
        label.setAccessibleName(QCoreApplication.translate("PracticePage", name))
    if role:
        set_role(label, role)
    return label


class PracticePage(QWidget):
    open_page = Signal(str, object)
    question_shown = Signal()
    answered = Signal()
    finished = Signal()

    def __init__(self, ctx: AppContext, actor: Actor, bus: ChangeBus) -> None:
        super().__init__()
        self.ctx, self.actor, self.bus = ctx, actor, bus
        self.practice = ctx.services.practice
        self.session: SessionInfo | None = None
        self.item: NextItem | None = None
        self.result: AnswerResult | None = None
        self.skill_id: str | None = None  # practise one skill only (opened from "what next")
        self.state = START
        self.clock = QElapsedTimer()

        # -- start ------------------------------------------------------------------------------
        title = _label(self.tr("Practice"), "Practice", "title")
        self.intro = _label(self.tr("Ten questions picked for you right now: not too easy, not too hard, "
                                    "with reviews of skills before they fade. Each one says why it was "
                                    "chosen."),
                            "About practice", "lead muted")  # fmt: skip
        self.scope = _label("", "What you will practise", "accent")
        self.start_button = QPushButton(self.tr("&Start practice"))
        set_icon(self.start_button, "play", "on_accent")
        self.start_button.setAccessibleName(self.tr("Start practice"))
        set_role(self.start_button, "primary big")
        self.start_button.clicked.connect(self.start)
        self.everything_button = QPushButton(self.tr("Practise &everything instead"))
        self.everything_button.setAccessibleName(self.tr("Practise every skill instead"))
        self.everything_button.clicked.connect(lambda: self.choose_skill(None))
        self.everything_button.hide()
        self.start_message = _label("", "Practice message", "error")
        self.overview = _label("", "Your practice so far", "lead")
        self.overview.setTextFormat(Qt.TextFormat.RichText)
        card = QFrame()
        set_role(card, "card")
        QVBoxLayout(card).addWidget(self.overview)
        start_page = QWidget()
        start_page.setMaximumWidth(820)
        sv = QVBoxLayout(start_page)
        sv.addWidget(title)
        sv.addWidget(self.intro)
        sv.addSpacing(8)
        sv.addWidget(card)
        sv.addSpacing(8)
        sv.addWidget(self.scope)
        row = QHBoxLayout()
        row.addWidget(self.start_button)
        row.addWidget(self.everything_button)
        row.addStretch(1)
        sv.addLayout(row)
        sv.addWidget(self.start_message)
        sv.addStretch(1)

        # -- a question -------------------------------------------------------------------------
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Session progress"))
        self.progress.setTextVisible(True)
        self.skill_label = _label("", "Skill", "small muted strong")
        self.reason = _label("", "Why this question", "small accent italic")
        self.prompt = _label("", "Question", "title")
        self.prompt.setTextFormat(Qt.TextFormat.PlainText)
        self.answer = AnswerBox()
        self.check_button = QPushButton(self.tr("&Check (Enter)"))
        set_icon(self.check_button, "check", "on_accent")
        self.check_button.setAccessibleName(self.tr("Check my answer"))
        set_role(self.check_button, "primary")
        self.check_button.clicked.connect(self.submit)
        self.message = _label("", "Answer message", "error")
        self.feedback = QFrame()
        self.feedback.setObjectName("feedback")
        self.verdict = _label("", "Feedback", "verdict-good")
        self.hint = _label("", "Worked hint", "lead")
        self.mastery = _label("", "Mastery change", "muted")
        self.celebration = _label("", "Celebration", "celebration")
        self.celebration.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.celebration.hide()
        self.next_button = QPushButton(self.tr("&Next question (Enter)"))
        set_icon(self.next_button, "arrow-right", "on_accent")
        self.next_button.setAccessibleName(self.tr("Next question"))
        set_role(self.next_button, "primary")
        self.next_button.clicked.connect(self.next)
        fv = QVBoxLayout(self.feedback)
        fv.addWidget(self.verdict)
        fv.addWidget(self.hint)
        fv.addWidget(self.mastery)
        fv.addWidget(self.celebration)
        fv.addWidget(self.next_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.feedback.hide()
        question_page = QWidget()
        question_page.setMaximumWidth(820)
        qv = QVBoxLayout(question_page)
        qv.addWidget(self.progress)
        qv.addWidget(self.skill_label)
        qv.addWidget(self.reason)
        qv.addWidget(self.prompt)
        qv.addWidget(self.answer)
        actions = QHBoxLayout()
        actions.addWidget(self.check_button)
        actions.addWidget(self.message, 1)
        from app.ui.widgets.read_aloud import ReadAloud  # issue 18: read aloud, if the teacher turned it on

        self.read_aloud = ReadAloud(ctx, actor, self.read_aloud_parts, self)
        from app.ui import a11y

        for status in (self.start_message, self.message, self.verdict):  # said as they change
            a11y.live(status)
        actions.addWidget(self.read_aloud)
        self.read_aloud.tab_after(self.check_button)  # Tab goes as the row reads
        qv.addLayout(actions)
        qv.addWidget(self.feedback)
        qv.addStretch(1)

        # -- the summary ------------------------------------------------------------------------
        self.summary_title = _label("", "Session summary", "title")
        self.summary_text = _label("", "How it went", "large")
        self.summary_skills = QFrame()
        set_role(self.summary_skills, "card")
        self.summary_grid = QGridLayout(self.summary_skills)
        self.summary_grid.setColumnStretch(2, 1)
        self.again_button = QPushButton(self.tr("Practise &again (Enter)"))
        set_icon(self.again_button, "rotate-ccw", "on_accent")
        self.again_button.setAccessibleName(self.tr("Practise again"))
        set_role(self.again_button, "primary")
        self.again_button.clicked.connect(self.start)
        self.done_button = QPushButton(self.tr("&Done"))
        set_icon(self.done_button, "check")
        self.done_button.setAccessibleName(self.tr("Done practising"))
        self.done_button.clicked.connect(self.done)
        summary_page = QWidget()
        summary_page.setMaximumWidth(820)
        mv = QVBoxLayout(summary_page)
        mv.addWidget(self.summary_title)
        mv.addWidget(self.summary_text)
        mv.addWidget(self.summary_skills)
        row = QHBoxLayout()
        row.addWidget(self.again_button)
        row.addWidget(self.done_button)
        row.addStretch(1)
        mv.addLayout(row)
        mv.addStretch(1)

        self.stack = QStackedWidget()
        for page in (start_page, question_page, summary_page):
            self.stack.addWidget(page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 12, 24, 12)
        outer.addWidget(self.stack)
        self._celebration_timer = QTimer(self, singleShot=True, interval=6000, timeout=self.celebration.hide)
        # The overview reloads when practice or plans changed (a session in progress is never interrupted).
        self.lazy = LazyRefresh(
            self, bus, Kind.PRACTICE | Kind.PLANS, self.refresh, when=lambda: self.state in (START, SUMMARY)
        )
        self.refresh()

    def refresh(self) -> None:
        """The overview on the start screen (a session in progress is never interrupted)."""
        p, a = self.practice, self.actor
        run_task(lambda _p: p.overview(a, a.person_id), self._show_overview, lambda e: None, owner=self)

    def _show_overview(self, o: PracticeOverview) -> None:
        def names(items: tuple[str, ...], most: int = 3) -> str:
            shown = ", ".join(items[:most])
            return shown + (self.tr(" and %n more", "", len(items) - most) if len(items) > most else "")

        lines = [self.tr("<b>Your target:</b> about %1% right, so questions stretch you a little.")
                 .replace("%1", str(round(o.target * 100)))]  # fmt: skip
        if o.focus:
            lines.append(self.tr("<b>Your focus:</b> %1").replace("%1", names(o.focus)))
        if o.due:
            lines.append(self.tr("<b>Due for review:</b> %1").replace("%1", names(o.due)))
        elif o.practised:  # praise only what was practised: a new learner has nothing remembered yet
            lines.append(self.tr("<b>Due for review:</b> nothing yet: well remembered!"))
        else:
            lines.append(self.tr("<b>Due for review:</b> nothing yet. Skills you practise come back here "
                                 "when it is time to review them."))  # fmt: skip
        if o.mastered:
            lines.append(
                self.tr("<b>Mastered:</b> %n skill(s)", "", len(o.mastered)) + f" ({names(o.mastered)})"
            )
        if o.to_refresh:  # wins from before: still celebrated, but the rule no longer holds
            lines.append(
                self.tr("<b>Mastered before, practise to keep:</b> %1").replace("%1", names(o.to_refresh))
            )
        lines.append(self.tr("<b>Skills practised:</b> %1 · <b>answers today:</b> %2")
                     .replace("%1", str(o.practised)).replace("%2", str(o.answers_today)))  # fmt: skip
        self.overview.setText("<br>".join(lines))

    # -- flow -------------------------------------------------------------------------------------
    def show_item(self, arg: object) -> None:
        """Opened from "what next" with a skill: offer practice on that skill."""
        self.choose_skill(str(arg) if arg else None)

    def choose_skill(self, skill_id: str | None) -> None:
        if self.state not in (START, SUMMARY):
            return  # never throw away a session in progress
        self.skill_id = skill_id
        self.scope.setText(self.tr("Practising one skill from your plan.") if skill_id else "")
        self.everything_button.setVisible(skill_id is not None)
        self.stack.setCurrentIndex(0)
        self.state = START
        self.start_button.setFocus()

    def enter(self) -> None:
        if self.state == START:
            self.start()
        elif self.state == ASKING:
            self.submit()
        elif self.state == FEEDBACK:
            self.next()
        elif self.state == SUMMARY:
            self.start()

    def start(self) -> None:
        if not self.start_button.isEnabled():
            return  # already starting: Enter again before the first question must not start another session
        p, a, skill = self.practice, self.actor, self.skill_id
        self.start_message.setText(self.tr("Choosing your questions…"))
        self.start_button.setEnabled(False)
        self.again_button.setEnabled(False)

        def failed(exc: BaseException) -> None:
            self.start_button.setEnabled(True)
            self.again_button.setEnabled(True)
            self.stack.setCurrentIndex(0)
            self.state = START
            self.start_message.setText(error_text(exc))

        run_task(lambda _p: p.start_session(a, a.person_id, SESSION_LENGTH, skill), self._started, failed,
                 writes=True, owner=self)  # fmt: skip

    def _started(self, session: SessionInfo) -> None:
        self.session = session
        self.start_button.setEnabled(True)
        self.again_button.setEnabled(True)
        self.start_message.setText(session.note)
        self.progress.setRange(0, session.length)
        self.next()

    def next(self) -> None:
        if self.session is None:
            return
        if self.result is not None and self.result.done:
            self._finish()
            return
        p, a, sid = self.practice, self.actor, self.session.session_id
        self.state = CHECKING
        run_task(lambda _p: p.next_item(a, sid), self._show_item, self._failed, owner=self)

    def _show_item(self, item: NextItem | None) -> None:
        if item is None:
            self._finish()
            return
        self.item, self.result = item, None
        self.progress.setValue(item.position - 1)
        self.progress.setFormat(self.tr("Question %1 of %2").replace("%1", str(item.position))
                                .replace("%2", str(item.length)))  # fmt: skip
        self.skill_label.setText(item.skill_name)
        self.reason.setText(item.reason)
        self.prompt.setText(item.prompt)
        self.answer.set_item(item.kind, item.choices)
        self.message.setText("")
        self.feedback.hide()
        self.celebration.hide()
        self.check_button.setEnabled(True)
        self.stack.setCurrentIndex(1)
        self.state = ASKING
        self.answer.focus()
        self.clock.start()
        self.question_shown.emit()

    def submit(self) -> None:
        if self.state != ASKING or self.item is None or self.session is None:
            return
        response = self.answer.response()
        if not response.strip():
            self.message.setText(self.tr("Choose one of the answers first.") if self.answer.picked
                                 else self.tr("Type an answer first, then press Enter."))  # fmt: skip
            self.answer.focus()
            return
        self.message.setText("")  # a note about an earlier malformed answer no longer applies
        if item_kind(self.item.kind).numeric:  # "1,5" in Spanish is one and a half; "1,500" is asked again
            try:
                response = read_number(response)
            except InvalidInput as exc:
                self.message.setText(str(exc))
                self.answer.focus()
                return
        ms = int(self.clock.elapsed())
        p, a, sid, iid = self.practice, self.actor, self.session.session_id, self.item.item_id
        self.state = CHECKING
        self.check_button.setEnabled(False)
        self.answer.set_locked(True)
        run_task(lambda _p: p.record_answer(a, sid, iid, response, ms), self._show_result,
                 self._answer_failed, writes=True, owner=self)  # fmt: skip

    def _answer_failed(self, exc: BaseException) -> None:
        # A malformed answer: say how to fix it. A full disk or a read-only folder: nothing was stored,
        # so keep the question and the answer on screen to check again once it can be saved.
        if isinstance(exc, (InvalidInput, StorageError)):
            self.state = ASKING
            self.check_button.setEnabled(True)
            self.answer.set_locked(False)
            self.message.setText(error_text(exc))
            self.answer.focus()
            return
        self._failed(exc)

    def _show_result(self, result: AnswerResult) -> None:
        self.result = result
        self.answer.mark(result.correct, result.expected)
        self.progress.setValue(result.answered)
        ok = result.correct
        self.verdict.setText(("\u2714 " if ok else "\u2716 ") + result.feedback)
        set_role(self.verdict, "verdict-good" if ok else "verdict-try")
        set_role(self.feedback, "good" if ok else "try")
        self.hint.setText(
            (self.tr("How it works: ") if ok else self.tr("Hint: ")) + result.hint if result.hint else ""
        )
        before, after = round(result.mastery_before * 100), round(result.mastery_after * 100)
        if (after < before) if ok else (after > before):  # the calibration can move against the answer
            # (a first answer, a streak ending): show where they stand, not a confusing change
            self.mastery.setText(self.tr("%1: about %2% expected right").replace("%1", result.skill_name)
                                 .replace("%2", str(after)))  # fmt: skip
        else:
            self.mastery.setText(self.tr("%1: %2% \u2192 %3% expected right").replace("%1", result.skill_name)
                                 .replace("%2", str(before)).replace("%3", str(after)))  # fmt: skip
        if result.mastered_now:
            self.celebration.setText("\u2605 " + result.celebration + " \u2605")
            self.celebration.show()
            glow_in(self.celebration)
            self._celebration_timer.start()
        self.next_button.setText(
            self.tr("See my &summary (Enter)") if result.done else self.tr("&Next question (Enter)")
        )
        self.feedback.show()
        self.state = FEEDBACK
        self.next_button.setFocus()
        self.answered.emit()

    def _finish(self) -> None:
        if self.session is None:
            return
        p, a, sid = self.practice, self.actor, self.session.session_id
        run_task(lambda _p: p.session_summary(a, sid), self._show_summary, self._failed, owner=self)

    def _show_summary(self, summary: SessionSummary) -> None:
        self.summary_title.setText(self.tr("Session done: %1 of %2 right").replace("%1", str(summary.right))
                                   .replace("%2", str(summary.answered)))  # fmt: skip
        self.summary_text.setText(summary.message)
        grid = self.summary_grid
        clear_layout(grid)
        for col, head in enumerate((self.tr("Skill"), self.tr("Right"), self.tr("Expected right now"), "")):
            grid.addWidget(_label(f"<b>{head}</b>" if head else ""), 0, col)
        for r, sk in enumerate(summary.skills, start=1):
            grid.addWidget(_label(sk.name, role="strong"), r, 0)
            grid.addWidget(_label(f"{sk.right} / {sk.answered}"), r, 1)
            bar = QProgressBar()
            bar.setRange(0, 100)
            bar.setValue(round(sk.mastery_after * 100))
            change = round((sk.mastery_after - sk.mastery_before) * 100)
            sign = "+" if change >= 0 else "\u2212"
            bar.setFormat(f"%p%  ({sign}{abs(change)})")
            bar.setAccessibleName(
                self.tr("%1: %2% expected right, %3 this session")
                .replace("%1", sk.name)
                .replace("%2", str(bar.value()))
                .replace("%3", f"{change:+d}")
            )
            grid.addWidget(bar, r, 2)
            grid.addWidget(_label("\u2605 " + self.tr("mastered!") if sk.mastered else "",
                                  role="warning strong"), r, 3)  # fmt: skip
        self.stack.setCurrentIndex(2)
        self.state = SUMMARY
        self.result = None
        self.again_button.setFocus()
        self.finished.emit()

    def done(self) -> None:
        self.choose_skill(None)
        if "home" in {k for k, _t, _s in pages_for("student")}:
            self.open_page.emit("home", None)

    def _failed(self, exc: BaseException) -> None:
        self.state = START
        self.stack.setCurrentIndex(0)
        self.start_message.setText(error_text(exc))

    def read_aloud_parts(self) -> list[tuple[QWidget, str]]:
        """What Read aloud reads now: the feedback after an answer, else the question and its choices."""
        if self.state == FEEDBACK:
            return [
                (self.verdict, self.verdict.text().lstrip("\u2714\u2716 ")),
                (self.hint, self.hint.text()),
            ]
        if self.stack.currentIndex() == 1:
            return [(self.prompt, self.prompt.text())] + [(r, r.accessibleName()) for r in self.answer.radios]
        return [(self.intro, self.intro.text()), (self.overview, self.overview.text())]

    # -- keys -------------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Keys the focused control leaves alone come here: Enter (the answer line, the choices and
        the buttons all pass it on) moves the session along; a number key picks that choice."""
        key = event.key()
        if (
            key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self.enter()
            return
        if (
            self.state == ASKING
            and Qt.Key.Key_1 <= key <= Qt.Key.Key_9
            and self.answer.choose(key - Qt.Key.Key_0)
        ):
            return
        super().keyPressEvent(event)
