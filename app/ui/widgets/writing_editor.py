"""The writing editor: plain text, with the checks' findings underlined and teacher comments'
passages highlighted, a right-click menu of suggestions, and undoable one-click fixes.

Marks are extra selections whose cursors follow later edits, so an underline stays on its word while
the writer goes on typing until the next check replaces it. A very long text gets marks near what is on
screen only (they follow scrolling), so the UI thread's work stays small whatever is pasted.
"""

from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import QMimeData, QPoint, QTimer, Signal
from PySide6.QtGui import QContextMenuEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from app.ui.theme import colour as theme_colour
from app.ui.theme import set_role
from app.ui.widgets.live_check import CheckOutcome
from app.writing.checks import GRAMMAR, SPELLING, STYLE

MARGIN = 30_000  # characters either side of the screen that get marks
MAX_MARKS = 400
# Theme token names: the colours come from the scheme in use (light, dark, high contrast).
COLOURS = {SPELLING: "danger", GRAMMAR: "accent", STYLE: "warning"}
_SAME = str.maketrans({"\u2029": "\n", "\u2028": "\n", "\u00a0": " "})


def _formats() -> dict[str, QTextCharFormat]:
    out = {}
    for category, colour in COLOURS.items():
        f = QTextCharFormat()
        f.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline if category == STYLE
                            else QTextCharFormat.UnderlineStyle.WaveUnderline)  # fmt: skip
        f.setUnderlineColor(theme_colour(colour))
        out[category] = f
        current = QTextCharFormat(f)
        current.setBackground(theme_colour("accent_soft"))
        current.setForeground(theme_colour("text"))
        out[category + ":current"] = current
    for key, colour in (("comment", "comment_bg"), ("comment:current", "comment_current")):
        f = QTextCharFormat()
        f.setBackground(theme_colour(colour))
        f.setForeground(theme_colour("text"))  # the text's own colour would vanish on a light mark in dark
        out[key] = f
    return out


class WritingEditor(QPlainTextEdit):
    suggestion_chosen = Signal(int, int)  # finding index, suggestion number (from the right-click menu)
    pasted = Signal(str)  # the text a paste put in

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr(name))
        self.setTabChangesFocus(True)  # Tab leaves the editor: the page stays keyboard-reachable
        set_role(self, "editor")
        self.outcome: CheckOutcome | None = None
        self.current = -1  # the finding picked in the panel
        self.current_comment = -1
        self._revision = -1  # the document's revision the outcome was for
        self._marks: dict[int, QTextCursor] = {}  # finding index -> cursor over its words
        self._comments: list[QTextCursor | None] = []
        self._formats = _formats()
        self._scrolled = QTimer(self)
        self._scrolled.setSingleShot(True)
        self._scrolled.setInterval(80)
        self._scrolled.timeout.connect(self._follow_scroll)
        self.verticalScrollBar().valueChanged.connect(lambda _v: self._scrolled.start())

    def insertFromMimeData(self, source: QMimeData) -> None:
        super().insertFromMimeData(source)
        if source.hasText():
            self.pasted.emit(source.text())

    # -- what is shown ----------------------------------------------------------------------------
    def show_outcome(self, outcome: CheckOutcome | None) -> None:
        self.outcome = outcome
        self.current = -1
        self._revision = self.document().revision()
        self._marks = {}
        self._mark_window()

    def set_comments(self, spans: list[tuple[int, int] | None]) -> None:
        """Comment passages as Qt positions in the current text (None: the passage is gone)."""
        self._comments = [self._cursor(*span) if span is not None else None for span in spans]
        self.current_comment = -1
        self._paint()

    def pick(self, index: int) -> None:
        """Show finding index: highlight it and bring it into view."""
        self.current = index
        cursor = self._mark_for(index)
        if cursor is not None:
            self._reveal(cursor)
        self._paint()

    def pick_comment(self, index: int) -> None:
        self.current_comment = index
        cursor = self._comments[index] if 0 <= index < len(self._comments) else None
        if cursor is not None:
            self._reveal(cursor)
        self._paint()

    def apply(self, index: int, choice: int) -> bool:
        """Put suggestion choice in place of finding index, as one undoable edit. False when that
        part of the text has changed since the check (the next check will catch up)."""
        outcome = self.outcome
        if self.isReadOnly() or outcome is None or not 0 <= index < len(outcome.result.findings):
            return False
        finding = outcome.result.findings[index]
        if not 0 <= choice < len(finding.suggestions):
            return False
        cursor = self._mark_for(index)
        if cursor is None or not cursor.hasSelection():
            return False
        if cursor.selectedText().translate(_SAME) != outcome.text[finding.start : finding.end].translate(
            _SAME
        ):
            return False
        cursor.beginEditBlock()
        cursor.insertText(finding.suggestions[choice])
        cursor.endEditBlock()
        self._marks.pop(index, None)
        self.setTextCursor(cursor)
        if self.current == index:
            self.current = -1
        self._paint()
        return True

    def finding_at(self, position: int) -> int:
        """The finding under a Qt position, or -1."""
        for index, cursor in self._marks.items():
            if cursor.hasSelection() and cursor.selectionStart() <= position < cursor.selectionEnd():
                return index
        return -1

    def marked(self) -> dict[int, tuple[int, int]]:
        """Finding index -> where its underline is now (tests and the panel use it)."""
        return {i: (c.selectionStart(), c.selectionEnd()) for i, c in self._marks.items() if c.hasSelection()}

    # -- right-click: suggestions first ------------------------------------------------------------
    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        index = self.finding_at(self.cursorForPosition(event.pos()).position())
        if index >= 0 and self.outcome is not None and not self.isReadOnly():
            finding = self.outcome.result.findings[index]
            first = menu.actions()[0] if menu.actions() else None
            for n, suggestion in enumerate(finding.suggestions):
                label = self.tr("Use “%1”").replace("%1", suggestion) if suggestion else self.tr("Remove it")
                action = menu.addAction(label)
                action.triggered.connect(lambda _c=False, i=index, n=n: self.suggestion_chosen.emit(i, n))
                if first is not None:
                    menu.insertAction(first, action)
            if first is not None and finding.suggestions:
                menu.insertSeparator(first)
        menu.exec(event.globalPos())
        menu.deleteLater()

    # -- marks ------------------------------------------------------------------------------------
    def _cursor(self, start: int, end: int) -> QTextCursor:
        last = max(0, self.document().characterCount() - 1)
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(max(0, start), last))
        cursor.setPosition(min(max(0, end), last), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _mark_for(self, index: int) -> QTextCursor | None:
        cursor = self._marks.get(index)
        outcome = self.outcome
        fresh = outcome is not None and self.document().revision() == self._revision
        if cursor is None and fresh and 0 <= index < len(outcome.spans):
            cursor = self._marks[index] = self._cursor(*outcome.spans[index])
        return cursor

    def _mark_window(self) -> None:
        """Marks for the findings near the screen (all of them in any essay-sized text)."""
        outcome = self.outcome
        if outcome is None or self.document().revision() != self._revision:
            self._paint()
            return
        first = self.firstVisibleBlock().position()
        corner = QPoint(self.viewport().width() - 1, self.viewport().height() - 1)
        last = self.cursorForPosition(corner).position()
        starts = [s for s, _e in outcome.spans]
        lo = bisect_left(starts, first - MARGIN)
        hi = bisect_left(starts, last + MARGIN)
        if hi - lo > MAX_MARKS:  # keep the ones around the screen
            middle = bisect_left(starts, first)
            lo = max(lo, min(middle - MAX_MARKS // 4, hi - MAX_MARKS))
            hi = lo + MAX_MARKS
        wanted = set(range(lo, hi))
        if self.current >= 0:
            wanted.add(self.current)
        self._marks = {i: c for i, c in self._marks.items() if i in wanted}
        for i in sorted(wanted - set(self._marks)):
            self._marks[i] = self._cursor(*outcome.spans[i])
        self._paint()

    def _follow_scroll(self) -> None:
        if self.outcome is not None and len(self.outcome.spans) > len(self._marks):
            self._mark_window()

    def _paint(self) -> None:
        selections = []
        for n, cursor in enumerate(self._comments):
            if cursor is not None:
                key = "comment:current" if n == self.current_comment else "comment"
                selections.append(self._selection(cursor, key))
        if self.outcome is not None:
            findings = self.outcome.result.findings
            for i, cursor in sorted(self._marks.items()):
                key = findings[i].category + (":current" if i == self.current else "")
                selections.append(self._selection(cursor, key))
        self.setExtraSelections(selections)

    def _selection(self, cursor: QTextCursor, key: str) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = self._formats[key]
        return selection

    def _reveal(self, cursor: QTextCursor) -> None:
        caret = QTextCursor(cursor)
        caret.setPosition(cursor.selectionStart())
        self.setTextCursor(caret)
        self.ensureCursorVisible()
