"""Number facts: addition, subtraction, times tables and division, levels 1 (within 10) to 5 (three digits)."""

from __future__ import annotations

import random

from app.practice.engine.generators.base import Generator, Question, fmt_int, number_question

_ADD_RANGES = {1: (1, 9, 1, 9, 10), 2: (2, 9, 2, 9, 20), 3: (11, 89, 2, 9, 100), 4: (11, 89, 11, 89, 100),
               5: (101, 899, 11, 99, 1000)}  # fmt: skip


def _addends(level: int, rng: random.Random) -> tuple[int, int]:
    a_lo, a_hi, b_lo, b_hi, cap = _ADD_RANGES[level]
    while True:
        a, b = rng.randint(a_lo, a_hi), rng.randint(b_lo, b_hi)
        if a + b <= cap and (level != 2 or a + b > 10):
            return a, b


def _add_hint(a: int, b: int) -> str:
    if a < 10 and b < 10 and a + b > 10:
        need = 10 - a
        return f"Make ten: {a} + {need} = 10, and {b} is {need} + {b - need}. So add {b - need} to 10."
    if b >= 10:
        tens, ones = b - b % 10, b % 10
        return f"Split {b} into {tens} and {ones}: first {a} + {tens} = {a + tens}, then add {ones}."
    return f"Count on {b} from {a}, or start from the bigger number and add the smaller one."


def make_add(level: int, rng: random.Random) -> Question:
    a, b = _addends(level, rng)
    return number_question(f"{fmt_int(a)} + {fmt_int(b)} = ?", a + b, _add_hint(a, b))


def make_sub(level: int, rng: random.Random) -> Question:
    a, b = _addends(level, rng)
    total = a + b
    if b >= 10:
        tens, ones = b - b % 10, b % 10
        hint = f"Take away {b} in two steps: {total} \u2212 {tens} = {total - tens}, then take away {ones}."
    else:
        hint = f"Think of the addition fact: {b} + ? = {total}. Or count back {b} from {total}."
    return number_question(f"{fmt_int(total)} \u2212 {fmt_int(b)} = ?", a, hint)


_TABLES = {
    1: [2, 5, 10],
    2: [2, 3, 4, 5, 10],
    3: [3, 4, 6, 7, 8, 9],
    4: [6, 7, 8, 9, 11, 12],
    5: [12, 13, 15, 25],
}


def _factors(level: int, rng: random.Random) -> tuple[int, int]:
    a = rng.choice(_TABLES[level])
    b = rng.randint(2, 12) if level < 5 else rng.randint(3, 19)
    return (a, b) if rng.random() < 0.5 else (b, a)


def _mul_hint(a: int, b: int) -> str:
    small, big = sorted((a, b))
    if 10 in (a, b):
        other = a if b == 10 else b
        return f"Ten times moves each digit one place to the left: {other} becomes {other} tens."
    if small == 2:
        return f"Two times is double: {big} + {big}."
    if big > 10:
        return f"Split {big} into 10 and {big - 10}: {small} \u00d7 10 = {small * 10}, then add {small} \u00d7 {big - 10}."
    if small == 9 or big == 9:
        other = a if b == 9 else b
        return f"Nine times is ten times less one: {other} \u00d7 10 = {other * 10}, then take away {other}."
    return f"Use a fact you know: {small} \u00d7 {big - 1} = {small * (big - 1)}, then add one more {small}."


def make_mul(level: int, rng: random.Random) -> Question:
    a, b = _factors(level, rng)
    return number_question(f"{a} \u00d7 {b} = ?", a * b, _mul_hint(a, b))


def make_div(level: int, rng: random.Random) -> Question:
    a, b = _factors(level, rng)
    hint = f"Which number times {b} makes {a * b}? Count up in {b}s or use the {b} times table."
    return number_question(f"{fmt_int(a * b)} \u00f7 {b} = ?", a, hint)


GENERATORS = [
    Generator("addition", "NUM.ADD", "Addition facts", make_add),
    Generator("subtraction", "NUM.SUB", "Subtraction facts", make_sub),
    Generator("multiplication", "NUM.MUL", "Times tables", make_mul),
    Generator("division", "NUM.DIV", "Division facts", make_div),
]
