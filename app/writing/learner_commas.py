"""Commas after openers that mechanics.intro_comma does not list, which learners often leave out:
"Second the price ..." -> "Second, the price ...", "For these reasons I agree" -> "For these reasons, I".

(A comma after a whole opening clause, "If you want a good job you must ...", was tried and left out:
many fluent writers leave it out too, so it cost more false alarms than it gained.)
"""

from __future__ import annotations

from collections.abc import Iterator

from .findings import WARNING, Finding
from .rules import View, finding
from .wordclasses import COORDINATORS, DETERMINERS, SUBJECT_PRONOUNS, word_set

RULE = "grammar.intro-comma"

# Openers mechanics.intro_comma does not list, which always take a comma ("Second, the price ...").
# Each maps to the words after which it is taken as an opener (None: any word). The others open a
# noun phrase, and there the comma would be wrong: "Second place goes ...", "Besides English, I ...",
# "In my case study I ...", "For these reasons and more, I ...".
_SUBJECTS = SUBJECT_PRONOUNS | word_set("there")
_OPENS_CLAUSE = _SUBJECTS | DETERMINERS
_EXTRA_INTRO: dict[tuple[str, ...], frozenset[str] | None] = {
    ("second",): _OPENS_CLAUSE,
    ("third",): _OPENS_CLAUSE,
    ("fourth",): _OPENS_CLAUSE,
    ("besides",): _SUBJECTS,  # "Besides it is ...", not "Besides him, ..."
    ("indeed",): None,
    ("likewise",): None,
    ("for", "this", "reason"): _OPENS_CLAUSE,
    ("for", "these", "reasons"): _OPENS_CLAUSE,
    ("according", "to", "me"): _OPENS_CLAUSE,
    ("in", "my", "case"): _OPENS_CLAUSE,
    ("that", "is", "to", "say"): _OPENS_CLAUSE,
}
# After "Besides you": signs that the pronoun is not the subject of a verb ("Besides you and me").
_NOT_A_VERB = COORDINATORS | word_set("being")


def extra_intro_comma(v: View) -> Iterator[Finding]:
    """ "Second the price ..." -> "Second, the price ...": openers mechanics.intro_comma does not list."""
    i = v.first_word()
    if i < 0 or v.continued:
        return
    for phrase, before in _EXTRA_INTRO.items():
        last = i + len(phrase) - 1
        if tuple(v.low[i : last + 1]) != phrase or not all(v.is_word(k) for k in range(i, last + 2)):
            continue
        nxt = v.low[last + 1]
        if before is not None and nxt not in before:
            return
        if nxt in _SUBJECTS and (not v.is_word(last + 2) or v.low[last + 2] in _NOT_A_VERB):
            return  # "Besides you, nobody came", "Besides you and me": not a subject and its verb
        original = v.text[v.tokens[i].start : v.tokens[last].end]
        yield finding(v, i, last, RULE, f'Put a comma after "{original}".', [original + ","], WARNING)
        return


RULES = (extra_intro_comma,)
