"""Teachers' own notes on their students. Co-teachers each keep their own; a note is the author's
alone unless they share it with the class's teachers ("team") or also with the school's leaders
("leader"). Nobody edits another teacher's note."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from app.errors import InvalidInput, NotFound, PermissionDenied
from app.i18n import _
from app.models import Enrollment, Person, SchoolClass, TeacherNote
from app.models.base import partition_key
from app.people.actor import Actor
from app.people.permissions import require_class
from app.school.access import require_leader
from app.store.database import Database

SHARES = ("", "team", "leader")
MAX_NOTE = 4000


@dataclass(frozen=True)
class NoteView:
    id: str
    student_id: str
    class_id: str
    author_id: str
    author: str
    text: str
    shared: str
    mine: bool
    updated_at: float


class NoteService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def write(self, actor: Actor, class_id: str, student_id: str, text: str, shared: str = "") -> NoteView:
        """Set this teacher's own note on a student of their class (one note per teacher, student, class)."""
        if shared not in SHARES:
            raise InvalidInput(
                _("A note is kept private, shared with the class's teachers, or with leaders too.")
            )
        text = (text or "").strip()
        if len(text) > MAX_NOTE:
            raise InvalidInput(_("A note can be at most {limit} characters.", limit=MAX_NOTE))
        with self.db.write() as s:
            require_class(s, actor, class_id)
            if not s.execute(select(Enrollment.id).where(Enrollment.class_id == class_id,
                                                         Enrollment.person_id == student_id,
                                                         Enrollment.role == "student",
                                                         Enrollment.deleted == False)).first():  # noqa: E712  # fmt: skip
                raise PermissionDenied(_("This student is not in that class."))
            note = s.execute(
                select(TeacherNote).where(TeacherNote.class_id == class_id, TeacherNote.student_id == student_id,
                                          TeacherNote.author_id == actor.person_id, TeacherNote.deleted == False)  # noqa: E712
            ).scalars().first()  # fmt: skip
            if note is None:
                klass = s.get(SchoolClass, class_id)
                note = TeacherNote(student_id=student_id, class_id=class_id, author_id=actor.person_id,
                                   partition=partition_key(klass.school_id, class_id, student_id))  # fmt: skip
                s.add(note)
            note.text, note.shared = text, shared
            s.flush()
            return _view(note, actor.name, actor.person_id)

    def for_student(self, actor: Actor, class_id: str, student_id: str) -> list[NoteView]:
        """The notes a teacher of the class sees: their own, and co-teachers' shared ones."""
        with self.db.read() as s:
            require_class(s, actor, class_id)
            return _read(
                s, actor, [class_id], student_id, lambda n: n.author_id == actor.person_id or n.shared != ""
            )

    def shared_with_leaders(self, actor: Actor, class_id: str = "") -> list[NoteView]:
        """A leader sees only the notes teachers shared with leaders."""
        require_leader(actor)
        with self.db.read() as s:
            q = select(SchoolClass.id).where(SchoolClass.deleted == False)  # noqa: E712
            if actor.school_id:
                q = q.where(SchoolClass.school_id == actor.school_id)
            ids = [c for c in s.execute(q).scalars() if not class_id or c == class_id]
            return _read(s, actor, ids, "", lambda n: n.shared == "leader")

    def edit_other(self, actor: Actor, note_id: str, text: str) -> None:
        """Editing a note is only ever the author's: anyone else is refused (kept for the attack tests
        and the UI's read-only view of a colleague's note)."""
        with self.db.write() as s:
            note = s.get(TeacherNote, note_id)
            if note is None or note.deleted:
                raise NotFound(_("That note no longer exists."))
            if note.author_id != actor.person_id:
                raise PermissionDenied(_("Only the teacher who wrote a note can change it."))
            note.text = (text or "").strip()[:MAX_NOTE]

    def delete(self, actor: Actor, note_id: str) -> None:
        """Remove a note: only its author may (a co-teacher's shared note stays theirs)."""
        with self.db.write() as s:
            note = s.get(TeacherNote, note_id)
            if note is None or note.deleted:
                raise NotFound("That note no longer exists.")
            if note.author_id != actor.person_id:
                raise PermissionDenied("Only the teacher who wrote a note can remove it.")
            note.deleted = True


def _read(s, actor: Actor, class_ids: list[str], student_id: str, keep) -> list[NoteView]:  # noqa: ANN001
    if not class_ids:
        return []
    q = select(TeacherNote).where(TeacherNote.class_id.in_(class_ids), TeacherNote.deleted == False)  # noqa: E712
    if student_id:
        q = q.where(TeacherNote.student_id == student_id)
    notes = [n for n in s.execute(q.order_by(TeacherNote.updated_at.desc())).scalars() if keep(n)]
    names = {
        p.id: p.full_name
        for p in s.execute(select(Person).where(Person.id.in_({n.author_id for n in notes}))).scalars()
    }
    return [_view(n, names.get(n.author_id, ""), actor.person_id) for n in notes]


def _view(n: TeacherNote, author: str, me: str) -> NoteView:
    return NoteView(
        n.id, n.student_id, n.class_id, n.author_id, author, n.text, n.shared, n.author_id == me, n.updated_at
    )
