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
        self.view = StudentView(ctx, actor, bus)  # reloads itself when what it shows changed
        QVBoxLayout(self).addWidget(self.view)
        self.actor = actor
        self.refresh()

    def refresh(self) -> None:
        self.view.load(self.actor.person_id)
