"""How long an account waits before its next sign-in try: a pure function of its sign-in events.

Every machine of a school holds the same events (they sync), so every machine derives the same
lock-out; the order they arrived in does not matter. Wrong tries count from the later of a day ago
and the last reset (a sign-in that succeeded, or a teacher's unlock). After a few free tries each
wrong one doubles the wait, up to a cap; a student who keeps guessing is held until a teacher
unlocks them (or the wrong tries are a day old). Teachers are never held, only slowed: a student
typing wrong passwords must not be able to keep the teacher out for good.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

FAIL, OK, UNLOCK = "fail", "ok", "unlock"
RESETS = frozenset({OK, UNLOCK})
WINDOW_S = 24 * 3600
# A reset stamped further ahead than this by its machine's clock is not believed until its time
# comes: a machine whose clock runs a year fast must not free an account for a year.
SKEW_S = 5 * 60


@dataclass(frozen=True)
class Rules:
    free_tries: int
    base_s: float
    max_s: float
    hold_after: int | None  # wrong tries after which only a teacher (or the day's end) frees it


PIN_RULES = Rules(free_tries=3, base_s=30, max_s=15 * 60, hold_after=10)
PASSWORD_RULES = Rules(free_tries=5, base_s=30, max_s=15 * 60, hold_after=None)


@dataclass(frozen=True)
class LockState:
    failures: int  # wrong tries that still count
    wait_s: float  # seconds until the next try is allowed (0: now)
    held: bool  # waits for a teacher's unlock

    @property
    def locked(self) -> bool:
        return self.held or self.wait_s > 0


def lock_state(events: Iterable[tuple[str, float]], now: float, rules: Rules) -> LockState:
    """``events`` are (kind, at) pairs of one account, in any order."""
    events = list(events)
    since = now - WINDOW_S
    for kind, at in events:
        if kind in RESETS and since < at <= now + SKEW_S:
            since = at
    fails = [min(at, now) for kind, at in events if kind == FAIL and at > since]
    n = len(fails)
    if rules.hold_after is not None and n >= rules.hold_after:
        return LockState(n, 0.0, True)
    if n < rules.free_tries:
        return LockState(n, 0.0, False)
    delay = min(rules.max_s, rules.base_s * 2 ** (n - rules.free_tries))
    return LockState(n, max(0.0, max(fails) + delay - now), False)
