"""Who is acting: passed into every service call."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    person_id: str
    role: str  # "teacher" | "student" | "admin" | "leader" (principal, coordinator: issue 21)
    school_id: str
    name: str = ""

    @property
    def is_teacher(self) -> bool:
        return self.role in ("teacher", "admin")

    @property
    def is_leader(self) -> bool:
        """A school leader sees every class of the school, aggregated; never a student's private
        work unless a teacher shares it (app/school/access.py). Not a teacher of any class by role."""
        return self.role in ("leader", "admin")

    @property
    def is_student(self) -> bool:
        return self.role == "student"


# The machine itself (first start, demo creation, sync): allowed everything, never a signed-in user.
SYSTEM = Actor(person_id="system", role="admin", school_id="")
