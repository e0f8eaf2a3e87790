"""Extended challenges: a driving question, a brief, a community partner, skills, a rubric and
dated checkpoints, for one class, a grade or the whole school; teams formed by hand or from a
suggestion; a board of every team's checkpoint status; finishing celebrates every member."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select

from app.config import resources_dir
from app.errors import InvalidInput, PermissionDenied
from app.i18n import _
from app.models import (
    Challenge,
    Checkpoint,
    Person,
    Profile,
    RubricScore,
    SchoolClass,
    Skill,
    Team,
    TeamCheckpoint,
    TeamLog,
    TeamMember,
)
from app.models.base import partition_key
from app.people.actor import Actor
from app.people.celebrations import CelebrationService
from app.people.permissions import require_class, require_teacher, teacher_class_ids
from app.planning import challenge_access as acc
from app.planning.levels import SCOPES
from app.planning.queries import class_students, skill_facts, skill_names
from app.planning.teams import Candidate, TeamSuggestion, suggest_teams
from app.store.database import Database

DAY = 86_400.0


@dataclass(frozen=True)
class Template:
    key: str
    title: str
    driving_question: str
    brief: str
    community_partner: str
    skill_codes: tuple[str, ...]
    rubric: tuple[dict, ...]
    checkpoints: tuple[tuple[str, int], ...]  # (title, days after the start)


@dataclass
class ChallengeDraft:
    title: str
    driving_question: str = ""
    brief: str = ""
    community_partner: str = ""
    skill_ids: list[str] = field(default_factory=list)
    rubric: list[dict] = field(default_factory=list)  # [{"criterion": str, "levels": [4 descriptors]}]
    checkpoints: list[tuple[str, float]] = field(default_factory=list)  # (title, due_at)
    scope: str = "class"
    class_id: str = ""
    grade: str = ""


@dataclass(frozen=True)
class CheckpointView:
    id: str
    title: str
    due_at: float


@dataclass(frozen=True)
class ChallengeView:
    id: str
    title: str
    scope: str
    class_id: str
    grade: str
    driving_question: str
    brief: str
    community_partner: str
    skill_ids: tuple[str, ...]
    skill_names: tuple[str, ...]
    rubric: tuple[dict, ...]
    status: str
    checkpoints: tuple[CheckpointView, ...]
    created_at: float


@dataclass(frozen=True)
class RubricView:
    scores: dict
    comment: str
    at: float


@dataclass(frozen=True)
class TeamView:
    id: str
    name: str
    member_ids: tuple[str, ...]
    member_names: tuple[str, ...]
    statuses: dict  # checkpoint id -> "not_started" | "in_progress" | "done"
    last_log_at: float = 0.0
    logs: int = 0
    assessment: RubricView | None = None


@dataclass(frozen=True)
class Board:
    challenge: ChallengeView
    teams: tuple[TeamView, ...]

    def cell(self, team: TeamView, checkpoint: CheckpointView, now: float) -> str:
        """ "done", "in_progress", "not_started" or "late" (not done and past its date)."""
        status = team.statuses.get(checkpoint.id, "not_started")
        if status != "done" and checkpoint.due_at and now > checkpoint.due_at + DAY:
            return "late"
        return status


@dataclass(frozen=True)
class SuggestedTeam:
    name: str
    member_ids: tuple[str, ...]
    member_names: tuple[str, ...]
    reason: str


def load_templates(path: Path | None = None) -> list[Template]:
    path = path or resources_dir() / "planning" / "challenge_templates.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))["templates"]
    except (OSError, ValueError, KeyError) as exc:
        raise InvalidInput(_("The challenge templates could not be read: {exc}", exc=exc)) from exc
    return [
        Template(
            t["key"],
            t["title"],
            t.get("driving_question", ""),
            t.get("brief", ""),
            t.get("community_partner", ""),
            tuple(t.get("skills", ())),
            tuple(t.get("rubric", ())),
            tuple((c[0], int(c[1])) for c in t.get("checkpoints", ())),
        )
        for t in data
    ]


def _weekday(ts: float) -> float:
    """Move a date that falls on a weekend to the Monday after."""
    import datetime as dt

    wd = dt.date.fromtimestamp(ts).weekday()
    return ts + (7 - wd) * DAY if wd >= 5 else ts


def _clean_rubric(rubric: list[dict]) -> list[dict]:
    out = []
    for r in rubric:
        name = str(r.get("criterion", "")).strip()
        if not name:
            continue
        levels = [str(x).strip() for x in (r.get("levels") or [])][:4]
        out.append({"criterion": name[:120], "levels": levels + [""] * (4 - len(levels))})
    names = [r["criterion"] for r in out]
    if len(set(names)) != len(names):
        raise InvalidInput(_("Each rubric criterion needs its own name."))
    return out


class ChallengeService:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- templates and creation -------------------------------------------------------------------
    def templates(self) -> list[Template]:
        return load_templates()

    def draft_from_template(self, key: str, class_id: str = "", start: float | None = None) -> ChallengeDraft:
        t = next((t for t in self.templates() if t.key == key), None)
        if t is None:
            raise InvalidInput(_("That template is not available."))
        start = start or time.time()
        with self.db.read() as s:
            ids: dict[str, str] = dict(
                s.execute(select(Skill.code, Skill.id).where(Skill.code.in_(t.skill_codes))).all()
            )
        return ChallengeDraft(
            t.title,
            t.driving_question,
            t.brief,
            t.community_partner,
            [ids[c] for c in t.skill_codes if c in ids],
            [dict(r) for r in t.rubric],
            [(title, _weekday(start + days * DAY)) for title, days in t.checkpoints],
            "class",
            class_id,
        )

    def create(self, actor: Actor, d: ChallengeDraft) -> ChallengeView:
        require_teacher(actor)
        if not d.title.strip():
            raise InvalidInput(_("Give the challenge a title."))
        if d.scope not in SCOPES:
            raise InvalidInput(_("A challenge is for one class, a grade or the whole school."))
        checkpoints = [(t.strip(), float(due)) for t, due in d.checkpoints if t.strip()]
        if not checkpoints:
            raise InvalidInput(_("Add at least one checkpoint with a date."))
        with self.db.write() as s:
            school_id, class_id, grade = actor.school_id, None, ""
            if d.scope == "class":
                require_class(s, actor, d.class_id)
                class_id = d.class_id
                school_id = s.get(SchoolClass, class_id).school_id
            elif d.scope == "grade":
                grade = d.grade.strip()
                if not grade:
                    klass = s.get(SchoolClass, d.class_id) if d.class_id else None
                    grade = klass.grade if klass else ""
                if not grade or grade not in acc.teacher_grades(s, actor):
                    raise PermissionDenied(_("You can set a grade challenge only for a grade you teach."))
            valid = set(s.execute(select(Skill.id).where(Skill.id.in_(d.skill_ids))).scalars())
            ch = Challenge(
                scope=d.scope,
                school_id=school_id,
                class_id=class_id,
                grade=grade,
                title=d.title.strip()[:200],
                driving_question=d.driving_question.strip()[:500],
                brief=d.brief.strip()[:4000],
                community_partner=d.community_partner.strip()[:200],
                skill_ids=[k for k in d.skill_ids if k in valid],
                rubric=_clean_rubric(d.rubric),
                status="running",
                created_by=actor.person_id,
            )
            # Shared by partition: a class challenge with that class, grade and school ones with the school.
            ch.partition = partition_key(school_id, class_id or "")
            s.add(ch)
            s.flush()  # checkpoints point at it (no ORM relationships to order the inserts)
            for i, (title, due) in enumerate(sorted(checkpoints, key=lambda c: c[1])):
                s.add(
                    Checkpoint(
                        challenge_id=ch.id, title=title[:200], due_at=due, sort=i, partition=ch.partition
                    )
                )
            cid = ch.id
        return self.get(actor, cid)

    # -- reading ------------------------------------------------------------------------------------
    def get(self, actor: Actor, challenge_id: str) -> ChallengeView:
        with self.db.read() as s:
            ch = acc.get_challenge(s, challenge_id)
            if not acc.can_run(s, actor, ch) and not self._on_team(s, actor, ch.id):
                raise PermissionDenied(_("You can only see challenges you are part of."))
            return _view(s, ch, skill_names(s))

    def for_class(self, actor: Actor, class_id: str, include_finished: bool = True) -> list[ChallengeView]:
        """Challenges that reach this class: its own, its grade's and the school's."""
        with self.db.read() as s:
            require_class(s, actor, class_id)
            klass = s.get(SchoolClass, class_id)
            rows = s.execute(
                select(Challenge)
                .where(Challenge.deleted == False, Challenge.school_id == klass.school_id)
                .order_by(Challenge.created_at.desc())
            ).scalars()
            names = skill_names(s)
            out = []
            for ch in rows:
                reaches = (
                    ch.scope == "school"
                    or (ch.scope == "grade" and ch.grade == klass.grade)
                    or (ch.scope == "class" and ch.class_id == class_id)
                )
                if reaches and (include_finished or ch.status != "finished"):
                    out.append(_view(s, ch, names))
            return out

    def for_student(self, actor: Actor) -> list[tuple[ChallengeView, TeamView]]:
        """The challenges a student is on a team for, with their team."""
        with self.db.read() as s:
            crossing = set(
                s.execute(
                    select(TeamMember.team_id).where(
                        TeamMember.student_id == actor.person_id,
                        TeamMember.deleted == False,  # noqa: E712
                    )
                ).scalars()
            )  # teams across classes (issue 21)
            teams = [
                t
                for t in s.execute(select(Team).where(Team.deleted == False)).scalars()
                if actor.person_id in (t.member_ids or []) or t.id in crossing
            ]
            names = skill_names(s)
            out = []
            for t in teams:
                ch = s.get(Challenge, t.challenge_id)
                if ch is None or ch.deleted:
                    continue
                view = _view(s, ch, names)
                out.append((view, _team_views(s, [t], view)[0]))
            out.sort(key=lambda x: (x[0].status == "finished", -x[0].created_at))
            return out

    def board(self, actor: Actor, challenge_id: str, class_id: str = "") -> Board:
        with self.db.read() as s:
            ch = acc.get_challenge(s, challenge_id)
            view = _view(s, ch, skill_names(s))
            teams = list(
                s.execute(
                    select(Team).where(Team.challenge_id == ch.id, Team.deleted == False).order_by(Team.name)
                ).scalars()
            )
            if class_id:
                require_class(s, actor, class_id)
                teams = [t for t in teams if acc.team_class_id(t) == class_id]
            elif not acc.can_run(s, actor, ch):
                teams = [t for t in teams if acc.can_see_team(s, actor, t, ch)]
                if not teams:
                    raise PermissionDenied(_("You can only see challenges you are part of."))
            else:
                teams = [t for t in teams if acc.can_see_team(s, actor, t, ch)]
            return Board(view, tuple(_team_views(s, teams, view)))

    # -- teams -----------------------------------------------------------------------------------------
    def suggest_teams(
        self, actor: Actor, challenge_id: str, class_id: str, n_teams: int
    ) -> list[SuggestedTeam]:
        with self.db.read() as s:
            ch = acc.get_challenge(s, challenge_id)
            _require_reaches(s, actor, ch, class_id)
            students = class_students(s, class_id)
            names = skill_names(s)
            facts = skill_facts(s, [p.id for p in students], None, names)
            interests = {
                p.student_id: p.interests or []
                for p in s.execute(
                    select(Profile).where(Profile.student_id.in_([p.id for p in students]))
                ).scalars()
            }
            domain_of: dict[str, str] = dict(s.execute(select(Skill.id, Skill.domain_id)).all())
        keys = list(ch.skill_ids or [])
        cands = []
        for p in students:
            f = facts.get(p.id, {})
            if keys:
                strengths = {k: (f[k].mastery if k in f and f[k].attempts else 0.0) for k in keys}
            else:  # no skills named: balance by domain
                per: dict[str, list[float]] = {}
                for k, fact in f.items():
                    if fact.attempts:
                        per.setdefault(domain_of.get(k, ""), []).append(fact.mastery)
                strengths = {d: sum(v) / len(v) for d, v in per.items()}
            cands.append(
                Candidate(p.id, p.full_name, strengths, frozenset(i.lower() for i in interests.get(p.id, [])))
            )
        plans: list[TeamSuggestion] = suggest_teams(cands, max(1, int(n_teams)), keys or None, names)
        by_id = {p.id: p.full_name for p in students}
        return [
            SuggestedTeam(
                _("Team {v}", v=i + 1), t.member_ids, tuple(by_id[m] for m in t.member_ids), t.reason
            )
            for i, t in enumerate(plans)
        ]

    def set_teams(
        self, actor: Actor, challenge_id: str, class_id: str, teams: list[tuple[str, list[str]]]
    ) -> list[TeamView]:
        """Replace this class's teams for the challenge. Teams are matched by name, so a renamed
        or removed team is archived (its log is kept) and each student is on one team at most."""
        with self.db.write() as s:
            ch = acc.get_challenge(s, challenge_id)
            _require_reaches(s, actor, ch, class_id)
            allowed = {p.id for p in class_students(s, class_id)}
            seen: set[str] = set()
            clean = []
            for name, members in teams:
                name = name.strip()[:80]
                members = [m for m in dict.fromkeys(members)]
                if not name or not members:
                    continue
                if set(members) - allowed:
                    raise PermissionDenied(_("Teams can only have students of this class."))
                if set(members) & seen:
                    raise InvalidInput(_("A student can be on only one team."))
                seen |= set(members)
                clean.append((name, members))
            if len({n for n, _x in clean}) != len(clean):
                raise InvalidInput(_("Each team needs its own name."))
            klass = s.get(SchoolClass, class_id)
            part = partition_key(klass.school_id, class_id)
            existing = {
                t.name: t
                for t in s.execute(
                    select(Team).where(Team.challenge_id == ch.id, Team.deleted == False)
                ).scalars()
                if acc.team_class_id(t) == class_id
            }
            checkpoints = list(
                s.execute(
                    select(Checkpoint.id).where(Checkpoint.challenge_id == ch.id, Checkpoint.deleted == False)
                ).scalars()
            )
            for name, members in clean:
                team = existing.pop(name, None)
                if team is None:
                    team = Team(challenge_id=ch.id, name=name, partition=part)
                    s.add(team)
                    s.flush()
                    for cp in checkpoints:
                        s.add(TeamCheckpoint(team_id=team.id, checkpoint_id=cp, partition=part))
                team.member_ids = list(members)
            for gone in existing.values():
                gone.deleted = True
        return list(self.board(actor, challenge_id, class_id).teams)

    def finish(self, actor: Actor, challenge_id: str) -> int:
        """Mark the challenge finished and celebrate every team member. Returns how many."""
        with self.db.write() as s:
            ch = acc.get_challenge(s, challenge_id)
            acc.require_run(s, actor, ch)
            if ch.status == "finished":
                return 0
            ch.status = "finished"
            mine = teacher_class_ids(s, actor)
            n = 0
            for team in s.execute(
                select(Team).where(Team.challenge_id == ch.id, Team.deleted == False)
            ).scalars():
                if (
                    ch.scope != "class"
                    and acc.team_class_id(team) not in mine
                    and actor.person_id != "system"
                ):
                    continue
                for sid in team.member_ids or []:
                    p = s.get(Person, sid)
                    if p is not None:
                        n += CelebrationService.record_once(
                            s,
                            sid,
                            p.partition,
                            "challenge_done",
                            _("Finished the challenge: {title}", title=ch.title),
                            ref_id=ch.id,
                        )
            return n

    @staticmethod
    def _on_team(s, actor: Actor, challenge_id: str) -> bool:
        return any(
            actor.person_id in (t.member_ids or []) or actor.person_id in acc.cross_members(s, t.id)
            for t in s.execute(
                select(Team).where(Team.challenge_id == challenge_id, Team.deleted == False)
            ).scalars()
        )


def _require_reaches(s, actor: Actor, ch: Challenge, class_id: str) -> None:
    """Teams are formed per class, by a teacher of that class, for a challenge that reaches it."""
    require_class(s, actor, class_id)
    klass = s.get(SchoolClass, class_id)
    reaches = (
        (ch.scope == "school" and ch.school_id == klass.school_id)
        or (ch.scope == "grade" and ch.school_id == klass.school_id and ch.grade == klass.grade)
        or (ch.scope == "class" and ch.class_id == class_id)
    )
    if not reaches:
        raise PermissionDenied(_("This challenge is not set for that class."))
    if ch.status == "finished":
        raise InvalidInput(_("This challenge is finished; its teams can no longer change."))


def _view(s, ch: Challenge, names: dict[str, str]) -> ChallengeView:
    cps = s.execute(
        select(Checkpoint)
        .where(Checkpoint.challenge_id == ch.id, Checkpoint.deleted == False)
        .order_by(Checkpoint.sort, Checkpoint.due_at)
    ).scalars()
    return ChallengeView(
        ch.id,
        ch.title,
        ch.scope,
        ch.class_id or "",
        ch.grade,
        ch.driving_question,
        ch.brief,
        ch.community_partner,
        tuple(ch.skill_ids or ()),
        tuple(names.get(k, "a skill") for k in ch.skill_ids or ()),
        tuple(ch.rubric or ()),
        ch.status,
        tuple(CheckpointView(c.id, c.title, c.due_at) for c in cps),
        ch.created_at,
    )


def _team_views(s, teams: list[Team], ch: ChallengeView) -> list[TeamView]:
    if not teams:
        return []
    ids = [t.id for t in teams]
    statuses: dict[str, dict] = {t: {} for t in ids}
    for tc in s.execute(
        select(TeamCheckpoint).where(TeamCheckpoint.team_id.in_(ids), TeamCheckpoint.deleted == False)
    ).scalars():
        statuses[tc.team_id][tc.checkpoint_id] = tc.status
    logs = {
        tid: (n, last)
        for tid, n, last in s.execute(
            select(TeamLog.team_id, func.count(), func.max(TeamLog.created_at))
            .where(TeamLog.team_id.in_(ids), TeamLog.deleted == False)
            .group_by(TeamLog.team_id)
        ).all()
    }
    scores = {}
    for r in s.execute(
        select(RubricScore)
        .where(RubricScore.team_id.in_(ids), RubricScore.deleted == False)
        .order_by(RubricScore.updated_at)
    ).scalars():
        scores[r.team_id] = RubricView(dict(r.scores or {}), r.comment, r.updated_at)
    members = {m for t in teams for m in t.member_ids or []}
    names = {p.id: p.full_name for p in s.execute(select(Person).where(Person.id.in_(members))).scalars()}
    out = []
    for t in teams:
        n, last = logs.get(t.id, (0, 0.0))
        mids = tuple(t.member_ids or ())
        out.append(
            TeamView(
                t.id,
                t.name,
                mids,
                tuple(names.get(m, "?") for m in mids),
                statuses[t.id],
                last or 0.0,
                n,
                scores.get(t.id),
            )
        )
    return out
