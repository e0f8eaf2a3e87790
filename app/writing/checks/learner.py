"""Grammar rules for slips typical of learners of English as another language, each clear from a few
words: "more tall than", "much people", "an other", "enjoy to read", "can't able to", "explained me",
"Lets go", "I am student", "I am interesting in", "borrow me a pen".

Every rule names the exact words it needs around the slip, so good writing that uses the same words
another way ("more tall trees", "thank you very much guys", "the cat lets us in") is left alone.
"""

from __future__ import annotations

from collections.abc import Iterator

from .findings import Finding
from .ngrams import bigrams
from .number import is_plural
from .rules import View, finding, match_case
from .wordclasses import COMMON_VERBS, DETERMINERS, PREPOSITIONS, SUBJECT_PRONOUNS, THIRD_PERSON, word_set

# One-syllable (and -y) adjectives whose comparative is written with -er.
_ER_ADJECTIVES = word_set(
    "tall short big small fast slow cheap old young long high low strong weak hard easy happy busy early "
    "late hot cold nice large great rich poor smart clean new near quick quiet safe warm cool dark "
    "bright heavy thin thick wide deep loud soft sad fat fit funny pretty lucky healthy tidy"
)
_THAN_OR_END = word_set("than")
# After "than", these show a compared person or thing ("than me", "than the rest", "than Tom");
# anything else may be a second adjective ("more sad than angry").
_THAN_WHO = DETERMINERS | word_set("me you him her us them i he she we they it anyone anything everyone")


def _comparative(v: View, adjective: str) -> str | None:
    """tall -> taller, big -> bigger, easy -> easier, nice -> nicer (a form the word list knows)."""
    if adjective.endswith("y"):
        options = [adjective[:-1] + "ier"]
    elif adjective.endswith("e"):
        options = [adjective + "r"]
    else:
        options = [adjective + "er", adjective + adjective[-1] + "er"]
    return next((o for o in options if v.known(o)), None)


def _ends_phrase(v: View, j: int) -> bool:
    """Token j is the sentence's end, punctuation, or "than"."""
    return j >= len(v.tokens) or v.tokens[j].kind != "word" or v.low[j] in _THAN_OR_END


def _than_who(v: View, j: int) -> bool:
    """Token j, after "than", is a pronoun, a determiner or a capitalised name."""
    return v.is_word(j) and (v.low[j] in _THAN_WHO or v.tokens[j].text[:1].isupper())


def more_er(v: View) -> Iterator[Finding]:
    """ "He is more tall than me" -> "taller" (not "more tall trees": there "more" counts the trees)."""
    for i, word in enumerate(v.low[:-1]):
        if word != "more" or not v.adjacent_words(i) or v.low[i + 1] not in _ER_ADJECTIVES:
            continue
        if not _ends_phrase(v, i + 2):
            continue
        if v.low[i + 2 : i + 3] == ["than"] and not _than_who(v, i + 3):
            continue
        er = _comparative(v, v.low[i + 1])
        if er is None:
            continue
        yield finding(
            v, i, i + 1, "grammar.comparative", f'Write "{er}", not "more {v.tokens[i + 1].text}".',
            [match_case(v.tokens[i].text, er)],
        )  # fmt: skip


_NOT_BEFORE_MUCH_PLURAL = word_set("very you thank thanks how")  # "no matter how much books may help"
_THANKS = word_set("you thank thanks")  # "thank you so much guys"
_UNCOUNTED = word_set("moneys informations advices furnitures homeworks knowledges equipments")  # spelling's


def _verb_s(word: str) -> bool:
    """word is a verb's -s form ("depends", "seems"): "to" + its stem is common and "the" + it is not
    (so "cars" and "plans", nouns too, still count as plural nouns)."""
    table = bigrams()
    if table is None or not word.endswith("s") or word.endswith("ss") or table.pair("the", word) >= VERB_PAIR:
        return False
    stems = (word[:-1], word[:-2], word[:-3] + "y")
    return word in THIRD_PERSON or any(table.pair("to", stem) >= VERB_PAIR for stem in stems)


def much_many(v: View) -> Iterator[Finding]:
    """ "much people", "too much cars" -> "many": things that are counted take "many"."""
    for i, word in enumerate(v.low[:-1]):
        if word != "much" or not v.adjacent_words(i) or v.word_at(i - 1) in _NOT_BEFORE_MUCH_PLURAL:
            continue
        if v.word_at(i - 1) == "so" and v.word_at(i - 2) in _THANKS:
            continue
        noun = v.low[i + 1]
        if _verb_s(noun):
            continue  # "Much depends on the weather": a verb, not a plural noun
        if (
            noun in _UNCOUNTED
            or not v.tokens[i + 1].text.islower()
            or not (noun in ("people", "children") or is_plural(v, noun))
        ):
            continue
        yield finding(
            v, i, i, "grammar.much-many", f'"{v.tokens[i + 1].text}" are counted: write "many".',
            [match_case(v.tokens[i].text, "many")],
        )  # fmt: skip


def an_other(v: View) -> Iterator[Finding]:
    """ "an other idea" -> "another idea"."""
    for i, word in enumerate(v.low[:-1]):
        if word == "an" and v.low[i + 1] == "other" and v.adjacent_words(i):
            yield finding(
                v, i, i + 1, "grammar.spelling-together", 'Write "another" as one word.',
                [match_case(v.tokens[i].text, "another")],
            )  # fmt: skip


_OBJECT_WORDS = word_set("me him her us them it you")
# Not "them": that may be the things explained or borrowed ("He explained them all").
_PERSON_OBJECT = word_set("me him her us")
VERB_PAIR = 75  # "to X" seen about 30 million times or more (as in usage.py): X is surely a verb

# Verbs followed by an -ing form, never by "to" + verb ("I enjoy to read" -> "enjoy reading").
_ING_AFTER = word_set(
    "enjoy enjoys enjoyed enjoying avoid avoids avoided avoiding finish finishes finished finishing "
    "mind minds minded"
)  # not "practise": "we practise to get better" (in order to) is good English
_BEFORE_NOUN_MIND = word_set("my your his her our their in the a")  # "I have it in mind to travel"


_VOWELS = frozenset("aeiou")


def _short_cvc(verb: str) -> bool:
    """A verb of up to 4 letters ending consonant-vowel-consonant ("win", "stop", "plan"; not "open",
    "fix", "play"), whose last letter doubles before -ing."""
    if not 3 <= len(verb) <= 4 or verb[-1] in _VOWELS or verb[-1] in "wxy":
        return False
    if verb[-2] not in _VOWELS or verb[-3] in _VOWELS:
        return False
    return len(verb) == 3 or verb[0] not in _VOWELS


def ing_form(v: View, verb: str) -> str | None:
    """The -ing form of a plain verb that the word list knows ("see" -> "seeing", "make" -> "making")."""
    options = [verb + "ing", verb + verb[-1] + "ing"]
    if _short_cvc(verb):
        options.reverse()  # "winning", not "wining" (a word too, from "wine")
    if verb.endswith("ie"):
        options.insert(0, verb[:-2] + "ying")
    elif verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
        options.insert(0, verb[:-1] + "ing")
    return next((o for o in options if v.known(o)), None)


_NOT_VERBS = DETERMINERS | PREPOSITIONS | SUBJECT_PRONOUNS | _OBJECT_WORDS


def _plain_verb(v: View, j: int) -> bool:
    """Token j is a verb's plain form: a common verb, or a word often seen after "to" ("to read") that
    is not a little word ("enjoy to the full")."""
    word = v.low[j]
    if word in COMMON_VERBS:
        return True
    if word in _NOT_VERBS or not v.tokens[j].text.islower() or not v.known(word):
        return False
    table = bigrams()
    return table is not None and table.pair("to", word) >= VERB_PAIR


def ing_after(v: View) -> Iterator[Finding]:
    """ "I enjoy to read" -> "I enjoy reading"."""
    for i, word in enumerate(v.low[:-2]):
        if (
            word not in _ING_AFTER
            or v.low[i + 1] != "to"
            or not (v.adjacent_words(i) and v.adjacent_words(i + 1))
        ):
            continue
        if word == "mind" and v.word_at(i - 1) in _BEFORE_NOUN_MIND:
            continue
        verb = v.low[i + 2]
        ing = ing_form(v, verb) if _plain_verb(v, i + 2) else None
        if ing is None:
            continue
        yield finding(
            v, i + 1, i + 2, "grammar.verb-form", f'After "{v.tokens[i].text}", write "{ing}".',
            [match_case(v.tokens[i + 1].text, ing)],
        )  # fmt: skip


_CAN = word_set("can can't cannot could couldn't")


def can_able(v: View) -> Iterator[Finding]:
    """ "I can't able to go" -> "I can't go": "can" already says "able to"."""
    for i, word in enumerate(v.low[:-2]):
        if word in _CAN and v.low[i + 1] == "able" and v.low[i + 2] == "to" and v.adjacent_words(i):
            if not v.adjacent_words(i + 1) or not v.is_word(i + 3):
                continue
            yield finding(
                v, i, i + 2, "grammar.extra-word",
                f'"{v.tokens[i].text}" already means "able to": leave those out.', [v.tokens[i].text],
            )  # fmt: skip


_EXPLAIN = word_set("explain explains explained explaining")


def explain_to(v: View) -> Iterator[Finding]:
    """ "He explained me the rule" -> "explained to me" ("explains her reality": there "her" is whose)."""
    for i, word in enumerate(v.low[:-1]):
        obj = v.low[i + 1]
        if word in _EXPLAIN and obj in _PERSON_OBJECT and obj != "her" and v.adjacent_words(i):
            yield finding(
                v, i + 1, i + 1, "grammar.missing-word",
                f'Write "{v.tokens[i].text} to {v.tokens[i + 1].text}".', ["to " + v.tokens[i + 1].text],
            )  # fmt: skip


def lets(v: View) -> Iterator[Finding]:
    """ "Lets go home." -> "Let's": at the start, before a verb, it is "let us"."""
    i = v.first_word()
    if i < 0 or v.low[i] != "lets" or not v.adjacent_words(i) or v.low[i + 1] not in COMMON_VERBS:
        return
    yield finding(
        v, i, i, "grammar.apostrophe", 'Write "Let\'s" (let us).', [match_case(v.tokens[i].text, "let's")]
    )


# Jobs and roles: "I am student" needs "a".
_ROLES = word_set(
    "student teacher doctor nurse engineer lawyer scientist writer singer player artist farmer driver "
    "worker programmer designer manager girl boy man woman child person member beginner teenager pupil"
)
_AFTER_ROLE = word_set("at in of from and who because so but")
_SUBJECT_BE = {("i", "am"), ("i", "was"), ("he", "is"), ("she", "is"), ("he", "was"), ("she", "was")}


def role_article(v: View) -> Iterator[Finding]:
    """ "I am student." -> "I am a student": one person's job or role takes "a"."""
    for i in range(2, len(v.tokens)):
        noun = v.low[i]
        if noun not in _ROLES or (v.low[i - 2], v.low[i - 1]) not in _SUBJECT_BE:
            continue
        if not (v.adjacent_words(i - 2) and v.adjacent_words(i - 1)):
            continue
        j = i + 1
        if j < len(v.tokens) and v.tokens[j].kind == "word" and v.low[j] not in _AFTER_ROLE:
            continue  # "I am student council president"
        article = "an" if noun[0] in "aeiou" else "a"
        yield finding(
            v, i, i, "grammar.missing-word", f'Write "{article} {v.tokens[i].text}".',
            [f"{article} {v.tokens[i].text}"],
        )  # fmt: skip


# "I am interesting in music" -> "interested": the -ing form describes what causes the feeling.
_FEELING = {
    ("interesting", "in"): "interested",
    ("exciting", "about"): "excited",
    ("boring", "with"): "bored",
    ("boring", "of"): "bored",
    ("confusing", "about"): "confused",
    ("worrying", "about"): "worried",
}
PERSON_BE_NOW = {("i", "am"), ("we", "are"), ("they", "are"), ("you", "are"), ("he", "is"), ("she", "is")}
# Only a person can be "interested": "the film is interesting in parts" is fine.
_PERSON_BE = PERSON_BE_NOW | {
    (who, be) for who in ("i", "he", "she", "we", "they", "you") for be in ("was", "were")
}
_PERSON_BE_SHORT = word_set("i'm we're they're you're")


def _person_be_before(v: View, i: int) -> bool:
    """Token i follows "I am", "they were", "we're" and the like."""
    if v.word_at(i - 1) in _PERSON_BE_SHORT:
        return True
    return i >= 2 and v.adjacent_words(i - 2) and (v.low[i - 2], v.low[i - 1]) in _PERSON_BE


def feeling_ed(v: View) -> Iterator[Finding]:
    for i, word in enumerate(v.low[:-1]):
        fix = _FEELING.get((word, v.low[i + 1]))
        if fix is None or not v.adjacent_words(i) or not _person_be_before(v, i):
            continue
        yield finding(
            v, i, i, "grammar.verb-form",
            f'Write "{fix} {v.tokens[i + 1].text}": "{word}" describes the cause.',
            [match_case(v.tokens[i].text, fix)],
        )  # fmt: skip


def borrow_lend(v: View) -> Iterator[Finding]:
    """ "Could you borrow me a pen?" -> "lend me": you borrow from someone and lend to them."""
    for i, word in enumerate(v.low[:-2]):
        if (
            word not in ("borrow", "borrowed")
            or v.low[i + 1] not in _PERSON_OBJECT
            or v.low[i + 2] not in DETERMINERS
        ):
            continue
        if not (v.adjacent_words(i) and v.adjacent_words(i + 1)):
            continue
        fix = "lend" if word == "borrow" else "lent"
        yield finding(
            v, i, i, "grammar.confusable", f'Write "{fix}": you borrow from someone, and lend to them.',
            [match_case(v.tokens[i].text, fix)],
        )  # fmt: skip


# Things not counted: "an advice" -> "advice" (or "a piece of advice").
_UNCOUNTABLE = word_set("advice information homework furniture equipment luggage baggage")
_AFTER_UNCOUNTABLE = PREPOSITIONS | word_set("that which and but so because")


def article_uncountable(v: View) -> Iterator[Finding]:
    """ "He gave me an advice." -> "advice" (not "an information desk": there the noun describes)."""
    for i, word in enumerate(v.low[:-1]):
        if word not in ("a", "an") or v.low[i + 1] not in _UNCOUNTABLE or not v.adjacent_words(i):
            continue
        j = i + 2
        if j < len(v.tokens) and v.tokens[j].kind == "word" and v.low[j] not in _AFTER_UNCOUNTABLE:
            continue
        yield finding(
            v, i, i + 1, "grammar.extra-word",
            f'"{v.tokens[i + 1].text}" is not counted: leave out "{v.tokens[i].text}" '
            '(or write "a piece of").',
            [v.tokens[i + 1].text],
        )  # fmt: skip


RULES = (
    article_uncountable,
    more_er,
    much_many,
    an_other,
    ing_after,
    can_able,
    explain_to,
    lets,
    role_article,
    feeling_ed,
    borrow_lend,
)
