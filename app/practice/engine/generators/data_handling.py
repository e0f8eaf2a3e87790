"""Data and probability: averages (mean, median, mode, range), reading a table of counts, and simple
probability as a fraction."""

from __future__ import annotations

import random
from fractions import Fraction

from app.practice.engine.generators.base import Generator, Question, dec, fmt_frac, number_question

_COUNT = {1: 3, 2: 4, 3: 5, 4: 6, 5: 7}


def _listed(values: list[int]) -> str:
    return ", ".join(str(v) for v in values)


def make_averages(level: int, rng: random.Random) -> Question:
    n = _COUNT[level]
    hi = 10 * level + 5
    kind = (
        ("mean", "range", "median", "mode", "mean")[(level - 1 + rng.randrange(2)) % 5]
        if level > 1
        else "mean"
    )
    values = [rng.randint(1, hi) for _ in range(n)]
    if kind == "mean":
        # nudge the last value so the mean is whole (low levels) or a simple decimal
        target = n if level < 4 else (n * 2 if n % 2 else n)
        values[-1] += (-sum(values)) % target
        mean = Fraction(sum(values), n)
        return number_question(f"Find the mean of {_listed(values)}.", dec(mean) if (mean * 100).denominator == 1
                               else fmt_frac(mean),
                               f"Add them ({sum(values)}) and divide by how many there are ({n}).")  # fmt: skip
    if kind == "range":
        return number_question(f"Find the range of {_listed(values)}.", max(values) - min(values),
                               f"Biggest minus smallest: {max(values)} \u2212 {min(values)}.")  # fmt: skip
    if kind == "mode":
        repeat = rng.choice(values)
        values = rng.sample([v for v in range(1, hi + 1) if v != repeat], n - 2) + [repeat, repeat]
        rng.shuffle(values)
        return number_question(f"Find the mode of {_listed(values)}.", repeat,
                               "The mode is the value that appears most often.")  # fmt: skip
    if n % 2 == 0:
        values.append(rng.randint(1, hi))
    ordered = sorted(values)
    return number_question(f"Find the median of {_listed(values)}.", ordered[len(ordered) // 2],
                           f"Put them in order ({_listed(ordered)}) and take the middle one.")  # fmt: skip


_THINGS = [("pets", ["cats", "dogs", "fish", "rabbits", "birds"]),
           ("favourite fruits", ["apples", "bananas", "grapes", "pears", "mangoes"]),
           ("ways to school", ["walk", "bus", "car", "bike", "scooter"])]  # fmt: skip


def make_table(level: int, rng: random.Random) -> Question:
    topic, names = rng.choice(_THINGS)
    k = min(2 + level, len(names))
    picked = rng.sample(names, k)
    counts = {name: rng.randint(2, 6 + 4 * level) for name in picked}
    shown = "; ".join(f"{name} {c}" for name, c in counts.items())
    table = f"A class counted {topic}: {shown}."
    a, b = rng.sample(picked, 2)
    if counts[a] < counts[b]:
        a, b = b, a
    if level <= 2:
        return number_question(f"{table} How many more for {a} than for {b}?", counts[a] - counts[b],
                               f"Take the smaller count from the bigger: {counts[a]} \u2212 {counts[b]}.")  # fmt: skip
    if level <= 4:
        total = sum(counts.values())
        return number_question(f"{table} How many were counted altogether?", total,
                               "Add every count in the table.")  # fmt: skip
    total = sum(counts.values())
    return number_question(f"{table} What fraction of the total is {a}?", fmt_frac(Fraction(counts[a], total)),
                           f"{a.capitalize()} over the total: {counts[a]}/{total}, simplified.")  # fmt: skip


_COLOURS = ["red", "blue", "green", "yellow"]


def make_probability(level: int, rng: random.Random) -> Question:
    if level == 1:
        n = rng.randint(1, 6)
        return number_question(f"You roll a fair dice numbered 1 to 6. What is the probability of rolling a {n}? "
                               "(a fraction)", "1/6", "One side out of six equally likely sides.")  # fmt: skip
    k = min(level, 4)
    bag = {c: rng.randint(1, 3 * level) for c in _COLOURS[:k]}
    total = sum(bag.values())
    shown = ", ".join(f"{n} {c}" for c, n in bag.items())
    colour = rng.choice(list(bag))
    p = Fraction(bag[colour], total)
    if level >= 4 and rng.random() < 0.5:
        p = 1 - p
        return number_question(f"A bag holds {shown} counters. You take one without looking. What is the "
                               f"probability it is not {colour}? (a fraction)", fmt_frac(p),
                               f"Count the counters that are not {colour} ({total - bag[colour]}) out of {total}.")  # fmt: skip
    return number_question(f"A bag holds {shown} counters. You take one without looking. What is the "
                           f"probability it is {colour}? (a fraction)", fmt_frac(p),
                           f"{bag[colour]} {colour} out of {total} counters: {bag[colour]}/{total}, simplified.")  # fmt: skip


GENERATORS = [
    Generator("averages", "DAT.AVG", "Averages", make_averages),
    Generator("reading_tables", "DAT.GRAPH", "Reading graphs and tables", make_table),
    Generator("probability", "DAT.PROB", "Probability", make_probability),
]
