"""Students' PIN hashes, peppered with the school's PIN key when this machine holds one
(app/identity/pin_key.py): ``tp1$<key id>$<argon2id of HMAC(key, PIN)>``. A plain Argon2 hash (a
machine with no key, or PINs set before the key) still works. A hash made with a key this machine
does not hold is refused in words that send the student to the teacher, not counted as a wrong PIN.
The school's PIN key reaches each approved device with its enrolment (app/identity/school_pin.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from app.errors import SignInError

PREFIX = "tp1$"

# OWASP's Argon2id baseline: memory-hard yet quick enough for a lab machine's sign-in screen.
_hasher = PasswordHasher(time_cost=2, memory_cost=19_456, parallelism=1)


def hash_secret(secret: str) -> str:
    return _hasher.hash(secret)


def verify_secret(hashed: str | None, secret: str) -> bool:
    if not hashed:
        return False
    try:
        return _hasher.verify(hashed, secret)
    except (VerificationError, InvalidHashError):
        return False


class NoPinKey(SignInError):
    """The PIN was set with a school PIN key this machine does not hold."""


def pin_keys(db: Any) -> Any:
    """The PIN keys this database's machine holds: its own (``db.pin_keys``, from ``pin-keys.json``)
    and the school's, which arrives with the approval of this device's enrolment
    (app/identity/school_pin.py) and is then the primary one."""
    held = getattr(db, "pin_keys", None)
    path = getattr(db, "path", None)
    if not path:
        return held
    from app.identity import school_pin

    keys = school_pin.take_in(Path(path).parent, held)
    if keys is not held:
        db.pin_keys = keys
    return keys


def hash_pin(db: Any, pin: str) -> str:
    keys = pin_keys(db)
    if keys is None or not keys.primary:
        return hash_secret(pin)
    return f"{PREFIX}{keys.primary}${hash_secret(keys.pepper(pin))}"


def verify_pin(db: Any, hashed: str | None, pin: str) -> bool:
    if not hashed or not hashed.startswith(PREFIX):
        return verify_secret(hashed, pin)
    kid, _, inner = hashed[len(PREFIX) :].partition("$")
    keys = pin_keys(db)
    peppered = keys.pepper(pin, kid) if keys is not None else None
    if peppered is None:
        raise NoPinKey(
            "This computer cannot check your PIN: it does not have your school's PIN key yet. "
            "It arrives once a teacher approves this computer for the school and it has synced: ask your teacher.",
            reason="no_pin_key",
        )
    return verify_secret(inner, peppered)
