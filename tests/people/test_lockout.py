"""The lock-out is a pure function of an account's sign-in events: the same events give the same wait
on every machine, whatever order sync delivered them in (hypothesis), more wrong tries never shorten
it, and a machine whose clock runs fast cannot free an account ahead of time."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.people.lockout import FAIL, OK, PASSWORD_RULES, PIN_RULES, SKEW_S, UNLOCK, WINDOW_S, lock_state

NOW = 1_000_000.0
events = st.lists(
    st.tuples(
        st.sampled_from([FAIL, FAIL, FAIL, OK, UNLOCK]),
        st.floats(NOW - 2 * WINDOW_S, NOW + 2 * SKEW_S, allow_nan=False),
    ),
    max_size=25,
)


@given(events, st.randoms(use_true_random=False))
def test_order_of_arrival_does_not_matter(evs, rnd):
    shuffled = list(evs)
    rnd.shuffle(shuffled)
    for rules in (PIN_RULES, PASSWORD_RULES):
        assert lock_state(evs, NOW, rules) == lock_state(shuffled, NOW, rules)


@given(events, st.floats(NOW - WINDOW_S, NOW, allow_nan=False))
def test_another_wrong_try_never_shortens_the_wait(evs, at):
    for rules in (PIN_RULES, PASSWORD_RULES):
        before = lock_state(evs, NOW, rules)
        after = lock_state([*evs, (FAIL, at)], NOW, rules)
        assert after.held or not before.held
        assert after.held or after.wait_s >= before.wait_s or before.held


@given(events)
def test_events_seen_twice_change_nothing_but_the_count(evs):
    # a grow-only set: sync never delivers a row twice, but the state is monotone anyway
    once = lock_state(evs, NOW, PIN_RULES)
    assert once.failures <= len([e for e in evs if e[0] == FAIL])


def test_free_tries_then_doubling_waits_then_a_hold():
    fails = []
    seen = []
    for i in range(10):
        fails.append((FAIL, NOW))
        s = lock_state(fails, NOW, PIN_RULES)
        seen.append("held" if s.held else round(s.wait_s))
    assert seen == [0, 0, 30, 60, 120, 240, 480, 900, 900, "held"]


def test_a_sign_in_or_an_unlock_starts_the_count_again():
    fails = [(FAIL, NOW - 50 + i) for i in range(12)]
    assert lock_state(fails, NOW, PIN_RULES).held
    assert lock_state([*fails, (UNLOCK, NOW - 10)], NOW, PIN_RULES).failures == 0
    assert lock_state([*fails, (OK, NOW - 10), (FAIL, NOW - 5)], NOW, PIN_RULES).failures == 1


def test_a_reset_stamped_in_the_future_is_not_believed():
    fails = [(FAIL, NOW - 50 + i) for i in range(12)]
    assert lock_state([*fails, (OK, NOW + 365 * 86400)], NOW, PIN_RULES).held
    assert not lock_state([*fails, (OK, NOW + SKEW_S - 1)], NOW, PIN_RULES).held  # ordinary clock drift


def test_wrong_tries_older_than_a_day_are_forgotten():
    fails = [(FAIL, NOW - WINDOW_S - 100 + i) for i in range(12)]
    assert lock_state(fails, NOW, PIN_RULES).failures == 0


def test_teachers_are_slowed_never_held():
    fails = [(FAIL, NOW - 50 + i) for i in range(50)]
    s = lock_state(fails, NOW, PASSWORD_RULES)
    assert not s.held and 0 < s.wait_s <= PASSWORD_RULES.max_s
