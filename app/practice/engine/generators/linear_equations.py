"""Linear equations in x: one-step (levels 1-5 grow the numbers, then negatives and fractions) and two-step."""

from __future__ import annotations

import random
from fractions import Fraction

from app.practice.engine.generators.base import Generator, Question, fmt_frac, fmt_int, number_question


def _x(level: int, rng: random.Random) -> Fraction:
    if level <= 2:
        return Fraction(rng.randint(1, 10 * level))
    if level <= 4:
        return Fraction(rng.randint(-12, 20) or 3)
    return Fraction(rng.randint(1, 9), rng.choice([2, 3, 4]))


def _term(a: int) -> str:
    return "x" if a == 1 else ("\u2212x" if a == -1 else f"{fmt_int(a)}x")


def make_one_step(level: int, rng: random.Random) -> Question:
    x = _x(level, rng)
    form = rng.randrange(3)
    if form == 0:
        b = rng.randint(2, 5 * level + 5)
        return number_question(
            f"Solve for x: x + {b} = {fmt_frac(x + b)}", x, f"Undo the + {b}: subtract {b} from both sides."
        )
    if form == 1:
        b = rng.randint(2, 5 * level + 5)
        return number_question(
            f"Solve for x: x \u2212 {b} = {fmt_frac(x - b).replace('-', chr(0x2212))}",
            x,
            f"Undo the \u2212 {b}: add {b} to both sides.",
        )
    a = rng.randint(2, 3 + level)
    return number_question(
        f"Solve for x: {_term(a)} = {fmt_frac(a * x).replace('-', chr(0x2212))}",
        x,
        f"x is multiplied by {a}: divide both sides by {a}.",
    )


def make_two_step(level: int, rng: random.Random) -> Question:
    x = _x(level, rng)
    a = rng.randint(2, 3 + level)
    if level >= 4 and rng.random() < 0.5:
        a = -a
    b = rng.randint(1, 6 + 3 * level) * (1 if rng.random() < 0.6 or level < 3 else -1)
    c = a * x + b
    op = "+" if b > 0 else "\u2212"
    left = f"{_term(a)} {op} {abs(b)}"
    right = fmt_frac(c).replace("-", "\u2212")
    undo = "\u2212" if b > 0 else "+"
    hint = (
        f"First undo the {op} {abs(b)} on both sides: {_term(a)} = {right} {undo} {abs(b)}. "
        f"Then divide both sides by {fmt_int(a)}."
    )
    return number_question(f"Solve for x: {left} = {right}", x, hint)


GENERATORS = [
    Generator("one_step_equations", "ALG.LIN1", "One-step equations", make_one_step),
    Generator("two_step_equations", "ALG.LIN2", "Two-step equations", make_two_step),
]
