"""What the database already holds that a roster import needs, read once in plain tuples (fast for
a district: 20,000 people are a few dictionaries, not 20,000 ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import text
from sqlmodel import Session

from app.interop.external_ids import load_links


@dataclass
class DbRow:
    id: str
    school_id: str
    name: str  # school/class name; a person's given name
    family: str = ""
    display: str = ""
    role: str = ""
    grade: str = ""
    year: str = ""
    archived: bool = False
    partition: str = ""


@dataclass
class RosterDb:
    links: dict[tuple[str, str], str]
    linked_back: dict[tuple[str, str], str]  # (kind, tessera id) -> external id
    schools: dict[str, DbRow]
    classes: dict[str, DbRow]
    people: dict[str, DbRow]
    usernames: dict[str, str]  # username -> person id
    accounts: set[str]  # person ids with an account
    enrollments: dict[tuple[str, str, str], tuple[str, bool]]  # (class, person, role) -> (id, deleted)
    class_students: dict[str, set[str]] = field(default_factory=dict)  # class id -> live student ids


def load(session: Session, system: str) -> RosterDb:
    conn = session.connection()
    links = load_links(session, system)
    schools = {
        r[0]: DbRow(r[0], r[0], r[1], partition=r[2])
        for r in conn.execute(text("SELECT id, name, partition FROM school WHERE deleted = 0"))
    }
    classes = {r[0]: DbRow(r[0], r[1], r[2], grade=r[3], year=r[4], archived=bool(r[5]), partition=r[6])
               for r in conn.execute(text("SELECT id, school_id, name, grade, year, archived, partition "
                                          "FROM school_class WHERE deleted = 0"))}  # fmt: skip
    people = {r[0]: DbRow(r[0], r[1], r[2], r[3], r[4], r[5], archived=bool(r[6]), partition=r[7])
              for r in conn.execute(text("SELECT id, school_id, given_name, family_name, display_name, role, "
                                         "archived, partition FROM person WHERE deleted = 0"))}  # fmt: skip
    usernames, accounts = {}, set()
    for pid, username in conn.execute(text("SELECT person_id, username FROM account WHERE deleted = 0")):
        accounts.add(pid)
        if username:
            usernames[username] = pid
    enrollments = {}
    class_students: dict[str, set[str]] = {}
    for eid, cid, pid, role, deleted in conn.execute(
        text("SELECT id, class_id, person_id, role, deleted FROM enrollment")
    ):
        enrollments[(cid, pid, role)] = (eid, bool(deleted))
        if role == "student" and not deleted:
            class_students.setdefault(cid, set()).add(pid)
    return RosterDb(
        links,
        {(k, t): e for (k, e), t in links.items()},
        schools,
        classes,
        people,
        usernames,
        accounts,
        enrollments,
        class_students,
    )
