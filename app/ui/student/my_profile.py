"""My profile: the student's own words, their jagged profile and their wins."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.bootstrap import AppContext
from app.people.actor import Actor
from app.ui.events import ChangeBus
from app.ui.widgets.student_view import StudentView


class MyProfilePage(QWidget):
    def __init__(self, ctx: AppContext, actor: Actor, bus: ChangeBus) -> None:
        super().__init__()
        self.view = StudentView(ctx, actor)
        QVBoxLayout(self).addWidget(self.view)
        self.actor = actor
        bus.changed.connect(lambda topic: topic in ("profile", "practice") and self.refresh())
        self.refresh()

    def refresh(self) -> None:
        self.view.load(self.actor.person_id)
