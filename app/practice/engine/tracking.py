"""One answer applied to the learner model, and what it means for the learner's skill row.

The same function serves the live path (``record_answer``) and every replay (rebuilds), so a state
rebuilt from the attempts log is identical to the one kept up to date answer by answer:

- the learner model's ``update``;
- the learner's FSRS card when the item is a vocabulary word;
- the skill row shown to teachers (``LearnerSkillState``): ability on the skill, answers, right answers,
  last answer, *mastery* = predicted success on a typical question right after this answer, whether the
  mastery rule holds now, and when it first held.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.practice.engine import vocabulary
from app.practice.engine.learner_model import Attempt, ModelState, predict, update
from app.practice.engine.mastery import MasteryRule, rule_holds

__all__ = ["Cards", "SkillRow", "apply_answer"]

Cards = dict[str, dict[str, vocabulary.VocabCard]]  # student id -> word id -> card

RULE = MasteryRule()


@dataclass(slots=True)
class SkillRow:
    """The values of one ``LearnerSkillState`` row."""

    ability: float = 0.0
    attempts: int = 0
    correct: int = 0
    last_at: float = 0.0
    mastery: float = 0.0
    mastered: bool = False
    mastered_at: float = 0.0


def apply_answer(
    state: ModelState,
    cards: Cards,
    attempt: Attempt,
    word_id: str | None,
    mastered_at_before: float,
    rule: MasteryRule = RULE,
) -> tuple[float, SkillRow]:
    """Apply ``attempt``; return the prediction made before it and the learner's skill row after it.

    ``mastered_at_before`` is when the rule first held for this learner and skill (0: never).
    """
    before = update(state, attempt)
    sid, kid = attempt.student_id, attempt.skill_id
    learner = state.learners[sid]
    ls = learner.skills[kid]
    p = predict(state, sid, kid, None, attempt.at)
    holds = rule_holds(rule, p, ls.n, ls.recent)
    if word_id is not None:
        mine = cards.setdefault(sid, {})
        card = mine.get(word_id) or vocabulary.new_card(word_id, attempt.at)
        mine[word_id] = vocabulary.review(card, attempt.correct, attempt.at, attempt.response_ms)
    row = SkillRow(
        ability=learner.ability + ls.local,
        attempts=ls.n,
        correct=ls.correct,
        last_at=ls.last_at,
        mastery=p,
        mastered=holds,
        mastered_at=mastered_at_before or (attempt.at if holds else 0.0),
    )
    return before, row
