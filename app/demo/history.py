"""Simulated practice history for the demo, and the skill states derived from it."""

from __future__ import annotations

import math
import random

from sqlalchemy import delete
from sqlmodel import Session

from app.models import LearnerSkillState

DAY = 86_400.0


def simulate_attempts(student_ids, items, abilities, partitions, rng: random.Random, start: float,  # noqa: ANN001
                      end: float) -> list[dict]:
    by_skill: dict[str, list[tuple[str, float]]] = {}
    for item_id, skill_id, difficulty in items:
        by_skill.setdefault(skill_id, []).append((item_id, difficulty))
    skills = sorted(by_skill)
    out = []
    for sid in student_ids:
        practised = rng.sample(skills, k=min(len(skills), rng.randint(10, 22)))
        for skill_id in practised:
            n = rng.randint(6, 30)
            t = rng.uniform(start, end - 5 * DAY)
            for _ in range(n):
                item_id, diff = rng.choice(by_skill[skill_id])
                p = 1 / (1 + math.exp(-(abilities[(sid, skill_id)] + 0.8 - diff)))
                correct = rng.random() < p
                t = min(end - 60, t + rng.uniform(30, 2 * DAY))
                out.append(dict(student_id=sid, item_id=item_id, skill_id=skill_id, answer="",
                                correct=correct, response_ms=int(rng.uniform(3000, 30000)), at=t,
                                device="demo", partition=partitions[sid]))
    out.sort(key=lambda r: r["at"])
    return out


def derive_skill_states(s: Session, student_ids, skill_rows, attempts, abilities) -> list[tuple[str, str, float]]:  # noqa: ANN001
    """A smoothed success rate per student and skill; the practice engine rebuilds these properly.
    Returns (student, skill, when) for each mastered skill."""
    s.execute(delete(LearnerSkillState).where(LearnerSkillState.student_id.in_(student_ids)))
    stats: dict[tuple[str, str], list] = {}
    for a in attempts:
        st = stats.setdefault((a["student_id"], a["skill_id"]), [0, 0, 0.0])
        st[0] += 1
        st[1] += int(a["correct"])
        st[2] = a["at"]
    mastered = []
    for (sid, skill_id), (n, k, last) in stats.items():
        mastery = (k + 1.5) / (n + 2)
        is_mastered = mastery >= 0.85 and n >= 8
        s.add(LearnerSkillState(student_id=sid, skill_id=skill_id, ability=math.log(mastery / (1 - mastery)),
                                attempts=n, correct=k, last_at=last, mastery=mastery, mastered=is_mastered,
                                mastered_at=last if is_mastered else 0.0))
        if is_mastered:
            mastered.append((sid, skill_id, last))
    # Writing craft is judged from drafts, not items: give it teacher-judged levels.
    for sid in student_ids:
        for skill_id, code in skill_rows:
            if code.startswith("WRC.") and (sid, skill_id) not in stats:
                m = 1 / (1 + math.exp(-abilities[(sid, skill_id)]))
                s.add(LearnerSkillState(student_id=sid, skill_id=skill_id, ability=abilities[(sid, skill_id)],
                                        attempts=3, correct=round(3 * m), mastery=m, mastered=m >= 0.9))
    return mastered
