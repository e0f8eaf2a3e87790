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
from .wordclasses import BE_FORMS, COORDINATORS, DETERMINERS, OBJECT_PRONOUNS, PREPOSITIONS, word_set

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
# "went for shopping yesterday": the activity ends the phrase (not "go for swimming lessons").
_AFTER_ACTIVITY = (
    PREPOSITIONS
    | COORDINATORS
    | word_set(
        "yesterday today tomorrow tonight every last next this once twice often again together alone "
        "sometimes"
    )
)
# "stay focused in class", "is focused at home": the adjective "focused", which these prepositions may follow.
_LINKING = BE_FORMS | word_set(
    "stay stays stayed staying keep keeps kept keeping remain remains remained remaining get gets got "
    "getting feel feels felt seem seems seemed"
)
# "my main focus in life", "a key focus at the meeting": "focus" the noun.
_FOCUS_ADJECTIVES = word_set("main key primary major central chief special particular strong real sole new")
# "rely in large part on", "depends in some part on"
_PART_SIZES = word_set("large great some small good")
# "scared from the very beginning", "afraid from now on": "from" a time, not a cause.
_FROM_TIME = word_set(
    "now then start beginning outset childhood birth day time moment first onset age early young"
)
# "interested for now", "for the moment", "for a while"
_FOR_TIME = word_set("now moment while time present")
# "It is easy to me to ..." -> "for me": an adjective, "to", someone, then "to" and a verb.
_FOR_ADJECTIVES = word_set("easy easier hard harder difficult possible impossible")


def _focus_left_alone(v: View, i: int) -> bool:
    """ "focus(ed) in/at" at token i that is not the verb "focus in" for "focus on"."""
    before = v.word_at(i - 1)
    if before in DETERMINERS or before in _FOCUS_ADJECTIVES or before.endswith(("'s", "s'")):
        return True  # "the focus in this essay", "my main focus in life", "the team's focus at ...": a noun
    if v.low[i] in ("focused", "focussed") and before in _LINKING:
        return True  # "stay focused in class": the adjective
    return "on" in v.low[i + 2 : i + 6]  # "focus in on", "focuses in particular on"


def prepositions(v: View) -> Iterator[Finding]:
    n = len(v.tokens)
    for i, word in enumerate(v.low[:-1]):
        if not v.adjacent_words(i):
            continue
        nxt = v.low[i + 1]
        after = v.word_at(i + 2)
        rule = _TAKES.get(word)
        if rule is not None and nxt in rule[0]:
            if word.startswith("focus") and _focus_left_alone(v, i):
                continue
            if nxt == "in" and (after == "part" or (after in _PART_SIZES and v.word_at(i + 3) == "part")):
                continue  # "we rely in part on gifts", "in large part on"
            if nxt == "from" and _FROM_TIME.intersection(v.low[i + 2 : i + 5]):
                continue  # "scared from the start", "afraid from now on"
            if nxt == "for" and (after in _FOR_TIME or v.word_at(i + 3) in _FOR_TIME):
                continue  # "interested for now", "for the moment"
            if not after:
                continue  # "what they are interested about." can end the clause; leave it
            fix = match_case(v.tokens[i + 1].text, rule[1])
            yield finding(
                v, i + 1, i + 1, RULE, f'After "{v.tokens[i].text}", write "{rule[1]}".', [fix]
            )  # fmt: skip
        elif (
            word in _NO_ON
            and nxt == "on"
            and after
            and after not in _ON_BUT
            and not (word == "trust" and i == v.first_word() and not v.continued)  # "Trust on X is": a noun
            and v.word_at(i - 1) not in DETERMINERS  # "their trust on ...": a noun
        ):
            yield finding(
                v, i, i + 1, RULE, f'Write "{v.tokens[i].text}" without "on".', [v.tokens[i].text]
            )  # fmt: skip
        elif (
            word in _GO
            and nxt == "for"
            and after in _GO_ACTIVITIES
            and v.adjacent_words(i + 1)
            and (not v.is_word(i + 3) or v.low[i + 3] in _AFTER_ACTIVITY)
        ):
            yield finding(
                v, i, i + 1, RULE, f'Write "{v.tokens[i].text} {v.tokens[i + 2].text}" without "for".',
                [v.tokens[i].text],
            )  # fmt: skip
        elif (
            word in _FOR_ADJECTIVES
            and nxt == "to"
            and after in OBJECT_PRONOUNS
            and i + 3 < n
            and v.word_at(i + 3) == "to"
            and v.adjacent_words(i + 1)
        ):
            yield finding(
                v, i + 1, i + 1, RULE, f'Write "{v.tokens[i].text} for {v.tokens[i + 2].text} to ...".',
                [match_case(v.tokens[i + 1].text, "for")],
            )  # fmt: skip


RULES = (prepositions,)
