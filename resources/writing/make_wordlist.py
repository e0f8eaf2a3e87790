"""Build resources/writing/en_words.txt.gz, the English word list the spelling checker ships with.

Run by hand when the list should change (not at app start, not in CI):

    apt-get install scowl            # SCOWL word lists in /usr/share/dict/scowl
    .venv/bin/python resources/writing/make_wordlist.py

Which words: SCOWL sizes up to 60 (the size SCOWL recommends for spell checking) in American, British
(-ise and -ize), Canadian and Australian spelling, with their common variants ("variant_1") but not the
rare ones ("variant_2", e.g. "dependance"); plus larger-size SCOWL words that are common in real use
(seen at least MIN_COUNT times in the frequency counts, e.g. "snuck"), and rare variants that are
common all the same (MIN_RARE_COUNT, e.g. "donut", "rainforest").
How common: counts from pyspellchecker's English frequency list (OpenSubtitles via Hermit Dave's
FrequencyWords), stored as round(10 * log10(count)). Possessive "'s" forms are left out: the checker
accepts "x's" whenever "x" is a word. See NOTICE.md for the licences.
"""

from __future__ import annotations

import gzip
import json
import math
import re
import sys
import unicodedata
from importlib import resources
from pathlib import Path

SCOWL = Path("/usr/share/dict/scowl")
OUT = Path(__file__).with_name("en_words.txt.gz")
MAX_SIZE = 60
EXTRA_MAX_SIZE = 95
MIN_COUNT = 300
MIN_RARE_COUNT = 1000
KINDS = ("words", "upper", "contractions", "abbreviations", "proper-names")
WORD = re.compile(r"^[^\W\d_](?:[^\W\d_]|['.-])*$")


def scowl_entries() -> tuple[dict[str, int], dict[str, int], set[str]]:
    """SCOWL entries (case kept) -> smallest size: (main lists, rare-variant lists, capital words).

    Capital words are places, languages, days, months ("upper" lists) and common abbreviations ("TV"):
    written in lowercase they are almost surely a missed capital, unlike people's names ("Noe").
    """
    main: dict[str, int] = {}
    rare: dict[str, int] = {}
    capital: set[str] = set()
    for path in SCOWL.iterdir():
        base, _, size = path.name.rpartition(".")
        spelling, _, kind = base.partition("-")
        if kind not in KINDS:
            continue
        target = rare if ("variant_2" in spelling or "variant_3" in spelling) else main
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            word = line.strip()
            word = strip_accents(word)  # "café" -> "cafe": the checker strips accents before looking up
            if word and word.isascii() and WORD.match(word) and not word.endswith("'s"):
                target[word] = min(target.get(word, 99), int(size))
                if target is main and (kind == "upper" or (kind == "abbreviations" and int(size) <= 35)):
                    capital.add(word)
    return main, rare, capital


def strip_accents(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def frequency_counts() -> dict[str, int]:
    data = resources.files("spellchecker").joinpath("resources/en.json.gz").read_bytes()
    return json.loads(gzip.decompress(data))


def build() -> tuple[dict[str, int], set[str]]:
    main, rare, capital = scowl_entries()
    counts = frequency_counts()
    sizes = {w: s for w, s in main.items() if s <= MAX_SIZE}
    for source, min_count in ((main, MIN_COUNT), (rare, MIN_RARE_COUNT)):
        for word, size in source.items():
            if size <= EXTRA_MAX_SIZE and len(word) >= 4 and counts.get(word.lower(), 0) >= min_count:
                sizes.setdefault(word, size)
    capitalised = {w.lower() for w in main if not w.islower()}
    lower_words = {w for w, s in sizes.items() if w.islower() and (s <= MAX_SIZE or w not in capitalised)}
    chosen: dict[str, int] = {}
    for word, size in sizes.items():
        count = counts.get(word.lower(), 0)
        if word.islower() and word not in lower_words:
            continue  # a common word only as a name ("monday"): keep "Monday", flag "monday"
        if not word.islower() and word.lower() in lower_words:
            continue  # "china" covers "China": a capital is always allowed
        # No count (or the list's floor of 50): guess from SCOWL's size, commoner sizes rank higher.
        guess = {10: 400, 20: 200, 35: 100, 40: 60, 50: 40}.get(size, 25)
        chosen[word] = round(10 * math.log10(max(count, guess)))
    return chosen, {w for w in capital if w in chosen and not w.islower()}


def write(chosen: dict[str, int], capital: set[str]) -> None:
    by_score: dict[int, list[str]] = {}
    for word, score in chosen.items():
        by_score.setdefault(score, []).append(word)
    lines = [
        "# Tessera English word list: built by make_wordlist.py; sources and licences in NOTICE.md.",
        "# Each line: =SCORE then the words with that score, SCORE = round(10 * log10(frequency count)).",
        "# A word with a capital letter is a name: accepted as written or in capitals.",
        "# The line starting ! lists the names (places, languages, days, months, TV ...) that, typed in",
        "# lowercase, are almost surely a missed capital.",
    ]
    for score in sorted(by_score, reverse=True):
        lines.append(f"={score} " + " ".join(sorted(by_score[score])))
    lines.append("! " + " ".join(sorted(capital)))
    OUT.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), mtime=0))


if __name__ == "__main__":
    if not SCOWL.is_dir():
        sys.exit("SCOWL is missing: apt-get install scowl")
    words, capital = build()
    write(words, capital)
    print(f"{len(words)} words -> {OUT} ({OUT.stat().st_size} bytes)")
