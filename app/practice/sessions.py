"""Practice sessions for a student: the next question that fits, the answer checked and recorded with
the estimates updated in one transaction, feedback with a worked hint, and a summary at the end.

Only the student themself practises (a teacher cannot answer for them). Sessions live in memory for
the length of a sitting; everything that matters (attempts, estimates, celebrations) is saved as it
happens, so closing the app mid-session loses nothing but the session's counter.
"""

from __future__ import annotations

import threading
import time
import zlib
from dataclasses import dataclass, field

from sqlalchemy import select

from app.errors import InvalidInput, NotFound, PermissionDenied
from app.i18n import _
from app.ids import new_id
from app.models import Attempt as AttemptRow
from app.models import Person, PracticeFocus, Skill
from app.people.actor import Actor
from app.people.celebrations import CelebrationService
from app.people.permissions import require_student_access
from app.practice.bank import bank_incomplete, ensure_item_bank
from app.practice.bulk import insert_synced
from app.practice.engine.kinds import check_answer, clean_response, shown_answer
from app.practice.engine.learner_model import Attempt
from app.practice.engine.memory import due_info
from app.practice.engine.next_question import pick_next, word_items
from app.practice.engine.selection import REVIEW_MIN_ATTEMPTS, SelectionRequest
from app.practice.live import LiveModel, Progress, live_model
from app.practice.model_store import ItemInfo, learner_from_json, max_attempt_rowid
from app.practice.results import (
    AnswerResult,
    NextItem,
    PracticeOverview,
    SessionInfo,
    SessionSummary,
    SkillSummary,
)
from app.store.raw import raw_connection

__all__ = ["PracticeService"]

SESSION_LENGTH = 10
SESSION_HOURS = 12  # a sitting left open longer than this is forgotten (its answers are all saved)
MAX_RESPONSE_MS = 60 * 60 * 1000
RIGHT = (_("Right!"), _("Yes, that's it."), _("Correct."), _("Well done."))


@dataclass
class _Answer:
    item_id: str
    skill_id: str
    correct: bool
    mastery_before: float
    mastery_after: float
    mastered_now: bool


@dataclass
class _Session:
    id: str
    student_id: str
    partition: str
    length: int
    target: float
    focus: dict[str, float]
    allowed: frozenset[str] | None
    started: float
    recent: list[str]
    seed: int
    served: int = 0
    current: tuple[NextItem, float] | None = None
    answers: list[_Answer] = field(default_factory=list)


def require_self(actor: Actor, student_id: str) -> None:
    if actor.person_id == "system":
        return
    if not actor.is_student:
        raise PermissionDenied(_("Practice is for students: sign in as the student to practise."))
    if actor.person_id != student_id:
        raise PermissionDenied(_("You can only practise as yourself."))


class PracticeService:
    def __init__(self, db) -> None:  # noqa: ANN001
        self.db = db
        self._sessions: dict[str, _Session] = {}
        self._lock = threading.Lock()
        self._names: dict[str, str] = {}
        self._word_items: dict[str, list[str]] = {}
        self._word_items_size = -1
        self._vocab_skill_id: str | None = None

    @property
    def live(self) -> LiveModel:
        return live_model(self.db)

    def prepare(self, progress: Progress | None = None) -> int:
        """Load the learner estimates before anyone asks (at start, in the background), replaying
        the attempts log where the saved state is stale (first start after an upgrade). Returns how
        many answers were replayed. Reveals nothing, so it needs no actor."""
        live = self.live
        before = live.rebuilds
        live.ensure(progress)
        if live.dirty is not None:
            live.reconcile(progress=progress)
        return live.last_replayed if live.rebuilds > before else 0

    # -- before a session --------------------------------------------------------------------------
    def overview(self, actor: Actor, student_id: str, now: float | None = None) -> PracticeOverview:
        """Target, focus skills, reviews due and skills mastered: read from saved state (no model load)."""
        now = now or time.time()
        with self.db.read() as s:
            require_student_access(s, actor, student_id)
            person = s.get(Person, student_id)
            if person is None:
                raise NotFound(_("That student is not in Tessera any more."))
            conn = raw_connection(s)
            names = dict(conn.execute("SELECT id, name FROM skill"))
            focus = [
                names.get(k, "")
                for (k,) in conn.execute(
                    "SELECT skill_id FROM practice_focus WHERE student_id = ? AND deleted = 0", (student_id,)
                )
            ]
            mastered: list[str] = []
            to_refresh: list[str] = []
            for k, now_held in conn.execute(
                "SELECT skill_id, mastered FROM learner_skill_state WHERE student_id = ? AND (mastered = 1 OR mastered_at > 0) "
                "ORDER BY mastered_at", (student_id,)
            ):  # fmt: skip
                (mastered if now_held else to_refresh).append(names.get(k, ""))
            snap = conn.execute(
                "SELECT data FROM learner_snapshot WHERE student_id = ?", (student_id,)
            ).fetchone()
            day = now - now % 86400
            today = conn.execute("SELECT COUNT(*) FROM attempt WHERE student_id = ? AND at >= ? AND deleted = 0",
                                 (student_id, day)).fetchone()[0]  # fmt: skip
        due, practised = [], 0
        if snap is not None:
            learner, _x = learner_from_json(snap[0])
            practised = len(learner.skills)
            for k, ls in learner.skills.items():
                info = due_info(ls.last_at, ls.review_interval_days, now)
                if ls.n >= REVIEW_MIN_ATTEMPTS and info.is_due and k in names:
                    due.append((-info.overdue_ratio, names[k]))
        return PracticeOverview(person.target_success, tuple(sorted(focus)), tuple(n for _x, n in sorted(due)),
                                tuple(mastered), practised, today, tuple(to_refresh))  # fmt: skip

    # -- sessions ----------------------------------------------------------------------------------
    def start_session(
        self, actor: Actor, student_id: str, length: int = SESSION_LENGTH, skill_id: str | None = None
    ) -> SessionInfo:
        """Begin a sitting of ``length`` questions (optionally on one skill only)."""
        require_self(actor, student_id)
        if not 1 <= length <= 50:
            raise InvalidInput(_("A practice session has 1 to 50 questions."))
        with self.db.read() as s:
            person = s.get(Person, student_id)
            if person is None or person.deleted or person.role != "student":
                raise NotFound(_("That student is not in Tessera any more."))
            focus = {
                f.skill_id: f.weight
                for f in s.execute(
                    select(PracticeFocus).where(
                        PracticeFocus.student_id == student_id, PracticeFocus.deleted.is_(False)
                    )
                ).scalars()
            }
            self._names = dict(s.execute(select(Skill.id, Skill.name)).all())
            recent = list(
                s.execute(
                    select(AttemptRow.item_id)
                    .where(AttemptRow.student_id == student_id)
                    .order_by(AttemptRow.at.desc())
                    .limit(10)
                ).scalars()
            )[::-1]
            missing = bank_incomplete(s)
        if missing:  # a new class, or a Tessera with new generators: fill the bank (idempotent)
            with self.db.write() as s:
                added = ensure_item_bank(s)
            self.live.refresh_items(added)
        live = self.live
        live.ensure()
        if live.dirty is not None:
            live.reconcile()
        live.maybe_checkpoint()
        if len(live.index) == 0:
            raise InvalidInput(_("There are no practice questions yet. Ask your teacher to add some."))
        note = ""
        allowed = None
        if skill_id is not None:
            if live.index.count(skill_id) == 0:
                raise InvalidInput(
                    _(
                        "There are no questions for “{name}” yet. Ask your teacher to add some, or practise another skill.",
                        name=self._name(skill_id),
                    )
                )
            allowed = frozenset({skill_id})
        empty = [k for k in focus if live.index.count(k) == 0]
        if empty:
            note = (_("{join} has no questions yet, so today's practice works on your other skills.", join=', '.join(self._name(k) for k in sorted(empty))))  # fmt: skip
            focus = {k: w for k, w in focus.items() if k not in empty}
        sess = _Session(new_id(), student_id, person.partition, length, person.target_success, focus, allowed,
                        time.time(), recent, zlib.crc32(student_id.encode()) ^ int(time.time()))  # fmt: skip
        with self._lock:
            stale = time.time() - SESSION_HOURS * 3600
            for old in [
                k for k, v in self._sessions.items() if v.student_id == student_id or v.started < stale
            ]:
                del self._sessions[old]  # one sitting per student at a time
            self._sessions[sess.id] = sess
        return SessionInfo(sess.id, student_id, length, sess.target,
                           tuple(self._name(k) for k in sorted(focus, key=self._name)), note)  # fmt: skip

    def _session(self, actor: Actor, session_id: str) -> _Session:
        with self._lock:
            sess = self._sessions.get(session_id)
        if sess is None:
            raise NotFound(_("This practice session has ended. Start a new one."))
        require_self(actor, sess.student_id)
        return sess

    def _name(self, skill_id: str) -> str:
        return self._names.get(skill_id, "this skill")

    # -- the next question -------------------------------------------------------------------------
    def next_item(self, actor: Actor, session_id: str) -> NextItem | None:
        """The question that fits now, with the reason; None when the session is complete."""
        sess = self._session(actor, session_id)
        if len(sess.answers) >= sess.length:
            return None
        if sess.current is not None:
            return sess.current[0]  # asked again (e.g. the screen was rebuilt): the same question
        live = self.live
        now = time.time()
        with live.lock:
            live.ensure()
            req = SelectionRequest(
                sess.student_id, now, focus_skills=sess.focus, target=sess.target,
                recent_item_ids=tuple(sess.recent[-10:]), allowed_skills=sess.allowed,
                skill_names=self._names, seed=sess.seed + sess.served,
            )  # fmt: skip
            if self._word_items_size != len(live.items):
                (self._word_items, self._vocab_skill_id), self._word_items_size = (
                    word_items(live.items),
                    len(live.items),
                )
            sel = pick_next(live.state, live.index, req, live.cards.get(sess.student_id, {}), self._word_items,
                            self._vocab_skill_id)  # fmt: skip
            if sel is None:
                raise InvalidInput(
                    _("There are no other questions to practise right now. Ask your teacher to add some.")
                )
            info = live.items[sel.item_id]
        sess.served += 1
        item = NextItem(session_id, info.id, info.skill_id, self._name(info.skill_id), info.kind, info.prompt,
                        info.choices, sel.purpose, sel.reason, sel.predicted, len(sess.answers) + 1, sess.length,
                        info.time_limit_s)  # fmt: skip
        sess.current = (item, time.monotonic())
        return item

    # -- answering ---------------------------------------------------------------------------------
    def record_answer(
        self, actor: Actor, session_id: str, item_id: str, response: object, response_ms: int | None = None
    ) -> AnswerResult:
        """Check, store and learn from an answer, all in one transaction. A malformed answer raises
        ``InvalidInput`` (nothing is stored; the learner can fix it)."""
        sess = self._session(actor, session_id)
        if sess.current is None or sess.current[0].item_id != item_id:
            raise InvalidInput(
                _("That question is not the one on screen any more. Answer the current question.")
            )
        live = self.live
        info: ItemInfo = live.items[item_id]
        text = clean_response(info.kind, info.answer, info.choices, response)
        correct = check_answer(info.kind, info.answer, text)
        if response_ms is None:
            response_ms = int((time.monotonic() - sess.current[1]) * 1000)
        ms = max(0, min(int(response_ms), MAX_RESPONSE_MS))
        with live.answering():
            at = live.next_key_time(time.time())
            stamp = time.time()
            row = dict(id=new_id(), created_at=stamp, updated_at=stamp, deleted=False, partition=sess.partition,
                       student_id=sess.student_id, item_id=item_id, skill_id=info.skill_id, answer=text,
                       correct=correct, response_ms=ms, at=at, device=self.db.replica_id, session_id=sess.id)  # fmt: skip
            with self.db.write() as s:
                conn = raw_connection(s)
                before_max = max_attempt_rowid(conn)
                insert_synced(s, AttemptRow, [row])  # the event and its change-log entry
                rowid = conn.execute("SELECT rowid FROM attempt WHERE id = ?", (row["id"],)).fetchone()[0]
                rec = live.record(conn, Attempt(row["id"], sess.student_id, info.skill_id, correct, at, item_id, ms,
                                                info.time_limit_s), rowid, before_max)  # fmt: skip
                name = self._name(info.skill_id)
                celebration = ""
                if rec.newly_mastered:
                    celebration = _("You mastered {name}!", name=name)
                    CelebrationService.record(s, sess.student_id, sess.partition, "mastered_skill",
                                              _("Mastered {name}", name=name), ref_id=info.skill_id, at=at)  # fmt: skip
        sess.answers.append(_Answer(item_id, info.skill_id, correct, rec.mastery_before, rec.row.mastery,
                                    rec.newly_mastered))  # fmt: skip
        sess.recent.append(item_id)
        sess.current = None
        expected = shown_answer(info.answer, info.kind)
        if correct:
            feedback = RIGHT[len(sess.answers) % len(RIGHT)]
        else:
            feedback = _("Not quite: the answer is {expected}.", expected=expected)
        return AnswerResult(correct, expected, feedback, info.hint, info.skill_id, name, rec.mastery_before,
                            rec.row.mastery, rec.newly_mastered, celebration, len(sess.answers), sess.length)  # fmt: skip

    # -- the end -----------------------------------------------------------------------------------
    def session_summary(self, actor: Actor, session_id: str) -> SessionSummary:
        sess = self._session(actor, session_id)
        by_skill: dict[str, list[_Answer]] = {}
        for a in sess.answers:
            by_skill.setdefault(a.skill_id, []).append(a)
        skills = tuple(
            SkillSummary(
                k,
                self._name(k),
                len(v),
                sum(a.correct for a in v),
                v[0].mastery_before,
                v[-1].mastery_after,
                any(a.mastered_now for a in v),
            )  # fmt: skip
            for k, v in sorted(by_skill.items(), key=lambda kv: -len(kv[1]))
        )
        right = sum(a.correct for a in sess.answers)
        mastered = tuple(s.name for s in skills if s.mastered)
        n = len(sess.answers)
        if n == 0:
            message = _("No questions answered this time.")
        elif right == n:
            message = _("All {n_} right. Brilliant work!", n_=n)
        elif right >= n * 0.7:
            message = _(
                "{right} of {n_} right. Good work: these questions were chosen to stretch you.",
                right=right,
                n_=n,
            )
        else:
            message = _(
                "{right} of {n_} right. Tricky ones today; the hints show the way, and practice makes them easier.",
                right=right,
                n_=n,
            )
        return SessionSummary(n, right, time.time() - sess.started, skills, mastered, message)

    def end_session(self, actor: Actor, session_id: str) -> None:
        sess = self._session(actor, session_id)
        with self._lock:
            self._sessions.pop(sess.id, None)
