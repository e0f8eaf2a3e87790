"""Percentages of amounts, and converting between fractions, decimals and percentages."""

from __future__ import annotations

import random
from fractions import Fraction

from app.practice.engine.generators.base import (
    Generator,
    Question,
    choice_question,
    dec,
    fmt_frac,
    number_question,
)

_PERCENTS: dict[int, list[float]] = {1: [50, 10, 100], 2: [25, 50, 75, 10, 20], 3: [5, 15, 30, 40, 60, 90], 4: [12, 35, 45, 65, 85],
             5: [2.5, 12.5, 17.5, 33, 120, 150]}  # fmt: skip


def make_percent_of(level: int, rng: random.Random) -> Question:
    pct = Fraction(str(rng.choice(_PERCENTS[level])))
    # an amount that keeps the answer a whole number or a simple decimal
    step = (100 / pct).denominator * (pct / 100).denominator
    amount = step * rng.randint(1, max(2, 400 // step)) if step <= 400 else 200
    value = pct / 100 * amount
    if pct == 50:
        hint = f"50% is one half: halve {amount}."
    elif pct == 100:
        hint = "100% is the whole amount."
    elif pct == 10:
        hint = f"10% is one tenth: divide {amount} by 10."
    elif pct % 10 == 0 and pct <= 100:
        hint = f"Find 10% first ({dec(Fraction(amount, 10))}), then take {pct // 10} of those."
    else:
        hint = f"Find 1% ({dec(Fraction(amount, 100))}) or 10% first, then build up to {dec(pct)}%."
    return number_question(f"What is {dec(pct)}% of {amount}?", dec(value), hint)


_FRACS = {1: [(1, 2), (1, 4), (3, 4)], 2: [(1, 5), (2, 5), (1, 10), (3, 10)], 3: [(3, 5), (7, 10), (1, 8), (4, 5)],
          4: [(3, 8), (9, 20), (7, 25), (5, 8)], 5: [(1, 3), (2, 3), (7, 8), (11, 40), (1, 16)]}  # fmt: skip


def make_convert(level: int, rng: random.Random) -> Question:
    q = Fraction(*rng.choice(_FRACS[level]))
    form = rng.randrange(3)
    if form == 0:
        hint = f"Divide the top by the bottom: {q.numerator} \u00f7 {q.denominator}."
        # a recurring decimal: show it to two places, accept any correct rounding (see answers.py)
        answer = dec(q) if (q * 10**6).denominator == 1 else f"{round(float(q), 2)}\n{fmt_frac(q)}"
        return number_question(f"Write {fmt_frac(q)} as a decimal.", answer, hint)
    if form == 1 and (q * 100).denominator == 1:
        hint = f"Per cent means out of 100: {fmt_frac(q)} = ?/100. Or multiply the decimal {dec(q)} by 100."
        return number_question(f"Write {dec(q)} as a percentage.", f"{dec(q * 100)}%", hint)
    pct = q * 100
    a, b = q.numerator, q.denominator
    wrong = {f"{b}/{a}", f"{a}/{b * 10}", f"1/{int(pct)}" if pct.denominator == 1 else f"{a}/{b + 2}",
             f"{a + 1}/{b}" if a + 1 < b else f"{a}/{b + 1}"}  # fmt: skip
    wrong.discard(fmt_frac(q))
    hint = f"{dec(pct, 2)}% means {dec(pct, 2)} out of 100. Write it over 100 and simplify."
    return choice_question(
        f"Which fraction is the same as {dec(pct, 2)}%?", fmt_frac(q), sorted(wrong)[:3], hint, rng
    )


GENERATORS = [
    Generator("percentages", "FRA.PCT", "Percentages", make_percent_of),
    Generator("converting_forms", "FRA.CONV", "Converting forms", make_convert),
]
