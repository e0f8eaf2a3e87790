"""A roster read from any supported format, before it meets the database: plain records, the rows
refused with their reasons, and notes on values that were read with a correction."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from app.i18n import _


@dataclass(frozen=True)
class RowIssue:
    """A row refused (``Reject``) or read with a correction (note). ``row`` is the line in the file
    (1 is the header), so a data manager can open the file and find it."""

    file: str
    row: int
    ident: str
    reason: str

    def __str__(self) -> str:
        at = _("{file} row {row}", file=self.file, row=self.row) if self.row else self.file
        return f"{at}{f' ({self.ident})' if self.ident else ''}: {self.reason}"


@dataclass(slots=True)
class Org:
    sid: str
    name: str
    type: str = "school"
    status: str = "active"
    row: int = 0


@dataclass(slots=True)
class Klass:
    sid: str
    title: str
    school: str
    grade: str = ""
    year: str = ""
    status: str = "active"
    row: int = 0


@dataclass(slots=True)
class User:
    sid: str
    given: str
    family: str
    role: str  # "student" | "teacher" (others are dropped while reading)
    username: str = ""
    preferred: str = ""
    orgs: tuple[str, ...] = ()
    status: str = "active"
    enabled: bool = True
    row: int = 0


@dataclass(slots=True)
class Enrol:
    sid: str
    klass: str
    user: str
    role: str  # "student" | "teacher"
    status: str = "active"
    row: int = 0


@dataclass
class RosterFile:
    """What a roster file says. ``mode`` is "bulk" (the whole truth: what is missing is archived) or
    "delta" (only changes: ``tobedeleted`` archives)."""

    format: str  # "oneroster-1.2" | "oneroster-1.1" | "sds-2.1" | "clever" | "csv"
    system: str  # the namespace of the ids in external_id
    mode: str = "bulk"
    source: str = ""  # the file's name, for reports
    orgs: dict[str, Org] = field(default_factory=dict)
    classes: dict[str, Klass] = field(default_factory=dict)
    users: dict[str, User] = field(default_factory=dict)
    enrollments: dict[str, Enrol] = field(default_factory=dict)
    rejects: list[RowIssue] = field(default_factory=list)
    notes: list[RowIssue] = field(default_factory=list)
    ignored: Counter = field(default_factory=Counter)  # reason -> rows left out on purpose

    def file_of(self, kind: str) -> str:
        """The file a kind of record came from, for messages ("classes" -> "sections.csv" for Clever)."""
        if self.format == "csv":
            return _("the file")
        if self.format == "clever":
            return {
                "classes": "sections.csv",
                "users": _("students.csv or teachers.csv"),
                "orgs": "schools.csv",
            }.get(kind, f"{kind}.csv")
        return f"{kind}.csv"

    def reject(self, file: str, row: int, ident: str, reason: str) -> None:
        self.rejects.append(RowIssue(file, row, ident, reason))

    def note(self, file: str, row: int, ident: str, reason: str) -> None:
        self.notes.append(RowIssue(file, row, ident, reason))
