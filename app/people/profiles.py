"""Student profiles: the teacher writes all of it; the student writes their own voice."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from app.errors import InvalidInput, NotFound, PermissionDenied
from app.i18n import _
from app.models import Person, Profile
from app.people.actor import Actor
from app.people.permissions import require_student_access
from app.store.database import Database

LIST_FIELDS = ("strengths", "interests", "values", "learning_prefs")
TEXT_FIELDS = ("about_me", "accommodations", "teacher_notes")
FLAG_FIELDS = ("read_aloud",)  # teacher-set switches
MAX_ITEMS = 20
MAX_TEXT = 4000


@dataclass
class ProfileView:
    student_id: str
    name: str
    strengths: list[str] = field(default_factory=list)
    interests: list[str] = field(default_factory=list)
    values: list[str] = field(default_factory=list)
    learning_prefs: list[str] = field(default_factory=list)
    about_me: str = ""
    accommodations: str = ""
    teacher_notes: str | None = None  # None when the viewer may not see it
    read_aloud: bool = False  # the teacher turned read aloud on for this student


def _clean_list(value) -> list[str]:  # noqa: ANN001
    if isinstance(value, str):
        value = [v for v in value.replace(";", ",").split(",")]
    items = [str(v).strip()[:80] for v in value if str(v).strip()]
    if len(items) > MAX_ITEMS:
        raise InvalidInput(_("Please keep each list to {MAX_ITEMS} items.", MAX_ITEMS=MAX_ITEMS))
    return list(dict.fromkeys(items))


class ProfileService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, actor: Actor, student_id: str) -> ProfileView:
        with self.db.read() as s:
            require_student_access(s, actor, student_id)
            person = s.get(Person, student_id)
            if person is None:
                raise NotFound(_("That student no longer exists."))
            prof = s.execute(select(Profile).where(Profile.student_id == student_id)).scalars().first()
        view = ProfileView(student_id, person.full_name)
        if prof:
            for f in LIST_FIELDS:
                setattr(view, f, list(getattr(prof, f) or []))
            view.about_me, view.accommodations = prof.about_me, prof.accommodations
            view.read_aloud = bool(prof.read_aloud)
            view.teacher_notes = prof.teacher_notes if actor.is_teacher else None
        elif actor.is_teacher:
            view.teacher_notes = ""
        return view

    def update(self, actor: Actor, student_id: str, **changes) -> ProfileView:  # noqa: ANN003
        unknown = set(changes) - set(LIST_FIELDS) - set(TEXT_FIELDS) - set(FLAG_FIELDS)
        if unknown:
            raise InvalidInput(_("Unknown profile fields: {join}.", join=", ".join(sorted(unknown))))
        if actor.is_student and set(changes) - Profile.STUDENT_FIELDS:
            raise PermissionDenied(_("Only your teacher can change that part of your profile."))
        with self.db.write() as s:
            require_student_access(s, actor, student_id)
            prof = s.execute(select(Profile).where(Profile.student_id == student_id)).scalars().first()
            if prof is None:
                person = s.get(Person, student_id)
                prof = Profile(student_id=student_id, partition=person.partition)
                s.add(prof)
            for k, v in changes.items():
                if k in LIST_FIELDS:
                    setattr(prof, k, _clean_list(v))
                elif k in FLAG_FIELDS:
                    if not isinstance(v, bool):
                        raise InvalidInput("That setting is either on or off.")
                    setattr(prof, k, v)
                else:
                    text = str(v)
                    if len(text) > MAX_TEXT:
                        raise InvalidInput(
                            _("Please keep this under {MAX_TEXT} characters.", MAX_TEXT=MAX_TEXT)
                        )
                    setattr(prof, k, text)
        return self.get(actor, student_id)
