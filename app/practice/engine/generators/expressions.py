"""Algebra beyond equations: substituting into expressions, and number sequences (next term, then
the n-th term of an arithmetic sequence)."""

from __future__ import annotations

import random

from app.practice.engine.generators.base import Generator, Question, fmt_int, number_question

_LETTERS = "abnxy"


def make_expression(level: int, rng: random.Random) -> Question:
    v = rng.choice(_LETTERS)
    a = rng.randint(2, 3 + 2 * level)
    if level == 1:
        b = rng.randint(1, 20)
        return number_question(
            f"If {v} = {a}, what is {v} + {b}?", a + b, f"Put {a} in place of {v}: {a} + {b}."
        )
    if level == 2:
        k, b = rng.randint(2, 6), rng.randint(1, 12)
        return number_question(f"If {v} = {a}, what is {k}{v} + {b}?", k * a + b,
                               f"{k}{v} means {k} \u00d7 {v}: {k} \u00d7 {a} = {k * a}, then add {b}.")  # fmt: skip
    if level == 3:
        w = "b" if v != "b" else "c"
        b = rng.randint(1, 9)
        return number_question(f"If {v} = {a} and {w} = {b}, what is 2{v} \u2212 {w}?", 2 * a - b,
                               f"2 \u00d7 {a} = {2 * a}, then take away {b}.")  # fmt: skip
    if level == 4:
        b = rng.randint(1, 9)
        return number_question(f"If {v} = {a}, what is {v}\u00b2 + {b}?", a * a + b,
                               f"{v}\u00b2 means {v} \u00d7 {v}: {a} \u00d7 {a} = {a * a}, then add {b}.")  # fmt: skip
    b, c = rng.randint(1, 9), rng.randint(1, 9)
    return number_question(f"If {v} = {a}, what is 3({v} + {b}) \u2212 {c}?", 3 * (a + b) - c,
                           f"Brackets first: {a} + {b} = {a + b}; times 3 is {3 * (a + b)}; then take away {c}.")  # fmt: skip


def make_sequence(level: int, rng: random.Random) -> Question:
    start = rng.randint(1, 5 * level + 5)
    step = rng.randint(2, 3 + 2 * level)
    if level == 3:
        step = -step
        start += 6 * abs(step)
    terms = [start + i * step for i in range(4)]
    shown = ", ".join(fmt_int(t) for t in terms)
    if level <= 3:
        return number_question(f"What comes next: {shown}, \u2026?", terms[-1] + step,
                               f"Each term {'adds' if step > 0 else 'takes away'} {abs(step)}.")  # fmt: skip
    n = rng.randint(8, 12 if level == 4 else 30)
    return number_question(f"What is term number {n} of {shown}, \u2026?", start + (n - 1) * step,
                           f"Start at {start} and add {step} another {n - 1} times: {start} + {n - 1} \u00d7 {step}.")  # fmt: skip


GENERATORS = [
    Generator("expressions", "ALG.EXPR", "Expressions", make_expression),
    Generator("sequences", "ALG.SEQ", "Sequences", make_sequence),
]
