"""Helpers for sync tests: seed a class, dump every synced table, run syncs until quiet."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from app.models import Attempt, Domain, Item, Person, Plan, Profile, School, SchoolClass, Skill
from app.store import capture
from app.store.hlc import Stamp
from app.store.raw import raw_connection
from app.sync import vector
from app.sync.changes import ChangeRec
from app.sync.session import SyncReport, sync_once
from app.sync.tables import all_tables


@dataclass
class Seeded:
    school: str
    klass: str
    teacher: str
    students: list[str]
    skill: str
    items: list[str]
    profiles: dict[str, str] = field(default_factory=dict)  # student -> profile id
    plans: dict[str, str] = field(default_factory=dict)  # student -> plan id


def seed(db, students: int = 3, items: int = 3) -> Seeded:
    with db.write() as s:
        school = School(name="Hill School")
        s.add(school)
        s.flush()
        klass = SchoolClass(school_id=school.id, name="5B")
        teacher = Person(school_id=school.id, role="teacher", given_name="Tess")
        s.add_all([klass, teacher])
        dom = Domain(code="maths", name="Maths")
        s.add(dom)
        s.flush()
        skill = Skill(domain_id=dom.id, code="add", name="Addition")
        s.add(skill)
        s.flush()
        its = [Item(skill_id=skill.id, prompt=f"{i}+1", answer=str(i + 1)) for i in range(items)]
        s.add_all(its)
        people = [
            Person(school_id=school.id, role="student", given_name=f"Student{i}") for i in range(students)
        ]
        s.add_all(people)
        s.flush()
        out = Seeded(school.id, klass.id, teacher.id, [p.id for p in people], skill.id, [i.id for i in its])
        for p in people:
            prof = Profile(student_id=p.id, about_me="")
            plan = Plan(student_id=p.id, title="My plan")
            s.add_all([prof, plan])
            s.flush()
            out.profiles[p.id] = prof.id
            out.plans[p.id] = plan.id
    return out


def add_attempts(db, sd: Seeded, n: int, item: str | None = None) -> None:
    """n attempts spread over the seeded students, on ``item`` or over the seeded items in turn."""
    with db.write() as s:
        for i in range(n):
            s.add(
                Attempt(
                    student_id=sd.students[i % len(sd.students)],
                    item_id=item or sd.items[i % len(sd.items)],
                    skill_id=sd.skill,
                    answer=str(i),
                )
            )


def dump(db, with_clocks: bool = True) -> dict:
    """Every synced table (parsed values) and, optionally, the field clocks."""
    out = {}
    with db.read() as s:
        raw = raw_connection(s)
        for name, info in sorted(all_tables().items()):
            cols = ", ".join(f'"{c}"' for c in info.columns)
            rows = raw.execute(f'SELECT {cols} FROM "{name}" ORDER BY id').fetchall()
            out[name] = [tuple(info.from_db(c, v) for c, v in zip(info.columns, r)) for r in rows]
        if with_clocks:
            out["@clocks"] = raw.execute(
                "SELECT table_name, row_id, field, hlc FROM field_clock ORDER BY 1, 2, 3"
            ).fetchall()
    return out


def vectors(db) -> dict[str, int]:
    with db.read() as s:
        return {k: v for k, v in vector.load(raw_connection(s)).items() if v > 0}


def converge(dbs, share: Path, rounds: int = 8, **kw) -> list[SyncReport]:
    """Sync every replica in turn until all hold the same changes and a whole round moves
    nothing. (A replica that joins after compaction needs a second round: the others forward
    what it lacks once its seen.json says so.)"""
    reports: list[SyncReport] = []
    for _ in range(rounds):
        moved = 0
        for db in dbs:
            r = sync_once(db, share, **kw)
            reports.append(r)
            moved += r.received + r.sent + r.forwarded + (0 if r.complete else 1)
        vvs = [vectors(db) for db in dbs]
        if moved == 0 and all(v == vvs[0] for v in vvs):
            return reports
    raise AssertionError(f"no convergence after {rounds} rounds")


def change(
    origin: str,
    seq: int,
    table: str,
    row_id: str,
    fields: dict,
    *,
    wall: int = 1_700_000_000_000,
    counter: int = 0,
    op: str = "upsert",
    schema: int | None = None,
) -> ChangeRec:
    return ChangeRec(
        replica_id=origin,
        seq=seq,
        hlc=Stamp(wall, counter, origin).encode(),
        table=table,
        row_id=row_id,
        op=op,
        partition="//",
        schema_version=capture.SCHEMA_VERSION if schema is None else schema,
        fields_text=json.dumps(fields),
    )


def conflicts(db) -> list[tuple]:
    with db.read() as s:
        return (
            raw_connection(s)
            .execute(
                "SELECT table_name, row_id, field, value, hlc, winner_hlc FROM conflict_record ORDER BY id"
            )
            .fetchall()
        )


def count(db, sql: str, *params) -> int:
    with db.read() as s:
        return raw_connection(s).execute(sql, params).fetchone()[0]
