"""Commas after openers that mechanics.intro_comma does not list, which learners often leave out:
"Second the price ..." -> "Second, the price ...", "For these reasons I agree" -> "For these reasons, I".

(A comma after a whole opening clause, "If you want a good job you must ...", was tried and left out:
many fluent writers leave it out too, so it cost more false alarms than it gained.)
"""

from __future__ import annotations

from collections.abc import Iterator

from .findings import WARNING, Finding
from .rules import View, finding
from .wordclasses import word_set

RULE = "grammar.intro-comma"

# Openers mechanics.intro_comma does not list, which always take a comma ("Second, the price ...").
_EXTRA_INTRO = {
    ("second",): word_set("of hand half largest biggest most best time one"),
    ("third",): word_set("of party largest biggest most best time one"),
    ("fourth",): word_set("of largest biggest most best time one"),
    ("besides",): word_set("the a an this that these those my your his her our their being"),
    ("indeed",): frozenset(),
    ("likewise",): frozenset(),
    ("for", "this", "reason"): frozenset(),
    ("for", "these", "reasons"): frozenset(),
    ("according", "to", "me"): frozenset(),
    ("in", "my", "case"): frozenset(),
    ("that", "is", "to", "say"): frozenset(),
}


def extra_intro_comma(v: View) -> Iterator[Finding]:
    """ "Second the price ..." -> "Second, the price ...": openers mechanics.intro_comma does not list."""
    i = v.first_word()
    if i < 0 or v.continued:
        return
    for phrase, not_before in _EXTRA_INTRO.items():
        last = i + len(phrase) - 1
        if tuple(v.low[i : last + 1]) != phrase or not all(v.is_word(k) for k in range(i, last + 2)):
            continue
        if v.low[last + 1] in not_before:
            return
        original = v.text[v.tokens[i].start : v.tokens[last].end]
        yield finding(v, i, last, RULE, f'Put a comma after "{original}".', [original + ","], WARNING)
        return


RULES = (extra_intro_comma,)
