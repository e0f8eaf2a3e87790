"""What changed between two versions of a draft, as plain data: runs of text kept, inserted or deleted.

Lines are compared first, then the words of the lines that changed, so the result reads like a
teacher's marked-up copy ("the dog [-run-] {+ran+} home"). Work is bounded: texts too long to compare
word by word are compared by their common start and end only, and the result says so (`coarse`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

SAME, INSERT, DELETE = "same", "insert", "delete"
MAX_FINE_CHARS = 200_000  # both texts together; past this only the common start and end are found
MAX_BLOCK_TOKENS = 4_000  # a changed block with more words than this is shown deleted and inserted whole

_TOKENS = re.compile(r"\w+(?:['\u2019]\w+)*|\s+|[^\w\s]")
_WORDS = re.compile(r"\w+(?:['\u2019]\w+)*")


@dataclass(frozen=True)
class DiffChunk:
    kind: str  # SAME | INSERT | DELETE
    text: str


@dataclass(frozen=True)
class TextDiff:
    chunks: tuple[DiffChunk, ...]
    words_added: int
    words_removed: int
    coarse: bool = False  # too long to compare word by word: only the common start and end were kept

    @property
    def changed(self) -> bool:
        return any(c.kind != SAME for c in self.chunks)


def diff_texts(old: str, new: str) -> TextDiff:
    out: list[DiffChunk] = []
    coarse = len(old) + len(new) > MAX_FINE_CHARS
    if coarse:
        _coarse(old, new, out)
    else:
        old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
        matcher = SequenceMatcher(None, old_lines, new_lines, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            before, after = "".join(old_lines[i1:i2]), "".join(new_lines[j1:j2])
            if op == "equal":
                _add(out, SAME, before)
            elif op == "replace":
                _words(before, after, out)
            else:
                _add(out, DELETE, before)
                _add(out, INSERT, after)
    added = sum(len(_WORDS.findall(c.text)) for c in out if c.kind == INSERT)
    removed = sum(len(_WORDS.findall(c.text)) for c in out if c.kind == DELETE)
    return TextDiff(tuple(out), added, removed, coarse)


def _words(before: str, after: str, out: list[DiffChunk]) -> None:
    a, b = _TOKENS.findall(before), _TOKENS.findall(after)
    if "".join(a) != before or "".join(b) != after or max(len(a), len(b)) > MAX_BLOCK_TOKENS:
        _add(out, DELETE, before)
        _add(out, INSERT, after)
        return
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            _add(out, SAME, "".join(a[i1:i2]))
        else:
            _add(out, DELETE, "".join(a[i1:i2]))
            _add(out, INSERT, "".join(b[j1:j2]))


def _coarse(old: str, new: str, out: list[DiffChunk]) -> None:
    limit = min(len(old), len(new))
    start = _longest(lambda n: old[:n] == new[:n], limit)
    end = _longest(lambda n: old[len(old) - n :] == new[len(new) - n :], limit - start)
    _add(out, SAME, old[:start])
    _add(out, DELETE, old[start : len(old) - end])
    _add(out, INSERT, new[start : len(new) - end])
    _add(out, SAME, old[len(old) - end :])


def _longest(same, limit: int) -> int:
    """The largest n <= limit with same(n), by halving (slices compare at C speed)."""
    low, high = 0, limit
    while low < high:
        mid = (low + high + 1) // 2
        if same(mid):
            low = mid
        else:
            high = mid - 1
    return low


def _add(out: list[DiffChunk], kind: str, text: str) -> None:
    if not text:
        return
    if out and out[-1].kind == kind:
        out[-1] = DiffChunk(kind, out[-1].text + text)
    else:
        out.append(DiffChunk(kind, text))
