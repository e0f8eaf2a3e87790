"""Spelling: is a word known, and if not, which words were probably meant (best first).

Candidates come from two cheap look-ups:
- every word one edit away from what was typed (Norvig's edits1, checked against the list);
- words with the same *skeleton* (first letter and consonants, runs merged; see phonetic.py) as what
  was typed, or one consonant edit away from it. The skeleton index is built once when the list loads.
Together they reach nearly every real misspelling within two edits, and many further ones whose
errors are in vowels and doubled letters ("nessasary"), without a large delete index. As the skeleton
keeps the first letter and the letters as written, the same look-ups are also run for a few respellings
of what was typed, each costing what its slip costs: another first vowel ("inviroment" -> environment)
and "ph" for "f" or "f" for "ph" ("sofisticated" -> sophisticated).

Ranking is a noisy channel: score(w) = ALPHA * ln(frequency of w) - LAMBDA * cost(w -> typed), with
the weighted Damerau-Levenshtein cost of channel.py, less a small bonus when w *sounds* the same
(phonetic.sound_key). Candidates are tried most frequent first and a cost calculation stops as soon
as the candidate cannot reach the current top list.

In a sentence, the ranked candidates are then re-ordered by how well each fits between the words next
to it (ngrams.py: ln P(before | w) + ln P(after | w) added to the score), so "ther house" gives "their"
and "ther is" gives "there". An unknown word that is two common words run together ("inmany") is
offered split, and one that completes its neighbour ("whole heartedly") is offered joined. A longer one
with no close correction is also tried as two words with one of them misspelled ("weatherrealted" ->
"weather related"), if the corrected pair is common.
"""

from __future__ import annotations

import heapq
import math
import re
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass

from . import channel
from .findings import ERROR, SPELLING, Finding
from .lexicon import APOSTROPHES, Lexicon, strip_accents
from .ngrams import bigrams
from .phonetic import skeleton, skeletons_of, sound_key
from .rules import View
from .text import WORD
from .wordclasses import IRREGULAR_PAST, SAME_PAST

LETTERS = "abcdefghijklmnopqrstuvwxyz"
CONSONANTS = "bcdfghjklmnpqrstvwxz"

# Ranking weights, checked (with channel.py's insert/delete weights) on a small grid against a development
# list of misspellings (Birkbeck, Norvig's second list), never against the list the benchmark reports.
ALPHA = 1.0
LAMBDA = 10.0
SOUND_BONUS = 0.3  # cost units taken off when the candidate sounds the same
LN10_OVER_10 = math.log(10) / 10  # list scores are 10 * log10(count)

MAX_COST = 2.5  # candidates further than this are never suggested
GAP = 12.0  # a suggestion scoring this much below the best one is not worth showing
# Pairs often written as one word; a general split would offer "be for" for "befor".
_TWO_WORDS = (
    "a lot|in front|each other|as well|in case|at least|every time|of course|thank you|no one|a bit|a little|"
    "all right|in fact|even though|high school|at all|at last|at once|in spite|as soon|so much|too much|"
    "every day|any more|some more|after all|up to|on top|in order|all of|by the|of the|to the|in the|on the|"
    "at the|is a|it is|i am|do not|can not|did not|does not|is not|was not|so that|because of|next to|"
    "each one|every one|some one|any one|last year|right now|how ever|what ever"
)
TWO_WORDS = frozenset(_TWO_WORDS.split("|"))
# An unknown word is offered as two words when the pair is this common in the pair table (score =
# 10 * log10(count); 75 is about 30 million times in Google Books: "in many", "all day", "old age").
SPLIT_MIN_PAIR = 75
MAX_WORD = 30  # longer "words" are junk or pasted code: never corrected

# Respellings of what was typed whose skeletons are looked up too, since the skeleton keeps the first
# letter and the letters as written: a word-initial vowel written as another ("inviroment"), "f" written
# for "ph" ("sofisticated") and the reverse. Each costs what the slip costs in channel.py.
FIRST_VOWEL_COST = channel.SUB_VOWEL + channel.FIRST_LETTER
PH_F_COST = channel.SUB_SOUND
# A word run together with its neighbour and misspelled ("weatherrealted"): split, correct one half at
# most this much, and offer the pair when it is common (score = 10 * log10(count); 60 is about a million
# times in Google Books). Tried only for longer words that have no close correction as one word.
SPLIT_FIX_MAX_COST = 1.0
SPLIT_FIX_MIN_PAIR = 60
SPLIT_FIX_MIN_LENGTH = 8
SPLIT_FIX_WHEN_BEST_COST = 1.0  # ... "no close correction": nothing cheaper than this as one word
# Halves that join the word after them with a hyphen ("self-confidence"), never with a space.
_HYPHEN_HEADS = frozenset(("self",))


@dataclass(frozen=True)
class Suggestion:
    word: str
    cost: float
    score: float


def edits1(word: str, letters: str = LETTERS) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out.update(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1)
    out.update(a + c + b[1:] for a, b in splits if b for c in letters)
    out.update(a + c + b for a, b in splits for c in letters)
    return out


def respellings(typed: str) -> dict[str, float]:
    """Spellings typed may stand for whose skeleton differs from its own (-> what the slip costs):
    another first vowel ("inviroment" -> "enviroment"), "ph" for an "f" and "f" for a "ph"."""
    out: dict[str, float] = {}
    if len(typed) > 3 and typed[0] in "aeiou":
        for vowel in "aeiou":
            if vowel != typed[0]:
                out[vowel + typed[1:]] = FIRST_VOWEL_COST
    if len(typed) > 3:
        for match in re.finditer("ph|f+", typed):
            start, end = match.span()
            if match.group() == "ph":
                variant = typed[:start] + "f" + typed[end:]
            elif end - start == 1:
                variant = typed[:start] + "ph" + typed[end:]
            else:
                continue  # "ff" is never "ph"
            cost = out.get(variant)
            out[variant] = PH_F_COST if cost is None else min(cost, PH_F_COST)
    return out


class Speller:
    """Word look-up and ranked corrections over one Lexicon. Safe to share between threads."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        words = list(lexicon.scores)
        self._by_skeleton: dict[str, list[str]] = {}
        setdefault = self._by_skeleton.setdefault
        for word, key in zip(words, skeletons_of(words)):
            setdefault(key, []).append(word)
        self._cache: OrderedDict[str, tuple[Suggestion, ...]] = OrderedDict()
        self._cache_size = 4096
        self._lock = threading.Lock()

    @classmethod
    def load(cls) -> Speller:
        return cls(Lexicon.load())

    # -- look-up ---------------------------------------------------------------------------------

    def status(self, word: str, allowed: frozenset[str] = frozenset()) -> str:
        """'ok', 'unknown' or 'name' (a name typed in lowercase); see Lexicon.status."""
        return self.lexicon.status(word, allowed)

    # -- corrections -----------------------------------------------------------------------------

    def suggestions(self, word: str, limit: int = 5) -> list[str]:
        """Ranked corrections for word, written in its case ("Teh" -> "The")."""
        ranked = self.rank(word, limit)
        return [match_case(word, self.lexicon.display(s.word)) for s in ranked]

    def rank(self, word: str, limit: int = 5) -> tuple[Suggestion, ...]:
        """Best corrections with their costs, best first (lowercase list entries)."""
        typed = word.lower().translate(APOSTROPHES)
        if not typed or len(typed) > MAX_WORD or not typed.isascii():
            return ()
        key = f"{limit}:{typed}"
        with self._lock:
            hit = self._cache.get(key)
            if hit is not None:
                self._cache.move_to_end(key)
                return hit
        result = self._rank(typed, limit)
        with self._lock:
            self._cache[key] = result
            if len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return result

    def clear_cache(self) -> None:
        with self._lock:
            self._cache.clear()

    def candidates(self, typed: str) -> tuple[dict[str, int], set[str], set[str]]:
        """Words one edit away (-> list score), others with the same skeleton, others one skeleton edit away.

        The first group also holds "don't" for "dont" and "a lot" for "alot": a missing apostrophe, or
        a missing space in a pair learners often write as one word (scored as its rarer word).
        """
        scores = self.lexicon.scores
        near = {e: scores[e] for e in edits1(typed) if e in scores}
        for i in range(1, len(typed)):
            head, tail = typed[:i], typed[i:]
            joined = f"{head}'{tail}"
            if joined in scores:
                near[joined] = scores[joined]
            pair = f"{head} {tail}"
            if pair in TWO_WORDS or self._common_pair(head, tail):
                near[pair] = min(scores.get(head, 0), scores.get(tail, 0))
        key = skeleton(typed)
        index = self._by_skeleton
        same = set(index.get(key, ()))
        around: set[str] = set()
        for other in edits1(key, CONSONANTS):
            words = index.get(other)
            if words:
                around.update(words)
        same.difference_update(near)
        around.difference_update(near)
        around.difference_update(same)
        return near, same, around

    def _common_pair(self, head: str, tail: str) -> bool:
        """Two everyday words that often stand together: "inmany" is probably "in many"."""
        lexicon = self.lexicon
        if len(head) < 2 or len(tail) < 2 or head in lexicon.names or tail in lexicon.names:
            return False
        if head not in lexicon.scores or tail not in lexicon.scores:
            return False
        table = bigrams()
        return table is not None and table.pair(head, tail) >= SPLIT_MIN_PAIR

    def respelled(self, typed: str) -> dict[str, tuple[tuple[str, float], ...]]:
        """Words found through a respelling of typed (see respellings), each with the respellings that
        found it and their costs; words one edit away or with typed's own skeleton are left out, as
        candidates() finds those."""
        index = self._by_skeleton
        own = skeleton(typed)
        found: dict[str, list[tuple[str, float]]] = {}
        for variant, extra in respellings(typed).items():
            key = skeleton(variant)
            if key == own:
                continue
            keys = edits1(key, CONSONANTS)
            keys.add(key)
            for other in keys:
                for word in index.get(other, ()):
                    found.setdefault(word, []).append((variant, extra))
        return {word: tuple(ways) for word, ways in found.items()}

    def _rank(self, typed: str, limit: int, split: bool = True) -> tuple[Suggestion, ...]:
        scores = self.lexicon.scores
        never = self.lexicon.never_suggest
        typed_extra = channel.typed_costs(typed)
        typed_sound = sound_key(typed)
        best: list[tuple[float, str, float]] = []  # min-heap of (score, word, cost)
        top = -1e9  # best score so far; others must come within GAP of it
        near, same, around = self.candidates(typed)
        respelled = self.respelled(typed)
        for pool in (near, same, around):
            for word in pool:
                respelled.pop(word, None)

        def direct(word: str, limit_: float) -> float:
            return channel.edit_cost(word, typed, limit_, typed_extra)

        def via_respelling(word: str, limit_: float) -> float:
            cost = direct(word, limit_)
            for variant, extra in respelled[word]:
                if extra < min(cost, limit_):
                    cost = min(cost, extra + channel.edit_cost(word, variant, min(cost, limit_) - extra))
            return cost

        # Words one edit away first: they are usually the answer, and a good top list early makes
        # the cut-off below prune most of the larger pools. Words two or more edits away cost at
        # least two doubled-letter slips; with a different skeleton, a consonant slip and one more;
        # through a respelling, at least the respelling.
        least_respelled = min((extra for ways in respelled.values() for _, extra in ways), default=0.0)
        pools = (
            (near, near.__getitem__, 0.0, direct),
            (same, scores.__getitem__, 2 * channel.DOUBLE, direct),
            (around, scores.__getitem__, channel.SUB_SOUND + channel.DOUBLE, direct),
            (respelled, scores.__getitem__, least_respelled, via_respelling),
        )
        for pool, lookup, least, cost_of in pools:
            ordered = sorted((w for w in pool if w not in never), key=lookup, reverse=True)
            for word in ordered:
                prior = ALPHA * LN10_OVER_10 * lookup(word)
                floor = top - GAP if len(best) < limit else max(top - GAP, best[0][0])
                # Falling prior order: once even a perfect match cannot reach the floor, no later
                # word of this pool can.
                room = min(MAX_COST, (prior - floor) / LAMBDA)
                if room + SOUND_BONUS < least:
                    break
                cost = cost_of(word, room + SOUND_BONUS)
                if cost > room + SOUND_BONUS:
                    continue
                if len(word) > 3 and sound_key(word) == typed_sound:
                    cost = max(0.0, cost - SOUND_BONUS)  # only words that got this far are keyed
                if cost > room:
                    continue
                entry = (prior - LAMBDA * cost, word, cost)
                top = max(top, entry[0])
                if len(best) < limit:
                    heapq.heappush(best, entry)
                elif entry[0] > best[0][0]:
                    heapq.heapreplace(best, entry)
        if (
            split
            and len(typed) >= SPLIT_FIX_MIN_LENGTH
            and (not best or min(cost for _, _, cost in best) > SPLIT_FIX_WHEN_BEST_COST)
        ):
            for entry in self._split_fixes(typed):
                top = max(top, entry[0])
                if len(best) < limit:
                    heapq.heappush(best, entry)
                elif entry[0] > best[0][0]:
                    heapq.heapreplace(best, entry)
        best.sort(reverse=True)
        best = [entry for entry in best if entry[0] >= top - GAP]
        return tuple(Suggestion(word, cost, score) for score, word, cost in best)

    def _split_fixes(self, typed: str) -> list[tuple[float, str, float]]:
        """Two words run together, one of them misspelled: "weatherrealted" -> "weather related".
        One half must be a word, the other corrected at most SPLIT_FIX_MAX_COST, and the pair common."""
        lexicon = self.lexicon
        table = bigrams()
        if table is None:
            return []
        scores, names = lexicon.scores, lexicon.names
        out: dict[str, tuple[float, str, float]] = {}
        for i in range(3, len(typed) - 2):
            head, tail = typed[:i], typed[i:]
            head_ok = head in scores and head not in names
            tail_ok = tail in scores and tail not in names
            if head_ok == tail_ok:
                continue  # both words (the plain split covers that) or neither
            fixes = self._rank(tail if head_ok else head, 1, split=False)
            if not fixes or fixes[0].cost > SPLIT_FIX_MAX_COST:
                continue
            fixed = fixes[0].word
            if fixed in names or " " in fixed or "'" in fixed:
                continue
            first, second = (head, fixed) if head_ok else (fixed, tail)
            if table.pair(first, second) < SPLIT_FIX_MIN_PAIR:
                continue
            cost = fixes[0].cost + channel.SPACE
            joiner = "-" if first in _HYPHEN_HEADS else " "
            phrase = first + joiner + second
            prior = ALPHA * LN10_OVER_10 * min(scores[first], scores[second])
            entry = (prior - LAMBDA * cost, phrase, cost)
            if phrase not in out or out[phrase] < entry:
                out[phrase] = entry
        return list(out.values())


def match_case(typed: str, suggestion: str) -> str:
    """Write suggestion the way typed was written: all capitals or a first capital."""
    if len(typed) > 1 and typed.isupper():
        return suggestion.upper()
    if typed[:1].isupper() and suggestion[:1].islower():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


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
    weight = CONTEXT_WEIGHT if (table.word(before) and table.word(after)) else ONE_SIDE_WEIGHT
    rescored = [
        (s.score + weight * (best if f is None else f), k, s) for k, (s, f) in enumerate(zip(ranked, fits))
    ]
    rescored.sort(key=lambda t: (-t[0], t[1]))
    return tuple(s for _, _, s in rescored)


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
