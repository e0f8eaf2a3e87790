"""Grammar rules about the mechanics of a sentence: a/an, a word written twice, capital letters, the
end mark. Each rule is a function View -> findings, and each keeps quiet whenever it is unsure."""

from __future__ import annotations

from collections.abc import Iterator

from .findings import WARNING, Finding
from .rules import CLOSERS, TERMINALS, View, finding, match_case
from .text import CODE, NUMBER, PUNCT, URL, WORD
from .wordclasses import (
    AUXILIARIES,
    COORDINATORS,
    DETERMINERS,
    IRREGULAR_PAST,
    SUBJECT_PRONOUNS,
    THIRD_PERSON,
    word_set,
)

# After "a" these show the letter "a" itself ("a is a vowel", "plan A or B"), not the article.
_NOT_AFTER_ARTICLE = frozenset(
    [
        "is",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "at",
        "as",
        "if",
        "it",
        "was",
        "are",
        "be",
        "by",
        "for",
        "with",
        "from",
        "the",
        "a",
        "an",
    ]
)
# Vowel letters sounding like a consonant ("a university", "a one-off", "a European").
_CONSONANT_SOUND = (
    "unic",
    "unif",
    "unil",
    "unio",
    "uniq",
    "unis",
    "unit",
    "univ",
    "unip",
    "unan",
    "uran",
    "urin",
    "ure",
    "uro",
    "usa",
    "use",
    "usu",
    "uten",
    "uter",
    "util",
    "utop",
    "uku",
    "eu",
    "ewe",
    "one",
    "once",
    "oui",
)
# ... and silent h ("an hour", "an honest answer").
_VOWEL_SOUND = ("hour", "honest", "honor", "honour", "heir")

_REPEAT_OK = frozenset(
    [
        "had",
        "that",
        "is",
        "do",
        "bye",
        "ha",
        "haha",
        "no",
        "blah",
        "knock",
        "hey",
        "yes",
        "la",
        "ho",
        "boo",
        "bla",
        "tut",
        "ya",
        "yeah",
        "well",
        "cha",
        "chop",
        "bang",
    ]
)
_BULLETS = frozenset("-*\u2022\u00b7\u2013\u2014>")
_QUESTION_STARTS = frozenset(
    [
        "who",
        "what",
        "when",
        "where",
        "why",
        "how",
        "which",
        "do",
        "does",
        "did",
        "is",
        "are",
        "was",
        "were",
        "can",
        "could",
        "would",
        "will",
        "should",
        "shall",
        "may",
        "might",
        "have",
        "has",
        "am",
        "isn't",
        "aren't",
        "don't",
        "doesn't",
        "didn't",
        "can't",
        "won't",
    ]
)


def a_an(v: View) -> Iterator[Finding]:
    for i, word in enumerate(v.low):
        if word not in ("a", "an") or not v.adjacent_words(i):
            continue
        article, following = v.tokens[i].text, v.tokens[i + 1].text
        if article == "A" and i != v.first_word():
            continue  # "plan A", "grade A"
        nxt = v.low[i + 1]
        if nxt in _NOT_AFTER_ARTICLE or (following.isupper() and len(following) > 1) or len(nxt) < 2:
            continue  # a letter, an acronym ("a UFO", "an FBI agent"): read aloud either way
        vowel_sound = _starts_with_vowel_sound(nxt)
        if word == "a" and vowel_sound:
            yield finding(
                v,
                i,
                i,
                "grammar.a-an",
                'Use "an" before a word that starts with a vowel sound, like "an apple" or "an hour".',
                [match_case(article, "an")],
            )
        elif word == "an" and not vowel_sound:
            yield finding(
                v,
                i,
                i,
                "grammar.a-an",
                'Use "a" before a word that starts with a consonant sound, '
                'like "a banana" or "a university".',
                [match_case(article, "a")],
            )


def _starts_with_vowel_sound(word: str) -> bool:
    if word.startswith(_VOWEL_SOUND) or word.startswith(("unim", "unin", "unid")):
        return True  # "an hour", "an unimportant detail"
    if word.startswith(_CONSONANT_SOUND):
        return False
    return word[0] in "aeiou"


def repeated_word(v: View) -> Iterator[Finding]:
    for i in range(len(v.tokens) - 1):
        word = v.low[i]
        if word != v.low[i + 1] or not v.adjacent_words(i) or word in _REPEAT_OK or not word.isalpha():
            continue
        if v.text[v.tokens[i].end : v.tokens[i + 1].start] not in (" ", "  "):
            continue  # a line break or a tab: probably deliberate layout
        yield finding(
            v, i, i + 1, "grammar.repeated-word", f'You wrote "{v.tokens[i].text}" twice.', [v.tokens[i].text]
        )


def sentence_capital(v: View) -> Iterator[Finding]:
    if v.continued or not v.tokens:
        return
    i = v.first_word()
    if i < 0 or (i > 0 and v.tokens[0].text in _BULLETS):
        return
    word = v.tokens[i].text
    if not word[:1].islower() or not v.low[i].replace("'", "").isalpha():
        return
    if any(ch.isupper() for ch in word[1:]):
        return  # "iPhone", "eBay"
    if v.low[i] in ("i", "i'm", "i've", "i'll", "i'd"):
        return  # the "i" rule says it
    yield finding(
        v,
        i,
        i,
        "grammar.sentence-capital",
        "Start a sentence with a capital letter.",
        [word[:1].upper() + word[1:]],
    )


def capital_i(v: View) -> Iterator[Finding]:
    for i, word in enumerate(v.low):
        if word not in ("i", "i'm", "i've", "i'll", "i'd") or v.tokens[i].kind != WORD:
            continue
        text = v.tokens[i].text
        if text[0] != "i":
            continue
        before = v.tokens[i - 1].text if i > 0 else ""
        after = v.tokens[i + 1].text if i + 1 < len(v.tokens) else ""
        if word == "i" and (before in ("(", ".") or after in (")", ".", "-")):
            continue  # "(i)", "i.e.", a list marker
        yield finding(v, i, i, "grammar.capital-i", 'Always write "I" as a capital letter.', ["I" + text[1:]])


def end_mark(v: View) -> Iterator[Finding]:
    if v.truncated or not v.tokens:
        return
    last = len(v.tokens) - 1
    while last >= 0 and v.tokens[last].kind == PUNCT and v.tokens[last].text in CLOSERS:
        last -= 1
    if last < 0:
        return
    tok = v.tokens[last]
    if tok.kind == PUNCT and (tok.text[0] in TERMINALS or tok.text in (":", ";")):
        return
    if tok.kind not in (WORD, NUMBER, CODE) or tok.kind == URL:
        return  # ends with an emoji or a symbol: informal, leave it
    words = [t for t in v.tokens if t.kind == WORD]
    if len(words) < 3:
        return
    if v.alone and (len(words) <= 4 or _title_case(words) or (len(words) <= 8 and not _has_clause(v))):
        return  # a title or heading: "My Summer Holiday", "A day at the beach"
    if v.tokens[0].text in _BULLETS:
        return  # a list item
    question = v.low[v.first_word()] in _QUESTION_STARTS if v.first_word() >= 0 else False
    marks = ["?", "."] if question else [".", "!"]
    yield finding(
        v,
        last,
        last,
        "grammar.end-mark",
        'End each sentence with ".", "?" or "!".',
        [tok.text + mark for mark in marks],
        WARNING,
    )


def _has_clause(v: View) -> bool:
    """A subject pronoun or a verb form the word lists know: a sentence rather than a heading."""
    return any(
        w in SUBJECT_PRONOUNS or w in AUXILIARIES or w in IRREGULAR_PAST or w in THIRD_PERSON for w in v.low
    )


def _title_case(words: list) -> bool:
    capitals = sum(1 for w in words if w.text[:1].isupper())
    return capitals >= 0.6 * len(words)


# Openers that take a comma after them ("However, ..."); with the words that, next, show another use
# ("However hard I try", "In addition to", "As a result of").
_INTRO = {
    ("however",): word_set("much many hard long far often little few big small good bad difficult easy"),
    ("therefore",): frozenset(),
    ("hence",): frozenset(),
    ("finally",): frozenset(),
    ("moreover",): frozenset(),
    ("furthermore",): frozenset(),
    ("nevertheless",): frozenset(),
    ("consequently",): frozenset(),
    ("additionally",): frozenset(),
    ("firstly",): frozenset(),
    ("secondly",): frozenset(),
    ("thirdly",): frozenset(),
    ("lastly",): frozenset(),
    ("nowadays",): frozenset(),
    ("unfortunately",): frozenset(),
    ("fortunately",): frozenset(),
    ("personally",): frozenset(),
    ("meanwhile",): frozenset(),
    ("overall",): frozenset(),
    ("for", "example"): frozenset(),
    ("for", "instance"): frozenset(),
    ("in", "addition"): word_set("to"),
    ("in", "conclusion"): frozenset(),
    ("in", "summary"): frozenset(),
    ("to", "sum", "up"): frozenset(),
    ("on", "the", "other", "hand"): frozenset(),
    ("as", "a", "result"): word_set("of"),
    ("in", "fact"): frozenset(),
    ("in", "my", "opinion"): frozenset(),
    ("in", "my", "view"): frozenset(),
    ("in", "other", "words"): frozenset(),
    ("in", "general"): frozenset(),
    ("first", "of", "all"): frozenset(),
    ("above", "all"): frozenset(),
    ("all", "in", "all"): frozenset(),
    ("to", "begin", "with"): frozenset(),
    ("on", "the", "contrary"): frozenset(),
    ("in", "contrast"): word_set("to with"),
    ("to", "conclude"): frozenset(),
    ("in", "short"): frozenset(),
}
# Openers that take a comma only before what starts a clause: the words that may come next ("Second,
# the price ..." but "Second place goes ...", "Besides English, I ...", "For these reasons and more").
# None: any word. After any of these, a pronoun must be the subject of a verb ("Besides you, nobody").
_SUBJECTS_THERE = SUBJECT_PRONOUNS | word_set("there")
_OPENS_CLAUSE = _SUBJECTS_THERE | DETERMINERS
_INTRO_BEFORE_CLAUSE: dict[tuple[str, ...], frozenset[str] | None] = {
    ("second",): _OPENS_CLAUSE,
    ("third",): _OPENS_CLAUSE,
    ("fourth",): _OPENS_CLAUSE,
    ("besides",): _SUBJECTS_THERE,  # "Besides it is ...", not "Besides him, ..."
    ("indeed",): None,
    ("likewise",): None,
    ("for", "this", "reason"): _OPENS_CLAUSE,
    ("for", "these", "reasons"): _OPENS_CLAUSE,
    ("according", "to", "me"): _OPENS_CLAUSE,
    ("in", "my", "case"): _OPENS_CLAUSE,
    ("that", "is", "to", "say"): _OPENS_CLAUSE,
}
_NOT_A_VERB = COORDINATORS | word_set("being")  # "Besides you and me": the pronoun is no subject
_INTRO_STARTS = frozenset(phrase[0] for phrase in (*_INTRO, *_INTRO_BEFORE_CLAUSE))


def _opener_ends(v: View, last: int, phrase: tuple[str, ...]) -> bool:
    """Does the opening phrase end at token ``last``, so that a comma belongs after it?"""
    nxt = v.low[last + 1]
    if phrase in _INTRO:
        return nxt not in _INTRO[phrase]
    only = _INTRO_BEFORE_CLAUSE[phrase]
    if only is not None and nxt not in only:
        return False
    return not (nxt in _SUBJECTS_THERE and (not v.is_word(last + 2) or v.low[last + 2] in _NOT_A_VERB))


def intro_comma(v: View) -> Iterator[Finding]:
    """ "However we ..." -> "However, we ...": a comma after an opening linking phrase."""
    i = v.first_word()
    if i < 0 or v.continued:
        return
    if v.low[i] not in _INTRO_STARTS:
        return
    for phrase in (*_INTRO, *_INTRO_BEFORE_CLAUSE):
        last = i + len(phrase) - 1
        if tuple(v.low[i : last + 1]) != phrase or not all(v.is_word(k) for k in range(i, last + 2)):
            continue
        if not _opener_ends(v, last, phrase):
            return
        original = v.text[v.tokens[i].start : v.tokens[last].end]
        yield finding(
            v, i, last, "grammar.intro-comma", f'Put a comma after "{original}".', [original + ","], WARNING
        )
        return


RULES = (a_an, repeated_word, sentence_capital, capital_i, end_mark, intro_comma)
