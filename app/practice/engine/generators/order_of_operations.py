"""Order of operations: brackets, then times and divide, then add and subtract; levels add steps."""

from __future__ import annotations

import random

from app.practice.engine.generators.base import Generator, Question, number_question


def _expr(level: int, rng: random.Random) -> tuple[str, int, str]:
    a, b, c, d = (rng.randint(2, 9) for _ in range(4))
    if level == 1:
        return f"{a} + {b} \u00d7 {c}", a + b * c, f"Times before add: work out {b} \u00d7 {c} first."
    if level == 2:
        if rng.random() < 0.5:
            return f"{a * c + b} \u2212 {a} \u00d7 {c}", b, f"Times before subtract: {a} \u00d7 {c} first."
        return f"({a} + {b}) \u00d7 {c}", (a + b) * c, f"Brackets first: {a} + {b}, then multiply by {c}."
    if level == 3:
        q = b * c
        return (
            f"{a} + {q} \u00f7 {b} \u2212 {d}",
            a + c - d,
            f"Divide first: {q} \u00f7 {b}. Then add and subtract from left to right.",
        )
    if level == 4:
        return (
            f"{a} \u00d7 ({b} + {c}) \u2212 {d} \u00d7 2",
            a * (b + c) - d * 2,
            f"Brackets first ({b} + {c}), then both multiplications, then subtract.",
        )
    return (
        f"({a} + {b})\u00b2 \u2212 {c} \u00d7 {d}",
        (a + b) ** 2 - c * d,
        f"Brackets, then the square: ({a} + {b})\u00b2 = {a + b} \u00d7 {a + b}. Then {c} \u00d7 {d}, then subtract.",
    )


def make_order(level: int, rng: random.Random) -> Question:
    expr, value, hint = _expr(level, rng)
    return number_question(
        f"{expr} = ?", value, hint + " (Brackets, powers, \u00d7 and \u00f7, + and \u2212.)"
    )


GENERATORS = [Generator("order_of_operations", "ALG.ORD", "Order of operations", make_order)]
