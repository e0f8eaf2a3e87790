"""The rule that combines practice and teacher judgements into one level, at its edges."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.practice.engine.combine import (
    JUDGEMENT_WEIGHT,
    LEVEL_MASTERY,
    MASTERY_THRESHOLD,
    JudgementFact,
    PracticeFact,
    combine,
    deciding,
    level_from_score,
)

STRONG_PRACTICE = PracticeFact(0.92, True, 100.0)
WEAK_PRACTICE = PracticeFact(0.30, False, 0.0)


def test_no_evidence_no_row():
    assert combine(None, []) is None
    assert combine(None, [JudgementFact("j", 3, 10.0, withdrawn=True)]) is None  # withdrawn is not evidence


def test_practice_alone_is_unchanged():
    c = combine(STRONG_PRACTICE, [])
    assert (c.mastery, c.mastered, c.mastered_at, c.judged_level) == (0.92, True, 100.0, 0)


def test_judgement_alone_sets_the_level():
    c = combine(None, [JudgementFact("j", 3, 50.0)])
    assert c.mastery == LEVEL_MASTERY[3] == MASTERY_THRESHOLD and c.mastered and c.mastered_at == 50.0
    c = combine(None, [JudgementFact("j", 2, 50.0)])
    assert not c.mastered and c.mastered_at == 0.0 and c.judged_level == 2


def test_a_fresh_judgement_outweighs_older_practice():
    # strong practice, then the teacher judges the work Beginning: no answers since, the judgement stands
    c = combine(STRONG_PRACTICE, [JudgementFact("j", 1, 200.0)], answers_after=0)
    assert c.mastery == LEVEL_MASTERY[1] and not c.mastered
    # mastered_at keeps when the skill was first mastered (by practice), as practice's own rule does
    assert c.mastered_at == 100.0


def test_practice_after_a_judgement_moves_the_level_toward_practice():
    j = [JudgementFact("j", 3, 200.0)]
    few = combine(WEAK_PRACTICE, j, answers_after=2)
    many = combine(WEAK_PRACTICE, j, answers_after=40)
    expect = (JUDGEMENT_WEIGHT * LEVEL_MASTERY[3] + 2 * 0.30) / (JUDGEMENT_WEIGHT + 2)
    assert few.mastery == pytest.approx(expect) and not few.mastered
    assert many.mastery < few.mastery < LEVEL_MASTERY[3]
    assert many.mastery == pytest.approx((5 * 0.85 + 40 * 0.3) / 45)


def test_conflicting_judgements_the_latest_decides_ties_by_id():
    js = [JudgementFact("a", 4, 100.0), JudgementFact("b", 1, 300.0), JudgementFact("c", 2, 200.0)]
    assert deciding(js).id == "b" and combine(None, js).judged_level == 1
    tie = [JudgementFact("x", 1, 100.0), JudgementFact("y", 4, 100.0)]
    assert deciding(tie).id == "y" and deciding(list(reversed(tie))).id == "y"  # same on every machine
    # an earlier Secure judgement still says when the skill was first mastered
    assert combine(None, js).mastered_at == 100.0


def test_a_withdrawn_judgement_falls_back_to_the_one_before_or_to_practice():
    older, newer = JudgementFact("a", 2, 100.0), JudgementFact("b", 4, 200.0, withdrawn=True)
    c = combine(WEAK_PRACTICE, [older, newer], answers_after=0)
    assert c.judgement_id == "a" and c.mastery == LEVEL_MASTERY[2]
    only = combine(WEAK_PRACTICE, [newer])
    assert only.judged_level == 0 and only.mastery == 0.30 and only.mastered_at == 0.0
    deleted = combine(None, [JudgementFact("d", 4, 1.0, deleted=True)])
    assert deleted is None


def test_a_level_outside_the_scale_is_not_evidence():
    assert combine(None, [JudgementFact("j", 0, 1.0)]) is None
    assert combine(None, [JudgementFact("j", 7, 1.0)]) is None


@pytest.mark.parametrize(
    "score,top,level",
    [
        (0, 4, 1),
        (1, 4, 1),
        (2, 4, 2),
        (3, 4, 3),
        (4, 4, 4),
        (3, 5, 3),
        (5, 5, 4),
        (2.5, 10, 1),
        (6, 10, 3),
        (10, 10, 4),
    ],
)
def test_rubric_scores_as_levels(score, top, level):
    assert level_from_score(score, top) == level


def test_rubric_score_needs_a_scale():
    with pytest.raises(ValueError):
        level_from_score(1, 0)


facts = st.lists(
    st.builds(
        JudgementFact,
        st.text("abc", min_size=1, max_size=3),
        st.integers(0, 5),
        st.floats(0, 1e6),
        st.booleans(),
        st.booleans(),
    ),
    max_size=6,
    unique_by=lambda j: j.id,
)  # ids are unique (UUIDv7)
practice = st.one_of(st.none(), st.builds(PracticeFact, st.floats(0, 1), st.booleans(), st.floats(0, 1e6)))


@given(practice, facts, st.integers(0, 500))
def test_the_rule_is_order_free_and_bounded(p, js, k):
    a, b = combine(p, js, k), combine(p, list(reversed(js)), k)
    assert a == b  # the order rows arrive in (sync) never changes the level
    if a is not None:
        assert 0.0 <= a.mastery <= 1.0
        assert a.mastered == (a.mastery >= MASTERY_THRESHOLD) or a.judged_level == 0
