"""Who may see and run a challenge and its teams.

- A class challenge is run by the teachers of that class; a grade challenge by any teacher of the
  school who teaches a class of that grade; a school challenge by any teacher of the school.
- A team is seen by its members and by the teachers of any member's class (or who run the challenge).
- A student sees a challenge only through a team they are on.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlmodel import Session

from app.errors import NotFound, PermissionDenied
from app.i18n import _
from app.models import Challenge, SchoolClass, Team, TeamMember
from app.people.actor import Actor
from app.people.permissions import student_class_ids, teacher_class_ids


def get_challenge(s: Session, challenge_id: str) -> Challenge:
    ch = s.get(Challenge, challenge_id)
    if ch is None or ch.deleted:
        raise NotFound(_("That challenge no longer exists."))
    return ch


def get_team(s: Session, team_id: str) -> Team:
    team = s.get(Team, team_id)
    if team is None or team.deleted:
        raise NotFound(_("That team no longer exists."))
    return team


def teacher_grades(s: Session, actor: Actor) -> set[str]:
    ids = teacher_class_ids(s, actor)
    if not ids:
        return set()
    return {g for g in s.execute(select(SchoolClass.grade).where(SchoolClass.id.in_(ids))).scalars() if g}


def can_run(s: Session, actor: Actor, ch: Challenge) -> bool:
    if actor.person_id == "system":
        return True
    if not actor.is_teacher or ch.school_id != actor.school_id:
        return False
    if ch.scope == "school":
        return True
    if ch.scope == "grade":
        return ch.grade in teacher_grades(s, actor) or ch.created_by == actor.person_id
    return bool(ch.class_id) and ch.class_id in teacher_class_ids(s, actor)


def require_run(s: Session, actor: Actor, ch: Challenge) -> None:
    if not can_run(s, actor, ch):
        raise PermissionDenied(_("Only the teachers running this challenge can do that."))


def team_class_id(team: Team) -> str:
    """Teams are formed within a class; the class is the middle part of the team's partition."""
    parts = (team.partition or "//").split("/")
    return parts[1] if len(parts) > 1 else ""


def can_see_team(s: Session, actor: Actor, team: Team, ch: Challenge | None = None) -> bool:
    if actor.person_id == "system":
        return True
    if actor.is_student:
        return actor.person_id in (team.member_ids or []) or actor.person_id in cross_members(s, team.id)
    ch = ch or get_challenge(s, team.challenge_id)
    mine = teacher_class_ids(s, actor)
    if team_class_id(team) in mine:
        return True
    if not team_class_id(team) and set(cross_members(s, team.id).values()) & mine:
        return True  # a team across classes: each class's teachers see it (issue 21)
    if ch.scope == "class" and ch.class_id in mine:
        return True
    return any(student_class_ids(s, m) & mine for m in team.member_ids or [])


def cross_members(s: Session, team_id: str) -> dict[str, str]:
    """A team across classes (``team_member``): student -> class."""
    return dict(
        s.execute(
            select(TeamMember.student_id, TeamMember.class_id).where(
                TeamMember.team_id == team_id,
                TeamMember.deleted == False,  # noqa: E712
            )
        ).all()
    )


def require_team(s: Session, actor: Actor, team: Team, ch: Challenge | None = None) -> None:
    if not can_see_team(s, actor, team, ch):
        if actor.is_student:
            raise PermissionDenied(_("You can only see your own team's work."))
        raise PermissionDenied(_("This team is not in one of your classes."))
