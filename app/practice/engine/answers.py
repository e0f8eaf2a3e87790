"""Reading and comparing answers, tolerant of how people write them (which kind compares how: ``kinds``).

Numbers are read exactly (as fractions), so "1/2", "0.5", "2/4" and " .50 " are all the same answer.
Accepted forms: integers, decimals (a point, or a comma when it cannot be a thousands separator:
"0,5" and "3,14" are decimals, "1,500" is fifteen hundred), thousands separators ("12,345",
"12 345"), fractions ("3/4"), mixed numbers ("1 1/2"), a leading sign (also the typographic minus),
a leading currency sign, a trailing percent sign (a unit mark: "25%" answers "25"), and a leading
"x =" as written when solving an equation. When the right answer has no exact decimal (1/3), a
decimal correctly rounded to two or more places is accepted too ("0.33", "0.333").
"""

from __future__ import annotations

import re
import unicodedata
from fractions import Fraction

__all__ = ["normalise_text", "number_right", "parse_number", "text_right"]

_MINUS = str.maketrans(
    {"\u2212": "-", "\u2013": "-", "\u2012": "-", "\u2014": "-", "\ufe63": "-", "\uff0d": "-"}
)
_VAR_PREFIX = re.compile(r"^[a-z]\s*=\s*", re.IGNORECASE)
_INT = re.compile(r"^\d+$")
_GROUPED = re.compile(r"^\d{1,3}([, ]\d{3})+(\.\d+)?$")
_DECIMAL = re.compile(r"^(\d+)?\.(\d+)?$")
_FRACTION = re.compile(r"^(\d+)\s*/\s*(\d+)$")
_MIXED = re.compile(r"^(\d+)\s+(\d+)\s*/\s*(\d+)$")
_DECIMAL_COMMA = re.compile(r"^(\d+),(\d+)$")
_MAX_LEN = 100
_SUPER_SUB = re.compile("[\u00b2\u00b3\u00b9\u2070-\u209f]")
_VULGAR = re.compile("(\\d)([\u00bc-\u00be\u2150-\u215e])")


def parse_number(text: str) -> Fraction | None:
    """The exact value written, or None if it is not a number in one of the accepted forms."""
    if not isinstance(text, str) or len(text) > _MAX_LEN:
        return None
    if _SUPER_SUB.search(text):  # "3²" must not read as 32 after normalising
        return None
    s = _VULGAR.sub(r"\1 \2", text)  # "1½" is a mixed number: 1 1/2 after normalising
    s = unicodedata.normalize("NFKC", s).replace("\u2044", "/").translate(_MINUS).strip()
    s = _VAR_PREFIX.sub("", s)
    s = s.rstrip("%").strip()
    s = s.lstrip("$£€").strip()
    sign = 1
    if s[:1] in "+-" and s:
        sign = -1 if s[0] == "-" else 1
        s = s[1:].strip()
        s = s.lstrip("$£€").strip()
    value = _unsigned(s)
    return None if value is None else sign * value


def _unsigned(s: str) -> Fraction | None:
    if not s:
        return None
    if _INT.match(s):
        return Fraction(int(s))
    m = _FRACTION.match(s)
    if m:
        den = int(m.group(2))
        return Fraction(int(m.group(1)), den) if den else None
    m = _MIXED.match(s)
    if m:
        den = int(m.group(3))
        return int(m.group(1)) + Fraction(int(m.group(2)), den) if den else None
    if _GROUPED.match(s):
        return Fraction(s.replace(",", "").replace(" ", ""))
    m = _DECIMAL_COMMA.match(s)
    if m:  # not a thousands group (that matched above), so the comma is a decimal comma
        return Fraction(f"{m.group(1)}.{m.group(2)}")
    m = _DECIMAL.match(s)
    if m and (m.group(1) or m.group(2)):
        return Fraction(f"{m.group(1) or '0'}.{m.group(2) or '0'}")
    return None


def _decimal_places(text: str) -> int:
    s = text.strip().rstrip("%").strip()
    m = re.search(r"[.,](\d+)$", s)
    return len(m.group(1)) if m and "/" not in s else 0


def _terminates(q: Fraction) -> bool:
    d = q.denominator
    for p in (2, 5):
        while d % p == 0:
            d //= p
    return d == 1


def _number_matches(expected: Fraction, response_text: str, response: Fraction) -> bool:
    if response == expected:
        return True
    if _terminates(expected):
        return False
    places = _decimal_places(response_text)
    if places < 2:
        return False
    return abs(response - expected) <= Fraction(1, 2 * 10**places)


def normalise_text(text: str) -> str:
    """Case, spacing, quotes and final full stop do not matter in text answers."""
    s = unicodedata.normalize("NFKC", text).casefold()
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    s = " ".join(s.split())
    s = s.strip(" \"'").rstrip(".!?;:").strip()
    return s


def number_right(accepted: list[str], response: str) -> bool:
    """True when ``response`` is one of the accepted numbers (an accepted answer that is not a number is
    compared as text)."""
    got = parse_number(response)
    for a in accepted:
        exp = parse_number(a)
        if exp is None:  # a number item with a non-numeric answer: compare as text
            if normalise_text(a) == normalise_text(response):
                return True
        elif got is not None and _number_matches(exp, response, got):
            return True
    return False


def text_right(accepted: list[str], response: str) -> bool:
    """True when ``response`` is one of the accepted texts, as ``normalise_text`` compares them."""
    got_text = normalise_text(response)
    return bool(got_text) and any(normalise_text(a) == got_text for a in accepted)
