"""Who is acting: passed into every service call."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    person_id: str
    role: str  # "teacher" | "student" | "admin"
    school_id: str
    name: str = ""

    @property
    def is_teacher(self) -> bool:
        return self.role in ("teacher", "admin")

    @property
    def is_student(self) -> bool:
        return self.role == "student"


# The machine itself (first start, demo creation, sync): allowed everything, never a signed-in user.
SYSTEM = Actor(person_id="system", role="admin", school_id="")
