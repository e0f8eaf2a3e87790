"""What every generator shares: the ``Generator`` record, the question it returns, and small helpers."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

__all__ = [
    "Generator",
    "Question",
    "choice_question",
    "fmt",
    "fmt_frac",
    "fmt_int",
    "number_question",
    "text_question",
]


@dataclass(frozen=True, slots=True)
class Question:
    kind: str
    prompt: str
    answer: str
    hint: str
    choices: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Generator:
    key: str  # stable name, part of every item's source_ref
    skill: str  # skill code in the default framework
    title: str
    make: Callable[[int, random.Random], Question]  # (level 1-5, seeded rng) -> question


def number_question(prompt: str, answer: object, hint: str) -> Question:
    return Question("number", prompt, answer if isinstance(answer, str) else fmt(answer), hint)


def text_question(prompt: str, answers: list[str], hint: str) -> Question:
    return Question("text", prompt, "\n".join(answers), hint)


def choice_question(prompt: str, right: str, wrong: list[str], hint: str, rng: random.Random) -> Question:
    seen = {right}
    options = [right]
    for w in wrong:
        if w not in seen:
            seen.add(w)
            options.append(w)
    rng.shuffle(options)
    return Question("choice", prompt, right, hint, tuple(options))


def fmt_int(n: int) -> str:
    """Thousands separators from 10,000 up, the way school books write them; a true minus sign."""
    s = f"{abs(n):,}" if abs(n) >= 10_000 else str(abs(n))
    return ("\u2212" if n < 0 else "") + s


def fmt_frac(q: Fraction) -> str:
    return str(q.numerator) if q.denominator == 1 else f"{q.numerator}/{q.denominator}"


def fmt(value: object) -> str:
    """An answer string: integers plain, fractions as a/b, decimals without float noise."""
    if isinstance(value, Fraction):
        return fmt_frac(value)
    if isinstance(value, float):
        return f"{value:.10f}".rstrip("0").rstrip(".")
    return str(value)


def dec(q: Fraction, places: int = 6) -> str:
    """A terminating fraction as a decimal string ("0.125")."""
    sign = "-" if q < 0 else ""
    q = abs(q)
    whole = q.numerator // q.denominator
    rest = q - whole
    digits = ""
    for _ in range(places):
        if rest == 0:
            break
        rest *= 10
        d = rest.numerator // rest.denominator
        digits += str(d)
        rest -= d
    return sign + str(whole) + ("." + digits if digits else "")
