"""Teams that span classes, for a school-wide (or grade) challenge week: a team belongs to the
challenge (partition ``school//``), and each class's teacher puts their own students on it
(``team_member`` rows in the class's partition), so two teachers filling one team never overwrite
each other. Each teacher sees their own students' part by name and the rest as counts."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from app.errors import InvalidInput, PermissionDenied
from app.i18n import _
from app.models import Checkpoint, Enrollment, Person, SchoolClass, Team, TeamCheckpoint, TeamMember
from app.models.base import partition_key
from app.people.actor import Actor
from app.people.permissions import require_class
from app.planning import challenge_access as acc
from app.store.database import Database


@dataclass(frozen=True)
class SchoolTeamPart:
    """One cross-class team as one class's teacher sees it."""

    team_id: str
    name: str
    my_students: tuple[tuple[str, str], ...]  # (id, name) of this class's members
    others: int  # members from other classes (never named here)
    classes: int  # how many classes have members on it
    statuses: dict  # checkpoint id -> status


class SchoolTeamService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def make_team(self, actor: Actor, challenge_id: str, name: str) -> str:
        """A team across classes, for a school or grade challenge the teacher runs."""
        name = name.strip()[:80]
        if not name:
            raise InvalidInput(_("Give the team a name."))
        with self.db.write() as s:
            ch = acc.get_challenge(s, challenge_id)
            acc.require_run(s, actor, ch)
            if ch.scope not in ("school", "grade"):
                raise InvalidInput(_("Teams across classes are for school-wide and grade challenges."))
            if ch.status == "finished":
                raise InvalidInput(_("This challenge is finished; its teams can no longer change."))
            existing = s.execute(select(Team.id).where(Team.challenge_id == ch.id, Team.name == name,
                                                       Team.deleted == False)).first()  # noqa: E712  # fmt: skip
            if existing:
                raise InvalidInput(_("Each team needs its own name."))
            part = partition_key(ch.school_id)
            team = Team(challenge_id=ch.id, name=name, member_ids=[], partition=part)
            s.add(team)
            s.flush()
            for cp in s.execute(select(Checkpoint.id).where(Checkpoint.challenge_id == ch.id,
                                                             Checkpoint.deleted == False)).scalars():  # noqa: E712  # fmt: skip
                s.add(TeamCheckpoint(team_id=team.id, checkpoint_id=cp, partition=part))
            return team.id

    def set_my_students(self, actor: Actor, team_id: str, class_id: str, student_ids: list[str]) -> None:
        """This class's part of a cross-class team: its teacher adds and removes only their own students."""
        with self.db.write() as s:
            team = acc.get_team(s, team_id)
            ch = acc.get_challenge(s, team.challenge_id)
            require_class(s, actor, class_id)
            klass = s.get(SchoolClass, class_id)
            reaches = ch.school_id == klass.school_id and (
                ch.scope == "school" or (ch.scope == "grade" and ch.grade == klass.grade)
            )
            if not reaches or acc.team_class_id(team):
                raise PermissionDenied(_("This team is not open to that class."))
            if ch.status == "finished":
                raise InvalidInput(_("This challenge is finished; its teams can no longer change."))
            wanted = list(dict.fromkeys(student_ids))
            allowed = set(s.execute(select(Enrollment.person_id).where(
                Enrollment.class_id == class_id, Enrollment.role == "student", Enrollment.deleted == False)).scalars())  # noqa: E712  # fmt: skip
            if set(wanted) - allowed:
                raise PermissionDenied(_("You can put only your own class's students on a team."))
            teams = list(
                s.execute(select(Team.id).where(Team.challenge_id == ch.id, Team.deleted == False)).scalars()
            )  # noqa: E712
            taken = {
                m.student_id
                for m in s.execute(
                    select(TeamMember).where(
                        TeamMember.team_id.in_(teams),
                        TeamMember.team_id != team_id,
                        TeamMember.deleted == False,
                    )
                ).scalars()  # noqa: E712  # fmt: skip
            }
            if set(wanted) & taken:
                raise InvalidInput(_("A student can be on only one team."))
            mine = {
                m.student_id: m
                for m in s.execute(
                    select(TeamMember).where(
                        TeamMember.team_id == team_id,
                        TeamMember.class_id == class_id,
                        TeamMember.deleted == False,
                    )
                ).scalars()  # noqa: E712  # fmt: skip
            }
            part = partition_key(klass.school_id, class_id)
            for sid in wanted:
                if sid not in mine:
                    s.add(TeamMember(team_id=team_id, student_id=sid, class_id=class_id, partition=part))
            for sid, row in mine.items():
                if sid not in wanted:
                    row.deleted = True

    def my_part(self, actor: Actor, challenge_id: str, class_id: str) -> list[SchoolTeamPart]:
        """The cross-class teams of a challenge as this class's teacher sees them."""
        with self.db.read() as s:
            require_class(s, actor, class_id)
            ch = acc.get_challenge(s, challenge_id)
            teams = [t for t in s.execute(select(Team).where(Team.challenge_id == ch.id, Team.deleted == False)
                                          .order_by(Team.name)).scalars() if not acc.team_class_id(t)]  # noqa: E712  # fmt: skip
            ids = [t.id for t in teams]
            members = list(s.execute(select(TeamMember).where(TeamMember.team_id.in_(ids),
                                                              TeamMember.deleted == False)).scalars()) if ids else []  # noqa: E712  # fmt: skip
            names = {p.id: p.full_name for p in s.execute(select(Person).where(
                Person.id.in_({m.student_id for m in members if m.class_id == class_id}))).scalars()}  # fmt: skip
            statuses: dict[str, dict] = {}
            if ids:
                for tc in s.execute(select(TeamCheckpoint).where(TeamCheckpoint.team_id.in_(ids),
                                                                 TeamCheckpoint.deleted == False)).scalars():  # noqa: E712  # fmt: skip
                    statuses.setdefault(tc.team_id, {})[tc.checkpoint_id] = tc.status
            out = []
            for t in teams:
                ms = [m for m in members if m.team_id == t.id]
                mine = tuple(sorted(((m.student_id, names.get(m.student_id, "")) for m in ms if m.class_id == class_id),
                                    key=lambda x: x[1]))  # fmt: skip
                out.append(SchoolTeamPart(t.id, t.name, mine, len(ms) - len(mine), len({m.class_id for m in ms}),
                                          statuses.get(t.id, {})))  # fmt: skip
            return out

    def set_status(self, actor: Actor, team_id: str, checkpoint_id: str, status: str) -> None:
        """A teacher with students on a cross-class team marks its checkpoints."""
        if status not in ("not_started", "in_progress", "done"):
            raise InvalidInput(_("A checkpoint is not started, in progress or done."))
        with self.db.write() as s:
            team = acc.get_team(s, team_id)
            from app.people.permissions import teacher_class_ids

            mine = teacher_class_ids(s, actor)
            on = {m.class_id for m in s.execute(select(TeamMember).where(TeamMember.team_id == team_id,
                                                                         TeamMember.deleted == False)).scalars()}  # noqa: E712  # fmt: skip
            if not (on & mine) and actor.person_id != "system":
                raise PermissionDenied(_("None of your students is on this team."))
            row = s.execute(select(TeamCheckpoint).where(TeamCheckpoint.team_id == team.id,
                                                         TeamCheckpoint.checkpoint_id == checkpoint_id)).scalars().first()  # fmt: skip
            if row is None:
                raise InvalidInput(_("That checkpoint is not part of this challenge."))
            row.status = status
