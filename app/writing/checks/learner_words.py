"""Words learners split in two that are one word in English: "some thing", "my self", "there fore".

Both halves are real words, so the spelling check does not see these. Only pairs that are (nearly) never
right as two words in running prose are listed; "every one", "any one", "some times", "may be",
"no body" and "every thing" are left alone, as each is also good English as two words ("Every thing on
the list was checked"). "every body", "some body", "in deed" and "further more" are flagged only where
the two-word reading does not fit ("Every body knows", "In deed it is", "Further more, we").
"""

from __future__ import annotations

from collections.abc import Iterator

from .findings import Finding
from .rules import View, finding, match_case
from .wordclasses import word_set

RULE = "grammar.spelling-together"

_ONE_WORD = {
    ("some", "thing"): "something",
    ("any", "thing"): "anything",
    ("every", "body"): "everybody",
    ("some", "body"): "somebody",
    ("some", "where"): "somewhere",
    ("every", "where"): "everywhere",
    ("any", "where"): "anywhere",
    ("there", "fore"): "therefore",
    ("further", "more"): "furthermore",
    ("in", "deed"): "indeed",
    ("never", "the", "less"): "nevertheless",
    ("none", "the", "less"): "nonetheless",
    ("my", "self"): "myself",
    ("your", "self"): "yourself",
    ("him", "self"): "himself",
    ("her", "self"): "herself",
    ("it", "self"): "itself",
    ("our", "selves"): "ourselves",
    ("your", "selves"): "yourselves",
    ("them", "selves"): "themselves",
    ("with", "out"): "without",
    ("through", "out"): "throughout",
}
# After these, the second half is a word of its own: "some thing" is fine in "the same thing".
_NOT_AFTER = {
    "thing": frozenset(("same", "one")),
    "deed": frozenset(("and", "or", "word")),
}
# "every body knows", "some body else": what a person does, not a body ("Every body is different").
_BODY_VERBS = word_set(
    "else knows knew thinks thought says said wants wanted tells told likes liked loves loved hates "
    "believes believed agrees agreed understands understood asks asked"
)
# "self esteem", "self confidence": the noun "self-", not "myself" ("improve my self esteem").
_SELF_NOUNS = word_set("esteem confidence image control respect worth discipline doubt awareness interest")
# Linking words that take a comma when they open a sentence ("Furthermore, ...").
_INTRO = frozenset(("therefore", "furthermore", "indeed", "nevertheless", "nonetheless"))
_FIRST = frozenset(phrase[0] for phrase in _ONE_WORD)


def split_words(v: View) -> Iterator[Finding]:
    """ "some thing" -> "something", "my self" -> "myself"."""
    n = len(v.tokens)
    for i, word in enumerate(v.low):
        if word not in _FIRST or not v.is_word(i):
            continue
        for phrase, joined in _ONE_WORD.items():
            last = i + len(phrase) - 1
            if tuple(v.low[i : last + 1]) != phrase:
                continue
            if not all(v.text[v.tokens[k].end : v.tokens[k + 1].start] == " " for k in range(i, last)):
                continue  # "in-deed", "in. Deed"
            if not all(v.is_word(k) for k in range(i, last + 1)):
                continue
            if v.word_at(i - 1) in _NOT_AFTER.get(phrase[-1], frozenset()):
                continue
            if phrase == ("with", "out") and v.word_at(last + 1) in ("of", "there", "here", "loud"):
                continue  # "went out with out of ..." is rare; "out of" is not "without"
            after = v.word_at(last + 1)
            if phrase[-1] == "body" and not (after in _BODY_VERBS or not v.is_word(last + 1)):
                continue  # "every body part", "every body is different": only "every body knows" is one word
            if phrase[-1] in ("self", "selves") and after in _SELF_NOUNS:
                continue  # "my self esteem": "self-esteem", not "myself"
            start = i == v.first_word() and not v.continued
            if phrase == ("in", "deed") and not (start or v.is_word(last + 1)):
                continue  # "love in deed, not only in words"
            if phrase == ("further", "more") and not (
                start or (last + 1 < n and v.tokens[last + 1].text == ",")
            ):
                continue  # "go further more often": only "Further more we", "..., further more, ..."
            if phrase == ("through", "out") and after == "of":
                continue  # "read it through out of curiosity"
            text = v.text[v.tokens[i].start : v.tokens[last].end]
            fixed = match_case(v.tokens[i].text, joined)
            if joined in _INTRO and start and v.is_word(last + 1):
                fixed += ","
            if last + 1 < n and v.tokens[last + 1].text == "-":
                continue  # "some thing-like"
            yield finding(v, i, last, RULE, f'Write "{joined}" as one word, not "{text}".', [fixed])
            break


RULES = (split_words,)
