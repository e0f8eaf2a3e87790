"""Demo judgements: the writing skills that have no questions get their levels the way a real class
would, from the teacher judging the students' work. Each level is a synced ``Judgement`` pointing at
a real draft version (the essay the teacher handed back), or an observation in class for students
whose essay is not back yet, so the demo's jagged profile is the same on every machine it syncs to.

The level stands for the student's hidden true ability (``builder._abilities``) as the simulator sees
it: the chance of success it gives, on the same scale as a judgement's level (``combine.LEVEL_MASTERY``).
"""

from __future__ import annotations

import math
import random

from sqlalchemy import select

from app.models import Draft, DraftVersion, Person, WritingTask
from app.models.evidence import Judgement
from app.practice.judged_levels import refresh_pairs
from app.store.database import Database
from app.store.raw import raw_connection

DAY = 86_400.0
OBSERVED = "From a reading conference and the class discussion."


def level_for(chance: float) -> int:
    """A true chance of success as the level a teacher would give (3, Secure, is the mastery threshold)."""
    return 4 if chance >= 0.95 else 3 if chance >= 0.85 else 2 if chance >= 0.6 else 1


def seed_judgements(db: Database, ids, abilities: dict[tuple[str, str], float], skill_rows, practised: set[str],
                    now: float) -> int:  # fmt: skip
    """Judge each student's writing skills without questions; returns how many judgements were given."""
    rng = random.Random(16)
    skills = [
        (k, code) for k, code in skill_rows if code.split(".")[0] in ("WRC", "WRM") and k not in practised
    ]
    made = 0
    with db.write() as s:
        teacher = s.get(Person, ids.teacher_id)
        # the essay each student got back: the version the teacher read (the last before handing in)
        place = s.execute(select(WritingTask.id).where(WritingTask.class_id == ids.class_id,
                                                       WritingTask.title.like("A place%"))).scalar()  # fmt: skip
        essays: dict[str, tuple[str, float, str]] = {}
        for d in s.execute(select(Draft).where(Draft.status == "returned")).scalars():
            task = s.get(WritingTask, d.task_id)
            v = s.execute(select(DraftVersion).where(DraftVersion.draft_id == d.id, DraftVersion.saved_at <= d.submitted_at)
                          .order_by(DraftVersion.saved_at.desc())).scalars().first()  # fmt: skip
            if v is not None and (d.student_id not in essays or d.task_id == place):
                essays[d.student_id] = (v.id, d.returned_at, task.title if task else "")
        for sid in ids.student_ids:
            part = s.get(Person, sid).partition
            essay = essays.get(sid)
            for skill_id, _code in skills:
                level = level_for(1.0 / (1.0 + math.exp(-abilities[(sid, skill_id)])))
                if essay is not None:
                    kind, ref, at, title, note = "draft_version", essay[0], essay[1], essay[2], ""
                else:
                    kind, ref, at, title, note = (
                        "observation",
                        "",
                        now - rng.uniform(2, 20) * DAY,
                        "",
                        OBSERVED,
                    )
                s.add(Judgement(student_id=sid, skill_id=skill_id, level=level, evidence_kind=kind, evidence_id=ref,
                                evidence_title=title, note=note, by_id=teacher.id, by_name=teacher.full_name,
                                at=at, partition=part, created_at=at))  # fmt: skip
                made += 1
        s.flush()
        refresh_pairs(raw_connection(s), [(sid, k) for sid in ids.student_ids for k, _ in skills])
    return made
