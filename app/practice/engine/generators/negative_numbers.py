"""Negative numbers: ordering, adding and subtracting, and (at level 5) multiplying."""

from __future__ import annotations

import random

from app.practice.engine.generators.base import Generator, Question, choice_question, fmt_int, number_question

_RANGE = {1: 10, 2: 20, 3: 20, 4: 50, 5: 12}


def _paren(n: int) -> str:
    return f"({fmt_int(n)})" if n < 0 else fmt_int(n)


def make_negative(level: int, rng: random.Random) -> Question:
    r = _RANGE[level]
    if level == 1 and rng.random() < 0.5:
        a, b = rng.sample(range(-r, r + 1), 2)
        if a >= 0 and b >= 0:
            a = -a - 1
        hint = "On a number line, the number further to the right is bigger; -2 is bigger than -5."
        return choice_question("Which number is bigger?", fmt_int(max(a, b)), [fmt_int(min(a, b))], hint, rng)
    if level == 5:
        a, b = rng.randint(-r, -2), rng.randint(-r, r)
        if b in (0, 1):
            b = -3
        hint = (
            "Multiply the sizes, then the sign: different signs give a negative, the same signs a positive."
        )
        return number_question(f"{_paren(a)} \u00d7 {_paren(b)} = ?", a * b, hint)
    a = rng.randint(-r, r // 2)
    b = rng.randint(-r, r)
    if level <= 2:
        b = abs(b) or 1
    subtract = rng.random() < 0.5
    op = "\u2212" if subtract else "+"
    if subtract and b < 0:
        hint = "Subtracting a negative is the same as adding: a \u2212 (\u2212b) = a + b."
    elif subtract:
        hint = f"Start at {fmt_int(a)} on a number line and move {b} to the left."
    elif b < 0:
        hint = "Adding a negative is the same as subtracting: a + (\u2212b) = a \u2212 b."
    else:
        hint = f"Start at {fmt_int(a)} on a number line and move {b} to the right."
    return number_question(f"{fmt_int(a)} {op} {_paren(b)} = ?", a - b if subtract else a + b, hint)


GENERATORS = [Generator("negative_numbers", "NUM.NEG", "Negative numbers", make_negative)]
