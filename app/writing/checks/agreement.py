"""Grammar rules about verb forms: does the verb agree with its subject ("he go", "they was"), and is
the verb after "can", "didn't" or "to" in its plain form ("didn't went")?

Subjects are the pronouns, a few plural nouns whose number is certain, and a countable noun right
after a/the/this before a verb that is seldom a noun ("the teacher teach"); a rule stays quiet when a
helper verb before the subject shows a question or an inverted clause ("does he go").
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
    PREPOSITIONS,
    SAME_PAST,
    SUBJECT_PRONOUNS,
    THIRD_PERSON,
    third_person,
    word_set,
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
# "Everyone know" -> "knows": these pronouns take the verb as "he" does.
_GROUP.update(
    dict.fromkeys(("everyone", "everybody", "someone", "somebody", "nobody", "anyone", "anybody"), "he")
)
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
        if _inverted(v, i, subjunctive=group == "he") or (word == "i" and _roman_numeral(v, i)):
            continue
        joined = group in ("he", "i") and i > 0 and v.low[i - 1] in ("and", "or", "nor")
        if joined and (group == "i" or not _joins_clauses(v, i - 1)):
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


def _inverted(v: View, i: int, subjunctive: bool = True) -> bool:
    """Is there a helper verb earlier in the clause ("does he go", "did you really think")?

    With subjunctive, "that" or "if" right before counts too: "I insist that he go", "if need be".
    Only a plain form can be a subjunctive, so "if they needs" is still wrong."""
    start = max(v.clause_start(i), i - 4)
    return any(v.low[k] in _INVERTERS for k in range(start, i)) or (
        subjunctive and i > 0 and v.low[i - 1] in ("that", "if")
    )


def _joins_clauses(v: View, c: int) -> bool:
    """Does the joining word at token c follow a clause of its own ("he likes it and she go")?
    It does when a verb form the word lists know stands between it and the previous punctuation;
    then "she" after it starts a new clause rather than ending a compound subject ("Tom and she")."""
    k = c - 1
    if v.word_at(k) in SUBJECT_PRONOUNS or v.tokens[k].text[:1].isupper():
        return False  # "she and he", "Tom and he": one subject of two
    while k >= 0 and v.is_word(k):
        w = v.low[k]
        if w in AUXILIARIES or w in THIRD_PERSON or w in IRREGULAR_PAST:
            return True
        k -= 1
    return False


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


# Verbs that are seldom nouns too, so "the teacher teach" cannot be a compound like "the bus stop".
_SELDOM_NOUNS = word_set(
    "go make get know think take come want give tell find become seem begin teach learn understand "
    "bring happen provide include allow create spend grow require believe prefer agree decide suggest "
    "expect enjoy remember forget improve receive explain choose affect"
)
_NOUN_HAVE_DO = {"have": "has", "don't": "doesn't"}  # "each student have" -> "has"
_COLLECTIVE = IRREGULAR_PLURALS | word_set(
    "team family government police staff class group crew public audience committee youth people"
)
_SINGULAR_DETERMINERS = word_set("a an the this each every my your his her our their")
# Adjectives used as nouns for groups of people ("the rich get richer"): plural in meaning.
_GROUP_ADJECTIVES = word_set("rich poor young old elderly sick wealthy few many most other same")


def noun_subject_verb(v: View) -> Iterator[Finding]:
    """ "The teacher teach us" -> "teaches": a singular noun after a/the/this, then a verb's plain form.

    A word counts as a singular noun only when the word list has its plural ("teachers"); the verb must
    be one that is seldom a noun; and the phrase must open its clause (not "let the dog go", "of the
    students", "I suggest that the student go")."""
    for i in range(1, len(v.tokens) - 1):
        verb = v.low[i + 1]
        if (
            verb not in _SELDOM_NOUNS
            and verb not in _NOUN_HAVE_DO
            or v.word_at(i - 1) not in _SINGULAR_DETERMINERS
        ):
            continue
        noun = v.low[i]
        if noun in _COLLECTIVE:
            continue  # "the team have", "my family live": British English lets these be plural
        if not (v.adjacent_words(i - 1) and v.adjacent_words(i)) or not v.tokens[i].text.islower():
            continue
        if noun in _GROUP_ADJECTIVES or noun in COMMON_VERBS or noun in AUXILIARIES or noun in DETERMINERS:
            continue  # "this will give", "the rich get"
        if noun.endswith(("s", "ing", "ed", "ly")):
            continue
        if not v.known(noun) or not v.known(noun + "s"):
            continue  # not a countable noun the word list knows
        det = i - 1
        before = v.word_at(det - 1)
        if before in PREPOSITIONS or before in ("that", "than", "whether", "lest", "and", "or"):
            continue
        if _inverted(v, det, subjunctive=False) or v.word_at(i + 2) in ("of", "'s"):
            continue
        fix = _NOUN_HAVE_DO.get(verb) or third_person(verb)
        yield finding(
            v,
            i + 1,
            i + 1,
            "grammar.agreement",
            _AGREE.format(subject=f"{v.tokens[det].text} {v.tokens[i].text}", fix=fix),
            [match_case(v.tokens[i + 1].text, fix)],
        )


RULES = (subject_verb, plural_noun_verb, there_is_many, verb_after_helper, noun_subject_verb)
