"""Fractions: equivalent fractions, adding and subtracting, multiplying; levels grow the denominators."""

from __future__ import annotations

import math
import random
from fractions import Fraction

from app.practice.engine.generators.base import Generator, Question, fmt_frac, number_question

_DENOMS = {
    1: [2, 4],
    2: [2, 3, 4, 5, 6],
    3: [3, 4, 5, 6, 8, 10],
    4: [4, 6, 8, 9, 10, 12],
    5: [6, 7, 9, 12, 15, 16],
}


def _proper(level: int, rng: random.Random) -> Fraction:
    d = rng.choice(_DENOMS[level])
    return Fraction(rng.randint(1, d - 1), d)


def make_equivalent(level: int, rng: random.Random) -> Question:
    q = _proper(level, rng)
    k = rng.randint(2, 3 + level)
    a, b = q.numerator, q.denominator
    if rng.random() < 0.5:
        prompt = f"{a}/{b} = ?/{b * k}. What is the missing top number?"
        hint = f"{b} \u00d7 {k} = {b * k}, so multiply the top number by {k} as well."
        return number_question(prompt, a * k, hint)
    prompt = f"{a * k}/{b * k} = {a}/?. What is the missing bottom number?"
    hint = f"{a * k} \u00f7 {k} = {a}, so divide the bottom number by {k} as well."
    return number_question(prompt, b, hint)


def make_add(level: int, rng: random.Random) -> Question:
    x, y = _proper(level, rng), _proper(level, rng)
    if level == 1:  # same denominator
        y = Fraction(rng.randint(1, x.denominator - 1), x.denominator)
    subtract = level >= 3 and rng.random() < 0.5
    if subtract and x < y:
        x, y = y, x
    if subtract and x == y:
        subtract = False
    result = x - y if subtract else x + y
    sign = "\u2212" if subtract else "+"
    lcd = math.lcm(x.denominator, y.denominator)
    if x.denominator == y.denominator:
        hint = f"The denominators are the same, so {'subtract' if subtract else 'add'} the top numbers and keep {lcd}."
    else:
        hint = (
            f"Make the denominators the same: {fmt_frac(x)} = {x.numerator * lcd // x.denominator}/{lcd} and "
            f"{fmt_frac(y)} = {y.numerator * lcd // y.denominator}/{lcd}. Then {'subtract' if subtract else 'add'}"
            f" the top numbers."
        )
    prompt = f"{fmt_frac(x)} {sign} {fmt_frac(y)} = ? (a fraction or a decimal)"
    return number_question(prompt, result, hint)


def make_multiply(level: int, rng: random.Random) -> Question:
    x = _proper(level, rng)
    if level <= 2:  # fraction of a whole number that divides exactly
        n = x.denominator * rng.randint(1, 6)
        hint = f"{fmt_frac(x)} of {n}: divide {n} by {x.denominator}, then multiply by {x.numerator}."
        return number_question(f"{fmt_frac(x)} \u00d7 {n} = ?", x * n, hint)
    y = _proper(level - 1, rng)
    hint = (
        f"Multiply the top numbers ({x.numerator} \u00d7 {y.numerator}) and the bottom numbers "
        f"({x.denominator} \u00d7 {y.denominator}), then simplify if you can."
    )
    return number_question(f"{fmt_frac(x)} \u00d7 {fmt_frac(y)} = ? (a fraction or a decimal)", x * y, hint)


GENERATORS = [
    Generator("equivalent_fractions", "FRA.EQ", "Equivalent fractions", make_equivalent),
    Generator("adding_fractions", "FRA.ADD", "Adding fractions", make_add),
    Generator("multiplying_fractions", "FRA.MUL", "Multiplying fractions", make_multiply),
]
