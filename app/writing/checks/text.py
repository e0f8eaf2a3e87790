"""Cutting a draft into paragraphs, sentences and tokens, keeping every offset into the original text.

All offsets are Python str indices into the text the caller passed (so they stay valid for slicing,
whatever the text holds: right-to-left scripts, emoji, control characters, lone surrogates).
Work is bounded: a sentence longer than MAX_SENTENCE characters is cut at a space into pieces that
are checked on their own (marked `continued`), so a 1 MB paste with no full stops costs no more than
a long essay per character.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

MAX_SENTENCE = 2000

# Token kinds
WORD = "word"  # letters, maybe with inner apostrophes: "don't", "students'"
NUMBER = "number"  # starts with a digit: "42", "3.5", "1990s", "4th"
CODE = "code"  # letters and digits mixed: "mp3", "B12"
URL = "url"
EMAIL = "email"
PUNCT = "punct"  # any other single visible character, emoji included

_LETTER = r"[^\W\d_]"
_MARK = r"[\u0300-\u036f]"  # combining accents typed after a letter
_TOKEN = re.compile(
    rf"""
    (?P<url>(?:https?://|ftp://|www\.)[^\s<>"'`]*[^\s<>"'`.,;:!?)\]}}])
  | (?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)
  | (?P<domain>\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|edu|gov|io|co|uk|us|ca|au|de|fr|info)\b)
  | (?P<number>\d+(?:[.,:/]\d+)*(?:[^\W_]|{_MARK})*)
  | (?P<alnum>{_LETTER}+\d[^\W_]*)
  | (?P<word>(?:{_LETTER}|{_MARK})+(?:['\u2019\u02bc](?:{_LETTER}|{_MARK})+)*(?:(?<=s)['\u2019](?!\w))?)
  | (?P<punct>[^\s])
    """,
    re.VERBOSE,
)
_KIND = {
    "url": URL,
    "email": EMAIL,
    "domain": URL,
    "number": NUMBER,
    "word": WORD,
    "alnum": CODE,
    "punct": PUNCT,
}

_PARAGRAPH = re.compile(r"[^\n\r\u2028\u2029\x0b\x0c\x1c-\x1e\x85]+")
_SENTENCE_END = re.compile(r"(?:[.!?\u2026\u3002\uff01\uff1f]+)[\"'\u201d\u2019)\]]*(?=\s)")
_QUOTES = "\"'\u201d\u2019"
_ABBREVIATIONS = (
    "mr mrs ms dr prof sr jr st vs etc eg ie a.m p.m am pm no fig approx dept est inc ltd co jan "
    "feb mar apr jun jul aug sep sept oct nov dec mt ave rd "
)
_ABBREVIATION = frozenset(_ABBREVIATIONS.split())
_MAY_END = frozenset(("etc", "am", "pm", "a.m", "p.m", "no"))
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.*$")


class Token(NamedTuple):
    kind: str
    start: int  # offsets into the whole text
    end: int
    text: str


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    continued: bool = False  # a piece of an over-long sentence, not a real sentence start
    truncated: bool = False  # the next piece continues it: it has no real end

    def tokens(self) -> list[Token]:
        return tokenize(self.text, self.start)


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    text: str


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Tokens of text; offsets are shifted by offset. Whitespace is skipped."""
    out = []
    for match in _TOKEN.finditer(text):
        out.append(
            Token(
                _KIND[match.lastgroup or "punct"], match.start() + offset, match.end() + offset, match.group()
            )
        )
    return out


def paragraphs(text: str) -> Iterator[Paragraph]:
    """Non-blank lines: each line break starts a new paragraph."""
    for match in _PARAGRAPH.finditer(text):
        body = match.group()
        stripped = body.strip()
        if not stripped:
            continue
        start = match.start() + (len(body) - len(body.lstrip()))
        yield Paragraph(start, start + len(stripped), stripped)


def sentences(paragraph: Paragraph) -> Iterator[Sentence]:
    """Sentences of one paragraph, split after . ! ? (not after "Mr." or "e.g." or an initial)."""
    text = paragraph.text
    begin = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if text[match.start()] == "." and _is_abbreviation(text, match.start(), end):
            continue
        if text[end - 1] in _QUOTES and text[end:].lstrip()[:1].islower():
            continue  # '"Why?" asked Kofi.': the sentence goes on after the quotation
        yield from _pieces(text, begin, end, paragraph.start)
        begin = end
    yield from _pieces(text, begin, len(text), paragraph.start)


def _is_abbreviation(text: str, dot: int, end: int) -> bool:
    """Is the full stop at text[dot] part of an abbreviation rather than a sentence end?"""
    if text.startswith("..", dot):
        return False  # an ellipsis ends a sentence
    before = _WORD_BEFORE.search(text, max(0, dot - 12), dot + 1)
    if not before:
        return False
    word = before.group(1).rstrip(".")
    lower = word.lower()
    capital_follows = text[end:].lstrip()[:1].isupper()
    if len(word) == 1 and word.isupper():
        return True  # an initial: "J. K. Rowling"
    if "." in word and all(len(part) == 1 for part in word.split(".")):
        return not capital_follows  # "U.S.", "e.g."
    if lower in _ABBREVIATION:
        # "etc." and "a.m." often end a sentence: split when a capital follows
        return not (lower in _MAY_END and capital_follows)
    return False


def _pieces(text: str, begin: int, end: int, offset: int) -> Iterator[Sentence]:
    """The sentence text[begin:end] stripped, cut into pieces of at most MAX_SENTENCE characters."""
    while begin < end and text[begin].isspace():
        begin += 1
    while end > begin and text[end - 1].isspace():
        end -= 1
    continued = False
    while end - begin > MAX_SENTENCE:
        cut = text.rfind(" ", begin + MAX_SENTENCE // 2, begin + MAX_SENTENCE)
        if cut <= begin:
            cut = begin + MAX_SENTENCE
        yield Sentence(offset + begin, offset + cut, text[begin:cut], continued, truncated=True)
        begin = cut
        while begin < end and text[begin].isspace():
            begin += 1
        continued = True
    if end > begin:
        yield Sentence(offset + begin, offset + end, text[begin:end], continued)
