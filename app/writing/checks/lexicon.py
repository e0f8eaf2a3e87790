"""The English word list: which words exist, how common each is, and which are names.

The list ships as resources/writing/en_words.txt.gz (built by resources/writing/make_wordlist.py from
SCOWL and pyspellchecker's frequency counts; licences in resources/writing/NOTICE.md). Each line is
"=SCORE word word ...", SCORE = round(10 * log10(count)); words written with a capital are names; the
line "! Name Name ..." marks the names that in lowercase are surely a missed capital ("monday").
"""

from __future__ import annotations

import gzip
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from app.errors import TesseraError

RESOURCE_DIR = Path(__file__).resolve().parents[3] / "resources" / "writing"
WORDLIST = RESOURCE_DIR / "en_words.txt.gz"
NEVER_SUGGEST = RESOURCE_DIR / "never_suggest.txt"
EXTRA_WORDS = RESOURCE_DIR / "extra_words.txt"

APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\uff07": "'", "`": "'"})
_CLITICS = ("'s", "'ll", "'d", "'ve", "'re")
# A known word of five letters or more after one of these is a word too ("uncertified", "nonprofit").
# Not "re", "pre", "co", "super": they make real-looking slips ("remine", "prepaired", "colate").
# Suffixes are not guessed at all: "teached", "childs" and "comeing" are exactly the slips to catch.
_PREFIXES = (
    "un",
    "non",
    "over",
    "under",
    "anti",
    "multi",
    "inter",
    "semi",
    "self",
    "eco",
    "post",
    "counter",
    "mini",
    "micro",
    "mega",
    "ultra",
)
_IZE = ("ize", "ise", "ized", "ised", "izes", "ises", "izing", "ising", "ization", "isation")


class WordListError(TesseraError):
    """The shipped word list is missing or damaged (the installation is broken)."""


@dataclass
class Lexicon:
    """Lowercase words with their frequency scores, and names (lowercase -> as written)."""

    scores: dict[str, int] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    never_suggest: frozenset[str] = frozenset()
    capital_words: frozenset[str] = frozenset()  # lowercase forms of names that are surely a missed capital

    @classmethod
    def load(cls, path: Path | None = None) -> Lexicon:
        path = path or WORDLIST
        try:
            text = gzip.decompress(path.read_bytes()).decode("utf-8")
        except (OSError, EOFError, UnicodeDecodeError) as exc:
            raise WordListError(
                f"Spelling checks are not available: the word list ({path.name}) could not be read. "
                "Reinstalling Tessera should fix this."
            ) from exc
        scores: dict[str, int] = {}
        names: dict[str, str] = {}
        capital: frozenset[str] = frozenset()
        for line in text.splitlines():
            if line.startswith("!"):
                capital = frozenset(w.lower() for w in line[1:].split())
            if not line.startswith("="):
                continue
            head, _, rest = line.partition(" ")
            score = int(head[1:])
            words = rest.split()
            scores.update(dict.fromkeys(words, score))
        if EXTRA_WORDS.exists():
            for line in EXTRA_WORDS.read_text(encoding="utf-8").splitlines():
                parts = line.split()
                if parts and not line.startswith("#"):
                    scores.setdefault(parts[0], int(parts[1]) if len(parts) > 1 else 30)
        for word in [w for w in scores if not w.islower()]:
            lower = word.lower()
            score = scores.pop(word)
            if lower not in scores:
                names[lower] = word
                scores[lower] = score
        never: frozenset[str] = frozenset()
        if NEVER_SUGGEST.exists():
            never = frozenset(
                w.strip().lower()
                for w in NEVER_SUGGEST.read_text(encoding="utf-8").splitlines()
                if w.strip() and not w.startswith("#")
            )
        if len(scores) < 1000:
            raise WordListError(f"The spelling word list looks damaged ({path.name}).")
        return cls(scores=scores, names=names, never_suggest=never, capital_words=capital & names.keys())

    def status(self, word: str, allowed: frozenset[str] = frozenset()) -> str:
        """'ok', 'unknown', or 'name' (a name written without its capital, like "monday").

        word is one token as typed: letters with inner apostrophes.
        """
        lower = word.lower().translate(APOSTROPHES)
        if lower in allowed:
            return "ok"  # the teacher's list wins, whatever the case
        found = self._lookup(lower, allowed)
        if found is None and not lower.isascii():
            plain = strip_accents(lower)
            if plain != lower:
                found = self._lookup(plain, allowed)
        if found is None:
            return "unknown"
        if found in self.names and word.islower() and self.names[found] != found:
            return "name"
        return "ok"

    def _lookup(self, lower: str, allowed: frozenset[str]) -> str | None:
        """The list entry that makes lower a word, if any."""
        if lower in self.scores or lower in allowed:
            return lower
        if lower.endswith("'"):  # "students'"
            stem = lower.rstrip("'")
            return stem if stem in self.scores or stem in allowed else None
        for clitic in _CLITICS:
            if lower.endswith(clitic):
                stem = lower[: -len(clitic)]
                if stem in self.scores or stem in allowed:
                    return stem
        for prefix in _PREFIXES:
            if lower.startswith(prefix) and len(lower) - len(prefix) >= 5:
                rest = lower[len(prefix) :]
                if rest in self.scores and rest not in self.names:
                    return rest
        for suffix in _IZE:
            if lower.endswith(suffix) and len(lower) - len(suffix) >= 5:
                stem = lower[: -len(suffix)]
                if stem in self.scores and stem not in self.names:
                    return stem
        return None

    def display(self, lower: str) -> str:
        """How a list entry is written: "paris" -> "Paris"."""
        return self.names.get(lower, lower)


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
