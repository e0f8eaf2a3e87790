"""Prepositions learners choose wrongly after words that always take one and the same:
"focus in" -> "focus on", "depends of" -> "depends on", "interested about" -> "interested in",
"easy to me to do" -> "easy for me to do", "trust on him" -> "trust him", "go for shopping" -> "go shopping".

Each pattern is fixed: the word, then a preposition that is wrong after it in running prose (not
"focus in on", not "independent of", not "trust on the basis of").
"""

from __future__ import annotations

from collections.abc import Iterator

from .findings import Finding
from .rules import View, finding, match_case
from .wordclasses import DETERMINERS, word_set

RULE = "grammar.preposition"

# word -> (prepositions that are wrong after it, the right one)
_TAKES = {}
for _words, _wrong, _right in (
    ("focus focuses focused focusing focussed focussing", "in at", "on"),
    ("depend depends depended depending dependent", "of from", "on"),
    ("rely relies relied relying reliant", "in of", "on"),
    ("interested", "about on for", "in"),
    ("afraid scared", "from", "of"),
):
    for _w in _words.split():
        _TAKES[_w] = (word_set(_wrong), _right)

# After these, "on" is one word too many ("trust on him", "emphasize on it").
_NO_ON = word_set(
    "trust trusts trusted trusting emphasize emphasizes emphasized emphasise emphasises emphasised"
)
_ON_BUT = word_set("the basis behalf account top")  # "trust on the basis of ...": leave alone
_GO = word_set("go goes went going gone")
_GO_ACTIVITIES = word_set("shopping swimming fishing hiking skiing camping dancing sightseeing jogging")
# "It is easy to me to ..." -> "for me": an adjective, "to", someone, then "to" and a verb.
_FOR_ADJECTIVES = word_set("easy easier hard harder difficult possible impossible")
_OBJECTS = word_set("me you him her us them")


def prepositions(v: View) -> Iterator[Finding]:
    n = len(v.tokens)
    for i, word in enumerate(v.low[:-1]):
        if not v.adjacent_words(i):
            continue
        nxt = v.low[i + 1]
        after = v.word_at(i + 2)
        rule = _TAKES.get(word)
        if rule is not None and nxt in rule[0]:
            if word.startswith("focus") and nxt == "in" and after == "on":
                continue  # "focus in on"
            if nxt == "in" and after == "part":
                continue  # "we rely in part on gifts"
            if word.startswith("focus") and v.word_at(i - 1) in DETERMINERS:
                continue  # "the focus in this essay": a noun
            if not after:
                continue  # "what they are interested about." can end the clause; leave it
            fix = match_case(v.tokens[i + 1].text, rule[1])
            yield finding(
                v, i + 1, i + 1, RULE, f'After "{v.tokens[i].text}", write "{rule[1]}".', [fix]
            )  # fmt: skip
        elif word in _NO_ON and nxt == "on" and after and after not in _ON_BUT:
            yield finding(
                v, i, i + 1, RULE, f'Write "{v.tokens[i].text}" without "on".', [v.tokens[i].text]
            )  # fmt: skip
        elif word in _GO and nxt == "for" and after in _GO_ACTIVITIES and v.adjacent_words(i + 1):
            yield finding(
                v, i, i + 1, RULE, f'Write "{v.tokens[i].text} {v.tokens[i + 2].text}" without "for".',
                [v.tokens[i].text],
            )  # fmt: skip
        elif (
            word in _FOR_ADJECTIVES
            and nxt == "to"
            and after in _OBJECTS
            and i + 3 < n
            and v.word_at(i + 3) == "to"
            and v.adjacent_words(i + 1)
        ):
            yield finding(
                v, i + 1, i + 1, RULE, f'Write "{v.tokens[i].text} for {v.tokens[i + 2].text} to ...".',
                [match_case(v.tokens[i + 1].text, "for")],
            )  # fmt: skip


RULES = (prepositions,)
