"""Checking the words of one sentence for spelling, with the Speller's corrections put in order by the
words around each one.

The ranked candidates are re-ordered by how well each fits between the words next to it (ngrams.py:
ln P(before | w) + ln P(after | w) added to the score), so "ther house" gives "their" and "ther is"
gives "there". An unknown word that completes its neighbour ("whole heartedly") is offered joined, and
a regular-looking form of an irregular word ("teached", "childs") is offered its irregular form first.
A Budget caps the correction searches one check may run.
"""

from __future__ import annotations

import time

from .findings import ERROR, SPELLING, Finding
from .lexicon import Lexicon, strip_accents
from .ngrams import LN, TOTAL, bigrams
from .rules import View
from .spelling import MAX_WORD, Speller, Suggestion, match_case
from .text import WORD
from .wordclasses import IRREGULAR_PAST, SAME_PAST


class Budget:
    """How many fresh correction searches one check may still run, and for how long (each search
    costs a few milliseconds; a paste of junk would otherwise cost seconds)."""

    def __init__(self, searches: int, seconds: float = 1.0) -> None:
        self.searches = searches
        self.deadline = time.perf_counter() + seconds
        self.exhausted = False

    def take(self) -> bool:
        if self.searches <= 0 or time.perf_counter() > self.deadline:
            self.exhausted = True
            return False
        self.searches -= 1
        return True


CONTEXT_WEIGHT = 1.0  # how much the neighbouring words count against the spelling's own score
ONE_SIDE_WEIGHT = 0.5  # ... when only one neighbour is a word the table knows


def _neighbour(view: View, i: int, step: int) -> str:
    """The word next to token i (step -1: before, +1: after) with only spaces between, else ""."""
    j = i + step
    if not view.is_word(j):
        return ""
    a, b = (j, i) if step < 0 else (i, j)
    if not view.text[view.tokens[a].end : view.tokens[b].start].isspace():
        return ""
    return view.low[j]


def _join(view: View, i: int, lexicon: Lexicon) -> tuple[int, int, str] | None:
    """An unknown word that is the half of a known one split by a space: "whole heartedly",
    "some thing" -> (first token, last token, the word as one)."""
    for a, b in ((i - 1, i), (i, i + 1)):
        if a < 0 or not view.is_word(a) or not view.is_word(b):
            continue
        if view.text[view.tokens[a].end : view.tokens[b].start] != " ":
            continue
        whole = view.low[a] + view.low[b]
        if len(view.low[a]) < 2 or len(view.low[b]) < 2 or whole not in lexicon.scores:
            continue
        if whole in lexicon.names or whole in lexicon.never_suggest or not view.tokens[b].text.islower():
            continue
        return a, b, match_case(view.tokens[a].text, lexicon.display(whole))
    return None


# The past of verbs that do not take -ed, for the -ed forms learners make of them ("teached").
_IRREGULAR = {base: past for past, base in IRREGULAR_PAST.items() if not past.endswith("ed")}
_IRREGULAR.update(
    {
        "deal": "dealt",
        "feel": "felt",
        "leave": "left",
        "speak": "spoke",
        "find": "found",
        "fight": "fought",
        "seek": "sought",
        "lead": "led",
        "mean": "meant",
        "fall": "fell",
        "see": "saw",
        "shake": "shook",
        "draw": "drew",
        "lend": "lent",
        "bend": "bent",
        "feed": "fed",
        "bleed": "bled",
        "bite": "bit",
        "shoot": "shot",
        "light": "lit",
        "hang": "hung",
        "dig": "dug",
        "stick": "stuck",
        "sting": "stung",
        "swing": "swung",
        "freeze": "froze",
        "forgive": "forgave",
        "forbid": "forbade",
        "tear": "tore",
        "beat": "beat",
    }
)
_IRREGULAR.update((base, base) for base in SAME_PAST)


_IRREGULAR_PLURAL = {
    "child": "children",
    "woman": "women",
    "man": "men",
    "foot": "feet",
    "tooth": "teeth",
    "mouse": "mice",
    "goose": "geese",
    "sheep": "sheep",
    "fish": "fish",
    "deer": "deer",
}


def _irregular_form(typed: str, lexicon: Lexicon) -> str | None:
    """The irregular form a learner's regular-looking one stands for: "teached" -> "taught",
    "choosed" -> "chose", "childs" -> "children"; None for anything else."""
    if typed in lexicon.scores:
        return None
    if typed.endswith("s") and typed[:-1] in _IRREGULAR_PLURAL:
        return _IRREGULAR_PLURAL[typed[:-1]]  # "childs" -> "children"
    if not typed.endswith("ed"):
        return None
    stem = typed[:-2]
    for base in (stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else "", typed[:-1]):
        if base in _IRREGULAR:
            return _IRREGULAR[base]
    return None


def by_context(view: View, i: int, ranked: tuple[Suggestion, ...]) -> tuple[Suggestion, ...]:
    """ranked re-ordered by how well each candidate fits between its neighbours (word-pair counts):
    "ther house" -> "their", "ther is" -> "there". Candidates the pair table lacks ("don't", "a lot")
    get the best fit found, so context never pushes them down; with no known neighbour, no change."""
    table = bigrams()
    if table is None:
        return ranked
    before, after = _neighbour(view, i, -1), _neighbour(view, i, 1)
    if not (table.word(before) or table.word(after)):
        return ranked
    fits = [table.context(s.word, before, after) for s in ranked]
    known = [f for f in fits if f is not None]
    if not known:
        return ranked
    best = max(known)
    # A single word the table lacks is rarer than every word in it: its pairs are guessed as if the words
    # were independent, as for an unseen pair ("carbines" does not outrank "carbons" by default).
    unseen = _independent(table, before, after)
    fits = [unseen if f is None and s.word.isalpha() else f for s, f in zip(ranked, fits)]
    weight = CONTEXT_WEIGHT if (table.word(before) and table.word(after)) else ONE_SIDE_WEIGHT
    rescored = [
        (s.score + weight * (best if f is None else f), k, s) for k, (s, f) in enumerate(zip(ranked, fits))
    ]
    rescored.sort(key=lambda t: (-t[0], t[1]))
    return tuple(s for _, _, s in rescored)


def _independent(table, before: str, after: str) -> float:
    """ln P(before) + ln P(after) for the known neighbours: the fit of a word seen with neither."""
    return sum((table.word(w) - TOTAL) * LN for w in (before, after) if w and table.word(w))


# Two-word openers a learner may run together ("Infact"); at the start of a sentence they take a comma.
_INTRO_PAIRS = frozenset(
    ("in fact", "for example", "for instance", "in conclusion", "in general", "in short")
)
FIRST_WORD_MAX_COST = 1.0  # a capitalised unknown first word is flagged only if it is clearly a slip
_SKIP_LOWER = frozenset(("i'm", "i've", "i'll", "i'd"))  # grammar's capital-I rule says it


def check_spelling(
    view: View, speller: Speller, allowed: frozenset[str], max_suggestions: int, budget: Budget
) -> list[Finding]:
    """Spelling findings for one sentence, offsets relative to its start."""
    found: list[Finding] = []
    lexicon = speller.lexicon
    first = -1 if view.continued else view.first_word()
    for i, tok in enumerate(view.tokens):
        word = tok.text
        if tok.kind != WORD or len(word) < 2 or len(word) > MAX_WORD or view.low[i] in _SKIP_LOWER:
            continue
        if i > 0 and view.tokens[i - 1].end == tok.start and view.tokens[i - 1].text in ("#", "@"):
            continue  # a hashtag or a user name
        upper = word.isupper()
        if upper and len(word) <= 6:
            continue  # an acronym
        if not upper and any(ch.isupper() for ch in word[1:]):
            continue  # "iPhone", "McDonald"
        status = speller.status(word, allowed)
        if status == "ok":
            continue
        capitalised = word[0].isupper() and not upper
        if capitalised and i != first:
            continue  # a capital inside a sentence: probably a name we do not know
        if not strip_accents(view.low[i]).isascii():
            continue  # another language or script
        joined = _join(view, i, lexicon)
        if joined is not None:
            first_tok, last_tok, whole = joined
            found.append(
                Finding(
                    view.tokens[first_tok].start,
                    view.tokens[last_tok].end,
                    SPELLING,
                    "spelling.split-word",
                    f'Write "{whole}" as one word.',
                    (whole,),
                    ERROR,
                )
            )
            continue
        ranked = speller.rank(word, max_suggestions) if budget.take() else ()
        if len(ranked) > 1:
            ranked = by_context(view, i, ranked)
        irregular = _irregular_form(view.low[i], lexicon)
        if irregular is not None:
            ranked = (Suggestion(irregular, 0.0, 0.0),) + tuple(s for s in ranked if s.word != irregular)
        if capitalised and (not ranked or ranked[0].cost > FIRST_WORD_MAX_COST):
            continue  # first word of a sentence, but nothing close: probably a name
        suggestions = [match_case(word, lexicon.display(s.word)) for s in ranked]
        if suggestions and i == first and view.is_word(i + 1) and suggestions[0].lower() in _INTRO_PAIRS:
            suggestions[0] += ","  # "Infact we ..." -> "In fact, we ...", as grammar's intro-comma asks
        if status == "name":
            name = lexicon.display(view.low[i])
            if name in suggestions:
                suggestions.remove(name)
            # "monday", "english", "tv": a missed capital; "noe" (a rare first name) may well be a slip.
            suggestions.insert(0 if view.low[i] in lexicon.capital_words else len(suggestions), name)
            if suggestions[0] == name:
                found.append(
                    Finding(
                        tok.start,
                        tok.end,
                        SPELLING,
                        "spelling.capital",
                        f'"{name}" is a name, so it starts with a capital letter.',
                        tuple(suggestions[:max_suggestions]),
                        ERROR,
                    )
                )
                continue
        message = f'"{word}" may be spelled wrong.'
        if suggestions:
            message += f' Did you mean "{suggestions[0]}"?'
        found.append(
            Finding(
                tok.start,
                tok.end,
                SPELLING,
                "spelling.unknown",
                message,
                tuple(suggestions[:max_suggestions]),
                ERROR,
            )
        )
    return found
