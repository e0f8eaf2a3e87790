"""Version history of a draft: the saved versions, and what changed in each one (words added in green
and underlined, words removed in red and struck through, so colour is not the only sign)."""

from __future__ import annotations

import html

from PySide6.QtCore import QDateTime, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.ui.locale_format import number as count_text
from app.ui.theme import tokens
from app.writing.diff import DELETE, INSERT, TextDiff
from app.writing.results import VersionInfo

VERSION = Qt.ItemDataRole.UserRole
MAX_SHOWN_CHARS = 400_000  # a diff longer than this is cut for display (the versions themselves are kept)


def when(at: float, fmt: str = "ddd d MMM, HH:mm") -> str:
    return QLocale().toString(QDateTime.fromSecsSinceEpoch(int(at)), fmt) if at else ""


def when_short(at: float) -> str:
    """The time alone for today (a bare "17:02" from yesterday reads as later today), else day and time."""
    if not at:
        return ""
    today = QDateTime.fromSecsSinceEpoch(int(at)).date() == QDateTime.currentDateTime().date()
    return when(at, "HH:mm" if today else "ddd d MMM, HH:mm")


def plural(owner: QWidget, n: int, noun: str) -> str:
    """ "1 word", "3 words" (translators get both forms, by Qt's %n)."""
    if noun == "word":
        return _("%n word(s)", n=n)
    if noun == "version":
        return _("%n version(s)", n=n)
    return _("%n draft(s)", n=n)


def diff_html(diff: TextDiff) -> str:
    parts, shown = [], 0
    t = tokens()
    for chunk in diff.chunks:
        text = chunk.text
        if shown + len(text) > MAX_SHOWN_CHARS:
            text = text[: max(0, MAX_SHOWN_CHARS - shown)]
        shown += len(text)
        body = html.escape(text)
        if chunk.kind == INSERT:
            parts.append(
                f"<span style='background:{t.success_bg}; color:{t.text}; text-decoration: underline'>{body}</span>"
            )
        elif chunk.kind == DELETE:
            parts.append(
                f"<span style='background:{t.danger_bg}; color:{t.text}; text-decoration: line-through'>{body}</span>"
            )
        else:
            parts.append(body)
        if shown >= MAX_SHOWN_CHARS:
            parts.append("<p><i>\u2026 (the rest is not shown)</i></p>")
            break
    return f"<div style='white-space: pre-wrap; font-size: large'>{''.join(parts)}</div>"


class DiffView(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Changes in this version"))
        self.setOpenLinks(False)
        self.diff: TextDiff | None = None

    def show_diff(self, diff: TextDiff | None) -> None:
        self.diff = diff
        self.setHtml(diff_html(diff) if diff is not None else "")


class VersionHistory(QWidget):
    """Pick a version on the left; see what changed since the one before it on the right."""

    version_picked = Signal(str, str)  # the version before (or "" for the first), the version

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.versions: list[VersionInfo] = []
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Saved versions"))
        self.list.setSpacing(3)
        self.list.currentRowChanged.connect(self._picked)
        self.summary = QLabel("")
        self.summary.setAccessibleName(self.tr("What changed"))
        self.summary.setWordWrap(True)
        self.view = DiffView()
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.summary)
        rv.addWidget(self.view, 1)
        split = QSplitter()
        split.addWidget(self.list)
        split.addWidget(right)
        split.setStretchFactor(1, 3)
        split.setSizes([220, 600])
        QVBoxLayout(self).addWidget(split)

    def set_versions(self, versions: list[VersionInfo] | tuple[VersionInfo, ...]) -> None:
        self.versions = list(versions)
        self.list.blockSignals(True)
        self.list.clear()
        for v in reversed(self.versions):  # newest first
            before = self.versions[v.number - 2].word_count if v.number > 1 else 0
            change = v.word_count - before
            item = QListWidgetItem(self.tr("Version %1 \u00b7 %2\n%3 words (%4)").replace("%1", str(v.number))
                                   .replace("%2", when(v.saved_at)).replace("%3", count_text(v.word_count))
                                   .replace("%4", f"{change:+d}"))  # fmt: skip
            item.setData(VERSION, v.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.view.show_diff(None)
        self.summary.setText(self.tr("No saved versions yet.") if not versions
                             else self.tr("Pick a version to see what changed in it."))  # fmt: skip
        if versions:
            self.list.setCurrentRow(0)

    def show_diff(self, diff: TextDiff, number: int) -> None:
        if number == 1:
            self.summary.setText(
                self.tr("Version 1: the first saved text (%1 words).").replace(
                    "%1", count_text(diff.words_added)
                )
            )
        else:
            self.summary.setText(self.tr("Version %1 compared with version %2: %3 words added, %4 removed.")
                                 .replace("%1", str(number)).replace("%2", str(number - 1))
                                 .replace("%3", count_text(diff.words_added)).replace("%4", count_text(diff.words_removed))
                                 + (self.tr(" (Too long to compare word by word.)") if diff.coarse else ""))  # fmt: skip
        self.view.show_diff(diff)

    def _picked(self, row: int) -> None:
        if row < 0:
            return
        version = self.versions[len(self.versions) - 1 - row]
        before = self.versions[version.number - 2].id if version.number > 1 else ""
        self.version_picked.emit(before, version.id)
