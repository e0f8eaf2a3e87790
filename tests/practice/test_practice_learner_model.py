"""The learner model: exact rebuild, calibration from use, jagged profiles, options."""

from __future__ import annotations

import json
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from app.practice.engine.learner_model import (
    Attempt,
    ItemPrior,
    ModelParams,
    hshs_score,
    is_in_order,
    new_state,
    predict,
    rebuild,
    register_item,
    update,
)
from app.practice.engine.snapshot import state_from_dict, state_to_dict

DAY = 86400.0
T0 = 1_700_000_000.0


def _attempts(n: int, seed: int = 1) -> list[Attempt]:
    rng = random.Random(seed)
    out = []
    t = T0
    for i in range(n):
        t += rng.choice([5.0, 30.0, 0.0, DAY * rng.random() * 3])  # ties in time happen: ids break them
        skill = f"S{rng.randrange(6)}"
        out.append(Attempt(f"a{rng.randrange(10**9):09d}", f"L{rng.randrange(8)}", skill, rng.random() < 0.7, t,
                           f"{skill}-I{rng.randrange(5)}", rng.randrange(1000, 20000), 20.0))  # fmt: skip
    return out


def test_rebuild_equals_incremental_and_is_deterministic():
    attempts = _attempts(600)
    prereq = {"S1": ["S0"], "S2": ["S0", "S1"]}
    items = [ItemPrior(f"S{s}-I{i}", f"S{s}", 1 + i) for s in range(6) for i in range(5)]
    inc = new_state(prerequisites=prereq)
    for it in items:
        register_item(inc, it.item_id, it.skill_id, it.level)
    ordered = sorted(attempts, key=lambda a: (a.at, a.attempt_id))
    for a in ordered:
        assert is_in_order(inc, a)
        update(inc, a)
    shuffled = list(attempts)
    random.Random(5).shuffle(shuffled)
    rebuilt = rebuild(shuffled, list(reversed(items)), prereq)
    again = rebuild(attempts, items, prereq)
    assert state_to_dict(inc) == state_to_dict(rebuilt) == state_to_dict(again)  # exact floats, not approx


def test_out_of_order_attempt_is_detected():
    state = new_state()
    update(state, Attempt("b", "L", "S", True, T0 + 10))
    assert not is_in_order(state, Attempt("a", "L", "S", True, T0 + 5))
    assert not is_in_order(state, Attempt("a", "L", "S", True, T0 + 10))  # same time, smaller id
    assert is_in_order(state, Attempt("c", "L", "S", True, T0 + 10))


def test_snapshot_round_trips_through_json_exactly():
    state = rebuild(
        _attempts(300), prerequisites={"S3": ["S2"]}, params=ModelParams(scoring="speed_accuracy")
    )
    restored = state_from_dict(json.loads(json.dumps(state_to_dict(state))))
    assert state_to_dict(restored) == state_to_dict(state)
    a = Attempt("zzz", "L1", "S3", True, T0 + 100 * DAY, "S3-I1")
    assert update(restored, a) == update(state, a)
    assert predict(restored, "L2", "S1") == predict(state, "L2", "S1")


def test_predictions_are_probabilities_and_learning_raises_them():
    state = new_state()
    p0 = predict(state, "L", "S")
    assert 0.0 < p0 < 1.0
    for i in range(6):
        update(state, Attempt(f"{i}", "L", "S", True, T0 + i))
    assert predict(state, "L", "S") > p0 + 0.15
    for i in range(6, 14):
        update(state, Attempt(f"{i}", "L", "S", False, T0 + i))
    assert predict(state, "L", "S") < p0


def test_items_calibrate_themselves_from_use():
    state = new_state()
    register_item(state, "easy", "S", 3)
    register_item(state, "hard", "S", 3)
    rng = random.Random(3)
    for i in range(400):
        learner = f"L{i % 40}"
        item = "easy" if i % 2 else "hard"
        correct = rng.random() < (0.9 if item == "easy" else 0.35)
        update(state, Attempt(f"{i:04d}", learner, "S", correct, T0 + i, item))
    assert state.items["hard"].offset > state.items["easy"].offset + 1.0
    assert predict(state, "L1", "S", "easy") > predict(state, "L1", "S", "hard")
    # step sizes shrink with evidence: a late answer moves an item less than an early one
    before = state.items["hard"].offset
    update(state, Attempt("late", "L1", "S", True, T0 + 10_000, "hard"))
    late_step = before - state.items["hard"].offset
    fresh = new_state()
    register_item(fresh, "hard", "S", 3)
    update(fresh, Attempt("first", "L1", "S", True, T0, "hard"))
    assert late_step < -fresh.items["hard"].offset


def test_level_sets_the_prior_difficulty():
    state = new_state()
    register_item(state, "l1", "S", 1)
    register_item(state, "l5", "S", 5)
    assert predict(state, "L", "S", "l1") > predict(state, "L", "S") > predict(state, "L", "S", "l5")


def test_jagged_profile_is_kept_per_skill():
    state = new_state()
    for i in range(20):
        update(state, Attempt(f"{i:03d}a", "L", "fractions", True, T0 + i))
        update(state, Attempt(f"{i:03d}b", "L", "decimals", i % 4 == 0, T0 + i))
    assert predict(state, "L", "fractions") - predict(state, "L", "decimals") > 0.3


def test_prerequisites_give_a_cold_start():
    state = new_state(prerequisites={"FRA.ADD": ["FRA.EQ"]})
    for i in range(10):
        update(state, Attempt(f"s{i}", "strong", "FRA.EQ", True, T0 + i))
        update(state, Attempt(f"w{i}", "weak", "FRA.EQ", i % 3 == 0, T0 + i))
    assert predict(state, "strong", "FRA.ADD") > predict(state, "weak", "FRA.ADD")
    assert state.learners["strong"].skills["FRA.EQ"].local > 0


def test_speed_accuracy_scoring_rewards_fast_right_answers():
    assert hshs_score(True, 0, 10) == 1.0
    assert hshs_score(False, 2000, 10) == -0.8
    assert hshs_score(True, 12000, 10) == 0.0  # too slow: no credit, no penalty
    params = ModelParams(scoring="speed_accuracy")
    fast, slow = new_state(params), new_state(params)
    update(fast, Attempt("a", "L", "S", True, T0, None, 1000, 10.0))
    update(slow, Attempt("a", "L", "S", True, T0, None, 9000, 10.0))
    assert fast.learners["L"].ability > slow.learners["L"].ability


def test_forgetting_option_fades_local_gains():
    params = ModelParams(forgetting_half_life_days=30.0)
    state = new_state(params)
    for i in range(8):
        update(state, Attempt(f"{i}", "L", "S", True, T0 + i))
    soon = predict(state, "L", "S", now=T0 + DAY)
    later = predict(state, "L", "S", now=T0 + 120 * DAY)
    assert later < soon
    assert predict(new_state(), "L", "S", now=T0) < later  # faded, not forgotten entirely (ability stays)


def test_long_runs_keep_counting():
    """The run feature: a run of 12 right answers predicts higher than a run of 5, and wrong runs mirror it."""
    from app.practice.engine.learner_model import RECENT_KEPT, _features

    state = new_state()
    for i in range(12):
        update(state, Attempt(f"r{i:02d}", "R", "S", True, T0 + i))
        update(state, Attempt(f"w{i:02d}", "W", "S", False, T0 + i))
        if i == 4:
            p5_right, p5_wrong = predict(state, "R", "S"), predict(state, "W", "S")
    ls = state.learners["R"].skills["S"]
    assert len(ls.recent) == 12 <= RECENT_KEPT
    f = _features(0.0, ls)
    assert f[-1] > 0 and f[5] == 1.0  # the capped streak saturates at 5, the run term keeps growing
    assert _features(0.0, state.learners["W"].skills["S"])[-1] < 0
    assert predict(state, "R", "S") > p5_right
    assert predict(state, "W", "S") < p5_wrong


def test_predict_matches_the_general_feature_path():
    """``predict`` writes the features out by hand: it must agree exactly with ``update``'s prediction."""
    state = rebuild(_attempts(800, seed=4), prerequisites={"S2": ["S1"]})
    for a in _attempts(200, seed=11):
        before = predict(state, a.student_id, a.skill_id, a.item_id, a.at)
        assert update(state, a) == before


@settings(max_examples=60, deadline=None)
@given(
    seed=st.integers(0, 10**6),
    rate=st.floats(0.4, 0.95),
    tail=st.lists(st.booleans(), min_size=1, max_size=30),
)
def test_a_right_answer_never_lowers_the_prediction(seed, rate, tail):
    """Whatever the class's history did to the calibration, a student who answers right sees their
    expected success on the skill go up (or stay), and a wrong answer does not raise it."""
    rng = random.Random(seed)
    state = new_state()
    t = T0
    for i in range(1500):  # a class's history: the skill weights drift with it
        t += 1.0
        skill = f"S{rng.randrange(3)}"
        update(state, Attempt(f"h{i:06d}", f"L{rng.randrange(12)}", skill, rng.random() < rate, t))
    for i, right in enumerate(tail):
        t += 1.0
        before = predict(state, "me", "S0", None, t)
        update(state, Attempt(f"m{i:06d}", "me", "S0", right, t))
        after = predict(state, "me", "S0", None, t)
        if right:
            assert after >= before - 1e-3, (i, tail[: i + 1], before, after)
        else:
            assert after <= before + 1e-3, (i, tail[: i + 1], before, after)
