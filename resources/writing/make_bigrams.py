"""Build resources/writing/en_bigrams.bin.gz, the word-pair counts the writing checks use for context.

Run by hand when the table should change (not at app start, not in CI):

    .venv/bin/pip download symspellpy --no-deps -d /tmp/ss && unzip /tmp/ss/symspellpy-*.whl -d /tmp/ss
    .venv/bin/python resources/writing/make_bigrams.py /tmp/ss/symspellpy

Source: symspellpy's `frequency_bigramdictionary_en_243_342.txt` (242,342 lowercase word pairs seen at
least about 6.4 million times in Google Books Ngrams) and `frequency_dictionary_en_82_765.txt` (single
words, same source). MIT licence (SymSpell, Wolf Garbe; symspellpy) over Google Books Ngram data
(CC BY 3.0); see NOTICE.md. Only a rounded logarithm of each count is kept (round(10 * log10(count))).

Layout (all little-endian, then gzip): b"TBG1", uint32 V (words), uint32 P (pairs); the V words joined
by "\\n" (uint32 byte length first); V bytes of single-word scores (0 = not in the single-word list);
P uint32 keys (first word's index << 16 | second word's index), sorted; P bytes of pair scores.
"""

from __future__ import annotations

import gzip
import math
import struct
import sys
from array import array
from pathlib import Path

OUT = Path(__file__).with_name("en_bigrams.bin.gz")


def score(count: int) -> int:
    return max(1, min(255, round(10 * math.log10(count))))


def main(folder: Path) -> None:
    pairs: dict[tuple[str, str], int] = {}
    for line in (
        (folder / "frequency_bigramdictionary_en_243_342.txt").read_text(encoding="utf-8").splitlines()
    ):
        parts = line.split()
        if len(parts) == 3 and parts[0].isalpha() and parts[1].isalpha():
            pairs[(parts[0].lower(), parts[1].lower())] = int(parts[2])
    unigrams: dict[str, int] = {}
    for line in (folder / "frequency_dictionary_en_82_765.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 2:
            unigrams[parts[0].lower()] = int(parts[1])
    vocab = sorted({w for pair in pairs for w in pair} | {w for w, c in unigrams.items() if c >= 10**6})
    assert len(vocab) < 65536, len(vocab)
    index = {w: i for i, w in enumerate(vocab)}
    keyed = sorted((index[a] << 16 | index[b], score(c)) for (a, b), c in pairs.items())
    words = "\n".join(vocab).encode("utf-8")
    body = b"TBG1" + struct.pack("<III", len(vocab), len(keyed), len(words)) + words
    body += bytes(score(unigrams[w]) if w in unigrams else 0 for w in vocab)
    keys = array("I", (k for k, _ in keyed))
    if sys.byteorder != "little":
        keys.byteswap()
    body += keys.tobytes() + bytes(s for _, s in keyed)
    OUT.write_bytes(gzip.compress(body, 9, mtime=0))
    print(f"{len(vocab)} words, {len(keyed)} pairs -> {OUT} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
