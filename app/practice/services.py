"""What the practice package adds to the app's services (``app.bootstrap.make_services``)."""

from __future__ import annotations

from app.practice.class_practice import ClassPracticeService
from app.practice.live import install_sync_hook
from app.practice.sessions import PracticeService


def practice_services(db) -> dict:  # noqa: ANN001
    """``extra["practice"]``: a student's sessions; ``extra["practice_class"]``: the teacher's views.
    Also registers the sync hook, so learner estimates follow attempts that arrive by sync."""
    install_sync_hook()
    return {"practice": PracticeService(db), "practice_class": ClassPracticeService(db)}
