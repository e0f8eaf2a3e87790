"""A writing task's settings as stored (a checks dict and a rubric list of {"kind", "value"}) and as
the engine takes them (`CheckConfig`, `RubricCriteria`), in both directions.

Stored settings may come from another device through sync, or from an older Tessera: anything
unknown or malformed is skipped rather than refused, so a task always opens.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import fields
from typing import Any

from .checks.findings import CATEGORIES, CheckConfig, RubricCriteria

# RubricCriteria field -> how a stored value becomes that field's value
_INTS = ("min_words", "max_words", "min_paragraphs", "max_paragraphs", "min_topic_words", "min_transitions")
_FLAGS = ("require_claim", "require_conclusion")
MAX_TOPIC_WORDS = 30
MAX_ALLOWED_WORDS = 2000
MAX_WORD_LENGTH = 60


def categories_from_checks(checks: Any) -> frozenset[str]:
    """{"spelling": true, "grammar": false} -> {"spelling", "style"}: a category not mentioned is on."""
    if not isinstance(checks, dict):
        return CATEGORIES
    return frozenset(c for c in CATEGORIES if checks.get(c, True) is not False)


def checks_from_categories(categories: Iterable[str]) -> dict[str, bool]:
    chosen = set(categories)
    return {c: c in chosen for c in sorted(CATEGORIES)}


def criteria_from_rubric(rubric: Any) -> RubricCriteria:
    """The stored list [{"kind": "min_words", "value": 300}, ...] as RubricCriteria."""
    values: dict[str, Any] = {}
    for entry in rubric if isinstance(rubric, list) else ():
        if not isinstance(entry, dict):
            continue
        kind, value = entry.get("kind"), entry.get("value")
        if kind in _INTS:
            number = _whole(value)
            if number is not None:
                values[kind] = number
        elif kind in _FLAGS:
            values[kind] = value is True
        elif kind == "topic_words":
            values[kind] = clean_words(value if isinstance(value, list) else [], MAX_TOPIC_WORDS)
    return RubricCriteria(**values)


def rubric_from_criteria(criteria: RubricCriteria) -> list[dict[str, Any]]:
    """RubricCriteria as the stored list; criteria that are not asked are left out."""
    out: list[dict[str, Any]] = []
    for f in fields(RubricCriteria):
        value = getattr(criteria, f.name)
        if f.name in _INTS and value is not None:
            out.append({"kind": f.name, "value": int(value)})
        elif f.name in _FLAGS and value:
            out.append({"kind": f.name, "value": True})
        elif f.name == "topic_words" and value:
            out.append({"kind": f.name, "value": list(clean_words(value, MAX_TOPIC_WORDS))})
    return out


def is_asked(criteria: RubricCriteria) -> bool:
    return bool(rubric_from_criteria(criteria))


def build_config(checks: Any, rubric: Any, allowed_words: Iterable[str] = ()) -> CheckConfig:
    """The engine's settings for one task: its categories, the class's words, its rubric."""
    criteria = criteria_from_rubric(rubric)
    return CheckConfig(
        categories=categories_from_checks(checks),
        allowed_words=frozenset(clean_words(allowed_words, None)),
        rubric=criteria if is_asked(criteria) else None,
    )


def clean_words(words: Iterable[Any], limit: int | None = MAX_ALLOWED_WORDS) -> tuple[str, ...]:
    """Trimmed, de-duplicated (ignoring case), in the order given; blanks and over-long entries go."""
    seen: set[str] = set()
    out: list[str] = []
    for word in words:
        if not isinstance(word, str):
            continue
        word = " ".join(word.split())
        if not word or len(word) > MAX_WORD_LENGTH or word.casefold() in seen:
            continue
        seen.add(word.casefold())
        out.append(word)
        if limit is not None and len(out) >= limit:
            break
    return tuple(out)


def _whole(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if math.isnan(value) or value < 0 or value > 1_000_000:  # not a number, negative, absurd
        return None
    return int(value)
