"""Answer parsing and checking: tolerant of formatting, exact in value; property tests."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.practice.engine.answers import normalise_text, parse_number
from app.practice.engine.kinds import check_answer


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1/2", Fraction(1, 2)), ("0.5", Fraction(1, 2)), (" .5 ", Fraction(1, 2)), ("2/4", Fraction(1, 2)),
        ("0,5", Fraction(1, 2)), ("3,14", Fraction(314, 100)), ("1,500", 1500), ("12,345,678", 12345678),
        ("12 345", 12345), ("1 1/2", Fraction(3, 2)), ("-1 1/2", Fraction(-3, 2)), ("\u22123", -3),
        ("x = 5", 5), ("x=-2", -2), ("25%", 25), ("$3.50", Fraction(7, 2)), ("+7", 7), ("- 4", -4),
        ("3.", 3), ("\u00bd", Fraction(1, 2)), ("1\u00bd", Fraction(3, 2)), ("\uff11\uff12", 12),
        ("1,234.5", Fraction(24690, 20)),
    ],
)  # fmt: skip
def test_parse_number_accepts_common_forms(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize(
    "text", ["", ".", "abc", "1/0", "1,5,0", "3\u00b2", "1..2", "--3", "1/2/3", "5 apples"]
)
def test_parse_number_rejects_non_numbers(text):
    assert parse_number(text) is None


def test_check_answer_by_kind():
    assert check_answer("number", "0.75", "3/4")
    assert check_answer("number", "3/4", "0.75")
    assert check_answer("number", "1500", "1,500")
    assert not check_answer("number", "3/4", "0.7")
    assert check_answer("number", "1/3", "0.33") and check_answer("number", "1/3", "0.333")
    assert not check_answer("number", "1/3", "0.3") and not check_answer("number", "2/3", "0.66")
    assert not check_answer("number", "0.25", "0.3")  # terminating answers must be exact
    assert check_answer("number", "75%", "75") and not check_answer("number", "75%", "0.75")
    assert check_answer("text", "hundreds\nhundred", "  Hundreds. ")
    assert not check_answer("text", "hundreds", "")
    assert check_answer("choice", "not wanting to do something", "Not wanting to do something")
    assert not check_answer("choice", "a", "b")
    assert not check_answer("number", "5", "")


def test_normalise_text():
    assert normalise_text("  \u201cIt\u2019s   Fine!\u201d ") == "it's fine"


_fractions = st.fractions(min_value=-(10**6), max_value=10**6, max_denominator=10**4)


def _forms(q: Fraction) -> list[str]:
    out = [f"{q.numerator}/{q.denominator}"]
    if q.denominator == 1:
        n = q.numerator
        out += [str(n), f"{n:,}", f"x = {n}", f"{n}%"]
    d = q.denominator
    for p in (2, 5):
        while d % p == 0:
            d //= p
    if d == 1:  # a terminating decimal
        places = 0
        while (q * 10**places).denominator != 1:
            places += 1
        scaled = abs(q * 10**places).numerator
        s = str(scaled).rjust(places + 1, "0")
        body = s[:-places] + "." + s[-places:] if places else s
        out.append(("-" if q < 0 else "") + body)
    if q.denominator > 1 and abs(q) > 1:  # mixed number
        whole = abs(q.numerator) // q.denominator
        rest = abs(q) - whole
        out.append(f"{'-' if q < 0 else ''}{whole} {rest.numerator}/{rest.denominator}")
    return out


@settings(max_examples=300, deadline=None)
@given(_fractions)
def test_every_written_form_reads_back_exactly(q):
    for form in _forms(q):
        assert parse_number(form) == q, form
        assert check_answer("number", form, f"  {form} ")


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=60))
def test_parser_and_checker_never_crash(text):
    value = parse_number(text)
    assert value is None or isinstance(value, Fraction)
    for kind in ("number", "text", "choice"):
        assert check_answer(kind, "3/4\nthree quarters", text) in (True, False)
        assert check_answer(kind, text, "0.75") in (True, False)
