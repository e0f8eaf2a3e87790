"""Grammar: every sentence rule in one list, run over one sentence at a time.

Rules live with their kind: mechanics.py (a/an, doubled words, capitals, end marks, a comma after an
opener), agreement.py
(verb forms), number.py (singular and plural nouns), confusables.py (their/there, its/it's ...),
clauses.py (comma splices, run-ons), context.py (loose/lose, affect/effect ... chosen by the word-pair
table), usage.py ("the these", "most of people", "can to go"), learner.py ("more tall than", "much people",
"I am student"), learner_verbs.py ("I am go", "I very like it", "Although ..., but"), learner_words.py
("some thing", "my self"), learner_nouns.py ("Scientist agree") and learner_preps.py ("focus in").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from . import (
    agreement,
    clauses,
    confusables,
    context,
    learner,
    learner_nouns,
    learner_preps,
    learner_verbs,
    learner_words,
    mechanics,
    number,
    usage,
)
from .findings import Finding
from .rules import View

Rule = Callable[[View], Iterable[Finding]]

RULES: tuple[Rule, ...] = (
    mechanics.RULES
    + agreement.RULES
    + number.RULES
    + confusables.RULES
    + clauses.RULES
    + context.RULES
    + usage.RULES
    + learner.RULES
    + learner_verbs.RULES
    + learner_words.RULES
    + learner_nouns.RULES
    + learner_preps.RULES
)


def check_grammar(view: View) -> list[Finding]:
    """Findings for one sentence, offsets relative to its start; overlapping findings keep the first."""
    found: list[Finding] = []
    for rule in RULES:
        found.extend(rule(view))
    return found
