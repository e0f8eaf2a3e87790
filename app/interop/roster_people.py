"""The people and class-membership half of a roster plan (``roster_plan.Planner`` uses it): students
and teachers matched, made, updated or archived, and who is in which class."""

from __future__ import annotations

import re
from typing import Any

from app.i18n import _
from app.interop.external_ids import stable_id
from app.interop.roster_adapters import name_key
from app.interop.roster_checks import leading_zero_hint
from app.interop.roster_data import RowIssue, User
from app.interop.roster_db import DbRow
from app.models import Account, Enrollment, Person, Profile
from app.models.base import partition_key

_USERNAME = re.compile(r"[a-z0-9._-]{3,40}")


class PeopleAndMemberships:
    """Mixed into the Planner: uses its ``pkg``, ``db``, ``plan``, ``actor`` and helpers."""

    pkg: Any
    db: Any
    plan: Any
    actor: Any
    _teachers_by_name: dict[tuple[str, str], list[str]] | None

    def _people(self, scope: set[str], enrols: list) -> None:
        users = {e.user for e in enrols}
        if self.full:
            users |= {sid for sid, u in self.pkg.users.items() if u.role == "teacher"}
            users |= {ext for (k, ext) in self.db.links if k == "person" and ext in self.pkg.users}
        elif self.is_teacher:
            mine = (
                set().union(*(self.db.class_students.get(c, set()) for c in self.my_classes))
                if self.my_classes
                else set()
            )
            users |= {
                ext
                for (k, ext), t in self.db.links.items()
                if k == "person" and t in mine and ext in self.pkg.users
            }
        first_class: dict[str, str] = {}
        for e in sorted(enrols, key=lambda e: e.row):
            if e.klass in self.class_of:
                first_class.setdefault(e.user, self.class_of[e.klass])
        for sid in sorted(users):
            u = self.pkg.users.get(sid)
            tid = self.db.links.get(("person", sid))
            if u is None:
                if tid in self.db.people:
                    self.person_of[sid] = tid
                continue
            if self.is_teacher and u.role == "teacher" and sid != self.me:
                self.plan.ignored["other teachers are added by an admin"] = (
                    self.plan.ignored.get("other teachers are added by an admin", 0) + 1
                )
                continue
            if tid is not None and tid not in self.db.people:
                self.reject(
                    self.pkg.file_of("users"),
                    u.row,
                    sid,
                    _("this person was erased from Tessera; they are not made again"),
                )
                continue
            if tid is None:
                tid = self._new_person(sid, u, first_class.get(sid))
                if tid:
                    self.person_of[sid] = tid
                continue
            self.person_of[sid] = tid
            self._update_person(sid, u, tid)
        if self.pkg.mode == "bulk" and self.full:
            for (kind, ext), tid in list(self.db.links.items()):
                p = self.db.people.get(tid)
                if (
                    kind == "person"
                    and ext not in self.pkg.users
                    and p
                    and not p.archived
                    and tid != self.actor.person_id
                ):
                    self.update(Person, tid, archived=True)
                    self.entry(
                        "archived",
                        p.role,
                        ext,
                        f"{p.name} {p.family}".strip(),
                        _("no longer in the school's file"),
                    )

    def _update_person(self, sid: str, u: User, tid: str) -> None:
        row = self.db.people[tid]
        self.partition_of[tid] = row.partition
        gone = u.status == "tobedeleted" or not u.enabled
        changes: dict[str, Any] = {}
        if u.given and row.name != u.given:
            changes["given_name"] = u.given
        if u.given and row.family != u.family:
            changes["family_name"] = u.family
        if u.preferred and row.display != u.preferred:
            changes["display_name"] = u.preferred
        if row.archived != gone and tid != self.actor.person_id:
            changes["archived"] = gone
        if u.role and row.role not in (u.role, "admin"):
            self.plan.notes.append(
                RowIssue(
                    self.pkg.file_of("users"),
                    u.row,
                    sid,
                    _(
                        "is a {role} in the file but a {role2} in Tessera; the role was not changed",
                        role=u.role,
                        role2=row.role,
                    ),
                )
            )
        name = f"{u.given or row.name} {u.family if u.given else row.family}".strip()
        if changes:
            self.update(Person, tid, **changes)
            self.entry(
                "archived" if changes.get("archived") else "updated",
                row.role,
                sid,
                name,
                _describe(changes, row),
            )
        else:
            self.plan.unchanged += 1

    def _new_person(self, sid: str, u: User, klass: str | None) -> str:
        if u.status == "tobedeleted" or not u.enabled:
            self.plan.unchanged += 1
            return ""
        if not u.role:
            self.reject(
                self.pkg.file_of("users"),
                u.row,
                sid,
                _("the person has no role in roles.csv or enrollments.csv"),
            )
            return ""
        school = (
            self.db.classes[klass].school_id
            if klass
            else next((self.school_of[o] for o in u.orgs if o in self.school_of), "")
        )
        if not school:
            school = (
                self.actor.school_id
                if self.actor.school_id in self.db.schools
                else next(iter(self.school_of.values()), "")
            )
        if not school:
            self.reject(
                self.pkg.file_of("users"),
                u.row,
                sid,
                _("the person is in no class and no school of this file"),
            )
            return ""
        name = f"{u.given} {u.family}".strip()
        match = self._match_person(sid, u, school, klass)
        if match:
            self.partition_of[match] = self.db.people[match].partition
            self.link("person", sid, match)
            self.entry("updated", u.role, sid, name, _("matched to this person in Tessera"))
            before = self.plan.unchanged
            self._update_person(sid, u, match)
            self.plan.unchanged = before  # the match itself is the change
            return match
        tid = stable_id(self.pkg.system, "person", sid)
        part = partition_key(school, klass or "", tid) if u.role == "student" else partition_key(school)
        self.partition_of[tid] = part
        self.insert(Person, id=tid, school_id=school, role=u.role, given_name=u.given, family_name=u.family,
                    display_name=u.preferred, partition=part)  # fmt: skip
        self.db.people[tid] = _row(tid, school, u.given, part, family=u.family, role=u.role)
        if u.role == "student":
            self.insert(
                Profile, id=stable_id(self.pkg.system, "profile", sid), student_id=tid, partition=part
            )
            if klass:
                self.db.class_students.setdefault(klass, set()).add(tid)
        else:
            username = self._username(sid, u)
            self.insert(
                Account,
                id=stable_id(self.pkg.system, "account", sid),
                person_id=tid,
                username=username,
                password_hash=None,
                partition=part,
            )  # the teacher sets a password at first sign-in
        self.link("person", sid, tid)
        self.entry(
            "created",
            u.role,
            sid,
            name,
            _("sign-in name {username}", username=username) if u.role == "teacher" else "",
        )
        return tid

    def _match_person(self, sid: str, u: User, school: str, klass: str | None) -> str:
        linked = self.linked.get("person", set())
        if sid == self.me and self.me:
            return self.actor.person_id
        key = name_key(f"{u.given} {u.family}")
        if u.role == "teacher":
            pid = self.db.usernames.get(u.username) if u.username else None
            if pid and pid not in linked:
                return pid
            if self._teachers_by_name is None:  # built once: a district has a thousand teachers
                self._teachers_by_name = {}
                for p in self.db.people.values():
                    if p.role in ("teacher", "admin"):
                        self._teachers_by_name.setdefault(
                            (p.school_id, name_key(f"{p.name} {p.family}")), []
                        ).append(p.id)
            return next(
                (pid for pid in self._teachers_by_name.get((school, key), ()) if pid not in linked), ""
            )
        for pid in self.db.class_students.get(klass or "", ()):
            p = self.db.people.get(pid)
            if p and pid not in linked and name_key(f"{p.name} {p.family}") == key:
                return pid
        return ""

    def _username(self, sid: str, u: User) -> str:
        name = (
            u.username
            if u.username and _USERNAME.fullmatch(u.username) and u.username not in self.taken
            else ""
        )
        if not name:
            base = re.sub(r"[^a-z0-9._-]", "", f"{u.given}.{u.family}".lower().replace(" ", "")) or "teacher"
            base = (base + "xxx")[:36] if len(base) < 3 else base[:36]
            name, n = base, 2
            while name in self.taken:
                name, n = f"{base}{n}", n + 1
            why = (
                _("is taken in Tessera")
                if u.username in self.taken
                else _("is not a valid Tessera sign-in name")
            )
            if u.username:
                self.plan.notes.append(
                    RowIssue(
                        self.pkg.file_of("users"),
                        u.row,
                        sid,
                        _(
                            "username “{username}” {why}; signs in as “{name}”",
                            username=u.username,
                            why=why,
                            name=name,
                        ),
                    )
                )
        self.taken.add(name)
        return name

    def _enrollments(self, enrols: list) -> None:
        by_class: dict[str, list] = {}
        for key, (eid, deleted) in self.db.enrollments.items():
            if not deleted:
                by_class.setdefault(key[0], []).append((key, eid))
        active: set[tuple[str, str, str]] = set()
        ename = self._enrol_name
        refused = {
            r.ident: r.row
            for r in self.pkg.rejects
            if r.file in ("users.csv", "students.csv", "teachers.csv") and r.ident not in self.pkg.users
        }
        # Enrollments get no external_id row of their own: (class, person, role) names one, and both
        # ends are linked; a district's 60,000 memberships would otherwise double the rows written.
        for e in sorted(enrols, key=lambda e: e.row):
            c = self.class_of.get(e.klass)
            p = self.person_of.get(e.user) if c is not None else None
            if c is None or p is None:
                why = self._unlinked(e, c is None, refused)
                if why:
                    self.reject(self.pkg.file_of("enrollments"), e.row, e.sid, why)
                continue
            key = (c, p, e.role)
            have = self.db.enrollments.get(key)
            if e.status == "tobedeleted":
                if have and not have[1]:
                    self.update(Enrollment, have[0], deleted=True)
                    self.entry("archived", "enrollment", e.sid, ename(e), _("taken out of the class"))
                else:
                    self.plan.unchanged += 1
                continue
            active.add(key)
            if have and not have[1]:
                self.plan.unchanged += 1
            elif have:
                self.update(Enrollment, have[0], deleted=False)
                self.db.enrollments[key] = (have[0], False)
                self.entry("updated", "enrollment", e.sid, ename(e), _("back in the class"))
            else:
                eid = stable_id(self.pkg.system, "enrollment", e.sid)
                part = self.db.people[p].partition if e.role == "student" else self.db.classes[c].partition
                self.insert(Enrollment, id=eid, class_id=c, person_id=p, role=e.role, partition=part)
                self.db.enrollments[key] = (eid, False)
                self.entry("created", "enrollment", e.sid, ename(e))
        if self.pkg.mode != "bulk":
            return
        linked_people = {t for (k, _x), t in self.db.links.items() if k == "person"}
        for c in set(self.class_of.values()):
            for key, eid in by_class.get(c, ()):
                if key not in active and key[1] in linked_people and key[1] != self.actor.person_id:
                    p = self.db.people.get(key[1])
                    self.update(Enrollment, eid, deleted=True)
                    self.entry(
                        "archived",
                        "enrollment",
                        self.db.linked_back.get(("person", key[1]), ""),
                        _("{v} in {name}", v=p.name if p else "?", name=self.db.classes[c].name),
                        _("no longer in the class"),
                    )

    def _unlinked(self, e: Any, no_class: bool, refused: dict[str, int]) -> str:
        """Why an enrollment whose class (``no_class``) or else person is not in Tessera is refused;
        "" when it is passed over in silence (a class or person gone with it, a teacher's own row)."""
        if no_class:
            if e.klass not in self.pkg.classes:
                return _(
                    "class “{klass}” is not in {file_of}", klass=e.klass, file_of=self.pkg.file_of("classes")
                ) + leading_zero_hint(e.klass, self.pkg.classes)
            return _("its class “{klass}” was refused", klass=e.klass) if e.status == "active" else ""
        if e.user in refused:
            return _("its person “{user}” was refused (row {v})", user=e.user, v=refused[e.user])
        if e.user not in self.pkg.users and ("person", e.user) not in self.db.links:
            return _(
                "person “{user}” is not in {file_of}", user=e.user, file_of=self.pkg.file_of("users")
            ) + leading_zero_hint(e.user, self.pkg.users)
        if (
            e.user in self.pkg.users
            and e.status == "active"
            and not (self.is_teacher and self.pkg.users[e.user].role == "teacher")
        ):
            return _(
                "its person “{user}” was refused ({file_of} row {row})",
                user=e.user,
                file_of=self.pkg.file_of("users"),
                row=self.pkg.users[e.user].row,
            )
        return ""

    def _enrol_name(self, e) -> str:
        u = self.pkg.users.get(e.user)
        k = self.pkg.classes.get(e.klass)
        who = f"{u.given} {u.family}".strip() if u else e.user
        c = self.db.classes.get(self.class_of.get(e.klass, ""))
        return _("{who} in {v}", who=who, v=k.title if k else c.name if c else e.klass)


def _row(id: str, school: str, name: str, partition: str, **kw: Any) -> Any:
    return DbRow(id, school, name, partition=partition, **kw)


def _describe(changes: dict[str, Any], row: Any) -> str:
    labels = {
        "name": "name",
        "given_name": _("first name"),
        "family_name": _("last name"),
        "display_name": _("known as"),
        "grade": "grade",
        "year": "year",
    }
    parts = []
    for k, v in changes.items():
        if k == "archived":
            parts.append("archived" if v else _("back from the archive"))
        elif k in ("deleted",):
            continue
        else:
            old = {"given_name": row.name, "family_name": row.family, "display_name": row.display}.get(
                k, getattr(row, k, "")
            )
            parts.append(f"{labels.get(k, k)} “{old}” → “{v}”")
    return "; ".join(parts)
