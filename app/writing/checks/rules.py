"""What every sentence rule gets to look at, and small helpers to report a finding."""

from __future__ import annotations

from dataclasses import dataclass, field

from .findings import ERROR, GRAMMAR, Finding
from .lexicon import APOSTROPHES, Lexicon
from .text import PUNCT, WORD, Token
from .wordclasses import COORDINATORS, SUBORDINATORS

CLOSERS = frozenset("\"')]}\u201d\u2019\u00bb")
OPENERS = frozenset("\"'([{\u201c\u2018\u00ab")
TERMINALS = frozenset(".!?\u2026")


@dataclass
class View:
    """One sentence, tokenized, with offsets relative to the sentence start."""

    text: str
    tokens: list[Token]
    continued: bool = False  # a piece of a cut-up very long sentence, not a real start
    truncated: bool = False  # ... nor a real end
    alone: bool = False  # the only sentence of its paragraph (maybe a title)
    lexicon: Lexicon | None = None  # for rules that must know whether a form exists ("cars")
    low: list[str] = field(init=False)

    def __post_init__(self) -> None:
        self.low = [t.text.lower().translate(APOSTROPHES) for t in self.tokens]

    def is_word(self, i: int) -> bool:
        return 0 <= i < len(self.tokens) and self.tokens[i].kind == WORD

    def adjacent_words(self, i: int) -> bool:
        """Tokens i and i+1 are both words with only spaces between."""
        return self.is_word(i) and self.is_word(i + 1)

    def known(self, word: str) -> bool:
        """Is word (lowercase) in the word list? False when no list was given."""
        return self.lexicon is not None and word in self.lexicon.scores and word not in self.lexicon.names

    def word_at(self, i: int) -> str:
        return self.low[i] if 0 <= i < len(self.tokens) and self.tokens[i].kind == WORD else ""

    def first_word(self) -> int:
        """Index of the first word token, skipping opening quotes and brackets; -1 if none."""
        for i, tok in enumerate(self.tokens):
            if tok.kind == WORD:
                return i
            if not (tok.kind == PUNCT and tok.text in OPENERS):
                return -1
        return -1

    def clause_start(self, i: int) -> int:
        """Index where the clause holding token i starts (after punctuation or a linking word)."""
        j = i
        while j > 0:
            prev = self.tokens[j - 1]
            if prev.kind == PUNCT or self.low[j - 1] in COORDINATORS or self.low[j - 1] in SUBORDINATORS:
                break
            j -= 1
        return j


def finding(
    v: View,
    first: int,
    last: int,
    rule: str,
    message: str,
    suggestions: tuple[str, ...] | list[str],
    severity: str = ERROR,
    category: str = GRAMMAR,
) -> Finding:
    """A finding over tokens first..last (inclusive)."""
    return Finding(
        v.tokens[first].start, v.tokens[last].end, category, rule, message, tuple(suggestions), severity
    )


def match_case(original: str, replacement: str) -> str:
    if len(original) > 1 and original.isupper():
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement
