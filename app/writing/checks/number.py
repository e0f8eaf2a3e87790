"""Grammar rules about singular and plural nouns: "many car" -> "many cars", "the cars is" -> "are".

A word counts as a noun only when the word list has its plural (or singular) too, and only where the
next word shows it ends the noun phrase ("many car in ...", not "many good reasons").
"""

from __future__ import annotations

from collections.abc import Iterator

from .findings import Finding
from .ngrams import bigrams
from .rules import View, finding, match_case
from .wordclasses import (
    ADVERBS_BETWEEN,
    AUXILIARIES,
    COMMON_VERBS,
    COORDINATORS,
    DETERMINERS,
    NUMBER_WORDS,
    PLURAL_VERB,
    PREPOSITIONS,
    SUBJECT_PRONOUNS,
    SUBORDINATORS,
    THIRD_PERSON,
    word_set,
)

_QUANTIFIERS = word_set(
    "many several few various numerous both these those two three four five six seven "
    "eight nine ten twenty hundreds thousands millions"
)
# Not "a lot of" or "lots of": they go with uncountable nouns too ("a lot of money").
_OF_QUANTIFIERS = (
    ("a", "number", "of"),
    ("a", "couple", "of"),
    ("one", "of", "the"),
    ("one", "of", "my"),
    ("one", "of", "his"),
    ("one", "of", "her"),
    ("one", "of", "their"),
    ("one", "of", "our"),
    ("one", "of", "your"),
    ("one", "of", "these"),
    ("one", "of", "those"),
    ("some", "of", "the"),
    ("all", "of", "the"),
    ("most", "of", "the"),
    ("the", "number", "of"),
    ("a", "lot", "of"),
    ("lots", "of"),
    ("plenty", "of"),
)
# These go with uncountable nouns too ("a lot of money"): the plural is asked for only when published
# English has "of <plural>" far more often than "of <singular>" ("of scientists", not "of time").
_MASS_OK = frozenset({("a", "lot", "of"), ("lots", "of"), ("plenty", "of")})
MASS_MARGIN = 5  # tenths of log10: about three times as common
# After the noun, one of these shows the noun phrase has ended.
_OF_STARTS = frozenset(phrase[0] for phrase in _OF_QUANTIFIERS)
# ("and" is not one: "several natural and human processes".)
_FOLLOWERS = PREPOSITIONS | word_set(
    "are were have will can could should would that which who is was do did "
    "here there today now yesterday tomorrow too again"
)
_NOT_NOUNS = (
    word_set(
        "other others more most less different such same new old good great young big small little many few "
        "important major main own best better worse worst first last next lot number couple "
        "people one once much all some each every any this that these those own whole "
        "following above below further latter former same various several hundred thousand million"
    )
    | NUMBER_WORDS
    | AUXILIARIES
    | COMMON_VERBS
)
_IRREGULAR = {
    "man": "men",
    "woman": "women",
    "child": "children",
    "person": "people",
    "foot": "feet",
    "tooth": "teeth",
    "mouse": "mice",
    "life": "lives",
    "wife": "wives",
    "knife": "knives",
    "leaf": "leaves",
    "half": "halves",
    "shelf": "shelves",
    "wolf": "wolves",
    "thief": "thieves",
}
_NOT_PLURAL_ENDINGS = ("ss", "us", "is", "ics", "news", "series", "species", "means", "ous", "'s")
_DETERMINERS = word_set("the these those my your his her our their many some most all both several")


def plural_form(v: View, noun: str) -> str | None:
    """The plural the word list knows for noun, or None."""
    if noun in _IRREGULAR:
        return _IRREGULAR[noun]
    options = [noun + "s"]
    if noun.endswith(("s", "x", "z", "ch", "sh", "o")):
        options.insert(0, noun + "es")
    if noun.endswith("y") and len(noun) > 2 and noun[-2] not in "aeiou":
        options.insert(0, noun[:-1] + "ies")
    return next((p for p in options if v.known(p)), None)


def singular_form(v: View, word: str) -> str | None:
    """The known singular whose plural is ``word`` ("days" -> "day", "cities" -> "city")."""
    for singular in (word[:-1], word[:-2], word[:-3] + "y"):
        if len(singular) > 2 and v.known(singular) and plural_form(v, singular) == word:
            return singular
    return None


def is_plural(v: View, word: str) -> bool:
    if word.endswith(_NOT_PLURAL_ENDINGS) or not word.endswith("s") or not v.known(word):
        return word in ("people", "children", "men", "women")
    return singular_form(v, word) is not None


def plural_after_quantity(v: View) -> Iterator[Finding]:
    n = len(v.tokens)
    for i, word in enumerate(v.low):
        if v.tokens[i].kind != "word":
            continue
        start = -1
        mass_ok = False
        if word in _QUANTIFIERS and not (word in ("few", "both") and i > 0 and v.low[i - 1] in ("a", "the")):
            start = i + 1
        elif word in _OF_STARTS:
            for phrase in _OF_QUANTIFIERS:
                if tuple(v.low[i : i + len(phrase)]) == phrase and all(
                    v.is_word(k) for k in range(i, i + len(phrase))
                ):
                    start = i + len(phrase)
                    mass_ok = phrase in _MASS_OK
                    break
        if start < 0:
            continue
        # the noun: the first word (within three) that ends the noun phrase
        for j in range(start, min(start + 3, n)):
            if not v.is_word(j):
                break
            after = v.tokens[j + 1] if j + 1 < n else None
            if not (after is None or after.kind == "punct" or v.low[j + 1] in _FOLLOWERS):
                if v.low[j] in _SKIPPABLE:
                    continue  # an adjective: "many young ..."
                break
            noun = v.low[j]
            if noun in _NOT_NOUNS or noun.endswith(("s", "ed", "ly")) or not v.known(noun):
                break
            plural = plural_form(v, noun)
            if mass_ok and plural and not _counted(noun, plural):
                break
            if plural and plural != noun and v.tokens[j].text.islower():
                yield finding(
                    v,
                    j,
                    j,
                    "grammar.plural",
                    f'After "{" ".join(v.tokens[k].text for k in range(i, start))}", '
                    f'use the plural: "{plural}".',
                    [match_case(v.tokens[j].text, plural)],
                )
            break


def _counted(noun: str, plural: str) -> bool:
    """Is noun usually counted: "of <plural>" far more common than "of <noun>"?"""
    table = bigrams()
    if table is None or not table.word(noun):
        return False
    return table.pair("of", plural) >= table.pair_estimate("of", noun) + MASS_MARGIN


def singular_after_every(v: View) -> Iterator[Finding]:
    """ "every details" -> "every detail": "every" and "each" take one thing."""
    n = len(v.tokens)
    for i, word in enumerate(v.low[:-1]):
        if word not in ("every", "each") or not v.adjacent_words(i):
            continue
        j = i + 1
        noun = v.low[j]
        after = v.tokens[j + 1] if j + 1 < n else None
        nxt = v.low[j + 1] if after is not None else ""
        if not (
            after is None
            or after.kind == "punct"
            or nxt in _FOLLOWERS
            or nxt in COMMON_VERBS
            or nxt in THIRD_PERSON
        ):
            continue  # "every students like it"; not "every two weeks"
        if noun in _NOT_NOUNS or not v.tokens[j].text.islower() or not is_plural(v, noun):
            continue
        if noun in ("people", "children", "men", "women"):
            continue
        singular = singular_form(v, noun)
        if singular is None:
            continue
        yield finding(
            v,
            j,
            j,
            "grammar.plural",
            f'After "{v.tokens[i].text}", use the singular: "{singular}".',
            [match_case(v.tokens[j].text, singular)],
        )


_SKIPPABLE = word_set("good great important big small new old different best main major young")


# Words ending in -s that are not plural nouns at the start of a sentence.
_NOT_BARE_PLURALS = word_set(
    "sometimes always nowadays perhaps besides towards afterwards sideways whereas thus lots thanks "
    "mathematics physics politics economics athletics gymnastics maths darts billiards dominoes checkers "
    "measles news"
)
_OPENERS = word_set("and but so or")
NAME_LIKE_MARGIN = 5  # word-list score units (about 3 times as common)
_FUNCTION_WORDS = (
    AUXILIARIES
    | DETERMINERS
    | PREPOSITIONS
    | SUBORDINATORS
    | COORDINATORS
    | SUBJECT_PRONOUNS
    | ADVERBS_BETWEEN
)


def _bare_plural_subject(v: View, i: int) -> bool:
    """A plural noun with no determiner that opens its sentence ("Details is"), or follows a
    sentence-opening "and"/"but"/"so", or "that" with at most one describing word between ("that
    endangered animals is"). Right after "what"/"which" it is a verb ("what matters is"): left alone."""
    if v.low[i] in _NOT_BARE_PLURALS or v.tokens[i].text[:1].isupper() and i != v.first_word():
        return False
    if v.tokens[i].text[:1].isupper() and _maybe_a_name(v, v.low[i]):
        return False
    start = i - 1 if i > 0 and v.is_word(i - 1) and _describing(v, i - 1) else i
    first = v.first_word()
    if start == first or (start == first + 1 and v.low[first] in _OPENERS):
        return True
    return start == i - 1 and v.word_at(start - 1) == "that"  # not "the thing that matters is"


def _maybe_a_name(v: View, word: str) -> bool:
    """A capitalised first word far commoner than its singular is likely a name ("Mars", "Wales")."""
    scores = v.lexicon.scores if v.lexicon is not None else {}
    singular = word[:-2] if word.endswith("es") and word[:-2] in scores else word[:-1]
    return scores.get(word, 0) - scores.get(singular, 0) > NAME_LIKE_MARGIN


def _describing(v: View, k: int) -> bool:
    """Could token k be an adjective before a noun? Lowercase, known, and not a function word or verb."""
    w = v.low[k]
    return (
        v.tokens[k].text.islower()
        and v.known(w)
        and w not in _FUNCTION_WORDS
        and w not in COMMON_VERBS
        and w not in THIRD_PERSON
        and w not in NUMBER_WORDS  # "two weeks is enough": an amount takes "is"
        and not w.isdigit()
        and not w.endswith(("ing", "ly"))
    )


def plural_subject_verb(v: View) -> Iterator[Finding]:
    """ "The cars is fast" -> "are": a plural noun right after a determiner, then is/was/has."""
    for i in range(len(v.tokens) - 1):
        verb = v.low[i + 1]
        fix = PLURAL_VERB.get(verb)
        if fix is None or not v.adjacent_words(i):
            continue
        if not is_plural(v, v.low[i]) or v.low[i] in ("people", "children", "men", "women"):
            continue  # irregular plurals are agreement.py's
        det = (
            i - 1
            if v.word_at(i - 1) in _DETERMINERS
            else (i - 2 if v.word_at(i - 2) in _DETERMINERS and v.is_word(i - 1) else -1)
        )
        if det < 0 and _bare_plural_subject(v, i):
            det = i  # "Details is the key", "that endangered animals is"
        if det < 0 or not all(v.is_word(k) for k in range(det, i + 1)):
            continue
        clause = v.clause_start(det)
        if any(
            v.low[k] in PREPOSITIONS or v.low[k].endswith("ing") for k in range(max(clause, det - 3), det)
        ):
            continue  # "the number of cars is", "watching the movies is"
        if det > 0 and v.low[det - 1] in ("of", "in", "on", "at", "for", "with"):
            continue
        yield finding(
            v,
            i + 1,
            i + 1,
            "grammar.agreement",
            f'"{v.tokens[i].text}" means more than one, so write "{fix}".',
            [match_case(v.tokens[i + 1].text, fix)],
        )


# Describing words learners put between "a" and a plural ("a long hairs"). A list, not a guess: with
# a noun there ("A dog sits on the mat") the -s word is a verb.
_A_ADJECTIVES = word_set(
    "good great nice long short big small new old beautiful important different interesting wonderful "
    "bad best happy useful difficult easy special huge large little young high low funny famous popular "
    "strong busy hard real whole kind smart"
)


def singular_after_a(v: View) -> Iterator[Finding]:
    """ "She has a long hairs" -> "a long hair": "a" and one describing word, then a plural."""
    n = len(v.tokens)
    for i, word in enumerate(v.low[:-2]):
        if word not in ("a", "an") or not (v.adjacent_words(i) and v.adjacent_words(i + 1)):
            continue
        describing, noun = v.low[i + 1], v.low[i + 2]
        if describing not in _A_ADJECTIVES or not v.tokens[i + 2].text.islower():
            continue
        if noun in _NOT_NOUNS or noun in THIRD_PERSON or not is_plural(v, noun):
            continue
        after = i + 3
        if after < n and v.tokens[after].kind == "word" and v.low[after] not in _FOLLOWERS:
            continue  # "a sports car", "a two-days trip": the plural describes the next word
        singular = singular_form(v, noun)
        if singular is None:
            continue
        yield finding(
            v, i + 2, i + 2, "grammar.plural", f'After "{v.tokens[i].text}", use the singular: "{singular}".',
            [match_case(v.tokens[i + 2].text, singular)],
        )  # fmt: skip


RULES = (plural_after_quantity, plural_subject_verb, singular_after_every, singular_after_a)
