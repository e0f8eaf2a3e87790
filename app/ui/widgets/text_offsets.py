"""Python str offsets <-> positions in a Qt text document.

The writing engine reports str offsets (code points); Qt counts UTF-16 code units, so every character
past U+FFFF (most emoji) is two positions in Qt and one in Python. Plain Python: built on a worker
thread along with the check, used on the UI thread.
"""

from __future__ import annotations

import re
from bisect import bisect_left

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Offsets:
    """Maps between the two for one text."""

    def __init__(self, text: str) -> None:
        self.astral = [m.start() for m in _ASTRAL.finditer(text)] if not text.isascii() else []
        # where each of those characters starts in Qt's count
        self.astral_qt = [i + k for k, i in enumerate(self.astral)]

    def to_qt(self, index: int) -> int:
        return index + bisect_left(self.astral, index) if self.astral else index

    def to_py(self, position: int) -> int:
        return position - bisect_left(self.astral_qt, position) if self.astral else position


def qt_length(text: str) -> int:
    """How many positions text takes in a Qt document."""
    return len(text) + (0 if text.isascii() else len(_ASTRAL.findall(text)))


def plain_text(editor) -> str:
    """The editor's text as typed. Unlike toPlainText() this keeps no-break spaces and line separators;
    only paragraph breaks become "\\n". Same length, so positions still match."""
    return editor.document().toRawText().replace("\u2029", "\n")
