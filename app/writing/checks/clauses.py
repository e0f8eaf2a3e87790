"""Grammar rules about joining clauses: comma splices ("I like cats, they are cute.") and run-on
sentences ("I like it we play every day.").

A clause counts as complete only when a subject pronoun meets a verb form the word lists know, and the
part before the join has a verb and does not open with a word like "if" or "when" (then the comma is
right: "When I got home, it was dark."). Anything less clear is left alone.
"""

from __future__ import annotations

from collections.abc import Iterator

from .findings import WARNING, Finding
from .rules import View, finding
from .text import PUNCT, WORD
from .wordclasses import (
    ADVERBS_BETWEEN,
    AUXILIARIES,
    COMMON_VERBS,
    IRREGULAR_PAST,
    PREPOSITIONS,
    SUBORDINATORS,
    THIRD_PERSON,
    word_set,
)

_FINITE = (AUXILIARIES - word_set("be been being")) | frozenset(IRREGULAR_PAST) | frozenset(THIRD_PERSON)
_NEW_SUBJECTS = word_set("i he she we they")
_SPLICE_SUBJECTS = _NEW_SUBJECTS | word_set("you it")
_REPORTING = word_set("think thought said say says guess know knew mean believe suppose hope feel see bet")
# Words that end a clause and cannot lead into a reduced clause ("I like it we ..." but not "the book
# I read" or "I hope we win").
_CLAUSE_ENDERS = word_set(
    "me him us them it too also today yesterday tomorrow tonight here home again anymore lot"
)
_TELL_VERBS = word_set(
    "tell told tells show showed shows promise promised remind reminded convince convinced warn warned "
    "assure assured inform informed ask asked teach taught bet give gave"
)
_OPENERS = (
    SUBORDINATORS
    | PREPOSITIONS
    | word_set(
        "to as like unlike besides however therefore throughout despite whatever whoever whenever every each"
    )
)

_SPLICE = (
    "Two full sentences are joined with only a comma. Use a full stop, a semicolon, or a joining "
    'word like "and" or "but".'
)
_RUN_ON = "This looks like two sentences run together. Put a full stop between them."


def _starts_clause(v: View, i: int) -> bool:
    """Token i is a subject pronoun followed by a verb form (maybe after an adverb)."""
    j = i + 1
    if j < len(v.tokens) and v.word_at(j) in ADVERBS_BETWEEN:
        j += 1
    verb = v.word_at(j)
    return (
        bool(verb) and v.is_word(j - 1) and (verb in _FINITE or (verb in COMMON_VERBS and v.low[i] != "it"))
    )


def _complete_before(v: View, first: int, last: int) -> bool:
    """Tokens first..last (exclusive) look like a whole clause of at least three words."""
    words = [k for k in range(first, last) if v.tokens[k].kind == WORD]
    if len(words) < 3:
        return False
    opener = v.low[words[0]]
    if opener in _OPENERS or opener.endswith(("ing", "ed")):
        return False  # "When I got home, ...", "Walking home, ...", "In the end, ..."
    if any(v.low[k] in SUBORDINATORS for k in words[1:]):
        return False  # "It was so dark that I was scared, ..." carries its own clause: too unsure
    return any(v.low[k] in _FINITE or (v.low[k] in _SPLICE_SUBJECTS and _starts_clause(v, k)) for k in words)


def _segment_start(v: View, i: int) -> int:
    """Start of the stretch before token i: after the previous comma, semicolon, colon or dash."""
    j = i
    while j > 0:
        prev = v.tokens[j - 1]
        if prev.kind == PUNCT and prev.text in ',;:-\u2013\u2014()"\u201c\u201d':
            break
        j -= 1
    return j


def _words_until_break(v: View, i: int) -> int:
    count = 0
    for tok in v.tokens[i:]:
        if tok.kind == PUNCT:
            break
        count += tok.kind == WORD
    return count


def _series_follows(v: View, c: int) -> bool:
    """'She swims, he runs, and they cycle': a list of clauses closed by ", and" is fine."""
    return any(
        v.tokens[k].text == "," and v.low[k + 1] in ("and", "but", "or", "so")
        for k in range(c + 1, len(v.tokens) - 1)
    )


def comma_splice(v: View) -> Iterator[Finding]:
    first = v.first_word()
    not_only = any(a == "not" and b == "only" for a, b in zip(v.low, v.low[1:]))
    even_if = first >= 0 and v.low[first] == "even" and v.word_at(first + 1) in ("if", "though")
    if first < 0 or v.low[first] in _OPENERS or v.low[first].endswith("ing") or not_only or even_if:
        return  # "If it rains, or ..., we stay in"; "not only ..., it ..." : the commas are right
    for c, tok in enumerate(v.tokens):
        if tok.kind != PUNCT or tok.text != "," or not v.is_word(c + 1):
            continue
        subject = v.low[c + 1]
        if subject not in _SPLICE_SUBJECTS or not _starts_clause(v, c + 1):
            continue
        if _words_until_break(v, c + 1) < 3 or v.word_at(c + 2) in _REPORTING:
            continue  # "..., I think." "..., you know,"
        if not _complete_before(v, _segment_start(v, c), c) or _series_follows(v, c):
            continue
        word = v.tokens[c + 1].text
        capital = "I" if subject == "i" else word[:1].upper() + word[1:]
        lower = "I" if subject == "i" else word[:1].lower() + word[1:]
        yield finding(
            v,
            c,
            c + 1,
            "grammar.comma-splice",
            _SPLICE,
            [f". {capital}", f"; {lower}", f", and {lower}"],
            WARNING,
        )


def run_on(v: View) -> Iterator[Finding]:
    for i in range(1, len(v.tokens)):
        if v.low[i] not in _NEW_SUBJECTS or not (v.is_word(i) and v.is_word(i - 1)):
            continue
        before = v.low[i - 1]
        if before not in _CLAUSE_ENDERS or (i > 1 and v.low[i - 2] in _TELL_VERBS):
            continue
        if not _starts_clause(v, i) or _words_until_break(v, i) < 3:
            continue
        if not _complete_before(v, _segment_start(v, i), i):
            continue
        word = v.tokens[i].text
        capital = "I" if word.lower() == "i" else word[:1].upper() + word[1:]
        prev = v.tokens[i - 1].text
        yield finding(
            v, i - 1, i, "grammar.run-on", _RUN_ON, [f"{prev}. {capital}", f"{prev}, and {word}"], WARNING
        )


RULES = (comma_splice, run_on)
