"""Judging skills from work: a teacher gives a level (or a rubric score) for one student and skill,
pointing at the work it came from; students read where each of their levels came from.

Permissions: only a teacher gives or withdraws a judgement, and only for a student in one of their
classes; a student reads only their own. Each call is one transaction: the judgement, the student's
level row (``app.practice.judged_levels``) and, when the judgement makes a skill mastered for the first time,
a celebration, all together.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from sqlalchemy import select

from app import i18n
from app.errors import InvalidInput, NotFound
from app.evidence.rubric_skills import JudgeRow, challenge_rows, writing_rows
from app.i18n import _
from app.models import (
    Challenge,
    Draft,
    DraftVersion,
    Goal,
    GoalEvidence,
    Person,
    Skill,
    Team,
    TeamLog,
    WritingTask,
)
from app.models.evidence import EVIDENCE_KINDS, Judgement
from app.people.actor import Actor
from app.people.celebrations import CelebrationService
from app.people.permissions import require_student_access, require_teacher
from app.practice.engine.combine import LEVEL_MASTERY, level_from_score
from app.practice.judged_levels import refresh_pairs
from app.store.database import Database
from app.store.raw import raw_connection

__all__ = ["EvidenceOption", "EvidenceRef", "JudgementService", "JudgementView", "LevelSource"]

MAX_NOTE = 1000
KIND_WORDS = {
    "draft_version": "essay",
    "deliverable": _("challenge work"),
    "plan_evidence": _("plan evidence"),
    "observation": _("what the teacher saw in class"),
}


@dataclass(frozen=True)
class EvidenceRef:
    kind: str  # one of EVIDENCE_KINDS
    id: str = ""  # "" for an observation


@dataclass(frozen=True)
class EvidenceOption:
    kind: str
    id: str
    label: str
    skill_ids: tuple[str, ...] = ()  # the skills the work is about (the task's, the goal's, the challenge's)


@dataclass(frozen=True)
class JudgementView:
    id: str
    student_id: str
    skill_id: str
    skill_name: str
    level: int
    score: float
    score_max: float
    evidence_kind: str
    evidence_id: str
    evidence_title: str
    note: str
    by_id: str
    by_name: str
    at: float
    withdrawn: bool

    def source_words(self, you: bool = True) -> str:
        """ "Judged by Maya Rivera from your essay 'A place that matters to me', 2 Dec"."""
        day = i18n.day(self.at)
        whose = "your" if you else "the"
        if self.evidence_kind == "observation":
            what = _("what they saw in class")
        elif self.evidence_title:
            what = f"{whose} {KIND_WORDS[self.evidence_kind]} '{self.evidence_title}'"
        else:
            what = f"{whose} {KIND_WORDS[self.evidence_kind]}"
        return _("Judged by {v} from {what}, {day}", v=self.by_name or "a teacher", what=what, day=day)


@dataclass(frozen=True)
class LevelSource:
    """Where a level came from: the judgement that decides it (if any) and what practice says."""

    student_id: str
    skill_id: str
    mastery: float
    mastered: bool
    attempts: int
    deciding: JudgementView | None
    history: tuple[JudgementView, ...]  # every judgement of this skill, newest first, withdrawn included


def _view(j: Judgement, skill_name: str) -> JudgementView:
    return JudgementView(j.id, j.student_id, j.skill_id, skill_name, j.level, j.score, j.score_max,
                         j.evidence_kind, j.evidence_id, j.evidence_title, j.note, j.by_id, j.by_name, j.at,
                         j.withdrawn)  # fmt: skip


def _evidence_title(s, student_id: str, ref: EvidenceRef) -> str:
    """What the work is called; refuses work that is not this student's."""
    if ref.kind not in EVIDENCE_KINDS:
        raise InvalidInput(_("Say what work the judgement comes from."))
    if ref.kind == "observation":
        return ""
    if not ref.id:
        raise InvalidInput(_("Choose the work the judgement comes from."))
    if ref.kind == "draft_version":
        v = s.get(DraftVersion, ref.id)
        d = s.get(Draft, v.draft_id) if v is not None and not v.deleted else None
        if d is None or d.deleted or d.student_id != student_id:
            raise NotFound(_("That draft is not this student's, or it is not in Tessera any more."))
        task = s.get(WritingTask, d.task_id)
        return task.title if task is not None else ""
    if ref.kind == "deliverable":
        log = s.get(TeamLog, ref.id)
        team = s.get(Team, log.team_id if log is not None else ref.id)
        if team is None or team.deleted or student_id not in (team.member_ids or []):
            raise NotFound(_("That challenge work is not this student's team's, or it is gone."))
        ch = s.get(Challenge, team.challenge_id)
        title = ch.title if ch is not None else team.name
        return f"{title}: {log.file_name or log.text[:40]}" if log is not None and (log.file_name or log.text) \
            else title  # fmt: skip
    ev = s.get(GoalEvidence, ref.id)
    goal = s.get(Goal, ev.goal_id) if ev is not None and not ev.deleted else None
    if goal is None or goal.student_id != student_id:
        raise NotFound(_("That plan evidence is not this student's, or it is gone."))
    return goal.title


class JudgementService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def judge(
        self,
        actor: Actor,
        student_id: str,
        skill_id: str,
        evidence: EvidenceRef,
        level: int | None = None,
        score: float | None = None,
        score_max: float | None = None,
        note: str = "",
        at: float | None = None,
    ) -> JudgementView:
        """Give a level (1-4) or a rubric score (``score`` of ``score_max``) for a skill from work."""
        require_teacher(actor)
        if level is None:
            if score is None or score_max is None:
                raise InvalidInput(_("Give a level or a rubric score."))
            if not 0 <= score <= score_max:
                raise InvalidInput(_("A rubric score is between 0 and the row's points."))
            level = level_from_score(score, score_max)
        elif level not in LEVEL_MASTERY:
            raise InvalidInput(_("A level is 1 (Beginning) to 4 (Extending)."))
        if len(note) > MAX_NOTE:
            raise InvalidInput(_("A note is at most {MAX_NOTE} characters.", MAX_NOTE=MAX_NOTE))
        with self.db.write() as s:
            require_student_access(s, actor, student_id)
            person, skill = s.get(Person, student_id), s.get(Skill, skill_id)
            if person is None or person.deleted or person.role != "student":
                raise NotFound(_("That student is not in Tessera any more."))
            if skill is None or skill.deleted:
                raise NotFound(_("That skill is not in the framework any more."))
            title = _evidence_title(s, student_id, evidence)
            teacher = s.get(Person, actor.person_id)
            conn = raw_connection(s)
            was = conn.execute("SELECT mastered FROM learner_skill_state WHERE student_id = ? AND skill_id = ?",
                               (student_id, skill_id)).fetchone()  # fmt: skip
            j = Judgement(student_id=student_id, skill_id=skill_id, level=level,
                          score=float(score or 0.0), score_max=float(score_max or 0.0),
                          evidence_kind=evidence.kind, evidence_id=evidence.id, evidence_title=title,
                          note=note.strip(), by_id=actor.person_id,
                          by_name=teacher.full_name if teacher is not None else actor.name,
                          at=at if at is not None else time.time(), partition=person.partition)  # fmt: skip
            s.add(j)
            s.flush()
            refresh_pairs(conn, [(student_id, skill_id)])
            now = conn.execute("SELECT mastered FROM learner_skill_state WHERE student_id = ? AND skill_id = ?",
                               (student_id, skill_id)).fetchone()  # fmt: skip
            if now and now[0] and not (was and was[0]):
                CelebrationService.record_once(
                    s,
                    student_id,
                    person.partition,
                    "mastered_skill",
                    _("Mastered {name}", name=skill.name),
                    skill_id,
                    j.at,
                )
            return _view(j, skill.name)

    def withdraw(self, actor: Actor, judgement_id: str, withdrawn: bool = True) -> JudgementView:
        """Withdraw a judgement given by mistake (or take the withdrawal back); it stays in the history."""
        require_teacher(actor)
        with self.db.write() as s:
            j = s.get(Judgement, judgement_id)
            if j is None or j.deleted:
                raise NotFound(_("That judgement is not in Tessera any more."))
            require_student_access(s, actor, j.student_id)
            if j.withdrawn != withdrawn:
                j.withdrawn = withdrawn
                j.updated_at = time.time()
                s.add(j)
                s.flush()
                refresh_pairs(raw_connection(s), [(j.student_id, j.skill_id)])
            skill = s.get(Skill, j.skill_id)
            return _view(j, skill.name if skill is not None else _("a skill"))

    def for_student(self, actor: Actor, student_id: str, skill_id: str | None = None) -> list[JudgementView]:
        """Judgements of a student (of one skill), newest first, withdrawn ones included."""
        with self.db.read() as s:
            require_student_access(s, actor, student_id)
            q = select(Judgement).where(Judgement.student_id == student_id, Judgement.deleted == False)  # noqa: E712
            if skill_id is not None:
                q = q.where(Judgement.skill_id == skill_id)
            rows = s.execute(q.order_by(Judgement.at.desc(), Judgement.id.desc())).scalars().all()
            names: dict[str, str] = dict(s.execute(select(Skill.id, Skill.name)).all())
            return [_view(j, names.get(j.skill_id, "a skill")) for j in rows]

    def level_source(self, actor: Actor, student_id: str, skill_id: str) -> LevelSource:
        """The student's level on a skill and where it came from."""
        history = tuple(self.for_student(actor, student_id, skill_id))
        with self.db.read() as s:
            row = (
                raw_connection(s)
                .execute(
                    "SELECT mastery, mastered, attempts, judgement_id FROM learner_skill_state "
                    "WHERE student_id = ? AND skill_id = ?",
                    (student_id, skill_id),
                )
                .fetchone()
            )
        if row is None:
            return LevelSource(student_id, skill_id, 0.0, False, 0, None, history)
        deciding = next((j for j in history if j.id == row[3]), None) if row[3] else None
        return LevelSource(student_id, skill_id, row[0], bool(row[1]), row[2], deciding, history)

    def deciding_for_student(self, actor: Actor, student_id: str) -> list[JudgementView]:
        """The judgement behind each of the student's levels that one decides, by skill name."""
        with self.db.read() as s:
            require_student_access(s, actor, student_id)
            ids = [i for (i,) in raw_connection(s).execute(
                "SELECT judgement_id FROM learner_skill_state WHERE student_id = ? AND judgement_id != ''",
                (student_id,))]  # fmt: skip
            rows = s.execute(select(Judgement).where(Judgement.id.in_(ids))).scalars().all() if ids else []
            names: dict[str, str] = dict(s.execute(select(Skill.id, Skill.name)).all())
            return sorted(
                (_view(j, names.get(j.skill_id, "a skill")) for j in rows), key=lambda v: v.skill_name
            )

    def evidence_options(self, actor: Actor, student_id: str) -> list[EvidenceOption]:
        """The student's work a teacher can judge from, newest first: handed-in draft versions, plan
        evidence, their team's challenge posts; and an observation in class."""
        require_teacher(actor)
        out: list[EvidenceOption] = []
        with self.db.read() as s:
            require_student_access(s, actor, student_id)
            for v, d, task in s.execute(
                select(DraftVersion, Draft, WritingTask).join(Draft, Draft.id == DraftVersion.draft_id)
                .join(WritingTask, WritingTask.id == Draft.task_id)
                .where(Draft.student_id == student_id, Draft.deleted == False, DraftVersion.deleted == False)  # noqa: E712
                .order_by(DraftVersion.saved_at.desc())).all():  # fmt: skip
                when = i18n.day(v.saved_at)
                out.append(EvidenceOption("draft_version", v.id, _("Essay '{title}' ({word_count} words, {when})", title=task.title, word_count=v.word_count, when=when),
                                          tuple(task.skill_ids or ())))  # fmt: skip
            for ev, goal in s.execute(select(GoalEvidence, Goal).join(Goal, Goal.id == GoalEvidence.goal_id)
                                      .where(Goal.student_id == student_id, GoalEvidence.deleted == False)  # noqa: E712
                                      .order_by(GoalEvidence.created_at.desc())).all():  # fmt: skip
                words = (ev.note or ev.kind).split("\n")[0][:50]
                out.append(EvidenceOption("plan_evidence", ev.id, _("Plan: {title}: {words}", title=goal.title, words=words),
                                          tuple(goal.skill_ids or ())))  # fmt: skip
            for team, ch in s.execute(
                select(Team, Challenge)
                .join(Challenge, Challenge.id == Team.challenge_id)
                .where(Team.deleted == False)
            ).all():  # noqa: E712
                if student_id not in (team.member_ids or []):
                    continue
                out.append(EvidenceOption("deliverable", team.id, _("Challenge '{title}' ({name})", title=ch.title, name=team.name),
                                          tuple(ch.skill_ids or ())))  # fmt: skip
        out.append(EvidenceOption("observation", "", _("What I saw in class (an observation)"), ()))
        return out

    def rows_for_draft(
        self, actor: Actor, version_id: str
    ) -> tuple[tuple[str, str], EvidenceOption, list[JudgeRow]]:
        """Judging a handed-in draft: ((student id, name), the draft version as evidence, one row per rubric
        criterion or check of its task, each mapped to a writing skill)."""
        require_teacher(actor)
        with self.db.read() as s:
            v = s.get(DraftVersion, version_id)
            d = s.get(Draft, v.draft_id) if v is not None else None
            task = s.get(WritingTask, d.task_id) if d is not None else None
            if task is None:
                raise NotFound(_("That draft is not in Tessera any more."))
            require_student_access(s, actor, d.student_id)
            person = s.get(Person, d.student_id)
            by_code = {
                k.code: (k.id, k.name)
                for k in s.execute(select(Skill).where(Skill.deleted == False)).scalars()
            }  # noqa: E712
        option = EvidenceOption(
            "draft_version",
            v.id,
            _("Essay '{title}' ({word_count} words)", title=task.title, word_count=v.word_count),
        )
        return (d.student_id, person.full_name if person else ""), option, writing_rows(list(task.rubric or []), dict(task.checks or {}), by_code,
                                                  list(task.skill_ids or []))  # fmt: skip

    def rows_for_team(
        self, actor: Actor, team_id: str
    ) -> tuple[list[tuple[str, str]], EvidenceOption, list[JudgeRow]]:
        """Judging a team's challenge work by the challenge's rubric: ((member id, name) for each member,
        the team's work as evidence, one row per rubric criterion with the challenge's skills)."""
        require_teacher(actor)
        with self.db.read() as s:
            team = s.get(Team, team_id)
            ch = s.get(Challenge, team.challenge_id) if team is not None else None
            if ch is None or team.deleted:
                raise NotFound(_("That team is not in Tessera any more."))
            members = []
            for pid in team.member_ids or []:
                p = s.get(Person, pid)
                if p is not None and not p.deleted:
                    require_student_access(s, actor, pid)
                    members.append((pid, p.full_name))
            names: dict[str, str] = dict(s.execute(select(Skill.id, Skill.name)).all())
            skills = [(k, names[k]) for k in ch.skill_ids or () if k in names]
        option = EvidenceOption(
            "deliverable", team.id, _("Challenge '{title}' ({name})", title=ch.title, name=team.name)
        )
        return members, option, challenge_rows(list(ch.rubric or []), skills)

    def rows_for_plan_evidence(
        self, actor: Actor, evidence_id: str
    ) -> tuple[tuple[str, str], EvidenceOption, list[JudgeRow]]:
        """Judging an evidence item of a student's plan: ((student id, name), the item, one row per skill
        of its goal)."""
        require_teacher(actor)
        with self.db.read() as s:
            ev = s.get(GoalEvidence, evidence_id)
            goal = s.get(Goal, ev.goal_id) if ev is not None and not ev.deleted else None
            if goal is None:
                raise NotFound(_("That evidence is not in Tessera any more."))
            require_student_access(s, actor, goal.student_id)
            person = s.get(Person, goal.student_id)
            names: dict[str, str] = dict(s.execute(select(Skill.id, Skill.name)).all())
        words = (ev.note or ev.kind).split("\n")[0][:50]
        option = EvidenceOption(
            "plan_evidence", ev.id, _("Plan: {title}: {words}", title=goal.title, words=words)
        )
        rows = [JudgeRow(names[k], ((k, names[k]),)) for k in goal.skill_ids or () if k in names]
        return (goal.student_id, person.full_name if person else ""), option, rows

    def judgeable_skills(self, actor: Actor, student_id: str) -> list[tuple[str, str, str]]:
        """(id, code, name) of every skill, for the teacher's chooser."""
        require_teacher(actor)
        with self.db.read() as s:
            require_student_access(s, actor, student_id)
            return [
                (k.id, k.code, k.name)
                for k in s.execute(select(Skill).where(Skill.deleted == False).order_by(Skill.code)).scalars()
            ]  # noqa: E712
