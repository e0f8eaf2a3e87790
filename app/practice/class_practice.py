"""Practice for teachers: the class heatmap (students by skills), a student's skill in detail with
recent answers, each student's target difficulty and focus skills, QTI import, and recalculating the
estimates from the attempts log. A teacher sees and changes only their own classes' students."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from app.errors import InvalidInput, NotFound
from app.i18n import _
from app.models import Person, PracticeFocus, Skill
from app.models.base import partition_key
from app.people.actor import Actor
from app.people.permissions import require_class, require_student_access, require_teacher
from app.practice.bank import ImportResult, import_qti_items
from app.practice.engine.learner_model import ModelState, new_state
from app.practice.engine.mastery import assess_mastery
from app.practice.engine.memory import due_info
from app.practice.engine.tracking import RULE
from app.practice.live import Progress, live_model
from app.practice.model_store import learner_from_json
from app.practice.qti import import_qti
from app.practice.results import (
    AttemptInfo,
    HeatCell,
    Heatmap,
    HeatSkill,
    HeatStudent,
    PracticeSettings,
    PracticeSkill,
    SkillDetail,
)
from app.practice.standing import RUN, WINDOW_DAYS, skill_levels
from app.store.raw import raw_connection

__all__ = ["ClassPracticeService", "RebuildReport"]

MAX_FOCUS = 5
TARGET_RANGE = (0.5, 0.95)


@dataclass(frozen=True)
class RebuildReport:
    answers: int
    seconds: float


def _bank_counts(conn) -> dict[str, int]:  # noqa: ANN001
    """Live questions per skill (read from the (skill_id, deleted) index alone)."""
    return dict(conn.execute("SELECT skill_id, COUNT(*) FROM item WHERE deleted = 0 GROUP BY skill_id"))


def _name(given: str, family: str, display: str) -> str:
    return display or f"{given} {family}".strip()


class ClassPracticeService:
    def __init__(self, db) -> None:  # noqa: ANN001
        self.db = db

    # -- reading -----------------------------------------------------------------------------------
    def heatmap(self, actor: Actor, class_id: str, now: float | None = None) -> Heatmap:
        """Mastery of every student of the class on every skill (None where not started), each with
        its level from ``standing.skill_levels``."""
        now = time.time() if now is None else now
        with self.db.read() as s:
            require_class(s, actor, class_id)
            conn = raw_connection(s)
            students = conn.execute(
                "SELECT p.id, p.given_name, p.family_name, p.display_name FROM enrollment e "
                "JOIN person p ON p.id = e.person_id WHERE e.class_id = ? AND e.role = 'student' AND e.deleted = 0 "
                "AND p.deleted = 0 AND p.archived = 0 ORDER BY p.given_name, p.family_name",
                (class_id,),
            ).fetchall()
            counts = _bank_counts(conn)
            skills = [
                HeatSkill(k, code, name, dom, counts.get(k, 0))
                for k, code, name, dom in conn.execute(
                    "SELECT k.id, k.code, k.name, d.name FROM skill k JOIN domain d ON d.id = k.domain_id "
                    "WHERE k.deleted = 0 AND d.deleted = 0 ORDER BY d.sort, k.sort"
                )
            ]
            ids = [r[0] for r in students]
            row_of = {sid: i for i, sid in enumerate(ids)}
            col_of = {k.id: j for j, k in enumerate(skills)}
            matrix: list[list[HeatCell | None]] = [[None] * len(skills) for _ in ids]
            if ids:
                for (sid, kid), st in skill_levels(conn, ids, now).items():
                    j = col_of.get(kid)
                    if j is not None:
                        matrix[row_of[sid]][j] = HeatCell(
                            st.mastery, st.attempts, st.level == "mastered", st.last_at, st.judged, st.level
                        )
        return Heatmap(
            class_id,
            tuple(HeatStudent(r[0], _name(r[1], r[2], r[3])) for r in students),
            tuple(skills),
            tuple(map(tuple, matrix)),
        )

    def skill_detail(
        self, actor: Actor, student_id: str, skill_id: str, limit: int = 15, now: float | None = None
    ) -> SkillDetail:
        """Where a student is on one skill, why (the mastery rule in words), and their recent answers."""
        with self.db.read() as s:
            require_student_access(s, actor, student_id)
            person, skill = s.get(Person, student_id), s.get(Skill, skill_id)
            if person is None or skill is None:
                raise NotFound(_("That student or skill is not in Tessera any more."))
            conn = raw_connection(s)
            row = conn.execute(
                "SELECT mastery, attempts, correct, mastered_at, judged_level, mastered FROM learner_skill_state "
                "WHERE student_id = ? AND skill_id = ?",
                (student_id, skill_id),
            ).fetchone()
            snap = conn.execute(
                "SELECT data FROM learner_snapshot WHERE student_id = ?", (student_id,)
            ).fetchone()
            recent = conn.execute(
                "SELECT a.at, i.prompt, a.answer, i.answer, a.correct, a.response_ms FROM attempt a "
                "JOIN item i ON i.id = a.item_id WHERE a.student_id = ? AND a.skill_id = ? AND a.deleted = 0 "
                "ORDER BY a.at DESC LIMIT ?",
                (student_id, skill_id, limit),
            ).fetchall()
            standing = skill_levels(conn, [student_id], now or time.time(), skill_id).get(
                (student_id, skill_id)
            )
        state: ModelState = new_state()
        if snap is not None:
            state.learners[student_id], _x = learner_from_json(snap[0])
        status = assess_mastery(state, student_id, skill_id, skill_name=skill.name,
                                probability=row[0] if row else None)  # fmt: skip
        level, explanation = status.level, status.explanation
        learner = state.learners.get(student_id)
        ls = learner.skills.get(skill_id) if learner is not None else None
        if (
            row is not None and row[4] > 0
        ):  # a teacher's judgement of work decides (app.practice.engine.combine)
            level = "mastered" if row[5] else _("nearly there") if row[0] >= RULE.nearly else "learning"
            explanation = (
                _("Judged from {full_name}'s work rather than practice questions: about {round}% secure.", full_name=person.full_name, round=round(row[0] * 100))
                if not row[1] else
                _("A teacher's judgement of {full_name}'s work, with the practice answers given since: about {round}% secure.", full_name=person.full_name, round=round(row[0] * 100))
            )  # fmt: skip
        if standing is not None and standing.level != level:
            # The shared level wins (the heatmap and roster show it); the rule's facts stay as the why.
            facts = explanation.split(": ", 1)[-1]
            t = standing.tally
            if standing.level == "stuck" and t is not None:
                why = (_("the last {wrong_run} answers were wrong", wrong_run=t.wrong_run) if t.wrong_run >= RUN
                       else _("{right} of {attempts} right in the last {WINDOW_DAYS} days", right=t.right, attempts=t.attempts, WINDOW_DAYS=WINDOW_DAYS))  # fmt: skip
                explanation = _("Stuck: {why}. Also: {facts}", why=why, facts=facts)
            else:
                explanation = f"{standing.level.capitalize()}: {facts}"
            level = standing.level
        due = None
        if ls is not None and ls.n:
            info = due_info(ls.last_at, ls.review_interval_days, time.time())
            due = info.interval_days - info.days_since
        return SkillDetail(
            student_id, person.full_name, skill_id, skill.name, level, explanation,
            row[0] if row else 0.0, row[1] if row else 0, row[2] if row else 0, row[3] if row else 0.0, due,
            tuple(AttemptInfo(at, prompt, answer, expected.split("\n")[0], bool(ok), ms)
                  for at, prompt, answer, expected, ok, ms in recent),
        )  # fmt: skip

    def practice_skills(self, actor: Actor) -> list[PracticeSkill]:
        """Every skill with how many questions it has (for choosing focus skills or an import's skill)."""
        require_teacher(actor)
        with self.db.read() as s:
            return self._skills(raw_connection(s))

    @staticmethod
    def _skills(conn) -> list[PracticeSkill]:  # noqa: ANN001
        counts = _bank_counts(conn)
        return [
            PracticeSkill(k, code, name, dom, counts.get(k, 0))
            for k, code, name, dom in conn.execute(
                "SELECT k.id, k.code, k.name, d.name FROM skill k JOIN domain d ON d.id = k.domain_id "
                "WHERE k.deleted = 0 AND d.deleted = 0 ORDER BY d.sort, k.sort"
            )
        ]

    def practice_settings(self, actor: Actor, student_id: str) -> PracticeSettings:
        with self.db.read() as s:
            require_student_access(s, actor, student_id)
            person = s.get(Person, student_id)
            if person is None:
                raise NotFound(_("That student is not in Tessera any more."))
            focus = (
                s.execute(
                    select(PracticeFocus.skill_id).where(
                        PracticeFocus.student_id == student_id, PracticeFocus.deleted.is_(False)
                    )
                )
                .scalars()
                .all()
            )
            skills = self._skills(raw_connection(s))
        return PracticeSettings(student_id, person.full_name, person.target_success, tuple(sorted(focus)),
                                tuple(skills))  # fmt: skip

    # -- changing ----------------------------------------------------------------------------------
    def set_target(self, actor: Actor, student_id: str, target: float) -> None:
        """How often the student should get questions right (0.75: three in four)."""
        require_teacher(actor)
        lo, hi = TARGET_RANGE
        if not isinstance(target, (int, float)) or not lo <= float(target) <= hi:
            raise InvalidInput(_("Choose a target between {lo:.0%} and {hi:.0%} right.", lo=lo, hi=hi))
        with self.db.write() as s:
            require_student_access(s, actor, student_id)
            person = s.get(Person, student_id)
            if person is None:
                raise NotFound(_("That student is not in Tessera any more."))
            person.target_success = round(float(target), 3)

    def set_focus(self, actor: Actor, student_id: str, skill_ids: list[str]) -> None:
        """The skills practice should favour for this student (up to five; each needs questions)."""
        require_teacher(actor)
        wanted = list(dict.fromkeys(skill_ids))
        if len(wanted) > MAX_FOCUS:
            raise InvalidInput(
                _(
                    "Choose up to {MAX_FOCUS} focus skills, so practice still has some variety.",
                    MAX_FOCUS=MAX_FOCUS,
                )
            )
        with self.db.write() as s:
            require_student_access(s, actor, student_id)
            person = s.get(Person, student_id)
            if person is None:
                raise NotFound(_("That student is not in Tessera any more."))
            known = {sk.id: sk for sk in s.execute(select(Skill).where(Skill.id.in_(wanted))).scalars()}
            counts = _bank_counts(raw_connection(s))
            for k in wanted:
                if k not in known:
                    raise NotFound(_("One of those skills is not in the framework any more."))
                if not counts.get(k):
                    raise InvalidInput(
                        _(
                            "“{name}” has no practice questions yet, so it cannot be a focus. Import questions for it first, or choose another skill.",
                            name=known[k].name,
                        )
                    )
            rows = (
                s.execute(select(PracticeFocus).where(PracticeFocus.student_id == student_id)).scalars().all()
            )
            have = {}
            for r in rows:
                if r.skill_id in have or r.skill_id not in wanted:
                    if not r.deleted:
                        r.deleted = True
                    continue
                have[r.skill_id] = r
                if r.deleted:
                    r.deleted = False
            for k in wanted:
                if k not in have:
                    s.add(PracticeFocus(student_id=student_id, skill_id=k, partition=person.partition))

    def import_qti(
        self, actor: Actor, path: str | Path, skill_id: str, progress: Progress | None = None
    ) -> ImportResult:
        """Import a QTI file or content package into a skill's bank: all or nothing, teacher only.
        Errors say in plain words which item is wrong and why."""
        require_teacher(actor)
        report = progress or (lambda f, m: None)
        report(0.05, _("Reading the file"))
        items = import_qti(path)
        report(0.6, _("Adding {len} questions", len=len(items)))
        with self.db.write() as s:
            result = import_qti_items(s, items, skill_id, partition_key(actor.school_id), Path(path).name)
        live_model(self.db).refresh_items(result.item_ids)
        report(1.0, "Done")
        return result

    def recalculate(self, actor: Actor, progress: Progress | None = None) -> RebuildReport:
        """Rebuild every estimate from the attempts log (exact; in the background, with progress)."""
        require_teacher(actor)
        t0 = time.perf_counter()
        live = live_model(self.db)
        live.ensure(progress)
        built = live.rebuild(None, progress)
        return RebuildReport(built.replayed, time.perf_counter() - t0)
