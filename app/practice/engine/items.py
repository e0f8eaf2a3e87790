"""The practice item as the engines hand it over: generators, the vocabulary bank and QTI import all
produce ``PracticeItem``; the store keeps it as an ``Item`` row (same field names)."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["PracticeItem"]


@dataclass(frozen=True, slots=True)
class PracticeItem:
    """One question.

    ``answer`` is a string for every kind: a number ("3/4", "0.75", "-12"), a text, or the text of the
    right choice. Several accepted answers are separated by newlines. Check responses with
    ``app.practice.engine.kinds.check_answer(item.kind, item.answer, response)``.
    """

    kind: str  # a kind in ``kinds.KINDS``
    prompt: str
    answer: str
    skill: str = ""  # skill code in the framework (e.g. "FRA.ADD"); "" when the importer must choose
    choices: tuple[str, ...] = ()
    hint: str = ""
    level: int = 3  # 1 (easiest) .. 5, the prior for the difficulty estimate
    source: str = "generator"  # "generator" | "bank" | "qti"
    source_ref: str = ""  # generator key:level:seed, bank id, or QTI identifier; stable across runs
    time_limit_s: float = 0.0  # 0 = untimed
    title: str = ""
