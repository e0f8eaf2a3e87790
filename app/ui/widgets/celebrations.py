"""A list of a student's wins."""

from __future__ import annotations

from PySide6.QtWidgets import QListWidget, QListWidgetItem

from app.people.celebrations import CelebrationView
from app.ui.locale_format import day

ICONS = {"mastered_skill": "★", "goal_met": "✔", "challenge_done": "⚑", "teacher": "♥"}


class CelebrationList(QListWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName(self.tr("Celebrations"))
        self.setMinimumHeight(120)

    def set_items(self, items: list[CelebrationView]) -> None:
        self.clear()
        for c in items:
            when = day(c.at)
            self.addItem(QListWidgetItem(f"{ICONS.get(c.kind, '★')}  {c.title}  ·  {when}"))
        if not items:
            self.addItem(self.tr("No celebrations yet."))
