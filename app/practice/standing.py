"""One state for one student and one skill (``skill_level``), so every screen says the same thing:
the heatmap's colour, the skill detail's level, the roster's "Stuck on ..." and Home's words all come
from here. Before, the heatmap coloured a student "Nearly there (75%+)" from the model's estimate while
the roster, counting the same student's last answers, called them stuck.

Levels, first match wins:

- **not started**: no answers yet and no teacher's judgement from work;
- **mastered**: the mastery rule holds now (``app/practice/mastery.py``: predicted success, enough
  answers, most recent ones right);
- **stuck** (``stuck_rule``): counting only the answers of the last ``WINDOW_DAYS`` days, the latest
  ``RUN`` or more were all wrong, or there were at least ``MANY`` with at most a third right;
- **nearly there**: predicted success at least ``RULE.nearly`` (75%);
- **learning**: anything else.

"Mastered" means the rule holds now. A skill mastered once whose rule no longer holds is *due for a
refresh* (``ever_mastered``): the win stays in the student's celebrations, and the counts say both.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from app.practice.engine.tracking import RULE

__all__ = [
    "LEVELS",
    "MANY",
    "RUN",
    "WINDOW_DAYS",
    "RecentTally",
    "recent_tallies",
    "skill_level",
    "skill_levels",
    "stuck_pairs",
    "stuck_rule",
]

DAY = 86_400.0
WINDOW_DAYS = 14
RUN = 4  # this many wrong answers in a row, the latest ones
MANY = 6  # or at least this many attempts with at most a third right

LEVELS = ("not started", "stuck", "learning", "nearly there", "mastered")


def stuck_rule(attempts: int, right: int, wrong_run: int) -> bool:
    """Stuck on a skill, from the window's attempts: the latest RUN all wrong, or MANY+ with <= 1/3 right."""
    return wrong_run >= RUN or (attempts >= MANY and 3 * right <= attempts)


@dataclass(frozen=True)
class RecentTally:
    """A learner's answers on one skill in the window."""

    attempts: int
    right: int
    wrong_run: int  # the latest answers that were all wrong
    first_at: float  # the first answer in the window
    run_from: float  # the first answer of that wrong run

    @property
    def stuck(self) -> bool:
        return stuck_rule(self.attempts, self.right, self.wrong_run)

    @property
    def since(self) -> float:
        """Since when the learner is stuck: the wrong run's start when that is why, else the window's."""
        return self.run_from if self.wrong_run >= RUN else self.first_at


def skill_level(
    attempts: int, mastery: float, mastered: bool, tally: RecentTally | None = None, judged: bool = False
) -> str:
    """THE level of one student on one skill (see the module's words). ``attempts``, ``mastery`` and
    ``mastered`` are the saved state (``learner_skill_state``, where ``mastery`` already combines a
    teacher's judgement with practice: ``practice.engine.combine``); ``tally`` the window's answers;
    ``judged``: a live judgement counts toward the level."""
    if attempts <= 0 and not judged:
        return "not started"
    if mastered:
        return "mastered"
    if tally is not None and tally.stuck:
        return "stuck"
    return "nearly there" if mastery >= RULE.nearly else "learning"


# The students' recent answers in the (student_id, at) index's own order: each student's in time order,
# folded in one pass (no sort; a window function over a class-year took twice as long).
_ANSWERS_SQL = (
    "SELECT student_id, skill_id, correct, at FROM attempt "
    "WHERE student_id IN ({ids}) AND at >= ? AND deleted = 0 ORDER BY student_id, at"
)


def recent_tallies(
    conn: sqlite3.Connection, student_ids: list[str], now: float
) -> dict[tuple[str, str], RecentTally]:
    """(student, skill) -> the answers of the last ``WINDOW_DAYS`` days (erased ones never count)."""
    return {k: RecentTally(*v) for k, v in _fold(conn, student_ids, now).items()}


def _fold(conn: sqlite3.Connection, student_ids: list[str], now: float) -> dict[tuple[str, str], list]:
    """The window's answers folded per pair as plain lists (a class-year: ~55,000 answers, ~5,000 pairs)."""
    if not student_ids:
        return {}
    tally: dict[tuple[str, str], list] = {}  # [attempts, right, wrong run, first at, run from]
    sql = _ANSWERS_SQL.format(ids=",".join("?" * len(student_ids)))
    for sid, kid, ok, at in conn.execute(sql, [*student_ids, now - WINDOW_DAYS * DAY]):
        t = tally.get((sid, kid))
        if t is None:
            t = tally[(sid, kid)] = [0, 0, 0, at, at]
        t[0] += 1
        if ok:
            t[1] += 1
            t[2] = 0
        else:
            if not t[2]:
                t[4] = at
            t[2] += 1
    return tally


def stuck_pairs(
    conn: sqlite3.Connection, student_ids: list[str], now: float
) -> dict[tuple[str, str], RecentTally]:
    """(student, skill) pairs whose level is "stuck", by ``skill_level`` itself, reading the saved state
    only for the few pairs the window makes candidates (the roster asks this for a whole class)."""
    candidates = {
        k: RecentTally(*v) for k, v in _fold(conn, student_ids, now).items() if stuck_rule(v[0], v[1], v[2])
    }
    if not candidates:
        return {}
    who = sorted({sid for sid, _ in candidates})
    mastered = set(conn.execute(
        f"SELECT student_id, skill_id FROM learner_skill_state WHERE mastered = 1 AND student_id IN ({','.join('?' * len(who))})",
        who,
    ))  # fmt: skip
    return {k: t for k, t in candidates.items() if skill_level(t.attempts, 0.0, k in mastered, t) == "stuck"}


@dataclass(frozen=True)
class Standing:
    level: str
    mastery: float
    attempts: int
    ever_mastered: bool  # the rule held once (a win was celebrated), whether or not it holds now
    tally: RecentTally | None  # the window's answers when they are why the level is "stuck"
    last_at: float = 0.0  # the latest answer the saved state has taken in
    judged: bool = False  # a teacher's judgement from work counts toward the level


def skill_levels(
    conn: sqlite3.Connection, student_ids: list[str], now: float, skill_id: str | None = None
) -> dict[tuple[str, str], Standing]:
    """(student, skill) -> Standing for every skill the students have answered (one skill if given)."""
    if not student_ids:
        return {}
    # Plain lists for every pair; a RecentTally only where it says why (stuck): a class's heatmap has
    # thousands of pairs.
    folded = _fold(conn, student_ids, now)
    tallies = {k: RecentTally(*v) if stuck_rule(v[0], v[1], v[2]) else None for k, v in folded.items()}
    sql = (
        "SELECT student_id, skill_id, mastery, attempts, mastered, mastered_at, last_at, judged_level > 0 "
        "FROM learner_skill_state "
        f"WHERE (attempts > 0 OR judged_level > 0) AND student_id IN ({','.join('?' * len(student_ids))})"
    )
    args: list = list(student_ids)
    if skill_id is not None:
        sql += " AND skill_id = ?"
        args.append(skill_id)
    out = {}
    for sid, kid, mastery, attempts, mastered, mastered_at, last_at, judged in conn.execute(sql, args):
        t = tallies.get((sid, kid))
        out[(sid, kid)] = Standing(
            skill_level(attempts, mastery, bool(mastered), t, bool(judged)),
            mastery,
            attempts,
            bool(mastered_at),
            t,
            last_at,
            bool(judged),
        )
    for (sid, kid), t in tallies.items():  # answers whose estimate is not saved yet (still being rebuilt)
        if (sid, kid) not in out and (skill_id is None or kid == skill_id):
            n = folded[(sid, kid)][0]
            out[(sid, kid)] = Standing(skill_level(n, 0.0, False, t), 0.0, n, False, t)
    return out
