"""Tessera's own exceptions: each carries a message in plain words that the UI can show as is."""


class TesseraError(Exception):
    """Base for errors a user can meet. ``str(err)`` is written for a teacher or student to read."""


class PermissionDenied(TesseraError):
    """The acting user may not do this."""


class NotFound(TesseraError):
    """The thing asked for does not exist (or is not visible to the acting user)."""


class InvalidInput(TesseraError):
    """Input was malformed; the message says what and how to fix it."""


class SignInError(TesseraError):
    """Wrong credentials, throttled, or account unavailable. ``reason`` names which, for screens and
    tests ("wrong", "wait", "held", "no_pin", "disabled", "archived", "removed", "not_in_class",
    "class_closed"); ``wait_s`` is how long a throttled account waits."""

    def __init__(self, message: str = "", reason: str = "wrong", wait_s: float = 0.0) -> None:
        super().__init__(message)
        self.reason = reason
        self.wait_s = wait_s


class StorageError(TesseraError):
    """The data folder or database cannot be used (read-only, full, damaged, too new)."""


class DatabaseTooNew(StorageError):
    """The database was written by a newer Tessera; we refuse to touch it."""


class DatabaseCorrupt(StorageError):
    """The database file is damaged; it has been kept aside."""


# What a user's own action can lead to in ordinary use (a mistyped answer, a wrong password, a
# page they may not open): shown in words, logged without a traceback. Anything else is a fault.
EXPECTED = (InvalidInput, SignInError, PermissionDenied, NotFound)
