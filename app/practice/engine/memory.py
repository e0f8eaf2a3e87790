"""Spacing for skills: when a practised skill is due for review, before it fades.

A light expanding-interval rule (in the family of Leitner boxes and SM-2) kept per learner-skill:

- answers within the same sitting (less than half a day after the last one) leave the interval alone;
- a right answer after a real gap shows the memory held: the interval grows to twice the gap (at least
  twice the old interval when the gap reached it), capped at ``MAX_INTERVAL_DAYS``;
- a wrong answer after a gap shows it faded: the interval drops back to one day.

A skill is due when the time since it was last practised reaches its interval. Items of single
words (vocabulary) use FSRS instead, see ``vocabulary.py``.
"""

from __future__ import annotations

from dataclasses import dataclass

DAY = 86400.0
SITTING_DAYS = 0.5
MAX_INTERVAL_DAYS = 120.0
MIN_INTERVAL_DAYS = 1.0

__all__ = ["Due", "due_info", "next_interval"]


def next_interval(interval_days: float, last_at: float | None, at: float, correct: bool) -> float:
    """The review interval after an answer at ``at`` (``last_at`` None: the first ever on this skill)."""
    if last_at is None:
        return MIN_INTERVAL_DAYS
    gap = (at - last_at) / DAY
    if gap < SITTING_DAYS:
        return interval_days
    if not correct:
        return MIN_INTERVAL_DAYS
    grown = 2.0 * max(gap, interval_days) if gap >= interval_days else max(interval_days, 2.0 * gap)
    return min(max(grown, MIN_INTERVAL_DAYS), MAX_INTERVAL_DAYS)


@dataclass(frozen=True, slots=True)
class Due:
    days_since: float
    interval_days: float

    @property
    def overdue_ratio(self) -> float:
        """1.0 when just due; 2.0 when twice the interval has passed."""
        return self.days_since / self.interval_days if self.interval_days > 0 else float("inf")

    @property
    def is_due(self) -> bool:
        return self.days_since >= self.interval_days


def due_info(last_at: float, interval_days: float, now: float) -> Due:
    return Due(max(0.0, (now - last_at) / DAY), interval_days)
