"""Dates and numbers written the way the chosen language writes them (app/ui/language.py sets
Qt's default locale before any page is built): "25 nov" and "1.500" in Spanish, "25 Nov" and
"1,500" in English. Python's ``strftime`` would write English month names whatever the language."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QLocale


def _at(ts: float) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(ts))


def _fmt(ts: float, pattern: str) -> str:
    return QLocale().toString(_at(ts), pattern).replace(".", "")  # "nov." -> "nov": short and calm


def day(ts: float) -> str:
    """ "25 Nov" / "25 nov"."""
    return _fmt(ts, "d MMM")


def day_time(ts: float) -> str:
    """ "25 Nov 14:05"."""
    return _fmt(ts, "d MMM HH:mm")


def weekday_day(ts: float) -> str:
    """ "Tue 25 Nov" / "mar 25 nov"."""
    return _fmt(ts, "ddd d MMM")


def weekday(ts: float) -> str:
    """ "Tuesday" / "martes"."""
    return QLocale().toString(_at(ts), "dddd")


def weekday_time(ts: float) -> str:
    return _fmt(ts, "ddd HH:mm")


def clock(ts: float) -> str:
    return QLocale().toString(_at(ts), "HH:mm")


def day_year(ts: float) -> str:
    """ "25 Nov 2026"."""
    return _fmt(ts, "d MMM yyyy")


def long_day(ts: float) -> str:
    """ "25 November 2026" / "25 de noviembre de 2026"."""
    return QLocale().toString(_at(ts).date(), QLocale.FormatType.LongFormat)


def number(value: float) -> str:
    """A count or a measure with the language's separators ("1,500" / "1.500", "1.5" / "1,5")."""
    if float(value).is_integer():
        return QLocale().toString(int(value))
    return QLocale().toString(float(value), "g", 6)
