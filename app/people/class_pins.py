"""Sign-in PINs for a whole class at once, for the first lesson: a new PIN for each student (or one PIN
the teacher chose for everybody), for every student or only those who have none yet, set in one
transaction. The PINs come back once, in plain words, to print on sign-in cards; only their Argon2 hashes
are stored, so they cannot be shown again later (set new ones instead)."""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from sqlalchemy import select

from app.errors import InvalidInput
from app.i18n import _
from app.models import Account, Enrollment, Person, SchoolClass
from app.people.accounts import sign_in_name, store_pin
from app.people.actor import Actor
from app.people.permissions import require_class
from app.people.pins import hash_pin
from app.store.database import Database

__all__ = ["ClassPins", "IssuedPin", "PinStatus", "class_pin_status", "new_pin", "set_class_pins"]

# Too easy to guess, so never handed out (a teacher may still choose one for everybody).
_WEAK = {"0000", "1111", "2222", "3333", "4444", "5555", "6666", "7777", "8888", "9999", "1234", "4321",
         "1212", "2580", "0852", "1122", "6969", "1004", "2000", "2468", "1357", "0123", "9876"}  # fmt: skip


def new_pin(digits: int = 4) -> str:
    """A random PIN from the OS's secure source, never one of the easy ones or a run like 3456."""
    while True:
        pin = "".join(secrets.choice("0123456789") for _ in range(digits))
        steps = {int(b) - int(a) for a, b in pairwise(pin)}
        if pin not in _WEAK and not (len(steps) == 1 and steps & {1, -1, 0}):
            return pin


@dataclass(frozen=True)
class IssuedPin:
    student_id: str
    name: str  # full name
    sign_in_name: str  # as the sign-in screen lists it: first name and initial
    pin: str


@dataclass(frozen=True)
class ClassPins:
    class_id: str
    class_name: str
    issued: tuple[IssuedPin, ...]
    kept: int  # students who already had a PIN and kept it


@dataclass(frozen=True)
class PinStatus:
    class_name: str
    students: int
    without_pin: int
    pin_optional: bool


def _students(s, class_id: str) -> list[tuple[Person, Account | None]]:
    return list(s.execute(
        select(Person, Account).join(Enrollment, Enrollment.person_id == Person.id)
        .outerjoin(Account, Account.person_id == Person.id)
        .where(Enrollment.class_id == class_id, Enrollment.role == "student", Enrollment.deleted == False,
               Person.deleted == False, Person.archived == False)
        .order_by(Person.given_name, Person.family_name)).all())  # fmt: skip


def class_pin_status(db: Database, actor: Actor, class_id: str) -> PinStatus:
    """How many students of the class cannot sign in yet (no PIN), for the roster's words."""
    with db.read() as s:
        require_class(s, actor, class_id)
        klass = s.get(SchoolClass, class_id)
        rows = _students(s, class_id)
    missing = sum(1 for _p, a in rows if a is None or not a.pin_hash)
    return PinStatus(klass.name if klass else "", len(rows), missing, bool(klass and klass.pin_optional))


def set_class_pins(
    db: Database,
    actor: Actor,
    class_id: str,
    only_missing: bool = True,
    same_pin: str | None = None,
    progress: Callable[[float, str], None] | None = None,
) -> ClassPins:
    """Set PINs for the class's students in one transaction: a new random PIN each, or ``same_pin`` for
    all; ``only_missing``: leave students who have a PIN alone. Teachers of the class only."""
    if same_pin is not None and not re.fullmatch(r"\d{4,6}", same_pin):
        raise InvalidInput(_("A PIN is 4 to 6 digits."))
    report = progress or (lambda f, m: None)
    with db.read() as s:
        require_class(s, actor, class_id)
        klass = s.get(SchoolClass, class_id)
        students = _students(s, class_id)
        todo = [(p.id, p.full_name, sign_in_name(p)) for p, a in students
                if not only_missing or a is None or not a.pin_hash]  # fmt: skip
        total = len(students)
    # Hashing is the slow part (Argon2, by design): done before the write, so the transaction is short.
    issued, hashes = [], {}
    for i, (sid, name, short) in enumerate(todo):
        pin = same_pin or new_pin()
        hashes[sid] = hash_pin(db, pin)
        issued.append(IssuedPin(sid, name, short, pin))
        report(0.9 * (i + 1) / max(1, len(todo)), _("PIN {v} of {len}", v=i + 1, len=len(todo)))
    with db.write() as s:
        require_class(s, actor, class_id)  # still their class
        accounts = {a.person_id: a for a in s.execute(select(Account).where(Account.person_id.in_(list(hashes))))
                    .scalars()}  # fmt: skip
        for sid, hashed in hashes.items():
            # A new PIN starts with no wrong tries against it, on every machine (as set_pin does).
            store_pin(s, s.get(Person, sid), accounts.get(sid), hashed, actor.person_id)
    report(1.0, "Done")
    return ClassPins(class_id, klass.name if klass else "", tuple(issued), total - len(todo))


class ClassPinService:
    """The class's PINs as a service of ``app.bootstrap.Services`` (``services.class_pins``)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def status(self, actor: Actor, class_id: str) -> PinStatus:
        return class_pin_status(self.db, actor, class_id)

    def set_pins(
        self,
        actor: Actor,
        class_id: str,
        only_missing: bool = True,
        same_pin: str | None = None,
        progress: Callable[[float, str], None] | None = None,
    ) -> ClassPins:
        return set_class_pins(self.db, actor, class_id, only_missing, same_pin, progress)
