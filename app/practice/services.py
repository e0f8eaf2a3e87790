"""What the practice package adds to the app's services (``app.bootstrap.make_services``)."""

from __future__ import annotations

from app.practice.class_practice import ClassPracticeService
from app.practice.live import install_sync_hook
from app.practice.sessions import PracticeService
from app.store.database import Database


def practice_services(db: Database) -> tuple[PracticeService, ClassPracticeService]:
    """A student's sessions and the teacher's views. Also subscribes the learner model to what
    changed, so learner estimates follow attempts that arrive by sync or are erased."""
    install_sync_hook()
    return PracticeService(db), ClassPracticeService(db)
