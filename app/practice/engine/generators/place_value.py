"""Place value (value and name of a digit, comparing) and rounding; levels grow the number of digits."""

from __future__ import annotations

import random

from app.practice.engine.generators.base import (
    Generator,
    Question,
    choice_question,
    fmt_int,
    number_question,
    text_question,
)

_PLACES = ["ones", "tens", "hundreds", "thousands", "ten thousands", "hundred thousands", "millions"]
_DIGITS = {1: 2, 2: 3, 3: 4, 4: 5, 5: 7}


def _number(digits: int, rng: random.Random) -> int:
    # distinct non-zero digits keep "the digit 7" unambiguous
    ds = rng.sample(range(1, 10), digits)
    return int("".join(map(str, ds)))


def make_place_value(level: int, rng: random.Random) -> Question:
    n = _number(_DIGITS[level], rng)
    s = str(n)
    pos = rng.randrange(len(s))
    digit = int(s[pos])
    place = len(s) - 1 - pos
    form = rng.randrange(3)
    hint = (
        f"Name the places from the right of {fmt_int(n)}: ones, tens, hundreds, thousands... "
        f"The {digit} is digit number {place + 1} from the right."
    )
    if form == 0:
        return number_question(
            f"What is the value of the digit {digit} in {fmt_int(n)}?",
            digit * 10**place,
            f"The {digit} is in the {_PLACES[place]} place, so it is worth {digit} "
            f"{_PLACES[place]}. Write that as a number.",
        )
    if form == 1:
        name = _PLACES[place]
        answers = [name, name.rstrip("s"), f"the {name}", f"{name} place"]
        return text_question(
            f"Which place is the digit {digit} in, in {fmt_int(n)}? (ones, tens, hundreds...)", answers, hint
        )
    # the same digits in another order: only place value tells them apart
    digits = list(s)
    while "".join(digits) == s:
        rng.shuffle(digits)
    other = int("".join(digits))
    bigger = max(n, other)
    return choice_question(
        "Which number is bigger?", fmt_int(bigger), [fmt_int(min(n, other))],
        "Both have the same number of digits, so compare from the left: the first place where the digits "
        "differ decides.", rng,
    )  # fmt: skip


_ROUND_TO = {1: [10], 2: [10, 100], 3: [100, 1000], 4: [10, 100, 1000], 5: [1000, 10000]}


def make_rounding(level: int, rng: random.Random) -> Question:
    unit = rng.choice(_ROUND_TO[level])
    n = rng.randint(unit + 1, unit * (10 if level < 4 else 100) - 1)
    if n % unit == 0:
        n += 1
    down = n - n % unit
    up = down + unit
    answer = up if n % unit * 2 >= unit else down
    hint = (
        f"{fmt_int(n)} lies between {fmt_int(down)} and {fmt_int(up)}. Look at the digit to the right of the "
        f"{_PLACES[len(str(unit)) - 1]} place: 5 or more rounds up, less than 5 rounds down."
    )
    return number_question(f"Round {fmt_int(n)} to the nearest {fmt_int(unit)}.", answer, hint)


GENERATORS = [
    Generator("place_value", "NUM.PV", "Place value", make_place_value),
    Generator("rounding", "NUM.ROUND", "Rounding", make_rounding),
]
