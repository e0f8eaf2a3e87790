"""Item generators: the answers are right, hints present, same seed same item."""

from __future__ import annotations

import re
from fractions import Fraction

import pytest

from app.practice.engine.answers import parse_number
from app.practice.engine.generators import GENERATORS, from_ref, generate, generate_pool
from app.practice.engine.kinds import KINDS, check_answer

SEEDS = range(25)
FRAMEWORK_SKILLS = {"NUM.ADD", "NUM.SUB", "NUM.MUL", "NUM.DIV", "NUM.PV", "NUM.ROUND", "NUM.NEG", "FRA.EQ",
                    "FRA.ADD", "FRA.MUL", "FRA.DEC", "FRA.PCT", "FRA.CONV", "ALG.ORD", "ALG.LIN1", "ALG.LIN2",
                    "ALG.EXPR", "ALG.SEQ", "GEO.PER", "GEO.AREA", "GEO.ANG", "GEO.UNIT", "DAT.AVG", "DAT.GRAPH",
                    "DAT.PROB"}  # fmt: skip
UNITS = {("m", "cm"): 100, ("km", "m"): 1000, ("kg", "g"): 1000, ("L", "mL"): 1000, ("cm", "mm"): 10}


def _more_values(prompt: str) -> Fraction | None:
    """Independent checks for geometry, data and algebra prompts."""
    import statistics

    num = r"(\d+)"
    m = re.fullmatch(
        rf"A rectangle is {num} cm by {num} cm\. What is its (perimeter in cm|area in cm\u00b2)\?", prompt
    )
    if m:
        a, b = int(m.group(1)), int(m.group(2))
        return Fraction(2 * (a + b) if m.group(3).startswith("perimeter") else a * b)
    m = re.fullmatch(rf"Two angles sit on a straight line\. One is {num}\u00b0\..*", prompt)
    if m:
        return Fraction(180 - int(m.group(1)))
    m = re.fullmatch(rf"A triangle has angles of {num}\u00b0 and {num}\u00b0\..*", prompt)
    if m:
        return Fraction(180 - int(m.group(1)) - int(m.group(2)))
    m = re.fullmatch(r"Convert ([\d.]+) (\w+) to (\w+)\.", prompt)
    if m:
        value, a, b = Fraction(m.group(1)), m.group(2), m.group(3)
        return value * UNITS[(a, b)] if (a, b) in UNITS else value / UNITS[(b, a)]
    m = re.fullmatch(r"Find the (mean|median|mode|range) of ([\d, ]+)\.", prompt)
    if m:
        values = [int(v) for v in m.group(2).split(", ")]
        if m.group(1) == "mean":
            return Fraction(sum(values), len(values))
        if m.group(1) == "range":
            return Fraction(max(values) - min(values))
        modes = statistics.multimode(values)
        assert m.group(1) != "mode" or len(modes) == 1, prompt  # one mode only
        return Fraction(statistics.median(values) if m.group(1) == "median" else modes[0])
    m = re.fullmatch(r"If (\w) = (\d+)(?: and (\w) = (\d+))?, what is (.+)\?", prompt)
    if m:
        expr = m.group(5).replace("\u00b2", "^2")
        expr = re.sub(r"(\d)([a-z(])", r"\1*\2", expr)
        expr = expr.replace(m.group(1), f"({m.group(2)})")
        if m.group(3):
            expr = expr.replace(m.group(3), f"({m.group(4)})")
        return _evaluate(expr.replace("^2", "\u00b2"))
    m = re.fullmatch(r"What comes next: (.+), \u2026\?", prompt)
    if m:
        terms = [int(t.replace("\u2212", "-").replace(",", "")) for t in m.group(1).split(", ")]
        assert len({b - a for a, b in zip(terms, terms[1:])}) == 1, prompt
        return Fraction(2 * terms[-1] - terms[-2])
    m = re.fullmatch(r"A bag holds (.+) counters\. You take one without looking\. What is the probability it is "
                     r"(not )?(\w+)\? \(a fraction\)", prompt)  # fmt: skip
    if m:
        bag = {c: int(n) for n, c in (part.split(" ") for part in m.group(1).split(", "))}
        p = Fraction(bag[m.group(3)], sum(bag.values()))
        return 1 - p if m.group(2) else p
    m = re.fullmatch(r"A class counted [\w ]+: (.+)\. How many (?:more for (\w+) than for (\w+)|were counted "
                     r"altogether)\?", prompt)  # fmt: skip
    if m:
        counts = {k: int(v) for k, v in (part.rsplit(" ", 1) for part in m.group(1).split("; "))}
        return Fraction(counts[m.group(2)] - counts[m.group(3)] if m.group(2) else sum(counts.values()))
    return None


def _evaluate(expr: str) -> Fraction:
    """Independent check: evaluate the printed expression exactly."""
    expr = expr.replace("\u00d7", "*").replace("\u00f7", "/").replace("\u2212", "-").replace("\u00b2", "**2")
    expr = expr.replace(",", "")
    assert re.fullmatch(r"[\d\s.+\-*/()]+", expr), expr
    return eval(re.sub(r"\d+(\.\d+)?", lambda m: f"Fraction('{m.group(0)}')", expr), {"Fraction": Fraction})


def _independent_value(key: str, prompt: str) -> Fraction | None:
    m = re.fullmatch(r"(.+) = \?( \(a fraction or a decimal\))?", prompt)
    if m:
        return _evaluate(m.group(1))
    m = re.fullmatch(r"Solve for x: (.+) = (.+)", prompt)
    if m:
        left, right = m.group(1), _evaluate(m.group(2))
        lhs = re.sub(r"(\d)x", r"\1*x", left).replace("\u2212x", "-x").replace("\u2212", "-")

        # linear in x: solve from two evaluations
        def f(x):
            return _evaluate(lhs.replace("x", f"({x})"))

        a, b = f(1) - f(0), f(0)
        return (right - b) / a
    m = re.fullmatch(r"What is ([\d.]+)% of (\d+)\?", prompt)
    if m:
        return Fraction(m.group(1)) / 100 * int(m.group(2))
    m = re.fullmatch(r"Round ([\d,]+) to the nearest ([\d,]+)\.", prompt)
    if m:
        n, unit = int(m.group(1).replace(",", "")), int(m.group(2).replace(",", ""))
        return Fraction((n + unit // 2) // unit * unit)
    m = re.fullmatch(r"Write (\d+)/(\d+) as a decimal\.", prompt)
    if m:
        return Fraction(int(m.group(1)), int(m.group(2)))
    return _more_values(prompt)


@pytest.mark.parametrize("key", sorted(GENERATORS))
def test_every_item_is_well_formed_and_right(key):
    checked = 0
    for level in range(1, 6):
        for seed in SEEDS:
            item = generate(key, level, seed)
            assert item.kind in KINDS and item.prompt and item.hint and item.answer
            assert item.level == level and item.skill == GENERATORS[key].skill
            first = item.answer.split("\n")[0]
            assert check_answer(item.kind, item.answer, first)
            if item.kind == "choice":
                assert item.answer in item.choices and len(set(item.choices)) == len(item.choices) >= 2
                wrong = [c for c in item.choices if c != item.answer]
                assert not any(check_answer("choice", item.answer, w) for w in wrong)
            if item.kind == "number":
                value = _independent_value(key, item.prompt)
                if value is not None:
                    assert check_answer(
                        "number", item.answer, str(value.numerator) + "/" + str(value.denominator)
                    )
                    checked += 1
                else:
                    assert parse_number(first) is not None
                assert not check_answer("number", item.answer, "123456789")
    if key not in {"place_value", "equivalent_fractions"}:
        assert checked > 0, "no item of this generator could be checked independently"


def test_choice_comparisons_pick_the_bigger_number():
    for seed in SEEDS:
        for key, level in (("decimals", 3), ("negative_numbers", 1), ("place_value", 3)):
            item = generate(key, level, seed)
            if item.kind == "choice" and item.prompt.startswith("Which"):
                values = [parse_number(c) for c in item.choices]
                assert parse_number(item.answer) == max(values)


def test_same_seed_same_item_and_refs_regenerate():
    for key in GENERATORS:
        a, b = generate(key, 3, 7), generate(key, 3, 7)
        assert a == b
        assert from_ref(a.source_ref) == a
    assert generate("addition", 3, 1) != generate("addition", 3, 2)


def test_levels_grow_harder_for_number_facts():
    def mean_answer(key, level):
        return sum(int(generate(key, level, s).answer) for s in SEEDS) / len(SEEDS)

    for key in ("addition", "multiplication"):
        assert mean_answer(key, 1) < mean_answer(key, 3) < mean_answer(key, 5)


def test_pools_cover_levels_without_repeats_and_skills_are_in_the_framework():
    for key, gen in GENERATORS.items():
        pool = list(generate_pool(key, per_level=10))
        assert len({i.prompt for i in pool}) == len(pool)
        assert {i.level for i in pool} == {1, 2, 3, 4, 5}
        assert gen.skill in FRAMEWORK_SKILLS
    assert {g.skill for g in GENERATORS.values()} == FRAMEWORK_SKILLS


def test_bad_requests():
    with pytest.raises(KeyError):
        generate("nope", 1, 0)
    with pytest.raises(ValueError):
        generate("addition", 6, 0)
