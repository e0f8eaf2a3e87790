"""What applying received changes reports (``ApplyResult``), and which errors are the fault of a
change's data (``DATA_ERRORS``). Shared by ``apply``, ``intake`` and ``held``; imports none of them."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field, fields

# What a change's data can make SQLite or the merge raise (a type SQLite cannot bind, a number too
# large, text that is not Unicode, a broken constraint). Not OperationalError: a full disk or a
# locked database is no fault of the change, and must not set it aside.
DATA_ERRORS = (
    sqlite3.IntegrityError,
    sqlite3.ProgrammingError,
    sqlite3.InterfaceError,
    sqlite3.DataError,
    ValueError,
    TypeError,
    KeyError,
    OverflowError,
    RecursionError,
)


@dataclass
class ApplyResult:
    received: int = 0  # new changes stored here
    duplicates: int = 0  # already held: skipped
    applied: int = 0
    held: int = 0  # waiting for a row or parent that has not arrived
    newer_schema: int = 0  # kept for a newer Tessera
    dropped: int = 0  # for purged rows
    ignored: int = 0
    conflicts: int = 0
    set_aside: int = 0  # could not be applied (also counted in ``ignored``)
    problems: list[str] = field(default_factory=list)  # why, one line per change set aside
    max_hlc: str = ""

    def add(self, other: ApplyResult) -> None:
        for f in fields(self):
            if f.name == "max_hlc":
                self.max_hlc = max(self.max_hlc, other.max_hlc)
            else:
                setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))
