"""Word-pair counts: how often one word follows another in published English, for choosing between
candidates by context ("there house" or "their house"?).

The table ships as resources/writing/en_bigrams.bin.gz (built by resources/writing/make_bigrams.py from
symspellpy's Google Books bigram and single-word counts; licences in resources/writing/NOTICE.md):
25,000 lowercase words and the 242,000 pairs seen at least about 6.4 million times, each count kept as
round(10 * log10(count)). In memory it stays compact: a sorted array of pair keys searched by bisection
(about 1.3 MB), a word -> index dict, and one byte per word and pair. It loads on first use (~30 ms).

Scores are in tenths of log10 counts ("score"), as in the word list; `log_odds` and friends return
natural logarithms, to add to the speller's scores.
"""

from __future__ import annotations

import gzip
import math
import struct
import sys
import threading
from array import array
from bisect import bisect_left
from pathlib import Path

from .lexicon import RESOURCE_DIR

BIGRAMS = RESOURCE_DIR / "en_bigrams.bin.gz"

# A pair missing from the table was seen fewer times than the table's smallest count (~6.4 million,
# score 68): its count is guessed as if the words were independent, and never above this.
UNSEEN_CAP = 67
TOTAL = 117  # 10 * log10(words in the single-word list), about 5e11: for the independence guess
LN = math.log(10) / 10  # score units -> natural log


class Bigrams:
    """Pair and single-word scores (tenths of log10 counts; 0 = not in the table)."""

    def __init__(self, words: list[str], unigram: bytes, keys: array, values: bytes) -> None:
        self._index = {w: i for i, w in enumerate(words)}
        self._unigram = unigram
        self._keys = keys
        self._values = values

    @classmethod
    def load(cls, path: Path | None = None) -> Bigrams | None:
        """The table, or None when the file is missing or damaged (context checks then stay quiet)."""
        path = path or BIGRAMS
        try:
            data = gzip.decompress(path.read_bytes())
            if data[:4] != b"TBG1":
                return None
            n_words, n_pairs, n_bytes = struct.unpack_from("<III", data, 4)
            at = 16
            words = data[at : at + n_bytes].decode("utf-8").split("\n")
            at += n_bytes
            unigram = data[at : at + n_words]
            at += n_words
            keys = array("I")
            keys.frombytes(data[at : at + 4 * n_pairs])
            if sys.byteorder != "little":
                keys.byteswap()
            at += 4 * n_pairs
            values = data[at : at + n_pairs]
            if len(words) != n_words or len(values) != n_pairs:
                return None
        except (OSError, EOFError, ValueError, struct.error, UnicodeDecodeError, gzip.BadGzipFile):
            return None
        return cls(words, unigram, keys, values)

    def known(self, word: str) -> bool:
        return word in self._index

    def word(self, word: str) -> int:
        i = self._index.get(word)
        return 0 if i is None else self._unigram[i]

    def pair(self, first: str, second: str) -> int:
        """Score of the pair as seen, 0 if it is not in the table."""
        a = self._index.get(first)
        b = self._index.get(second)
        if a is None or b is None:
            return 0
        key = a << 16 | b
        keys = self._keys
        k = bisect_left(keys, key)
        return self._values[k] if k < len(keys) and keys[k] == key else 0

    def pair_estimate(self, first: str, second: str) -> float:
        """Score of the pair, seen or guessed (both words must be known)."""
        seen = self.pair(first, second)
        if seen:
            return seen
        return min(UNSEEN_CAP, self.word(first) + self.word(second) - TOTAL)

    def context(self, word: str, before: str = "", after: str = "") -> float | None:
        """ln P(before | word) + ln P(after | word): how well word fits between its neighbours
        (an empty neighbour is left out). None when word is not in the table."""
        own = self.word(word)
        if not own:
            return None
        total = 0.0
        if before and self.word(before):
            total += (self.pair_estimate(before, word) - own) * LN
        if after and self.word(after):
            total += (self.pair_estimate(word, after) - own) * LN
        return total

    def evidence(self, word: str, before: str = "", after: str = "") -> int:
        """How many of the two neighbour pairs were actually seen (0-2)."""
        return bool(before and self.pair(before, word)) + bool(after and self.pair(word, after))


_table: Bigrams | None = None
_loaded = False
_lock = threading.Lock()


def bigrams() -> Bigrams | None:
    """The shared table, loaded on first use; None if the file is missing."""
    global _table, _loaded
    if not _loaded:
        with _lock:
            if not _loaded:
                _table = Bigrams.load()
                _loaded = True
    return _table
