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

An unknown word that is two common words run together ("inmany") is offered split. A longer one with
no close correction is also tried as two words with one of them misspelled ("weatherrealted" ->
"weather related"), if the corrected pair is common. Checking the words of a sentence, and choosing
among these by the words around them, is spelling_check.py's job.
"""

from __future__ import annotations

import heapq
import math
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass

from . import channel
from .lexicon import APOSTROPHES, Lexicon
from .ngrams import bigrams
from .phonetic import skeleton, skeletons_of, sound_key

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
        for group in (near, same, around):
            for word in group:
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
