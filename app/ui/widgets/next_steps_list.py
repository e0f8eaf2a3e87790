"""The "what next" list: every option, best first, each with its reason; the top one is marked as
a suggestion (the learner may choose any). Rows are painted by a delegate so reasons wrap."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from app.planning.next_steps import NextStep
from app.ui.theme import set_role, tokens

STEP = Qt.ItemDataRole.UserRole + 1
ENABLED = Qt.ItemDataRole.UserRole + 2
KIND_STYLE = {  # symbol, colour
    "review": ("\u21bb", 0),  # the number of a theme series colour
    "goal": ("\u2691", 1),
    "checkpoint": ("\u2690", 2),
    "writing": ("\u270e", 3),
    "feedback": ("\u2709", 3),
    "checkin": ("\u263a", 4),
    "plan": ("\u2630", 1),
}
PAD = 10
# How app/planning/next_steps.py opens a writing step's title, before the task's own title.
WRITING_VERBS = ("Read feedback on ", "Finish ", "Start ")


def quoted(step: NextStep) -> NextStep:
    """A writing step with its task's title in quotes, in the title and the reason: a task title is
    often a question or a sentence ("Finish Should our school have a longer lunch break?")."""
    if step.kind not in ("writing", "feedback"):
        return step
    verb = next((v for v in WRITING_VERBS if step.title.startswith(v)), None)
    name = step.title[len(verb) :] if verb else ""
    if verb is None or not name or name.startswith("\u201c"):
        return step
    mark = f"\u201c{name}\u201d"
    return replace(step, title=verb + mark, reason=step.reason.replace(name, mark, 1))


class _Delegate(QStyledItemDelegate):
    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        title = QFont(option.font)
        title.setPointSizeF(option.font.pointSizeF() * 1.15)
        title.setBold(True)
        return title, QFont(option.font)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        title, body = self._fonts(option)
        width = max(200, option.rect.width() or 600) - 3 * PAD - 36
        step: NextStep = index.data(STEP)
        reason = QFontMetrics(body).boundingRect(
            QRect(0, 0, width, 1000), Qt.TextFlag.TextWordWrap, step.reason if step else ""
        )
        return QSize(
            width,
            2 * PAD + QFontMetrics(title).height() + 4 + reason.height() + (16 if index.row() == 0 else 0),
        )

    def paint(
        self, p: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        step: NextStep = index.data(STEP)
        if step is None:
            return super().paint(p, option, index)
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = option.rect.adjusted(3, 3, -3, -3)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        t = tokens()
        symbol, series = KIND_STYLE.get(step.kind, ("\u2022", 0))
        p.setPen(QColor(t.accent if selected else t.border))
        p.setBrush(QColor(t.accent_soft if selected else t.surface))
        p.drawRoundedRect(r, 8, 8)
        if option.state & QStyle.StateFlag.State_HasFocus:
            p.setPen(QPen(QColor(t.focus), 2))
            p.drawRoundedRect(r.adjusted(1, 1, -1, -1), 8, 8)
        title_font, body_font = self._fonts(option)
        badge = QRect(r.left() + PAD, r.top() + PAD, 28, 28)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(t.series[series % len(t.series)]))
        p.drawEllipse(badge)
        p.setPen(
            QColor(t.window if t.dark else t.surface)
        )  # on the badge: the series colour is 3:1 either way
        p.setFont(title_font)
        p.drawText(badge, Qt.AlignmentFlag.AlignCenter, symbol)
        x = badge.right() + PAD
        y = r.top() + PAD
        if index.row() == 0:
            p.setFont(body_font)
            p.setPen(QColor(t.success))
            p.drawText(QRect(x, y, r.width(), 16), Qt.AlignmentFlag.AlignLeft, self.tr("Suggested first"))
            y += 16
        enabled = bool(index.data(ENABLED))
        p.setFont(title_font)
        p.setPen(QColor(t.text if enabled else t.disabled))
        th = QFontMetrics(title_font).height()
        title = QFontMetrics(title_font).elidedText(
            step.title, Qt.TextElideMode.ElideRight, r.right() - x - PAD
        )
        p.drawText(QRect(x, y, r.right() - x - PAD, th), Qt.AlignmentFlag.AlignLeft, title)
        p.setFont(body_font)
        p.setPen(QColor(t.muted))
        p.drawText(
            QRect(x, y + th + 4, r.right() - x - PAD, r.bottom() - y - th),
            Qt.TextFlag.TextWordWrap,
            step.reason,
        )
        p.restore()


class NextStepList(QListWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName(self.tr("What next"))
        self.setItemDelegate(_Delegate(self))
        self.setSpacing(2)
        self.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        set_role(self, "quiet")
        self.setWordWrap(True)

    def set_steps(self, steps: list[NextStep], available: set[str]) -> None:
        # A refresh (a change elsewhere) keeps the step the student chose, so Start opens what they
        # picked; it refills quietly and announces the pick once.
        old = self.current_step()
        keep = (old.action, old.arg, old.goal_id) if old is not None else None
        self.blockSignals(True)
        self.clear()
        for step in map(quoted, steps):
            item = QListWidgetItem(step.title)
            item.setData(STEP, step)
            # A goal's step falls back to opening the goal in the plan when its own screen is missing.
            enabled = step.action in available or bool(step.goal_id and "plan" in available)
            item.setData(ENABLED, enabled)
            # Screen readers hear the title and the reason.
            later = "" if enabled else " " + self.tr("Not on this computer yet.")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{step.title}. {step.reason}{later}")
            self.addItem(item)
        row = next((i for i, s in enumerate(steps) if (s.action, s.arg, s.goal_id) == keep), 0)
        if steps:
            self.setCurrentRow(row)
        self.blockSignals(False)
        self.currentRowChanged.emit(self.currentRow())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.doItemsLayout()  # re-wrap reasons at the new width

    def current_step(self) -> NextStep | None:
        item = self.currentItem()
        return item.data(STEP) if item else None

    def current_enabled(self) -> bool:
        item = self.currentItem()
        return bool(item and item.data(ENABLED))
