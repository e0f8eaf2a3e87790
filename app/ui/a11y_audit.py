"""An accessibility audit of what is on screen: every interactive control has a name, Tab reaches it,
and it is a target of at least 24 x 24 px (WCAG 2.2 SC 2.5.8). Used by the tests, the self-test and
scripts/a11y_audit.py (the per-screen table in docs/accessibility.md)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

MIN_TARGET = 24  # px, WCAG 2.2 SC 2.5.8 (AA)
INTERACTIVE = (
    QAbstractButton,
    QComboBox,
    QLineEdit,
    QAbstractSpinBox,
    QAbstractItemView,
    QPlainTextEdit,
    QTextEdit,
    QAbstractSlider,
    QTabBar,
)
SIZED = (QAbstractButton, QComboBox, QLineEdit, QAbstractSpinBox, QTabBar)


@dataclass
class Finding:
    widget: str  # class and accessible name or object name: what a reader of a failure needs
    problem: str  # "unnamed", "unreachable" or "small"


@dataclass
class ScreenAudit:
    screen: str
    controls: int = 0
    unnamed: int = 0
    unreachable: int = 0
    small: int = 0
    untranslated: int = 0  # counted only under a marking translator (see PseudoTranslator)
    label_not_in_name: int = 0  # a button's visible words missing from its name (SC 2.5.3)
    findings: list[Finding] = field(default_factory=list)

    def row(self) -> dict:
        return {
            "screen": self.screen,
            "controls": self.controls,
            "unnamed": self.unnamed,
            "unreachable": self.unreachable,
            "under_24px": self.small,
            "name_not_translated": self.untranslated,
            "label_not_in_name": self.label_not_in_name,
        }


def _internal(w: QWidget) -> bool:
    """Parts Qt builds inside another control (a spin box's line edit, a tab bar's scroll arrows,
    a scroll area's bars, a combo box's popup list): the outer control carries the name and focus."""
    if isinstance(w, (QScrollBar, QHeaderView)):
        return True
    p = w.parentWidget()
    while p is not None:
        if isinstance(p, (QAbstractSpinBox, QComboBox, QTabBar)):
            return True
        if p.isWindow():
            break
        p = p.parentWidget()
    return type(w).__name__ == "QComboBoxListView" or w.objectName().startswith("qt_")


def _display_only(w: QWidget) -> bool:
    """A read-only text view that takes no focus shows text; it is not a control."""
    if isinstance(w, (QPlainTextEdit, QTextEdit)) and w.isReadOnly():
        return w.focusPolicy() == Qt.FocusPolicy.NoFocus
    if isinstance(w, QAbstractItemView):
        return w.focusPolicy() == Qt.FocusPolicy.NoFocus and not w.isEnabled()
    return False


def controls(root: QWidget) -> list[QWidget]:
    """The interactive controls shown under ``root``."""
    found: list[QWidget] = []
    for w in root.findChildren(QWidget):
        if not isinstance(w, INTERACTIVE) or not w.isVisibleTo(root) or _internal(w) or _display_only(w):
            continue
        found.append(w)
    return found


def tab_reachable(window: QWidget) -> set[QWidget]:
    """What Tab stops on in ``window``: its focus chain, filtered as QWidget.focusNextPrevChild does."""
    reach: set[QWidget] = set()
    w = window.nextInFocusChain()
    for _ in range(10_000):
        if w is window or w is None:
            break
        if (
            w.isVisibleTo(window)
            and w.isEnabled()
            and w.focusPolicy() & Qt.FocusPolicy.TabFocus
            and w.window() is window
        ):
            reach.add(w)
        w = w.nextInFocusChain()
    return reach


def _label(w: QWidget) -> str:
    return f"{type(w).__name__}({w.accessibleName() or w.objectName() or getattr(w, 'text', lambda: '')()!r})"


def _named(w: QWidget) -> bool:
    name = w.accessibleName().strip()
    return bool(name) and name != type(w).__name__


def _words(text: str) -> str:
    """A button's visible words: no mnemonic, no "(Enter)" hint, no ellipsis or arrow, lower case."""
    text = re.sub(r"\(.*?\)|\u2026|\u2190|\u2192|\.\.\.", "", text.replace("&&", "\0").replace("&", ""))
    return " ".join(text.replace("\0", "&").split()).lower()


def label_in_name(w: QWidget, mark: str = "") -> bool:
    """The name contains the words on the button, so a speech user can say what they see."""
    if not isinstance(w, QAbstractButton) or not w.text().strip():
        return True
    name = w.accessibleName().replace(mark, "").lower() if mark else w.accessibleName().lower()
    return _words(w.text().replace(mark, "") if mark else w.text()) in name


def _small(w: QWidget) -> bool:
    if isinstance(w, QTabBar):
        return any(
            min(w.tabRect(i).width(), w.tabRect(i).height()) < MIN_TARGET
            for i in range(w.count())
            if w.isTabVisible(i)
        )
    return w.width() < MIN_TARGET or w.height() < MIN_TARGET


class PseudoTranslator(QTranslator):
    """Marks every text that passes through translation, so a name without the mark never did."""

    MARK = "\u27e6"

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        return self.MARK + source

    def isEmpty(self) -> bool:
        return False


def audit(screen: str, root: QWidget, mark: str = "") -> ScreenAudit:
    """Count the controls under ``root`` (shown in its window) and what is wrong with them; with
    ``mark`` (PseudoTranslator.MARK, installed before the screen was built), names not translated."""
    result = ScreenAudit(screen)
    reach = tab_reachable(root.window())
    for w in controls(root):
        result.controls += 1
        if not _named(w):
            result.unnamed += 1
            result.findings.append(Finding(_label(w), "unnamed"))
        elif mark and mark not in w.accessibleName():
            result.untranslated += 1
            result.findings.append(Finding(_label(w), "untranslated"))
        if _named(w) and not label_in_name(w, mark):  # (an unnamed one is counted as that)
            result.label_not_in_name += 1
            result.findings.append(
                Finding(f"{_label(w)} shows {getattr(w, 'text', str)()!r}", "label not in name")
            )
        if w.isEnabled():
            target = w.focusProxy() or w
            if target not in reach:
                result.unreachable += 1
                result.findings.append(Finding(_label(w), "unreachable"))
            if isinstance(w, SIZED) and _small(w):
                result.small += 1
                result.findings.append(Finding(f"{_label(w)} {w.width()}x{w.height()}", "small"))
    return result
