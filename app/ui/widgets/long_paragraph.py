"""A pasted paragraph so long that typing in it would lag, and the offer to split it.

Qt lays out a whole paragraph again at every keystroke: in a single paragraph of a million characters
that is a quarter of a second per key. Text is never changed behind the writer's back; a notice says
why typing is slow and offers to split the paragraph at sentence ends, as one edit that Ctrl+Z undoes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QWidget

from app.ui.theme import set_role
from app.ui.widgets.text_offsets import Offsets, plain_text

LONG = 20_000  # characters: no essay paragraph comes near (a whole 600-word essay is about 3,500)
PIECE = 2_000  # about this long, the parts a long paragraph is split into
_ENDS = (". ", "? ", "! ", "; ", "。", "！", "？")  # (the last: Chinese and Japanese, no space after)


def longest_paragraph(text: str) -> int:
    return max((len(p) for p in text.split("\n")), default=0)


def _cut(rest: str, piece: int) -> tuple[int, int]:
    """Where to end the next part of ``rest`` and how many characters the break replaces: after a
    sentence end near ``piece`` if there is one, else at a space, else (text with no spaces) anywhere."""
    window = rest[piece : 2 * piece]
    best = max(((window.rfind(end), end) for end in _ENDS), key=lambda found: found[0])
    mark, end = best
    if mark >= 0:
        if end.endswith(" "):
            return piece + mark + 1, 1  # after the mark: its space becomes the line break
        return piece + mark + len(end), 0  # "。": no space after it, the break goes in
    space = window.rfind(" ")
    if space >= 0:
        return piece + space, 1
    return 2 * piece, 0


def cuts(text: str, limit: int = LONG, piece: int = PIECE) -> list[tuple[int, int]]:
    """(offset, characters replaced) of each line break that splits the paragraphs longer than ``limit``."""
    piece = max(1, piece)
    out = []
    start = 0
    for paragraph in text.split("\n"):
        if len(paragraph) > limit:
            at = 0
            while len(paragraph) - at > 2 * piece:
                length, gap = _cut(paragraph[at:], piece)
                out.append((start + at + length, gap))
                at += length + gap
        start += len(paragraph) + 1
    return out


class LongParagraphNotice(QWidget):
    """Shown over an editor when a paragraph in it is too long to type in quickly."""

    def __init__(self, editor: QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.setAccessibleName(self.tr("Long paragraph"))
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)  # the bar, not only its words
        set_role(self, "notice")
        self.words = QLabel("")
        self.words.setWordWrap(True)
        self.split_button = QPushButton(self.tr("Spli&t into paragraphs"))
        self.split_button.setAccessibleName(self.tr("Split into paragraphs"))
        self.split_button.clicked.connect(self.split)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.words, 1)
        row.addWidget(self.split_button)
        self.hide()

    def check(self, _pasted: str = "") -> None:
        """After a paste or on opening: offer the split if a paragraph is too long."""
        if self.editor.isReadOnly():
            self.hide()
            return
        longest = longest_paragraph(plain_text(self.editor))
        if longest <= LONG:
            return
        words = self.tr(
            "A paragraph here is %1 characters long, so typing in it is slow. Split it at "
            "sentence ends? Nothing is taken out, and Ctrl+Z puts it back."
        )
        self.words.setText(words.replace("%1", f"{longest:,}"))
        self.show()

    def split(self) -> None:
        """Only the breaks are edited, from the end backwards, so every other character (no-break
        spaces, line separators) and the teacher's comment passages stay as they are."""
        if self.editor.isReadOnly():
            return
        text = plain_text(self.editor)
        offsets = Offsets(text)
        cursor = QTextCursor(self.editor.document())
        cursor.beginEditBlock()  # one edit: Ctrl+Z undoes it
        for at, gap in reversed(cuts(text)):
            cursor.setPosition(offsets.to_qt(at))
            cursor.setPosition(offsets.to_qt(at + gap), QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText("\n")
        cursor.endEditBlock()
        self.hide()
        self.editor.setFocus()
