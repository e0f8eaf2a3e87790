"""Numbers typed by a user, read by the language's rules before a service sees them.

In a language that writes a decimal comma (Spanish in most of Latin America: "1,5" is one and a half,
"1.500" fifteen hundred), a typed number is rewritten to the plain form the services read ("1.5",
"1500"). A number that reads two ways is refused with a plain message rather than guessed: "1,500"
(one and a half, or an English fifteen hundred?) and "1.500" (fifteen hundred, or a calculator's one and
a half?). In English the services' own rules apply unchanged (app/practice/engine/answers.py).
Practice answers to maths questions go through here: a student types numbers the way their language
writes them, and a "1,500" that could be either is asked again, never marked wrong."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QLocale

from app.errors import InvalidInput

# an optional "x =", sign and currency before, an optional percent sign after; digits and separators
_NUMBER = re.compile(
    r"^(?P<pre>\s*(?:[a-zA-Z]\s*=\s*)?[+\-\u2212]?\s*[$£€]?\s*)(?P<num>\d[\d.,]*)(?P<post>\s*%?\s*)$"
)
_GROUPS = re.compile(r"^\d{1,3}(\.\d{3})+$")


class AmbiguousNumber(InvalidInput):
    """A number that reads two ways in the user's language."""


def _ambiguous(text: str) -> AmbiguousNumber:
    return AmbiguousNumber(
        QCoreApplication.translate(
            "Numbers",
            "“%1” can be read two ways. Write fifteen hundred as 1500, and one and a half as 1,5.",
        ).replace("%1", text.strip())
    )


def read_number(text: str, locale: QLocale | None = None) -> str:
    """``text`` in the form the services read, by ``locale``'s rules (the default locale if None);
    raises :class:`AmbiguousNumber` when it reads two ways. Anything that is not a plain number
    (a fraction, a word) comes back unchanged for the services to judge."""
    loc = locale or QLocale()
    if loc.decimalPoint() != ",":
        return text
    m = _NUMBER.match(text)
    if not m:
        return text
    num = m.group("num")
    if num.endswith((",", ".")):
        return text
    commas, dots = num.count(","), num.count(".")
    if commas and dots:
        whole, _, frac = num.rpartition(",")
        if "." in frac or not _GROUPS.match(whole):
            raise _ambiguous(text)  # "1,234.5": English grouping in a decimal-comma language
        value = f"{whole.replace('.', '')}.{frac}"
    elif commas:
        whole, _, frac = num.partition(",")
        if commas > 1 or len(frac) == 3:
            raise _ambiguous(text)  # "1,500", "1,234,567"
        value = f"{whole}.{frac}"
    elif dots:
        if _GROUPS.match(num) and dots > 1:
            value = num.replace(".", "")  # "1.234.567"
        elif dots == 1 and len(num.partition(".")[2]) == 3:
            raise _ambiguous(text)  # "1.500"
        else:
            value = num  # "1.5": a calculator's point is not a thousands group of one or two digits
    else:
        return text
    return f"{m.group('pre')}{value}{m.group('post')}"
