"""Geometry and measures: perimeter, area, angles and converting units; levels grow the numbers and
the shapes (rectangles, then triangles and regular polygons, then working backwards)."""

from __future__ import annotations

import random
from fractions import Fraction

from app.practice.engine.generators.base import Generator, Question, dec, number_question

_SIDE = {1: (2, 9), 2: (5, 15), 3: (6, 20), 4: (8, 30), 5: (10, 60)}
_POLYGONS = [("square", 4), ("regular pentagon", 5), ("regular hexagon", 6), ("regular octagon", 8)]


def make_perimeter(level: int, rng: random.Random) -> Question:
    lo, hi = _SIDE[level]
    a, b = rng.randint(lo, hi), rng.randint(lo, hi)
    if level <= 2:
        return number_question(f"A rectangle is {a} cm by {b} cm. What is its perimeter in cm?", 2 * (a + b),
                               f"Add all four sides: {a} + {b} + {a} + {b}, or 2 \u00d7 ({a} + {b}).")  # fmt: skip
    if level == 3:
        c = rng.randint(max(abs(a - b) + 1, lo), a + b - 1)
        return number_question(f"A triangle has sides of {a} cm, {b} cm and {c} cm. What is its perimeter in cm?",
                               a + b + c, f"Add the three sides: {a} + {b} + {c}.")  # fmt: skip
    if level == 4:
        name, n = rng.choice(_POLYGONS)
        return number_question(f"A {name} has sides of {a} cm. What is its perimeter in cm?", n * a,
                               f"A {name} has {n} equal sides: {n} \u00d7 {a}.")  # fmt: skip
    p = 2 * (a + b)
    return number_question(f"A rectangle has a perimeter of {p} cm and is {a} cm long. How wide is it, in cm?", b,
                           f"Half the perimeter is one length plus one width: {p} \u00f7 2 = {a + b}, "
                           f"then take away {a}.")  # fmt: skip


def make_area(level: int, rng: random.Random) -> Question:
    lo, hi = _SIDE[level]
    a, b = rng.randint(lo, hi), rng.randint(lo, hi)
    if level <= 2:
        return number_question(f"A rectangle is {a} cm by {b} cm. What is its area in cm\u00b2?", a * b,
                               f"Area of a rectangle = length \u00d7 width = {a} \u00d7 {b}.")  # fmt: skip
    if level == 3:
        b += b % 2  # an even base keeps the answer whole
        return number_question(f"A triangle has a base of {b} cm and a height of {a} cm. What is its area in cm\u00b2?",
                               Fraction(a * b, 2), f"Half of base \u00d7 height: ({b} \u00d7 {a}) \u00f7 2.")  # fmt: skip
    if level == 4:
        return number_question(f"A parallelogram has a base of {a} cm and a height of {b} cm. "
                               "What is its area in cm\u00b2?", a * b,
                               f"Like a rectangle pushed over: base \u00d7 height = {a} \u00d7 {b}.")  # fmt: skip
    c, d = rng.randint(2, a - 1 if a > 3 else 2), rng.randint(2, b - 1 if b > 3 else 2)
    return number_question(f"An L-shape is a {a} cm by {b} cm rectangle with a {c} cm by {d} cm corner cut "
                           "away. What is its area in cm\u00b2?", a * b - c * d,
                           f"Whole rectangle minus the corner: {a} \u00d7 {b} \u2212 {c} \u00d7 {d}.")  # fmt: skip


def make_angles(level: int, rng: random.Random) -> Question:
    if level == 1:
        a = rng.randint(10, 80)
        return number_question(f"Two angles make a right angle. One is {a}\u00b0. What is the other, in degrees?",
                               90 - a, f"A right angle is 90\u00b0: 90 \u2212 {a}.")  # fmt: skip
    if level == 2:
        a = rng.randint(20, 160)
        return number_question(f"Two angles sit on a straight line. One is {a}\u00b0. What is the other, in degrees?",
                               180 - a, f"Angles on a straight line add up to 180\u00b0: 180 \u2212 {a}.")  # fmt: skip
    if level == 3:
        a, b = rng.randint(20, 90), rng.randint(20, 70)
        return number_question(f"A triangle has angles of {a}\u00b0 and {b}\u00b0. What is the third angle, in degrees?",
                               180 - a - b, f"The angles of a triangle add up to 180\u00b0: 180 \u2212 {a} \u2212 {b}.")  # fmt: skip
    if level == 4:
        a, b, c = rng.randint(40, 120), rng.randint(40, 100), rng.randint(30, 90)
        return number_question(f"Four angles meet at a point: {a}\u00b0, {b}\u00b0, {c}\u00b0 and one more. "
                               "What is the last one, in degrees?", 360 - a - b - c,
                               f"Angles around a point add up to 360\u00b0: 360 \u2212 {a} \u2212 {b} \u2212 {c}.")  # fmt: skip
    a = rng.randint(30, 80)
    return number_question(f"An isosceles triangle has two equal angles of {a}\u00b0. What is the third angle, "
                           "in degrees?", 180 - 2 * a,
                           f"The two equal angles make {2 * a}\u00b0; the triangle's angles add up to 180\u00b0.")  # fmt: skip


_UNITS = [("m", "cm", 100), ("km", "m", 1000), ("kg", "g", 1000), ("L", "mL", 1000), ("cm", "mm", 10)]


def make_units(level: int, rng: random.Random) -> Question:
    big, small, k = rng.choice(_UNITS)
    if level <= 2:
        n = Fraction(rng.randint(1, 9 * level))
    elif level == 3:
        n = Fraction(rng.randint(11, 99), 10)
    else:
        n = Fraction(rng.randint(101, 9999), 100 if level == 4 else 1000)
    if level % 2 == 0:  # small to big: divide
        value = n * k
        return number_question(f"Convert {dec(value)} {small} to {big}.", dec(n),
                               f"There are {k} {small} in 1 {big}, so divide by {k}.")  # fmt: skip
    return number_question(f"Convert {dec(n)} {big} to {small}.", dec(n * k),
                           f"There are {k} {small} in 1 {big}, so multiply by {k}.")  # fmt: skip


GENERATORS = [
    Generator("perimeter", "GEO.PER", "Perimeter", make_perimeter),
    Generator("area", "GEO.AREA", "Area", make_area),
    Generator("angles", "GEO.ANG", "Angles", make_angles),
    Generator("units", "GEO.UNIT", "Units of measure", make_units),
]
