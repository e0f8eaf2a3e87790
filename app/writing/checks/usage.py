"""Grammar rules for word patterns learners of English often get wrong, each of them clear from the
words themselves: "the these reasons", "most of people", "can to go", "despite of", "made him to
understand", "it costs to much.", "will causes", "have to reduced", "Likewise, The theory", "we will
able to", "a such thing", "the important is", "I spent lot of time", "for long time", "they are same",
"I am agree", "discussed about it", "look forward to see".

Where a rule must know that a word is a verb, it asks the word-pair table (ngrams.py) whether "to X"
is common in published English ("to cause" is, "to car" is not).
"""

from __future__ import annotations

from collections.abc import Iterator

from .findings import Finding
from .learner import ing_form
from .ngrams import bigrams
from .rules import View, finding, match_case
from .wordclasses import COMMON_VERBS, OBJECT_PRONOUNS, word_set

_ARTICLES = word_set("a an the")
_SECOND_DETERMINERS = word_set("these those my your his our their its")
_MOST_OF = word_set("most many some several")
# Modals that never take "to" before their verb ("can to go"); "will" only after a pronoun (the
# noun "will": "the will to live").
_NO_TO_MODALS = word_set(
    "can could should must might can't cannot couldn't shouldn't mustn't won't wouldn't would"
)
_PRONOUN_SUBJECTS = word_set("i you he she it we they")
_MAKE_LET = word_set("make makes made making let lets letting")
_TOO_WORDS = word_set("much many")
_MODALS_BEFORE_BASE = word_set(
    "can could should must might will would shall"
)  # not "may": often "many" mistyped
# After these, "to" starts a verb: "have to reduced" -> "have to reduce".
_TO_VERB_AFTER = word_set("have has had want wants wanted need needs needed going able try tries order")
# Words ending in -s or -ed that are often right after a modal or "to" all the same.
_NOT_VERB_FORMS = word_set(
    "always sometimes perhaps afterwards nevertheless thus towards besides unless less "
    "used need needs seed red bed shed feed speed indeed"
)
VERB_PAIR = 75  # "to X" seen about 30 million times or more: X is surely a verb


def _is_verb(base: str) -> bool:
    table = bigrams()
    return base in COMMON_VERBS or (table is not None and table.pair("to", base) >= VERB_PAIR)


def _delete(v: View, i: int, rule: str, message: str) -> Finding:
    """Delete token i and the space after it (suggestion: the next word, in the deleted one's case
    when it was the sentence's first)."""
    nxt = v.tokens[i + 1].text
    if i == v.first_word() and v.tokens[i].text[:1].isupper():
        nxt = nxt[:1].upper() + nxt[1:]
    return finding(v, i, i + 1, rule, message, [nxt])


def double_determiner(v: View) -> Iterator[Finding]:
    """ "the these reasons", "a my friend" -> drop the article."""
    for i, word in enumerate(v.low[:-1]):
        if word in _ARTICLES and v.adjacent_words(i) and v.low[i + 1] in _SECOND_DETERMINERS:
            if v.low[i + 1] == "its" or v.tokens[i].text == "A" and i != v.first_word():
                continue
            yield _delete(
                v, i, "grammar.extra-word", f'Leave out "{v.tokens[i].text}" before "{v.tokens[i + 1].text}".'
            )


def most_of(v: View) -> Iterator[Finding]:
    """ "most of people" -> "most people" ("most of the people" is fine)."""
    for i, word in enumerate(v.low[:-2]):
        if (
            word not in _MOST_OF
            or v.low[i + 1] != "of"
            or not (v.adjacent_words(i) and v.adjacent_words(i + 1))
        ):
            continue
        noun = v.low[i + 2]
        if noun in ("people", "children", "students") or (
            _plural_noun(v, noun) and v.tokens[i + 2].text.islower()
        ):
            yield finding(
                v,
                i,
                i + 1,
                "grammar.extra-word",
                f'Write "{v.tokens[i].text} {v.tokens[i + 2].text}", or "{v.tokens[i].text} of the '
                f'{v.tokens[i + 2].text}".',
                [v.tokens[i].text],
            )


def _plural_noun(v: View, word: str) -> bool:
    if not word.endswith("s") or word.endswith(("ss", "us", "is", "'s")) or not v.known(word):
        return False
    table = bigrams()
    # a plural noun: its singular is a word and "the <plural>" is common
    return (
        (v.known(word[:-1]) or v.known(word[:-2]))
        and table is not None
        and table.pair("the", word) >= VERB_PAIR
    )


def modal_to(v: View) -> Iterator[Finding]:
    """ "I can to swim" -> "I can swim"."""
    for i, word in enumerate(v.low[:-2]):
        if not (v.adjacent_words(i) and v.adjacent_words(i + 1)) or v.low[i + 1] != "to":
            continue
        if word in _NO_TO_MODALS or (word == "will" and i > 0 and v.low[i - 1] in _PRONOUN_SUBJECTS):
            if word == "would" and v.low[i + 2] in ("like", "love", "prefer"):
                continue  # "would to like" is odd, but "would" alone may be fine: leave it
            if _is_verb(v.low[i + 2]):
                yield finding(
                    v,
                    i + 1,
                    i + 2,
                    "grammar.extra-word",
                    f'After "{v.tokens[i].text}", the verb comes without "to".',
                    [v.tokens[i + 2].text],
                )


def make_to(v: View) -> Iterator[Finding]:
    """ "made him to understand" -> "made him understand"."""
    for i, word in enumerate(v.low[:-3]):
        if word not in _MAKE_LET or v.low[i + 1] not in OBJECT_PRONOUNS or v.low[i + 2] != "to":
            continue
        if not all(v.adjacent_words(k) for k in (i, i + 1, i + 2)):
            continue
        if v.low[i + 3] in COMMON_VERBS or _is_verb(v.low[i + 3]):
            yield finding(
                v,
                i + 2,
                i + 3,
                "grammar.extra-word",
                f'After "{v.tokens[i].text} {v.tokens[i + 1].text}", the verb comes without "to".',
                [v.tokens[i + 3].text],
            )


def despite_of(v: View) -> Iterator[Finding]:
    for i, word in enumerate(v.low[:-1]):
        if word == "despite" and v.adjacent_words(i) and v.low[i + 1] == "of":
            yield finding(
                v,
                i,
                i + 1,
                "grammar.extra-word",
                'Write "despite" without "of" (or "in spite of").',
                [v.tokens[i].text],
            )


def too_much(v: View) -> Iterator[Finding]:
    """ "it costs to much." -> "too much": "to much"/"to many" closing a clause."""
    n = len(v.tokens)
    for i, word in enumerate(v.low[:-1]):
        if word != "to" or not v.adjacent_words(i) or v.low[i + 1] not in _TOO_WORDS:
            continue
        after = v.tokens[i + 2] if i + 2 < n else None
        if after is None or (after.kind == "punct" and after.text in ".!?,;"):
            yield finding(
                v,
                i,
                i,
                "grammar.to-too",
                'Did you mean "too"? "Too much" means "more than is good".',
                [match_case(v.tokens[i].text, "too")],
            )


def verb_after_modal_or_to(v: View) -> Iterator[Finding]:
    """ "will causes" -> "will cause"; "have to reduced" -> "have to reduce" (regular verbs the
    word lists of agreement.py do not know)."""
    for i, word in enumerate(v.low[:-1]):
        if not v.adjacent_words(i):
            continue
        if word in _MODALS_BEFORE_BASE:
            if v.tokens[i].text == "May" or (i > 0 and v.low[i - 1] in _ARTICLES):
                continue
            endings = ("s",)
        elif word == "to" and i > 0 and v.low[i - 1] in _TO_VERB_AFTER and v.adjacent_words(i - 1):
            endings = ("ed",)
        else:
            continue
        form = v.low[i + 1]
        if form in _NOT_VERB_FORMS or form in COMMON_VERBS or not v.tokens[i + 1].text.islower():
            continue
        base = _base(v, form, endings)
        if base is None:
            continue
        yield finding(
            v,
            i + 1,
            i + 1,
            "grammar.verb-form",
            f'After "{v.tokens[i].text}", use the plain form of the verb: "{base}".',
            [base],
        )


def _base(v: View, form: str, endings: tuple[str, ...]) -> str | None:
    if "s" in endings and form.endswith("s") and not form.endswith(("ss", "us", "is", "'s")):
        for base in (
            form[:-1],
            form[:-2] if form.endswith("es") else "",
            form[:-3] + "y" if form.endswith("ies") else "",
        ):
            if len(base) > 2 and v.known(base) and _is_verb(base):
                return base
    if "ed" in endings and form.endswith("ed"):
        for base in (
            form[:-1],
            form[:-2],
            form[:-3] + "y" if form.endswith("ied") else "",
            form[:-3] if len(form) > 4 and form[-3] == form[-4] else "",
        ):
            if len(base) > 2 and v.known(base) and _is_verb(base):
                return base
    return None


_LOWER_AFTER_COMMA = word_set(
    "the this that these those they it we he she you there when because but and so if then also what as"
)


def capital_after_comma(v: View) -> Iterator[Finding]:
    """ "Likewise, The theory ..." -> "the": a common word written with a capital after a comma."""
    for i in range(1, len(v.tokens) - 1):
        tok = v.tokens[i]
        if tok.kind != "word" or v.tokens[i - 1].text not in (",", ";") or v.low[i] not in _LOWER_AFTER_COMMA:
            continue
        if not (tok.text[:1].isupper() and tok.text[1:].islower()):
            continue
        nxt = v.tokens[i + 1]
        if nxt.kind == "word" and nxt.text[:1].isupper():
            continue  # "The Times", "This Is England": a name or a title
        yield finding(
            v,
            i,
            i,
            "grammar.capital-inside",
            "After a comma the sentence goes on, so this word needs no capital letter.",
            [tok.text.lower()],
        )


_MODALS_BEFORE_BE = word_set("will would can could should must might may won't wouldn't shall")


def missing_be(v: View) -> Iterator[Finding]:
    """ "we will able to go" -> "will be able to"."""
    for i, word in enumerate(v.low[:-2]):
        if word not in _MODALS_BEFORE_BE or v.low[i + 1] != "able" or v.low[i + 2] != "to":
            continue
        if v.adjacent_words(i) and v.adjacent_words(i + 1) and v.tokens[i].text != "May":
            yield finding(
                v,
                i + 1,
                i + 1,
                "grammar.missing-word",
                f'Write "{v.tokens[i].text} be able to".',
                [f"be {v.tokens[i + 1].text}"],
            )


def a_such(v: View) -> Iterator[Finding]:
    """ "a such thing" -> "such a thing"."""
    for i, word in enumerate(v.low[:-1]):
        if word in ("a", "an") and v.low[i + 1] == "such" and v.adjacent_words(i):
            article = "an" if v.word_at(i + 2)[:1] in ("a", "e", "i", "o") else "a"
            such = match_case(v.tokens[i].text, "such")
            yield finding(
                v,
                i,
                i + 1,
                "grammar.word-order",
                f'Write "such {article}", not "a such".',
                [f"{such} {article}"],
            )


def the_important_is(v: View) -> Iterator[Finding]:
    """ "The important is to try" -> "The important thing is": an adjective cannot be the subject."""
    for i, word in enumerate(v.low[:-2]):
        if word != "the" or v.low[i + 1] not in ("important", "main"):  # not "the best is yet to come"
            continue
        if v.low[i + 2] in ("is", "was") and v.adjacent_words(i) and v.adjacent_words(i + 1):
            if i != v.first_word() and v.low[i - 1] not in (",", "that", "but", "and", "so", "because"):
                continue  # "one of the best is ...": leave anything but a clause start
            yield finding(
                v,
                i + 1,
                i + 1,
                "grammar.missing-word",
                f'Add a noun: "the {v.tokens[i + 1].text} thing is".',
                [f"{v.tokens[i + 1].text} thing"],
            )


# Before "lot of", these show no article was meant to be there ("I spent lot of time"); after a
# determiner or an adjective the phrase is right ("the parking lot of", "a whole lot of").
_BEFORE_LOT = _MODALS_BEFORE_BASE | word_set(
    "is are was were be been am have has had spent spend spends get got gets need needs take took "
    "takes make made makes there and or but with in for of to do did does give gave learn learned"
)


def lot_of(v: View) -> Iterator[Finding]:
    """ "I spent lot of time" -> "a lot of"; "for long time" -> "for a long time"."""
    for i, word in enumerate(v.low[:-1]):
        if not v.adjacent_words(i):
            continue
        if word == "lot" and v.low[i + 1] == "of":
            start = i
        elif word == "long" and v.low[i + 1] == "time" and v.word_at(i - 1) == "for":
            start = i
            if v.word_at(i + 2) == "ago" or not v.adjacent_words(i - 1):
                continue
        else:
            continue
        first = v.first_word()
        if start != first and not (v.adjacent_words(start - 1) and v.low[start - 1] in _BEFORE_LOT):
            continue
        text = v.tokens[start].text
        fixed = ("A " + text.lower()) if start == first and text[:1].isupper() else "a " + text
        yield finding(
            v, start, start, "grammar.missing-word", f'Write "a {word} {v.tokens[i + 1].text}".', [fixed]
        )


# Words after which "same" needs its "the" ("they are same" -> "the same").
_BEFORE_SAME = word_set(
    "is are was were be been not look looks looked remain remains stay stays almost exactly"
)


def the_same(v: View) -> Iterator[Finding]:
    """ "The results are same." -> "the same": "same" is nearly always "the same" after these words."""
    for i, word in enumerate(v.low):
        if word != "same" or i == 0 or not v.adjacent_words(i - 1) or v.low[i - 1] not in _BEFORE_SAME:
            continue
        if i + 1 < len(v.tokens) and v.tokens[i + 1].text == "-":
            continue  # "same-sex", "same-day": part of a compound adjective
        text = v.tokens[i].text
        yield finding(v, i, i, "grammar.missing-word", 'Write "the same".', ["the " + text])


_BE_BEFORE_AGREE = word_set("am is are was were")
_DISCUSS = word_set("discuss discusses discussed discussing")
_LOOK = word_set("look looks looked looking")
# Verbs that are nouns too: "look forward to work on Monday", "to travel", "to the trip".
_NOUN_TOO = word_set(
    "work change sleep rest play travel study visit walk drive ride swim run talk call dance trip"
)
_VERB_OBJECTS = OBJECT_PRONOUNS | word_set("with it")
_AMOUNT = word_set("a an half one two three four five six seven eight nine ten twenty fifty hundred")


def verb_patterns(v: View) -> Iterator[Finding]:
    """ "I am agree" -> "I agree"; "we discussed about it" -> "discussed it"; "I look forward to see
    you" -> "seeing" (after "look forward to" comes a noun or an -ing form)."""
    n = len(v.tokens)
    for i, word in enumerate(v.low[:-1]):
        if not v.adjacent_words(i):
            continue
        nxt = v.low[i + 1]
        if (
            word in _BE_BEFORE_AGREE
            and nxt in ("agree", "disagree")
            and v.word_at(i - 1) in _PRONOUN_SUBJECTS
        ):
            yield finding(
                v, i, i + 1, "grammar.extra-word",
                f'"{v.tokens[i + 1].text}" is a verb: leave out "{v.tokens[i].text}".',
                [v.tokens[i + 1].text],
            )  # fmt: skip
        elif word in _DISCUSS and nxt == "about" and i + 2 < n and v.word_at(i + 2) not in _AMOUNT:
            if v.tokens[i + 2].kind != "word":
                continue  # "about 20", "about." : an amount, or not a topic
            yield finding(
                v, i, i + 1, "grammar.extra-word", f'Write "{v.tokens[i].text}" without "about".',
                [v.tokens[i].text],
            )  # fmt: skip
        elif word in _LOOK and nxt == "forward" and v.word_at(i + 2) == "to" and i + 3 < n:
            verb = v.word_at(i + 3)
            # "to work on Monday" may be the noun; "to work with you", "to visit them" is the verb.
            noun = verb in _NOUN_TOO and v.word_at(i + 4) not in _VERB_OBJECTS
            ing = ing_form(v, verb) if verb in COMMON_VERBS and not noun else None
            if ing and v.adjacent_words(i + 2):
                yield finding(
                    v, i + 3, i + 3, "grammar.verb-form", f'After "look forward to", write "{ing}".',
                    [match_case(v.tokens[i + 3].text, ing)],
                )  # fmt: skip


RULES = (
    double_determiner,
    verb_patterns,
    lot_of,
    the_same,
    most_of,
    modal_to,
    make_to,
    despite_of,
    too_much,
    verb_after_modal_or_to,
    capital_after_comma,
    missing_be,
    a_such,
    the_important_is,
)
