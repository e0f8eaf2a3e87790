"""Marking sentences built below the UI so the UI can translate them (no Qt here).

The design is gettext's: ``_("Your milestone “{title}” is due {when}.", title=t, when=w)`` returns the
sentence in the user's language at the moment it is built. This module does not translate anything
itself: the UI installs a translator function at start (``install``, from ``app/ui/i18n``), which
looks the source text up with ``QCoreApplication.translate`` in the one context ``CONTEXT``. With
nothing installed (tests of the services, the command line, the sync server) the sentence is English.

- Placeholders are ``str.format`` names (``{title}``), filled in *after* translation, so a translator
  can move them; a test checks every translation keeps the same placeholders.
- Plurals: ``_("%n skill(s) to review", n=count)``. The UI asks Qt with ``n`` (Spanish and English
  have their own plural forms in the catalogue); without a translation, "(s)" is dropped when
  ``n == 1`` and made "s" otherwise, and ``%n`` becomes the number.
- ``N_("...")`` marks a constant made at import time (a table of labels) without translating it:
  pass it through ``_(constant)`` where it is shown.
- Only literal first arguments are found by the extractor (``scripts/i18n_extract.py``), which writes
  them where ``pyside6-lupdate`` reads them; a test fails when the catalogue is not current.

Dates in those sentences: ``day(ts)`` ("25 Nov"), ``weekday(ts)`` ("Tuesday") and ``day_year(ts)``
are written by the UI's locale once it installs its formatters (``install(..., dates=...)``), else in
English as before.

What is not marked, on purpose: the writing checks' findings (English-only, the writing page says so),
the command-line tools' output (for admins' scripts and logs), anything written to files other systems
read (exports, sync batches) and log messages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

CONTEXT = "Tessera"
PLURAL_MARK = "(s)"

# (context, source, n) -> translated template, or None for "no translation".
Translator = Callable[[str, str, int], "str | None"]
_translator: Translator | None = None
_dates: dict[str, Callable[[float], str]] = {}


def install(translator: Translator | None, dates: dict[str, Callable[[float], str]] | None = None) -> None:
    """Set (or with None, remove) the function that translates marked sentences, and the functions
    that write dates ("day", "weekday", "day_year") in the user's language."""
    global _translator
    _translator = translator
    _dates.clear()
    _dates.update(dates or {})


def day(ts: float) -> str:
    """ "25 Nov" in the user's language."""
    f = _dates.get("day")
    return f(ts) if f else dt.datetime.fromtimestamp(ts).strftime("%d %b").lstrip("0")


def weekday(ts: float) -> str:
    """ "Tuesday" in the user's language."""
    f = _dates.get("weekday")
    return f(ts) if f else dt.datetime.fromtimestamp(ts).strftime("%A")


def day_year(ts: float) -> str:
    """ "25 Nov 2026" in the user's language."""
    f = _dates.get("day_year")
    return f(ts) if f else dt.datetime.fromtimestamp(ts).strftime("%d %b %Y").lstrip("0")


def english_plural(text: str, n: int) -> str:
    """``text`` with each "(s)" dropped when ``n`` is 1 and made "s" otherwise."""
    return text.replace(PLURAL_MARK, "" if n == 1 else "s")


def _(source: str, /, n: int | None = None, **args: Any) -> str:
    """``source`` translated (when a translator is installed), then filled in with ``args``."""
    text: str | None = None
    if _translator is not None:
        text = _translator(CONTEXT, source, -1 if n is None else n)
    if text is None or text == source:
        text = source if n is None else english_plural(source, n)
    if n is not None:
        text = text.replace("%n", str(n))
    return text.format(**args) if args else text


def N_(source: str, /) -> str:  # noqa: N802  (gettext's name for "mark, do not translate yet")
    """Mark ``source`` for the catalogue; translate it later with ``_(source)``."""
    return source
