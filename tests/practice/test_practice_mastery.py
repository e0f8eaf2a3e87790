"""The mastery rule and its explanation."""

from __future__ import annotations

from app.practice.engine.learner_model import Attempt, new_state, update
from app.practice.engine.mastery import MasteryRule, assess_mastery

T0 = 1_700_000_000.0


def _answer(state, results: str, skill: str = "S", learner: str = "L") -> None:
    start = state.count
    for i, r in enumerate(results):
        update(state, Attempt(f"{start + i:05d}", learner, skill, r == "1", T0 + start + i))


def test_not_started():
    status = assess_mastery(new_state(), "L", "S", skill_name="fractions")
    assert not status.mastered and status.level == "not started" and status.attempts == 0
    assert "no answers on fractions" in status.explanation


def test_mastered_after_a_good_run_with_reasons():
    state = new_state()
    _answer(state, "01101111111111")
    status = assess_mastery(state, "L", "S", skill_name="fractions")
    assert status.mastered and status.level == "mastered"
    assert status.probability >= MasteryRule().threshold
    assert status.explanation.startswith("Mastered:")
    assert "5 of the last 5 right" in status.explanation
    assert "typical fractions question" in status.explanation


def test_too_few_answers_is_not_mastery_even_if_all_right():
    state = new_state()
    _answer(state, "11111")
    status = assess_mastery(state, "L", "S", MasteryRule(threshold=0.5))
    assert not status.mastered
    assert "5 answers so far (needs 6)" in status.explanation


def test_recent_mistakes_block_mastery_and_are_named():
    state = new_state()
    _answer(state, "11111111111111111100")
    rule = MasteryRule(threshold=0.5)  # the probability part is met; the recent-answers part is not
    status = assess_mastery(state, "L", "S", rule)
    assert not status.mastered
    assert status.recent_right == 3 and status.recent_count == 5
    assert "3 of the last 5 right (needs 4 of 5)" in status.explanation
    assert "Already:" in status.explanation


def test_levels_between():
    state = new_state()
    _answer(state, "0000100")
    assert assess_mastery(state, "L", "S").level == "learning"
    state2 = new_state()
    _answer(state2, "1111")
    assert assess_mastery(state2, "L", "S").level == "nearly there"
