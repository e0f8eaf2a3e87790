"""Online guessing at the sign-in screen: how many tries the throttle leaves an attacker against one
account, and the issue's replay (30 wrong teacher passwords at once, then the right one).

    python benchmarks/signin_guessing.py [--days 30]

Part one is counted, not timed: an attacker who tries the very moment each wait ends, on any number of
machines of the school (the lock-out syncs, so machines add to one count; counted here as if sync were
instant), with the rules of app/people/lockout.py. For students: with and without a teacher unlocking
every morning. Part two runs the real AccountService on a fresh demo class and reports what was refused
and the wall time (the machine may be loaded; the time is for orientation only).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.people.lockout import FAIL, PASSWORD_RULES, PIN_RULES, UNLOCK, Rules, lock_state  # noqa: E402


def tries_in(days: float, rules: Rules, unlock_every_s: float | None = None) -> int:
    """Wrong tries an attacker gets in ``days``, trying as soon as each wait ends."""
    events: list[tuple[str, float]] = []
    now, end, tries, next_unlock = 0.0, days * 86400, 0, unlock_every_s
    while now < end:
        if next_unlock is not None and now >= next_unlock:
            events.append((UNLOCK, now))
            next_unlock += unlock_every_s
        state = lock_state([e for e in events if e[1] > now - 86400 - 1], now, rules)
        if state.held:
            now = min(x for x in (next_unlock, _hold_ends(events, now, rules)) if x is not None)
            continue
        if state.wait_s > 0:
            now += state.wait_s + 0.001
            continue
        events.append((FAIL, now))
        tries += 1
        now += 0.001
    return tries


def _hold_ends(events: list[tuple[str, float]], now: float, rules: Rules) -> float:
    """The moment enough wrong tries are a day old for the hold to end."""
    fails = sorted(at for kind, at in events if kind == FAIL and at > now - 86400)
    drop = len(fails) - rules.hold_after + 1
    return fails[drop - 1] + 86400 + 0.001


def replay() -> dict:
    from app.bootstrap import open_context
    from app.demo import create_demo
    from app.errors import SignInError

    with tempfile.TemporaryDirectory() as d:
        ctx = open_context(Path(d))
        info = create_demo(ctx.db, seed=7)
        accounts = ctx.services.accounts
        reasons: dict[str, int] = {}
        t0 = time.perf_counter()
        for i in range(30):
            try:
                accounts.sign_in_teacher(info.username, f"guess-{i}")
            except SignInError as err:
                reasons[err.reason] = reasons.get(err.reason, 0) + 1
        wrong_s = time.perf_counter() - t0
        try:
            accounts.sign_in_teacher(info.username, info.password)
            right = "accepted"
        except SignInError as err:
            right = f"refused ({err.reason}, {err.wait_s:.0f} s to wait)"
        ctx.close()
    return {
        "wrong_tries": 30,
        "refusals": reasons,
        "seconds_for_30": round(wrong_s, 2),
        "right_password_then": right,
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--days", type=float, default=30)
    args = ap.parse_args()
    days = args.days
    pin_alone = tries_in(days, PIN_RULES)
    pin_daily_unlock = tries_in(days, PIN_RULES, unlock_every_s=86400)
    password = tries_in(days, PASSWORD_RULES)
    out = {
        "days": days,
        "student_pin_tries": pin_alone,
        "student_pin_tries_with_a_daily_unlock": pin_daily_unlock,
        "teacher_password_tries": password,
        # half of the 10,000 four-digit PINs, at the rate above
        "days_to_half_of_4_digit_pins": round(5000 / (pin_daily_unlock / days)),
        "replay": replay(),
    }
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
