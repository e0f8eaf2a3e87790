"""The preview of a roster import: what would be created, updated, archived or refused (with the
file, row and reason), computed against the database without writing. ``roster_apply`` writes the
same plan in one transaction.

Matching, in order: the link from an earlier import (external_id); then, for a first import into a
folder that already has a class, the existing row by name (a class in the same school, a student in
the same class, a teacher by username or name), so nobody is doubled; else a new row whose id is
derived from the outside id (two devices importing the same file offline make the same rows)."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from app.errors import PermissionDenied
from app.i18n import _
from app.interop.external_ids import link_row, stable_id
from app.interop.roster_adapters import name_key
from app.interop.roster_checks import leading_zero_hint
from app.interop.roster_data import RosterFile, RowIssue
from app.interop.roster_db import RosterDb
from app.interop.roster_people import PeopleAndMemberships, _describe, _row
from app.models import Enrollment, ExternalId, School, SchoolClass
from app.models.base import partition_key
from app.people.actor import Actor


@dataclass(frozen=True, slots=True)
class PlanEntry:
    action: str  # "created" | "updated" | "archived"
    kind: str  # "school" | "class" | "teacher" | "student" | "enrollment"
    external_id: str
    name: str
    detail: str = ""


@dataclass(frozen=True)
class ClassChoice:
    external_id: str
    title: str
    school: str
    students: int
    teachers: tuple[str, ...]


@dataclass(slots=True)
class Op:
    model: type
    row: dict[str, Any] | None = None  # an insert
    id: str = ""  # or an update of these fields
    fields: dict[str, Any] | None = None


@dataclass
class RosterPlan:
    source: str
    format: str
    mode: str
    system: str
    entries: list[PlanEntry] = field(default_factory=list)
    rejects: list[RowIssue] = field(default_factory=list)
    notes: list[RowIssue] = field(default_factory=list)
    ignored: dict[str, int] = field(default_factory=dict)
    classes: list[ClassChoice] = field(default_factory=list)  # what an admin can pick from
    selected: tuple[str, ...] | None = None
    unchanged: int = 0
    ops: list[Op] = field(default_factory=list, repr=False)

    def count(self, action: str) -> int:
        return sum(1 for e in self.entries if e.action == action)

    @property
    def counts(self) -> dict[str, int]:
        return {
            "created": self.count("created"),
            "updated": self.count("updated"),
            "archived": self.count("archived"),
            "rejected": len(self.rejects),
            "unchanged": self.unchanged,
        }

    @property
    def empty(self) -> bool:
        return not self.ops

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source, "format": self.format, "mode": self.mode, "system": self.system,
            "counts": self.counts,
            "entries": [asdict(e) for e in self.entries],
            "rejected": [r.__dict__ for r in self.rejects],
            "notes": [n.__dict__ for n in self.notes],
            "ignored": dict(self.ignored),
            "classes": [{**c.__dict__, "teachers": list(c.teachers)} for c in self.classes],
        }  # fmt: skip


def class_choices(pkg: RosterFile) -> list[ClassChoice]:
    students: Counter = Counter()
    teachers: dict[str, list[str]] = {}
    for e in pkg.enrollments.values():
        if e.status != "active":
            continue
        if e.role == "student":
            students[e.klass] += 1
        elif e.user in pkg.users:
            u = pkg.users[e.user]
            teachers.setdefault(e.klass, []).append(f"{u.given} {u.family}".strip())
    return [ClassChoice(sid, k.title, pkg.orgs[k.school].name if k.school in pkg.orgs else k.school,
                        students[sid], tuple(teachers.get(sid, ())))
            for sid, k in sorted(pkg.classes.items(), key=lambda kv: (kv[1].school, kv[1].title))]  # fmt: skip


class Planner(PeopleAndMemberships):
    def __init__(
        self,
        pkg: RosterFile,
        db: RosterDb,
        actor: Actor,
        my_classes: set[str],
        selection: set[str] | None,
        source: str = "",
        school_name: str = "",
    ) -> None:
        self.pkg, self.db, self.actor, self.my_classes = pkg, db, actor, my_classes
        self.selection = selection
        self.school_name = school_name
        self.plan = RosterPlan(source, pkg.format, pkg.mode, pkg.system, rejects=list(pkg.rejects),
                               notes=list(pkg.notes), ignored=dict(pkg.ignored), classes=class_choices(pkg),
                               selected=tuple(sorted(selection)) if selection is not None else None)  # fmt: skip
        self.school_of: dict[str, str] = {}
        self.class_of: dict[str, str] = {}
        self.person_of: dict[str, str] = {}
        self.partition_of: dict[str, str] = {}  # Tessera id -> partition (for links)
        self.me = ""  # the acting teacher's id in the file
        self.taken = set(db.usernames)
        self.linked: dict[str, set[str]] = {}  # kind -> Tessera ids linked in this system
        for (k, _x), t in db.links.items():
            self.linked.setdefault(k, set()).add(t)
        self._teachers_by_name: dict[tuple[str, str], list[str]] | None = None

    # -- helpers -------------------------------------------------------------------------------------
    @property
    def is_teacher(self) -> bool:
        return self.actor.person_id != "system" and self.actor.role != "admin"

    @property
    def full(self) -> bool:
        return not self.is_teacher and self.selection is None

    def entry(self, action: str, kind: str, ext: str, name: str, detail: str = "") -> None:
        self.plan.entries.append(PlanEntry(action, kind, ext, name, detail))

    def insert(self, model: type, **row: Any) -> None:
        self.plan.ops.append(Op(model, row=row))

    def update(self, model: type, id: str, **fields: Any) -> None:
        self.plan.ops.append(Op(model, id=id, fields=fields))

    def link(self, kind: str, ext: str, tid: str) -> None:
        if (kind, ext) not in self.db.links:
            self.db.links[(kind, ext)] = tid
            self.linked.setdefault(kind, set()).add(tid)
            self.insert(
                ExternalId, **link_row(self.pkg.system, kind, ext, tid, self.partition_of.get(tid, "//"))
            )

    def reject(self, file: str, row: int, ident: str, reason: str) -> None:
        self.plan.rejects.append(RowIssue(file, row, ident, reason))

    # -- the plan ------------------------------------------------------------------------------------
    def run(self) -> RosterPlan:
        if self.actor.is_student:
            raise PermissionDenied(_("Only a teacher or an admin can import a class list."))
        scope = self._scope()
        self._schools(scope)
        self._classes(scope)
        # a delta (or a file for one class) names classes imported earlier without listing them again
        for e in self.pkg.enrollments.values():
            tid = self.db.links.get(("class", e.klass))
            if (
                e.klass not in self.pkg.classes
                and tid in self.db.classes
                and (not self.is_teacher or tid in self.my_classes)
                and (self.selection is None or e.klass in self.selection)
            ):
                self.class_of[e.klass] = tid
                scope.add(e.klass)
        enrols = [
            e
            for e in self.pkg.enrollments.values()
            if e.klass in scope or (e.klass not in self.pkg.classes and not self.is_teacher)
        ]
        self._people(scope, enrols)
        self._enrollments(enrols)
        self.plan.rejects.sort(key=lambda r: (r.file, r.row))  # as a data manager reads the files
        return self.plan

    def _find_me(self) -> str:
        ext = self.db.linked_back.get(("person", self.actor.person_id))
        if ext and ext in self.pkg.users:
            return ext
        mine = next((u for u, p in self.db.usernames.items() if p == self.actor.person_id), "")
        me = self.db.people.get(self.actor.person_id)
        for sid, u in self.pkg.users.items():
            if u.role != "teacher":
                continue
            if mine and u.username == mine:
                return sid
            if me and name_key(f"{u.given} {u.family}") == name_key(f"{me.name} {me.family}"):
                return sid
        return ""

    def _scope(self) -> set[str]:
        classes = set(self.pkg.classes)
        if not self.is_teacher:
            if self.selection is None:
                return classes
            unknown = self.selection - classes
            if unknown:
                self.plan.notes.append(
                    RowIssue("", 0, ", ".join(sorted(unknown)), _("chosen classes not in the file"))
                )
            return classes & self.selection
        if self.pkg.format == "csv":
            mine = classes  # a teacher's own list: their classes, matched by name or made for them
        else:
            self.me = self._find_me()
            mine = {
                e.klass
                for e in self.pkg.enrollments.values()
                if self.me and e.user == self.me and e.role == "teacher" and e.status == "active"
            }
            mine |= {sid for sid in classes if self.db.links.get(("class", sid)) in self.my_classes}
        if self.selection is not None:
            mine &= self.selection
        if not mine:
            raise PermissionDenied(
                _(
                    "This file does not list you as the teacher of any class, so there is nothing you may import from it. Ask your school's Tessera admin to import it."
                )
            )
        return mine

    def _schools(self, scope: set[str]) -> None:
        needed = {self.pkg.classes[c].school for c in scope}
        if self.is_teacher:
            for s in needed:
                self.school_of[s] = self.actor.school_id
            return
        file_schools = {sid for sid, o in self.pkg.orgs.items() if o.type == "school"}
        linked = {t for (k, _x), t in self.db.links.items() if k == "school"}
        for sid in sorted(needed | (file_schools if self.full else set())):
            org = self.pkg.orgs.get(sid)
            tid = self.db.links.get(("school", sid))
            if tid in self.db.schools:
                self.school_of[sid] = tid
                if org and org.name and self.db.schools[tid].name != org.name:
                    self.update(School, tid, name=org.name)
                    self.entry(
                        "updated",
                        "school",
                        sid,
                        org.name,
                        _("name was {name}", name=self.db.schools[tid].name),
                    )
                else:
                    self.plan.unchanged += 1
                continue
            if org is None:
                continue  # its classes are refused with the reason
            free = [s for s in self.db.schools.values() if s.id not in linked]
            match = next((s for s in free if org.name and name_key(s.name) == name_key(org.name)), None)
            if (
                match is None
                and len(self.db.schools) == 1
                and free
                and (len(file_schools) == 1 or not org.name)
            ):
                match = free[0]  # a first import into a folder that has its one school already
            if match is None and not org.name and self.actor.school_id in self.db.schools:
                match = self.db.schools[self.actor.school_id]
            if match is not None:
                self.school_of[sid] = match.id
                self.partition_of[match.id] = match.partition
                self.link("school", sid, match.id)
                renamed = org.name and match.name != org.name
                if renamed:  # the school's system names it from now on
                    self.update(School, match.id, name=org.name)
                self.entry(
                    "updated",
                    "school",
                    sid,
                    org.name or match.name,
                    _("matched to this school in Tessera")
                    + (_(" (was called {name})", name=match.name) if renamed else ""),
                )
                continue
            tid = stable_id(self.pkg.system, "school", sid)
            name = org.name or self.school_name or "School"
            self.partition_of[tid] = partition_key(tid)
            self.insert(School, id=tid, name=name, partition=partition_key(tid))
            self.school_of[sid] = tid
            self.db.schools[tid] = _row(tid, tid, name, partition_key(tid))
            self.link("school", sid, tid)
            self.entry("created", "school", sid, name)

    def _classes(self, scope: set[str]) -> None:
        linked = {t for (k, _x), t in self.db.links.items() if k == "class"}
        by_name: dict[tuple[str, str], list] = {}
        for c in self.db.classes.values():
            by_name.setdefault((c.school_id, name_key(c.name)), []).append(c)
        for sid in sorted(scope):
            k = self.pkg.classes[sid]
            school = self.school_of.get(k.school)
            if school is None:
                self.reject(
                    self.pkg.file_of("classes"),
                    k.row,
                    sid,
                    _(
                        "its school “{school}” is not in {file_of}",
                        school=k.school,
                        file_of=self.pkg.file_of("orgs"),
                    )
                    + leading_zero_hint(k.school, self.pkg.orgs),
                )
                continue
            tid = self.db.links.get(("class", sid))
            gone = k.status == "tobedeleted"
            if tid is not None and tid not in self.db.classes:
                self.reject(
                    self.pkg.file_of("classes"),
                    k.row,
                    sid,
                    _("this class was deleted in Tessera; it is not made again"),
                )
                continue
            if tid is None:
                if gone:
                    self.plan.unchanged += 1
                    continue
                same = [c for c in by_name.get((school, name_key(k.title)), ()) if c.id not in linked
                        and (not self.is_teacher or c.id in self.my_classes)]  # fmt: skip
                if same:
                    tid = same[0].id
                    self.partition_of[tid] = same[0].partition
                    self.link("class", sid, tid)
                    self.entry("updated", "class", sid, k.title, _("matched to this class in Tessera"))
                else:
                    tid = stable_id(self.pkg.system, "class", sid)
                    part = partition_key(school, tid)
                    self.partition_of[tid] = part
                    self.insert(SchoolClass, id=tid, school_id=school, name=k.title, grade=k.grade, year=k.year,
                                partition=part)  # fmt: skip
                    self.db.classes[tid] = _row(tid, school, k.title, part)
                    self.link("class", sid, tid)
                    self.entry(
                        "created",
                        "class",
                        sid,
                        k.title,
                        " · ".join(
                            x for x in (_("grade {grade}", grade=k.grade) if k.grade else "", k.year) if x
                        ),
                    )
                    if self.is_teacher:
                        self.my_classes.add(tid)
                        self.insert(
                            Enrollment,
                            id=stable_id(self.pkg.system, "enrollment", f"{sid}|@{self.actor.person_id}"),
                            class_id=tid,
                            person_id=self.actor.person_id,
                            role="teacher",
                            partition=part,
                        )
                    self.class_of[sid] = tid
                    continue
            self.class_of[sid] = tid
            row = self.db.classes[tid]
            self.partition_of[tid] = row.partition
            if self.is_teacher and tid not in self.my_classes:
                self.reject(
                    self.pkg.file_of("classes"), k.row, sid, _("this class is not one of yours in Tessera")
                )
                del self.class_of[sid]
                continue
            changes: dict[str, Any] = {}
            if row.name != k.title:
                changes["name"] = k.title
            if k.grade and row.grade != k.grade:
                changes["grade"] = k.grade
            if k.year and row.year != k.year:
                changes["year"] = k.year
            if row.archived != gone:
                changes["archived"] = gone
            if changes:
                self.update(SchoolClass, tid, **changes)
                self.entry("archived" if gone else "updated", "class", sid, k.title, _describe(changes, row))
            else:
                self.plan.unchanged += 1
        if self.pkg.mode == "bulk" and self.full:
            in_file_schools = set(self.school_of.values())
            for (kind, ext), tid in list(self.db.links.items()):
                c = self.db.classes.get(tid)
                if (
                    kind == "class"
                    and ext not in self.pkg.classes
                    and c
                    and not c.archived
                    and c.school_id in in_file_schools
                ):
                    self.update(SchoolClass, tid, archived=True)
                    self.entry("archived", "class", ext, c.name, _("no longer in the school's file"))
