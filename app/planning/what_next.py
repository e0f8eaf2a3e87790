"""What next for a student: gather the facts (skills, plan, team checkpoints, writing, check-in)
and rank them with ``next_steps.rank``."""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import replace

from sqlalchemy import select
from sqlmodel import Session

from app.errors import NotFound
from app.i18n import _
from app.models import Challenge, CheckIn, Checkpoint, Draft, Person, Team, TeamCheckpoint, WritingTask
from app.models.base import partition_key
from app.people.actor import Actor
from app.people.permissions import require_student_access, student_class_ids
from app.planning.checkins import CheckInService
from app.planning.next_steps import CheckpointFact, GoalStep, HomeFacts, NextStep, WritingFact, rank
from app.planning.plan_data import load_plans
from app.planning.progress import skill_progress
from app.planning.queries import skill_facts, skill_names
from app.practice.standing import skill_levels
from app.store.database import Database
from app.store.raw import raw_connection


class WhatNextService:
    def __init__(self, db: Database, checkins: CheckInService | None = None) -> None:
        self.db = db
        self.checkins = checkins or CheckInService(db)

    def for_student(self, actor: Actor, student_id: str = "", now: float | None = None) -> list[NextStep]:
        """Every option, best first, each with its reason in plain words."""
        return rank(self.facts(actor, student_id or actor.person_id, now))

    def facts(self, actor: Actor, student_id: str, now: float | None = None) -> HomeFacts:
        now = now or time.time()
        with self.db.read() as s:
            require_student_access(s, actor, student_id)
            enabled = self.checkins.enabled(actor, s)
            school_id = s.execute(
                select(Person.school_id).where(Person.id == student_id)
            ).scalar_one_or_none()
            if school_id is None:
                raise NotFound(_("That student no longer exists."))
            names = skill_names(s)
            known = skill_facts(s, [student_id], None, names)
            levels = skill_levels(raw_connection(s), [student_id], now)
            skills = [replace(f, level=levels[(student_id, f.skill_id)].level)
                      if (student_id, f.skill_id) in levels else f
                      for f in known.get(student_id, {}).values()]  # fmt: skip
            bundle = load_plans(s, [student_id], now, names, facts=known).get(student_id)
            goals = []
            for g in bundle.goals if bundle else []:
                if g.goal.status != "active":
                    continue
                todo = sorted((m for m in g.milestones if not m.done), key=lambda m: m.due_at or float("inf"))
                weak = sorted(
                    (sk for sk in g.skills if not sk.mastered), key=lambda sk: (skill_progress(sk), sk.name)
                )
                goals.append(
                    GoalStep(
                        g.goal.id,
                        g.goal.title,
                        g.goal.path,
                        tuple(g.goal.skill_ids or ()),
                        todo[0].title if todo else "",
                        todo[0].due_at if todo else 0.0,
                        g.pace.status,
                        g.pace.progress,
                        weak[0].name if weak else "",
                    )
                )
            classes = student_class_ids(s, student_id)
            facts = HomeFacts(
                now=now,
                skills=skills,
                goals=goals,
                plan_status=bundle.plan.status if bundle else "",
                checkpoints=_checkpoints(s, student_id, school_id, classes),
                writing=_writing(s, student_id, classes),
                checkins_enabled=enabled,
            )
            if enabled:
                start = dt.datetime.combine(dt.date.fromtimestamp(now), dt.time()).timestamp()
                facts.checked_in_today = (
                    s.execute(
                        select(CheckIn.id)
                        .where(
                            CheckIn.student_id == student_id, CheckIn.at >= start, CheckIn.deleted == False
                        )
                        .limit(1)
                    ).first()
                    is not None
                )
        return facts


def _checkpoints(s: Session, student_id: str, school_id: str, classes: set[str]) -> list[CheckpointFact]:
    """The student's teams' checkpoints on running challenges (a few batched column reads)."""
    parts = [partition_key(school_id, c) for c in classes]
    if not parts:
        return []
    teams = {
        tid: cid
        for tid, cid, members in s.execute(
            select(Team.id, Team.challenge_id, Team.member_ids).where(
                Team.partition.in_(parts), Team.deleted == False
            )
        ).all()
        if student_id in (members or [])
    }
    if not teams:
        return []
    running: dict[str, str] = dict(
        s.execute(
            select(Challenge.id, Challenge.title).where(
                Challenge.id.in_(set(teams.values())),
                Challenge.status == "running",
                Challenge.deleted == False,
            )
        ).all()
    )
    if not running:
        return []
    status = {
        (tid, cp): st
        for tid, cp, st in s.execute(
            select(TeamCheckpoint.team_id, TeamCheckpoint.checkpoint_id, TeamCheckpoint.status).where(
                TeamCheckpoint.team_id.in_(list(teams))
            )
        ).all()
    }
    cps = s.execute(
        select(Checkpoint.id, Checkpoint.challenge_id, Checkpoint.title, Checkpoint.due_at).where(
            Checkpoint.challenge_id.in_(list(running)), Checkpoint.deleted == False
        )
    ).all()
    out = []
    for tid, cid in teams.items():
        for cp_id, cp_ch, title, due in cps:
            if cp_ch == cid:
                out.append(
                    CheckpointFact(
                        cid, running[cid], tid, title, due, status.get((tid, cp_id), "not_started")
                    )
                )
    return out


def _writing(s: Session, student_id: str, classes: set[str]) -> list[WritingFact]:
    if not classes:
        return []
    tasks = s.execute(
        select(WritingTask.id, WritingTask.title, WritingTask.due_at).where(
            WritingTask.class_id.in_(classes), WritingTask.deleted == False, WritingTask.archived == False
        )
    ).all()
    if not tasks:
        return []
    drafts = {
        tid: (st, ret)
        for tid, st, ret in s.execute(
            select(Draft.task_id, Draft.status, Draft.returned_at)
            .where(
                Draft.student_id == student_id,
                Draft.task_id.in_([t[0] for t in tasks]),
                Draft.deleted == False,
            )
            .order_by(Draft.created_at)
        ).all()
    }
    return [WritingFact(tid, title, due, *drafts.get(tid, ("none", 0.0))) for tid, title, due in tasks]
