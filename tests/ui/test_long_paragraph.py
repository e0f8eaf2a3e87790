"""A pasted paragraph too long to type in quickly: the writer is told why and offered a split at sentence
ends, as one edit that Ctrl+Z undoes; nothing is taken out."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from app.ui.widgets.long_paragraph import (
    LONG,
    PIECE,
    LongParagraphNotice,
    cuts,
    longest_paragraph,
)
from app.ui.widgets.text_offsets import plain_text
from app.ui.widgets.writing_editor import WritingEditor


def split_long_paragraphs(text: str, limit: int = LONG, piece: int = PIECE) -> str:
    """The text with the notice's breaks put in (what its split does to the document)."""
    parts, last = [], 0
    for at, gap in cuts(text, limit, piece):
        parts += [text[last:at], "\n"]
        last = at + gap
    return "".join([*parts, text[last:]])


words = st.text(alphabet=st.sampled_from("ab .?!;\n\u0645😀\u00a0\u2028。"), min_size=0, max_size=30_000)


@settings(max_examples=60, deadline=None)
@given(words, st.integers(min_value=50, max_value=3_000))
def test_split_keeps_every_character_and_only_touches_long_paragraphs(text, limit):
    new = split_long_paragraphs(text, limit)
    assert "".join(new.split()) == "".join(text.split())  # nothing but line breaks changed
    assert all(text[at] == " " for at, gap in cuts(text, limit) if gap)  # a break replaces only a space
    assert new.count("\n") >= text.count("\n")
    assert longest_paragraph(new) <= max(limit, 2 * PIECE + 1)
    if longest_paragraph(text) <= limit:
        assert new == text


def test_a_split_is_at_sentence_ends_and_joins_back_with_spaces():
    text = "A sentence that goes on. " * 4_000  # 100,000 characters, one paragraph
    new = split_long_paragraphs(text.strip())
    assert all(p.endswith(".") for p in new.split("\n"))
    assert new.replace("\n", " ") == text.strip()


def test_pasting_a_huge_paragraph_offers_the_split_and_undo_puts_it_back(qtbot):
    editor = WritingEditor("My writing")
    notice = LongParagraphNotice(editor)
    editor.pasted.connect(notice.check)
    qtbot.addWidget(editor)
    qtbot.addWidget(notice)
    editor.show()
    small = "A normal paragraph. " * 50
    QApplication.clipboard().setText(small)
    editor.paste()
    assert notice.isHidden()
    huge = "Junk" + "x" * (LONG * 2) + " then\u00a0words.\u2028 😀 " * 3_000
    QApplication.clipboard().setText(huge)
    editor.moveCursor(QTextCursor.MoveOperation.End)
    editor.paste()
    assert not notice.isHidden() and "characters long" in notice.words.text()
    pasted = plain_text(editor)
    editor.set_comments([(0, 30)])  # a teacher's comment on the first paragraph
    qtbot.mouseClick(notice.split_button, Qt.MouseButton.LeftButton)
    assert notice.isHidden()
    after = plain_text(editor)
    assert after == split_long_paragraphs(pasted)  # no-break spaces and line separators kept
    assert longest_paragraph(after) <= 2 * PIECE + 1 and after.count("\u00a0") == pasted.count("\u00a0")
    passage = editor._comments[0]
    assert (passage.selectionStart(), passage.selectionEnd()) == (0, 30)  # the comment keeps its passage
    editor.undo()
    assert plain_text(editor) == pasted  # one edit: Ctrl+Z puts the paragraph back as it was


def test_a_handed_in_draft_is_not_offered_a_split(qtbot):
    editor = WritingEditor("My writing")
    notice = LongParagraphNotice(editor)
    qtbot.addWidget(editor)
    editor.setPlainText("word " * LONG)
    editor.setReadOnly(True)
    notice.check()
    assert notice.isHidden()
    notice.split()
    assert editor.toPlainText() == "word " * LONG
