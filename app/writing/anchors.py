"""Where a teacher's comment sits in a later version of the draft.

A comment keeps the passage it was written about (start, end and the quoted words, in the version the
teacher read). When the student has edited since, the passage is looked for again: at the same place,
else the occurrence nearest to where it was; if the words are gone, the comment is shown unanchored.
"""

from __future__ import annotations

MAX_OCCURRENCES = 500  # a one-letter quote in a long text: stop looking after this many


def locate(quote: str, start: int, end: int, text: str) -> tuple[int, int] | None:
    """(start, end) of the quoted passage in text, or None when it is no longer there."""
    if not quote:
        return None
    if 0 <= start <= end <= len(text) and text[start:end] == quote:
        return start, end
    best = -1
    at = text.find(quote)
    for _ in range(MAX_OCCURRENCES):
        if at < 0:
            break
        if best < 0 or abs(at - start) < abs(best - start):
            best = at
        at = text.find(quote, at + 1)
    return (best, best + len(quote)) if best >= 0 else None
