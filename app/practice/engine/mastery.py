"""The mastery rule: one clear test per learner and skill, with the reason in plain words.

A skill is *mastered* when all three hold:

1. the learner model predicts at least ``threshold`` success on a question of typical difficulty;
2. the learner has answered at least ``min_attempts`` questions on it;
3. at least ``min_right`` of the last ``last_k`` answers were right.

The calibrated model is cautious: fitted on real classes, where even strong students slip now and then,
a new learner on an average skill reaches 0.85 after eight right answers in a row (0.90 only after
fifteen; a class's own data moves this). So the default threshold is 0.85 rather than the 0.95 some
systems use on raw Elo estimates, and the recent-answers check keeps a lucky streak from counting.
Levels below mastery: "not started", "learning", "nearly there".
"""

from __future__ import annotations

from dataclasses import dataclass

from app.i18n import _
from app.practice.engine.learner_model import ModelState, predict

__all__ = ["MasteryRule", "MasteryStatus", "assess_mastery", "rule_holds"]


@dataclass(frozen=True, slots=True)
class MasteryRule:
    threshold: float = 0.85
    min_attempts: int = 6
    last_k: int = 5
    min_right: int = 4
    nearly: float = 0.75  # "nearly there" from this predicted success


@dataclass(frozen=True, slots=True)
class MasteryStatus:
    skill_id: str
    mastered: bool
    level: str  # "not started" | "learning" | "nearly there" | "mastered"
    probability: float  # predicted success at typical difficulty, 0..1
    attempts: int
    recent_right: int
    recent_count: int
    explanation: str


def _pct(p: float) -> str:
    return f"{round(p * 100)}%"


def rule_holds(rule: MasteryRule, probability: float, attempts: int, recent: str) -> bool:
    """The three checks alone, for callers that track mastery after every answer (cheap checks first)."""
    return (
        attempts >= rule.min_attempts
        and recent[-rule.last_k :].count("1") >= rule.min_right
        and probability >= rule.threshold
    )


def assess_mastery(
    state: ModelState,
    student_id: str,
    skill_id: str,
    rule: MasteryRule | None = None,
    skill_name: str | None = None,
    now: float | None = None,
    probability: float | None = None,
) -> MasteryStatus:
    """``probability``: the predicted success to judge by (default: the model's prediction now), e.g.
    the one saved with the learner's last answer, so the words match the figure shown beside them."""
    rule = rule or MasteryRule()
    name = skill_name or skill_id
    learner = state.learners.get(student_id)
    ls = learner.skills.get(skill_id) if learner is not None else None
    p = predict(state, student_id, skill_id, None, now) if probability is None else probability
    if ls is None or ls.n == 0:
        return MasteryStatus(
            skill_id, False, "not started", p, 0, 0, 0,
            _("Not started: no answers on {name} yet. The first questions will show where to begin.", name=name),
        )  # fmt: skip
    recent = ls.recent[-rule.last_k :]
    right = recent.count("1")
    checks = (p >= rule.threshold, ls.n >= rule.min_attempts, right >= rule.min_right)
    facts = (
        _(
            "expected success on a typical {name} question is {pct} (needs {pct2})",
            name=name,
            pct=_pct(p),
            pct2=_pct(rule.threshold),
        ),
        _("%n answer(s) so far (needs {min_attempts})", n=ls.n, min_attempts=rule.min_attempts),
        _(
            "{right} of the last {len} right (needs {min_right} of {last_k})",
            right=right,
            len=len(recent),
            min_right=rule.min_right,
            last_k=rule.last_k,
        ),
    )
    if all(checks):
        level = "mastered"
        text = _("Mastered: {v}, {v2}.", v=facts[0], v2=facts[2])
    else:
        level = "nearly there" if p >= rule.nearly else "learning"
        missing = [f for f, ok in zip(facts, checks) if not ok]
        met = [f for f, ok in zip(facts, checks) if ok]
        text = f"{level.capitalize()}: " + "; ".join(missing) + "."
        if met:
            text += " Already: " + "; ".join(met) + "."
    return MasteryStatus(skill_id, level == "mastered", level, p, ls.n, right, len(recent), text)
