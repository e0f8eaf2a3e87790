"""Decimals: comparing, adding and subtracting, multiplying and dividing by 10, 100 and 1000."""

from __future__ import annotations

import random
from fractions import Fraction

from app.practice.engine.generators.base import Generator, Question, choice_question, dec, number_question

_PLACES = {1: 1, 2: 1, 3: 2, 4: 2, 5: 3}


def _decimal(level: int, rng: random.Random, whole_max: int = 20) -> Fraction:
    places = _PLACES[level]
    return Fraction(rng.randint(1, whole_max * 10**places), 10**places)


def make_decimals(level: int, rng: random.Random) -> Question:
    form = rng.randrange(3)
    if form == 0:
        a = _decimal(level, rng, 9)
        # a tempting wrong pick: more digits but smaller (0.45 vs 0.5)
        b = a + Fraction(rng.choice([-1, 1]) * rng.randint(1, 9), 10 ** (_PLACES[level] + 1))
        if b <= 0:
            b = a + Fraction(1, 10 ** (_PLACES[level] + 1))
        hint = (
            "Line up the decimal points and compare digit by digit from the left; more digits is not bigger."
        )
        return choice_question("Which is bigger?", dec(max(a, b)), [dec(min(a, b))], hint, rng)
    if form == 1:
        a, b = _decimal(level, rng), _decimal(level, rng)
        subtract = level >= 2 and rng.random() < 0.5
        if subtract and a < b:
            a, b = b, a
        op = "\u2212" if subtract else "+"
        hint = "Line up the decimal points (write zeros to fill empty places), then work from the right."
        return number_question(f"{dec(a)} {op} {dec(b)} = ?", dec(a - b if subtract else a + b), hint)
    a = _decimal(level, rng, 99)
    power = rng.choice([10, 100, 1000][: 1 + min(level, 2)])
    zeros = len(str(power)) - 1
    if rng.random() < 0.5:
        hint = (
            f"Multiplying by {power} moves every digit {zeros} place{'s' if zeros > 1 else ''} to the left."
        )
        return number_question(f"{dec(a)} \u00d7 {power} = ?", dec(a * power), hint)
    hint = f"Dividing by {power} moves every digit {zeros} place{'s' if zeros > 1 else ''} to the right."
    return number_question(f"{dec(a)} \u00f7 {power} = ?", dec(a / power, 8), hint)


GENERATORS = [Generator("decimals", "FRA.DEC", "Decimals", make_decimals)]
