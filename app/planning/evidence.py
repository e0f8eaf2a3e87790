"""Evidence that a goal is moving: computed from practice (attempts on the goal's skills since the
goal began, skills mastered) and attached by the student (drafts, challenge work, a note)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Integer, func, select
from sqlmodel import Session

from app import i18n
from app.i18n import _
from app.models import Attempt, Challenge, Draft, Goal, GoalEvidence, LearnerSkillState, Team, WritingTask

ATTACHABLE = ("draft", "challenge", "note")


@dataclass(frozen=True)
class EvidenceView:
    kind: str  # "attempts" | "skill_state" | "mastered_skill" | "draft" | "challenge" | "note"
    label: str
    at: float = 0.0
    ref_id: str = ""
    id: str = ""  # set for attached evidence (which the student may remove)


@dataclass(frozen=True)
class EvidenceOption:
    kind: str
    ref_id: str
    label: str


def options(s: Session, student_id: str) -> list[EvidenceOption]:
    """The student's own work they may attach: drafts and challenge teams."""
    out = []
    drafts = s.execute(
        select(Draft.id, WritingTask.title, Draft.status)
        .join(WritingTask, WritingTask.id == Draft.task_id)
        .where(Draft.student_id == student_id, Draft.deleted == False)
        .order_by(Draft.created_at.desc())
    ).all()
    for did, title, status in drafts:
        out.append(EvidenceOption("draft", did, _("Writing: {title} ({status})", title=title, status=status)))
    teams = s.execute(
        select(Team.id, Team.member_ids, Challenge.title)
        .join(Challenge, Challenge.id == Team.challenge_id)
        .where(Team.deleted == False, Challenge.deleted == False)
    ).all()
    for tid, members, title in teams:
        if student_id in (members or []):
            out.append(EvidenceOption("challenge", tid, _("Challenge: {title}", title=title)))
    return out


def _labels(s: Session, items: list[GoalEvidence]) -> dict[str, str]:
    drafts = [e.ref_id for e in items if e.kind == "draft"]
    teams = [e.ref_id for e in items if e.kind == "challenge"]
    out = {}
    if drafts:
        out.update(
            {
                d: _("Writing: {t}", t=t)
                for d, t in s.execute(
                    select(Draft.id, WritingTask.title)
                    .join(WritingTask, WritingTask.id == Draft.task_id)
                    .where(Draft.id.in_(drafts))
                ).all()
            }
        )
    if teams:
        out.update(
            {
                tid: _("Challenge: {t}", t=t)
                for tid, t in s.execute(
                    select(Team.id, Challenge.title)
                    .join(Challenge, Challenge.id == Team.challenge_id)
                    .where(Team.id.in_(teams))
                ).all()
            }
        )
    return out


def goal_evidence(
    s: Session, student_id: str, goals: list[Goal], names: dict[str, str]
) -> dict[str, list[EvidenceView]]:
    out: dict[str, list[EvidenceView]] = {g.id: [] for g in goals}
    if not goals:
        return out
    skills = {k for g in goals for k in (g.skill_ids or [])}
    since = min(g.created_at for g in goals)
    counts: dict[str, list[tuple[float, int, int]]] = {}
    if skills:
        # Attempts per skill since the plan's first goal began.
        rows = s.execute(
            select(
                Attempt.skill_id,
                func.count(),
                func.sum(Attempt.correct, type_=Integer),
                func.min(Attempt.at),
                func.max(Attempt.at),
            )
            .where(
                Attempt.student_id == student_id,
                Attempt.at >= since,
                Attempt.skill_id.in_(skills),
                Attempt.deleted == False,
            )
            .group_by(Attempt.skill_id)
        ).all()
        for skill_id, n, k, first, last in rows:
            counts.setdefault(skill_id, []).append((last, int(n), int(k or 0)))
        states = {
            k: (m, n, last)
            for k, m, n, last in s.execute(
                select(
                    LearnerSkillState.skill_id,
                    LearnerSkillState.mastery,
                    LearnerSkillState.attempts,
                    LearnerSkillState.last_at,
                ).where(LearnerSkillState.student_id == student_id, LearnerSkillState.skill_id.in_(skills))
            ).all()
        }
        mastered: dict[str, float | None] = dict(
            s.execute(
                select(LearnerSkillState.skill_id, LearnerSkillState.mastered_at).where(
                    LearnerSkillState.student_id == student_id,
                    LearnerSkillState.skill_id.in_(skills),
                    LearnerSkillState.mastered == True,
                )
            ).all()
        )
    else:
        states, mastered = {}, {}
    attached = list(
        s.execute(
            select(GoalEvidence)
            .where(GoalEvidence.goal_id.in_([g.id for g in goals]), GoalEvidence.deleted == False)
            .order_by(GoalEvidence.created_at)
        ).scalars()
    )
    labels = _labels(s, attached)
    for g in goals:
        items = out[g.id]
        for k in g.skill_ids or []:
            for last, n, right in counts.get(k, []):
                items.append(
                    EvidenceView(
                        "attempts",
                        _(
                            "{n_} practice questions on {get} since the plan began ({round}% right)",
                            n_=n,
                            get=names.get(k, "a skill"),
                            round=round(100 * right / n),
                        ),
                        last,
                        k,
                    )
                )
            st = states.get(k)
            if st is not None and st[1] and k not in mastered:
                items.append(
                    EvidenceView(
                        "skill_state",
                        _(
                            "{get}: {round}% likely right now, from {v} questions in all",
                            get=names.get(k, "a skill"),
                            round=round(st[0] * 100),
                            v=st[1],
                        ),
                        st[2],
                        k,
                    )
                )
            if k in mastered:
                when = mastered[k]
                stamp = _(" on {lstrip}", lstrip=i18n.day(when)) if when else ""
                items.append(
                    EvidenceView(
                        "mastered_skill",
                        _("Mastered {get}{stamp}", get=names.get(k, "a skill"), stamp=stamp),
                        when,
                        k,
                    )
                )
        for e in attached:
            if e.goal_id == g.id:
                label = e.note if e.kind == "note" else labels.get(e.ref_id, "Work that is no longer there")
                if e.kind != "note" and e.note:
                    label += f": {e.note}"
                items.append(EvidenceView(e.kind, label, e.created_at, e.ref_id, e.id))
    return out
