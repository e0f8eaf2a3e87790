"""Grammar rules about verb forms: does the verb agree with its subject ("he go", "they was"), and is
the verb after "can", "didn't" or "to" in its plain form ("didn't went")?

Subjects are only the pronouns and a few plural nouns whose number is certain, and a rule stays quiet
when a helper verb before the subject shows a question or an inverted clause ("does he go").
"""

from __future__ import annotations

from collections.abc import Iterator

from .findings import Finding
from .rules import View, finding, match_case
from .wordclasses import (
    ADVERBS_BETWEEN,
    AUXILIARIES,
    COMMON_VERBS,
    DETERMINERS,
    IRREGULAR_PAST,
    IRREGULAR_PLURALS,
    MODALS,
    PLURAL_QUANTIFIERS,
    PLURAL_VERB,
    SAME_PAST,
    SUBJECT_PRONOUNS,
    THIRD_PERSON,
    third_person,
)

_AGREE = 'The verb does not match "{subject}". Write "{fix}".'

# (subject group, verb as written) -> the right form
_BE_HAVE_DO = {
    ("he", "are"): "is",
    ("he", "am"): "is",
    ("he", "have"): "has",
    ("he", "don't"): "doesn't",
    ("he", "do"): "does",
    ("i", "is"): "am",
    ("i", "are"): "am",
    ("i", "has"): "have",
    ("i", "does"): "do",
    ("i", "doesn't"): "don't",
    ("i", "isn't"): "am not",
    ("we", "is"): "are",
    ("we", "was"): "were",
    ("we", "am"): "are",
    ("we", "has"): "have",
    ("we", "does"): "do",
    ("we", "doesn't"): "don't",
    ("we", "isn't"): "aren't",
    ("we", "wasn't"): "weren't",
    ("we", "hasn't"): "haven't",
}
_GROUP = {"he": "he", "she": "he", "it": "he", "i": "i", "we": "we", "they": "we", "you": "we"}
# Words after which "he go" is fine: a question or inverted clause ("does he go", "why did she come"),
# or a verb that takes a plain verb after its object ("let it go", "make it work").
_INVERTERS = AUXILIARIES | frozenset(
    [
        "let",
        "lets",
        "make",
        "makes",
        "made",
        "help",
        "helps",
        "helped",
        "watch",
        "watched",
        "see",
        "saw",
        "hear",
        "heard",
        "have",
        "had",
        "insist",
        "insists",
        "insisted",
        "suggest",
        "suggested",
        "demand",
        "demanded",
        "require",
        "required",
    ]
)


def subject_verb(v: View) -> Iterator[Finding]:
    n = len(v.tokens)
    for i, word in enumerate(v.low):
        group = _GROUP.get(word)
        if group is None or v.tokens[i].kind != "word":
            continue
        j = i + 1
        while j < n and v.word_at(j) in ADVERBS_BETWEEN:
            j += 1
        if j >= n or not v.is_word(j) or any(not v.is_word(k) for k in range(i, j)):
            continue
        verb = v.low[j]
        if _inverted(v, i) or (word == "i" and _roman_numeral(v, i)):
            continue
        if group in ("he", "i") and i > 0 and v.low[i - 1] in ("and", "or", "nor"):
            continue  # "Tom and I are", "he or she decides": may be a compound subject
        if word in ("it", "you") and v.clause_start(i) != i:
            continue  # "make it go", "thank you": the pronoun may be an object
        fix = _BE_HAVE_DO.get((group, verb))
        if fix is None:
            fix = _plain_verb_fix(group, verb, v, j)
        if fix is None:
            continue
        yield finding(
            v,
            j,
            j,
            "grammar.agreement",
            _AGREE.format(subject=v.tokens[i].text, fix=fix),
            [match_case(v.tokens[j].text, fix)],
        )


def _plain_verb_fix(group: str, verb: str, v: View, j: int) -> str | None:
    after = v.word_at(j + 1)
    if group == "he":
        if verb not in COMMON_VERBS or verb in SAME_PAST:
            return None
        if verb in ("need", "dare") and after == "not":
            return None  # "he need not worry"
        if verb == "use" and after == "to":
            return "used"
        return third_person(verb)
    if group in ("we", "i") and verb in THIRD_PERSON and verb not in ("does", "has", "is"):
        return THIRD_PERSON[verb]
    return None


def _inverted(v: View, i: int) -> bool:
    """Is there a helper verb earlier in the clause ("does he go", "did you really think")?"""
    start = max(v.clause_start(i), i - 4)
    return any(v.low[k] in _INVERTERS for k in range(start, i)) or (i > 0 and v.low[i - 1] in ("that", "if"))


def _roman_numeral(v: View, i: int) -> bool:
    """'World War I was', 'Henry I is': a capitalised word right before."""
    return i > 0 and v.is_word(i - 1) and v.tokens[i - 1].text[:1].isupper() and v.tokens[i].text == "I"


def plural_noun_verb(v: View) -> Iterator[Finding]:
    """ "people is", "children was": nouns that are always plural."""
    for i, word in enumerate(v.low):
        if word not in IRREGULAR_PLURALS or not v.adjacent_words(i) or _gerund_subject(v, i):
            continue
        fix = PLURAL_VERB.get(v.low[i + 1])
        if fix and not _inverted(v, i):
            yield finding(
                v,
                i + 1,
                i + 1,
                "grammar.agreement",
                _AGREE.format(subject=v.tokens[i].text, fix=fix),
                [match_case(v.tokens[i + 1].text, fix)],
            )


def _gerund_subject(v: View, i: int) -> bool:
    """'Meeting new people is fun', 'To help people is good': the noun is not the subject."""
    start = v.clause_start(i)
    return any(v.low[k].endswith("ing") or v.low[k] == "to" for k in range(start, i)) or (
        i > 0 and v.low[i - 1] in ("of", "for", "with", "about")
    )


def there_is_many(v: View) -> Iterator[Finding]:
    for i in range(len(v.tokens) - 2):
        if v.low[i] != "there" or not (v.adjacent_words(i) and v.adjacent_words(i + 1)):
            continue
        verb, quantity = v.low[i + 1], v.low[i + 2]
        fix = {"is": "are", "was": "were", "has": "have", "isn't": "aren't", "wasn't": "weren't"}.get(verb)
        if fix and quantity in PLURAL_QUANTIFIERS and not (quantity == "lots" and v.word_at(i + 3) == "of"):
            yield finding(
                v,
                i + 1,
                i + 1,
                "grammar.agreement",
                f'"{v.tokens[i + 2].text}" means more than one, so write "there {fix}".',
                [match_case(v.tokens[i + 1].text, fix)],
            )


def verb_after_helper(v: View) -> Iterator[Finding]:
    """can/will/didn't/does (+ subject) + goes/went -> go; to + went -> go."""
    n = len(v.tokens)
    for i, word in enumerate(v.low):
        if v.tokens[i].kind != "word" or not (word in _HELPERS or word == "to"):
            continue
        if v.tokens[i].text == "May" or (i > 0 and v.low[i - 1] in DETERMINERS):
            continue  # the month, "the will", "a can"
        j = i + 1
        if word != "to" and v.word_at(j) in ("not", "n't"):
            j += 1
        if word in _HELPERS and v.word_at(j) in SUBJECT_PRONOUNS:
            j += 1  # "did he went"
        while j < n and v.word_at(j) in ADVERBS_BETWEEN:
            j += 1
        if not v.is_word(j) or any(not v.is_word(k) for k in range(i, j)):
            continue
        verb = v.low[j]
        if word == "to":
            base = IRREGULAR_PAST.get(verb) if verb in _PAST_AFTER_TO and not _preposition_to(v, i) else None
        else:
            base = IRREGULAR_PAST.get(verb) or THIRD_PERSON.get(verb)
        if base is None or (word in ("do", "does", "did") and verb in ("did", "had", "made")):
            continue
        yield finding(
            v,
            j,
            j,
            "grammar.verb-form",
            f'After "{v.tokens[i].text}", use the plain form of the verb: "{base}".',
            [match_case(v.tokens[j].text, base)],
        )


_HELPERS = MODALS | frozenset(("do", "does", "did", "don't", "doesn't", "didn't"))
# Past forms that cannot follow "to" as anything but a wrong verb ("to went"); not "lost", "paid" ...
_PAST_AFTER_TO = frozenset(
    [
        "went",
        "came",
        "took",
        "ate",
        "gave",
        "did",
        "got",
        "knew",
        "thought",
        "brought",
        "bought",
        "taught",
        "caught",
        "began",
        "drank",
        "drove",
        "wrote",
        "ran",
        "swam",
        "sang",
        "flew",
        "grew",
        "threw",
        "chose",
        "broke",
        "forgot",
        "hid",
        "rode",
        "stole",
        "woke",
        "wore",
        "stood",
        "sat",
        "met",
        "slept",
        "spent",
        "became",
    ]
)


def _preposition_to(v: View, i: int) -> bool:
    """'from nine to ...', 'next to', 'according to': "to" that is not before a verb."""
    return i > 0 and v.low[i - 1] in (
        "from",
        "next",
        "according",
        "due",
        "close",
        "up",
        "back",
        "listen",
        "went",
    )


RULES = (subject_verb, plural_noun_verb, there_is_many, verb_after_helper)
