"""Accounts and sign-in: teacher passwords and student PINs hashed with Argon2id. Wrong PINs and
passwords are throttled from synced sign-in events (app/people/lockout.py), so a lock-out holds on
every machine of the school; removed, archived and switched-off accounts are refused in plain words."""

from __future__ import annotations

import logging
import math
import re
import time
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from sqlalchemy import func, or_, select

from app.errors import InvalidInput, NotFound, PermissionDenied, SignInError, StorageError
from app.i18n import _
from app.models import Account, AuditEvent, Enrollment, Person, School, SchoolClass, SignInEvent
from app.models.base import partition_key
from app.people.actor import Actor
from app.people.lockout import (
    FAIL,
    OK,
    PASSWORD_RULES,
    PIN_RULES,
    UNLOCK,
    WINDOW_S,
    LockState,
    Rules,
    lock_state,
)
from app.people.permissions import require_class, require_student_access
from app.people.pins import hash_pin, hash_secret, verify_pin, verify_secret

__all__ = ["AccountService", "hash_secret", "verify_secret", "store_pin", "sign_in_name"]
from app.store.database import Database

if TYPE_CHECKING:
    from sqlmodel import Session

    from app.config import Settings

log = logging.getLogger(__name__)


def store_pin(s: Session, person: Person, account: Account | None, hashed: str, by_id: str) -> None:
    """A student's new PIN (its hash), with the account made if they had none. A new PIN from the
    teacher frees the sign-in, on every machine: an unlock event, synced like the wrong tries."""
    if account is None:
        account = Account(person_id=person.id, partition=person.partition)
        s.add(account)
    account.pin_hash = hashed
    s.add(
        SignInEvent(person_id=person.id, kind=UNLOCK, at=time.time(), by_id=by_id, partition=person.partition)
    )


def sign_in_name(person: Person) -> str:
    """A student as the sign-in screen lists them: first name and initial."""
    return person.given_name + (f" {person.family_name[:1]}." if person.family_name else "")


class PasswordNotSet(SignInError):
    """A teacher made by a roster import signs in for the first time: they choose their password."""


@cache
def _dummy_hash() -> str:
    return hash_secret("no such account")


def _wait_words(seconds: float) -> str:
    if seconds <= 90:
        n = max(1, math.ceil(seconds))
        return _("%n second(s)", n=n)
    return _("{ceil} minutes", ceil=math.ceil(seconds / 60))


@dataclass(frozen=True)
class SignInClass:
    id: str
    name: str
    pin_optional: bool


@dataclass(frozen=True)
class SignInStudent:
    id: str
    name: str
    needs_pin: bool


class AccountService:
    def __init__(self, db: Database, settings: Settings | None = None) -> None:
        self.db = db
        self.settings = settings
        # Wrong tries counted here while the disk cannot take them (full, read-only): guessing stays slow.
        self._unsaved_fails: dict[str, list[float]] = {}

    def pins_forced(self) -> bool:
        """The machine policy's ``pin_required`` (a student's own settings file cannot set it in lab
        mode, and setting it false anywhere only leaves the choice to each class)."""
        st = self.settings
        return bool(st is not None and st.get("pin_required") and st.source("pin_required") != "built-in")

    def _pin_needed(self, klass: SchoolClass) -> bool:
        return self.pins_forced() or not klass.pin_optional

    # -- first start -------------------------------------------------------------------------
    def has_teacher(self) -> bool:
        with self.db.read() as s:
            return bool(
                s.execute(
                    select(func.count()).select_from(Account).where(Account.username.is_not(None))
                ).scalar_one()
            )

    def create_first_teacher(
        self,
        school_name: str,
        given_name: str,
        family_name: str,
        username: str,
        password: str,
        class_name: str,
    ) -> Actor:
        username = username.strip().lower()
        if not re.fullmatch(r"[a-z0-9._-]{3,40}", username):
            raise InvalidInput(_("A username needs 3 to 40 letters, digits, dots, dashes or underscores."))
        if len(password) < 8:
            raise InvalidInput(_("Please choose a password of at least 8 characters."))
        if not given_name.strip() or not class_name.strip() or not school_name.strip():
            raise InvalidInput(_("Please fill in your name, your school and your class."))
        with self.db.write() as s:
            if s.execute(select(Account.id).where(Account.username == username)).first():
                raise InvalidInput(_("The username {username!r} is taken.", username=username))
            school = School(name=school_name.strip())
            school.partition = partition_key(school.id)
            s.add(school)
            s.flush()
            teacher = Person(
                school_id=school.id,
                role="teacher",
                given_name=given_name.strip(),
                family_name=family_name.strip(),
                partition=partition_key(school.id),
            )
            klass = SchoolClass(school_id=school.id, name=class_name.strip())
            klass.partition = partition_key(school.id, klass.id)
            s.add_all([teacher, klass])
            s.flush()
            s.add(
                Account(
                    person_id=teacher.id,
                    username=username,
                    password_hash=hash_secret(password),
                    partition=teacher.partition,
                )
            )
            s.add(
                Enrollment(class_id=klass.id, person_id=teacher.id, role="teacher", partition=klass.partition)
            )
            s.add(
                AuditEvent(
                    actor_id=teacher.id,
                    action="account.created",
                    subject_id=teacher.id,
                    partition=teacher.partition,
                )
            )
            return Actor(teacher.id, "teacher", school.id, teacher.full_name)

    # -- teachers ----------------------------------------------------------------------------
    def sign_in_teacher(self, username: str, password: str, now: float | None = None) -> Actor:
        now = time.time() if now is None else now
        with self.db.read() as s:
            row = s.execute(
                select(Account, Person)
                .join(Person, Person.id == Account.person_id)
                .where(
                    Account.username == username.strip().lower(),
                    Account.deleted == False,  # noqa: E712
                )
            ).first()
            state = self._lock(s, row[1].id, now, PASSWORD_RULES) if row else None
        if row is None:
            verify_secret(_dummy_hash(), password)  # as slow as a real check: no hint which usernames exist
            raise SignInError(_("That username and password do not match."))
        account, person = row
        if (
            account.password_hash is None
            and not account.disabled
            and not person.archived
            and not person.deleted
        ):
            raise PasswordNotSet(_("Welcome! This is your first sign-in: please choose your password."))
        if state.locked:  # checked before the password: during the wait even the right one is refused
            raise SignInError(
                _(
                    "Too many wrong passwords. Please wait {wait_words}, then try again.",
                    wait_words=_wait_words(state.wait_s),
                ),
                reason="wait",
                wait_s=state.wait_s,
            )
        if not verify_secret(account.password_hash, password):
            self._fail(person, now)
            raise SignInError(_("That username and password do not match."))
        # Account states are told only to whoever knows the password.
        if person.deleted:
            raise SignInError(
                _("This account was removed from Tessera. Ask your school's Tessera admin."), reason="removed"
            )
        if account.disabled or person.archived:
            raise SignInError(
                _("This account is switched off. Ask your school's Tessera admin."), reason="disabled"
            )
        self._succeeded(person, state, now)
        self._audit(person.id, "signin.teacher", person.partition)
        return Actor(person.id, person.role, person.school_id, person.full_name)

    def set_first_password(self, username: str, password: str) -> Actor:
        """A teacher made by a roster import (no password yet) chooses one, once; then signs in."""
        if len(password) < 8:
            raise InvalidInput(_("Please choose a password of at least 8 characters."))
        with self.db.write() as s:
            row = s.execute(
                select(Account, Person)
                .join(Person, Person.id == Account.person_id)
                .where(
                    Account.username == username.strip().lower(),
                    Account.deleted == False,  # noqa: E712
                )
            ).first()
            if row is None or row[0].password_hash is not None or row[0].disabled or row[1].archived:
                raise SignInError(_("That account already has a password; sign in with it."))
            account, person = row
            account.password_hash = hash_secret(password)
            s.add(AuditEvent(actor_id=person.id, action="account.password_set", subject_id=person.id,
                             partition=person.partition))  # fmt: skip
            return Actor(person.id, person.role, person.school_id, person.full_name)

    # -- students on a shared machine ----------------------------------------------------------
    def sign_in_classes(self) -> list[SignInClass]:
        with self.db.read() as s:
            rows = s.execute(
                select(SchoolClass)
                .where(SchoolClass.archived == False, SchoolClass.deleted == False)
                .order_by(SchoolClass.name)  # noqa: E712
            ).scalars()
            return [SignInClass(c.id, c.name, not self._pin_needed(c)) for c in rows]

    def sign_in_students(self, class_id: str) -> list[SignInStudent]:
        """Names to pick from on the sign-in screen (first name and initial only)."""
        with self.db.read() as s:
            klass = s.get(SchoolClass, class_id)
            if klass is None:
                return []
            rows = s.execute(
                select(Person, Account.pin_hash)
                .join(Enrollment, Enrollment.person_id == Person.id)
                .outerjoin(Account, Account.person_id == Person.id)
                .where(
                    Enrollment.class_id == class_id,
                    Enrollment.role == "student",
                    Enrollment.deleted == False,
                    Person.archived == False,
                    Person.deleted == False,  # noqa: E712
                    or_(Account.id.is_(None), Account.disabled == False),
                )  # noqa: E712
                .order_by(Person.given_name, Person.family_name)
            ).all()
        needs_pin = self._pin_needed(klass)
        out = []
        for person, _pin_hash in rows:
            out.append(SignInStudent(person.id, sign_in_name(person), needs_pin=needs_pin))
        return out

    def sign_in_student(self, class_id: str, student_id: str, pin: str, now: float | None = None) -> Actor:
        """Refusals come before the PIN is checked, each in its own words (the names are on the screen
        for anyone to see; the PIN is what must not be guessable)."""
        now = time.time() if now is None else now
        with self.db.read() as s:
            klass = s.get(SchoolClass, class_id)
            person = s.get(Person, student_id)
            enrolled = s.execute(
                select(Enrollment.id).where(
                    Enrollment.class_id == class_id,
                    Enrollment.person_id == student_id,
                    Enrollment.role == "student",
                    Enrollment.deleted == False,
                )
            ).first()  # noqa: E712
            account = s.execute(select(Account).where(Account.person_id == student_id)).scalars().first()
            state = self._lock(s, student_id, now, PIN_RULES)
        if person is None or person.deleted:  # erased, or removed on another machine
            raise SignInError(_("That name is no longer in Tessera. Ask your teacher."), reason="removed")
        if klass is None or klass.deleted or klass.archived:
            raise SignInError(
                _("This class is closed. Ask your teacher which class to pick."), reason="class_closed"
            )
        if not enrolled or person.role != "student":
            raise SignInError(
                _("That name is not in this class. Check the class, or ask your teacher."),
                reason="not_in_class",
            )
        if person.archived:
            raise SignInError(
                _("Your teacher has archived your account, so it cannot sign in. Ask your teacher."),
                reason="archived",
            )
        if account is not None and (account.disabled or account.deleted):
            raise SignInError(_("Your sign-in is switched off. Ask your teacher."), reason="disabled")
        if self._pin_needed(klass):
            if state.held:
                raise SignInError(
                    _("Too many wrong PINs today. Ask your teacher to unlock your sign-in."), reason="held"
                )
            if state.wait_s > 0:
                raise SignInError(
                    _(
                        "Too many wrong PINs. Please wait {wait_words}, or ask your teacher.",
                        wait_words=_wait_words(state.wait_s),
                    ),
                    reason="wait",
                    wait_s=state.wait_s,
                )
            if account is None or not account.pin_hash:
                raise SignInError(
                    _("You do not have a PIN yet. Ask your teacher to set one."), reason="no_pin"
                )
            if not verify_pin(self.db, account.pin_hash, pin):
                self._fail(person, now)
                raise SignInError(_("That PIN is not right. Try again."))
        self._succeeded(person, state, now)
        self._audit(person.id, "signin.student", person.partition)
        return Actor(person.id, "student", person.school_id, person.full_name)

    def lock_state(self, actor: Actor, student_id: str, now: float | None = None) -> LockState:
        """How a student's sign-in stands (for their teacher)."""
        now = time.time() if now is None else now
        with self.db.read() as s:
            require_student_access(s, actor, student_id)
            if actor.is_student:
                raise PermissionDenied(_("Only a teacher can see this."))
            return self._lock(s, student_id, now, PIN_RULES)

    def unlock(self, actor: Actor, student_id: str, now: float | None = None) -> None:
        """A teacher frees a student's sign-in on every machine (an event that syncs like the wrong
        tries it cancels). Students cannot: not even their own."""
        now = time.time() if now is None else now
        with self.db.write() as s:
            if not actor.is_teacher:
                raise PermissionDenied(_("Only a teacher can unlock a sign-in."))
            require_student_access(s, actor, student_id)
            person = s.get(Person, student_id)
            if person is None or person.deleted:
                raise NotFound(_("That student is no longer in Tessera."))
            s.add(
                SignInEvent(
                    person_id=student_id,
                    kind=UNLOCK,
                    at=now,
                    by_id=actor.person_id,
                    partition=person.partition,
                )
            )
            s.add(
                AuditEvent(
                    actor_id=actor.person_id,
                    action="signin.unlocked",
                    subject_id=student_id,
                    partition=person.partition,
                )
            )
        self._unsaved_fails.pop(student_id, None)

    def set_pin(self, actor: Actor, class_id: str, student_id: str, pin: str) -> None:
        if not re.fullmatch(r"\d{4,6}", pin):
            raise InvalidInput(_("A PIN is 4 to 6 digits."))
        with self.db.write() as s:
            require_class(s, actor, class_id)
            if not s.execute(
                select(Enrollment.id).where(
                    Enrollment.class_id == class_id, Enrollment.person_id == student_id
                )
            ).first():
                raise PermissionDenied(_("This student is not in one of your classes."))
            account = s.execute(select(Account).where(Account.person_id == student_id)).scalars().first()
            store_pin(s, s.get(Person, student_id), account, hash_pin(self.db, pin), actor.person_id)
        self._unsaved_fails.pop(student_id, None)

    def _lock(self, s: Session, person_id: str, now: float, rules: Rules) -> LockState:
        # Tombstoned events count as well: nothing legitimate tombstones a sign-in event, so a tombstone
        # (from a tampered machine) must not be a way to clear a lock-out. Erasure purges them outright.
        rows = s.execute(
            select(SignInEvent.kind, SignInEvent.at).where(
                SignInEvent.person_id == person_id, SignInEvent.at > now - WINDOW_S
            )
        ).all()
        held = [(FAIL, at) for at in self._unsaved_fails.get(person_id, ())]
        return lock_state([*rows, *held], now, rules)

    def _fail(self, person: Person, now: float) -> None:
        try:
            with self.db.write() as s:
                s.add(SignInEvent(person_id=person.id, kind=FAIL, at=now, partition=person.partition))
        except StorageError:
            self._unsaved_fails.setdefault(person.id, []).append(now)

    def _succeeded(self, person: Person, state: LockState, now: float) -> None:
        """After wrong tries, a sign-in that got through starts the count again, on every machine.
        (Most sign-ins write nothing here: a full disk must not stop them.)"""
        self._unsaved_fails.pop(person.id, None)
        if not state.failures:
            return
        try:
            with self.db.write() as s:
                s.add(SignInEvent(person_id=person.id, kind=OK, at=now, partition=person.partition))
        except StorageError as exc:  # the count of wrong tries stays: safe, and no one is locked out
            log.warning("wrong-try count of %s not cleared: %s", person.id, exc)

    def _audit(self, person_id: str, action: str, partition: str) -> None:
        """Note a sign-in. On a full or read-only disk the note is lost, not the sign-in: a student
        must still get in to see and copy out their work, and the screens say why saving fails."""
        try:
            with self.db.write() as s:
                s.add(AuditEvent(actor_id=person_id, action=action, subject_id=person_id,
                                 partition=partition))  # fmt: skip
        except StorageError as exc:
            log.warning("sign-in of %s not noted: %s", person_id, exc)
