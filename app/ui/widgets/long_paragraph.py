"""A pasted paragraph so long that typing in it would lag, and the offer to split it.

Qt lays out a whole paragraph again at every keystroke: in a single paragraph of a million characters
that is a quarter of a second per key. Text is never changed behind the writer's back; a notice says
why typing is slow and offers to split the paragraph at sentence ends, as one edit that Ctrl+Z undoes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QWidget

LONG = 20_000  # characters: no essay paragraph comes near (a whole 600-word essay is about 3,500)
PIECE = 2_000  # about this long, the parts a long paragraph is split into
_ENDS = (". ", "? ", "! ", "; ")


def longest_paragraph(text: str) -> int:
    return max((len(p) for p in text.split("\n")), default=0)


def split_paragraph(paragraph: str, piece: int = PIECE) -> list[str]:
    """Parts of about ``piece`` characters that join back with single spaces where a space was: cut
    after a sentence end if there is one near, else at a space, else (junk with no spaces) anywhere."""
    parts = []
    rest = paragraph
    while len(rest) > 2 * piece:
        window = rest[piece : 2 * piece]
        cut = max(window.rfind(end) for end in _ENDS)
        if cut >= 0:
            at, gap = piece + cut + 1, 1  # after the mark; the space becomes the line break
        elif (space := window.rfind(" ")) >= 0:
            at, gap = piece + space, 1
        else:
            at, gap = 2 * piece, 0
        parts.append(rest[:at])
        rest = rest[at + gap :]
    parts.append(rest)
    return parts


def split_long_paragraphs(text: str, limit: int = LONG) -> str:
    return "\n".join(
        "\n".join(split_paragraph(p)) if len(p) > limit else p for p in text.split("\n")
    )


class LongParagraphNotice(QWidget):
    """Shown over an editor when a paragraph in it is too long to type in quickly."""

    def __init__(self, editor: QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.setAccessibleName("Long paragraph")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)  # the bar, not only its words
        self.setStyleSheet("LongParagraphNotice { background: #fef3c7; border-radius: 6px; } "
                           "QLabel { color: #78350f; }")  # fmt: skip
        self.words = QLabel("")
        self.words.setWordWrap(True)
        self.split_button = QPushButton(self.tr("Spli&t into paragraphs"))
        self.split_button.setAccessibleName("Split into paragraphs")
        self.split_button.clicked.connect(self.split)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.words, 1)
        row.addWidget(self.split_button)
        self.hide()

    def check(self, text: str) -> None:
        """Look at text just pasted; offer the split if a paragraph in it is too long."""
        longest = longest_paragraph(text)
        if longest <= LONG:
            return
        words = self.tr("A paragraph here is %1 characters long, so typing in it is slow. Split it at "
                        "sentence ends? Nothing is taken out, and Ctrl+Z puts it back.")
        self.words.setText(words.replace("%1", f"{longest:,}"))
        self.show()

    def split(self) -> None:
        text = self.editor.toPlainText()
        new = split_long_paragraphs(text)
        if new != text:
            cursor = QTextCursor(self.editor.document())
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.insertText(new)  # one edit: Ctrl+Z undoes it
        self.hide()
        self.editor.setFocus()
