"""Accounts and sign-in: teacher passwords and student PINs hashed with Argon2id; wrong PINs
are throttled per student on this machine."""

from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select

from app.errors import InvalidInput, PermissionDenied, SignInError, StorageError
from app.models import Account, AuditEvent, Enrollment, Person, School, SchoolClass, SignInAttempt
from app.models.base import partition_key
from app.people.actor import Actor
from app.people.permissions import require_class
from app.store.database import Database

log = logging.getLogger(__name__)

# OWASP's Argon2id baseline: memory-hard yet quick enough for a lab machine's sign-in screen.
_hasher = PasswordHasher(time_cost=2, memory_cost=19_456, parallelism=1)

FREE_TRIES = 3
BASE_LOCK_S = 30
MAX_LOCK_S = 15 * 60


def hash_secret(secret: str) -> str:
    return _hasher.hash(secret)


def verify_secret(hashed: str | None, secret: str) -> bool:
    if not hashed:
        return False
    try:
        return _hasher.verify(hashed, secret)
    except (VerificationError, InvalidHashError):
        return False


class PasswordNotSet(SignInError):
    """A teacher made by a roster import signs in for the first time: they choose their password."""


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
    def __init__(self, db: Database) -> None:
        self.db = db
        # Wrong PINs counted here while the disk cannot take them (full, read-only): guessing stays slow.
        self._unsaved_fails: dict[str, SignInAttempt] = {}

    # -- first start -------------------------------------------------------------------------
    def has_teacher(self) -> bool:
        with self.db.read() as s:
            return bool(s.execute(select(func.count()).select_from(Account).where(
                Account.username.is_not(None))).scalar_one())

    def create_first_teacher(
        self, school_name: str, given_name: str, family_name: str, username: str, password: str, class_name: str
    ) -> Actor:
        username = username.strip().lower()
        if not re.fullmatch(r"[a-z0-9._-]{3,40}", username):
            raise InvalidInput("A username needs 3 to 40 letters, digits, dots, dashes or underscores.")
        if len(password) < 8:
            raise InvalidInput("Please choose a password of at least 8 characters.")
        if not given_name.strip() or not class_name.strip() or not school_name.strip():
            raise InvalidInput("Please fill in your name, your school and your class.")
        with self.db.write() as s:
            if s.execute(select(Account.id).where(Account.username == username)).first():
                raise InvalidInput(f"The username {username!r} is taken.")
            school = School(name=school_name.strip())
            school.partition = partition_key(school.id)
            s.add(school)
            s.flush()
            teacher = Person(school_id=school.id, role="teacher", given_name=given_name.strip(),
                             family_name=family_name.strip(), partition=partition_key(school.id))
            klass = SchoolClass(school_id=school.id, name=class_name.strip())
            klass.partition = partition_key(school.id, klass.id)
            s.add_all([teacher, klass])
            s.flush()
            s.add(Account(person_id=teacher.id, username=username, password_hash=hash_secret(password),
                          partition=teacher.partition))
            s.add(Enrollment(class_id=klass.id, person_id=teacher.id, role="teacher", partition=klass.partition))
            s.add(AuditEvent(actor_id=teacher.id, action="account.created", subject_id=teacher.id,
                             partition=teacher.partition))
            return Actor(teacher.id, "teacher", school.id, teacher.full_name)

    # -- teachers ----------------------------------------------------------------------------
    def sign_in_teacher(self, username: str, password: str) -> Actor:
        with self.db.read() as s:
            row = s.execute(
                select(Account, Person).join(Person, Person.id == Account.person_id).where(
                    Account.username == username.strip().lower(), Account.deleted == False  # noqa: E712
                )
            ).first()
        if row is not None and row[0].password_hash is None and not row[0].disabled and not row[1].archived:
            raise PasswordNotSet("Welcome! This is your first sign-in: please choose your password.")
        if row is None or not verify_secret(row[0].password_hash, password):
            raise SignInError("That username and password do not match.")
        account, person = row
        if account.disabled or person.archived:
            raise SignInError("This account is switched off. Ask your school's Tessera admin.")
        self._audit(person.id, "signin.teacher", person.partition)
        return Actor(person.id, person.role, person.school_id, person.full_name)

    def set_first_password(self, username: str, password: str) -> Actor:
        """A teacher made by a roster import (no password yet) chooses one, once; then signs in."""
        if len(password) < 8:
            raise InvalidInput("Please choose a password of at least 8 characters.")
        with self.db.write() as s:
            row = s.execute(
                select(Account, Person).join(Person, Person.id == Account.person_id).where(
                    Account.username == username.strip().lower(), Account.deleted == False  # noqa: E712
                )
            ).first()
            if row is None or row[0].password_hash is not None or row[0].disabled or row[1].archived:
                raise SignInError("That account already has a password; sign in with it.")
            account, person = row
            account.password_hash = hash_secret(password)
            s.add(AuditEvent(actor_id=person.id, action="account.password_set", subject_id=person.id,
                             partition=person.partition))  # fmt: skip
            return Actor(person.id, person.role, person.school_id, person.full_name)

    # -- students on a shared machine ----------------------------------------------------------
    def sign_in_classes(self) -> list[SignInClass]:
        with self.db.read() as s:
            rows = s.execute(select(SchoolClass).where(
                SchoolClass.archived == False, SchoolClass.deleted == False).order_by(SchoolClass.name)  # noqa: E712
            ).scalars()
            return [SignInClass(c.id, c.name, c.pin_optional) for c in rows]

    def sign_in_students(self, class_id: str) -> list[SignInStudent]:
        """Names to pick from on the sign-in screen (first name and initial only)."""
        with self.db.read() as s:
            klass = s.get(SchoolClass, class_id)
            if klass is None:
                return []
            rows = s.execute(
                select(Person, Account.pin_hash).join(Enrollment, Enrollment.person_id == Person.id)
                .outerjoin(Account, Account.person_id == Person.id)
                .where(Enrollment.class_id == class_id, Enrollment.role == "student",
                       Enrollment.deleted == False, Person.archived == False, Person.deleted == False)  # noqa: E712
                .order_by(Person.given_name, Person.family_name)
            ).all()
        out = []
        for person, _pin_hash in rows:
            initial = f" {person.family_name[:1]}." if person.family_name else ""
            out.append(SignInStudent(person.id, person.given_name + initial, needs_pin=not klass.pin_optional))
        return out

    def sign_in_student(self, class_id: str, student_id: str, pin: str, now: float | None = None) -> Actor:
        now = time.time() if now is None else now
        with self.db.read() as s:
            klass = s.get(SchoolClass, class_id)
            person = s.get(Person, student_id)
            enrolled = s.execute(select(Enrollment.id).where(
                Enrollment.class_id == class_id, Enrollment.person_id == student_id,
                Enrollment.deleted == False)).first()  # noqa: E712
            account = s.execute(select(Account).where(Account.person_id == student_id)).scalars().first()
            throttle = s.get(SignInAttempt, student_id)
        if klass is None or person is None or not enrolled or person.archived:
            raise SignInError("That name is not in this class.")
        held = self._unsaved_fails.get(student_id)
        if held is not None and (throttle is None or held.locked_until > throttle.locked_until):
            throttle = held
        if throttle and throttle.locked_until > now:
            wait = int(throttle.locked_until - now) + 1
            raise SignInError(f"Too many wrong PINs. Please wait {wait} seconds, or ask your teacher.")
        if not klass.pin_optional:
            if account is None or not account.pin_hash:
                raise SignInError("You do not have a PIN yet. Ask your teacher to set one.")
            if not verify_secret(account.pin_hash, pin):
                self._fail(student_id, now)
                raise SignInError("That PIN is not right. Try again.")
        self._clear(student_id)
        self._audit(person.id, "signin.student", person.partition)
        return Actor(person.id, "student", person.school_id, person.full_name)

    def set_pin(self, actor: Actor, class_id: str, student_id: str, pin: str) -> None:
        if not re.fullmatch(r"\d{4,6}", pin):
            raise InvalidInput("A PIN is 4 to 6 digits.")
        with self.db.write() as s:
            require_class(s, actor, class_id)
            if not s.execute(select(Enrollment.id).where(Enrollment.class_id == class_id,
                                                         Enrollment.person_id == student_id)).first():
                raise PermissionDenied("This student is not in one of your classes.")
            account = s.execute(select(Account).where(Account.person_id == student_id)).scalars().first()
            person = s.get(Person, student_id)
            if account is None:
                account = Account(person_id=student_id, partition=person.partition)
                s.add(account)
            account.pin_hash = hash_secret(pin)
        self._clear(student_id)

    def _fail(self, person_id: str, now: float) -> None:
        try:
            with self.db.write() as s:
                row = s.get(SignInAttempt, person_id) or SignInAttempt(person_id=person_id)
                _count_fail(row, now)
                s.add(row)
        except StorageError:
            held = self._unsaved_fails.get(person_id)
            if held is None:  # go on from the count on disk, not from nothing
                with self.db.read() as s:
                    on_disk = s.get(SignInAttempt, person_id)
                held = self._unsaved_fails[person_id] = SignInAttempt(
                    person_id=person_id, failures=on_disk.failures if on_disk else 0,
                    locked_until=on_disk.locked_until if on_disk else 0.0)  # fmt: skip
            _count_fail(held, now)

    def _clear(self, person_id: str) -> None:
        self._unsaved_fails.pop(person_id, None)
        with self.db.read() as s:
            if s.get(SignInAttempt, person_id) is None:
                return  # nothing to write (most sign-ins): a full disk must not stop this one
        try:
            with self.db.write() as s:
                row = s.get(SignInAttempt, person_id)
                if row is not None:
                    s.delete(row)
        except StorageError as exc:  # the count of wrong PINs stays: safe, and no one is locked out
            log.warning("wrong-PIN count of %s not cleared: %s", person_id, exc)

    def _audit(self, person_id: str, action: str, partition: str) -> None:
        """Note a sign-in. On a full or read-only disk the note is lost, not the sign-in: a student
        must still get in to see and copy out their work, and the screens say why saving fails."""
        try:
            with self.db.write() as s:
                s.add(AuditEvent(actor_id=person_id, action=action, subject_id=person_id,
                                 partition=partition))  # fmt: skip
        except StorageError as exc:
            log.warning("sign-in of %s not noted: %s", person_id, exc)


def _count_fail(row: SignInAttempt, now: float) -> None:
    row.failures = (row.failures or 0) + 1
    if row.failures >= FREE_TRIES:
        row.locked_until = now + min(MAX_LOCK_S, BASE_LOCK_S * 2 ** (row.failures - FREE_TRIES))
