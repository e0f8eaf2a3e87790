"""Tolerant readers for rosters that are not OneRoster proper: Microsoft School Data Sync v2.1 CSV,
Clever's CSV, and a plain "name, class" CSV for a teacher without a school system. Each yields the
same ``RosterFile`` as the OneRoster reader, so the preview and the import never know the source."""

from __future__ import annotations

import re

from app.i18n import _
from app.interop.csv_source import CsvSource, Table
from app.interop.oneroster_read import _read_orgs, _read_roles, _read_users, role_of
from app.interop.roster_checks import entity_rows, excel_damage, grade
from app.interop.roster_data import Enrol, Klass, Org, RosterFile, User


def looks_like_sds(src: CsvSource) -> bool:
    """SDS v2.1 enrollments carry no sourcedId, and its classes point at ``orgSourcedId``."""
    enr = src.table("enrollments.csv")
    if enr is not None and enr.headers and "sourcedid" not in enr.headers:
        return True
    cls = src.table("classes.csv")
    return cls is not None and "orgsourcedid" in cls.headers and "schoolsourcedid" not in cls.headers


def _pair_rows(pkg: RosterFile, table: Table, a: str, b: str):
    """Rows keyed by two columns (files with no sourcedId): (line, row, 'a|b')."""
    for line, reason in table.problems:
        pkg.reject(table.name, line, "", reason)
    missing = [c for c in (a, b) if c not in table.headers]
    if missing:
        pkg.reject(table.name, 1, "", _("the file has no “{v}” column", v=missing[0]))
        return
    seen: dict[str, int] = {}
    for line, row in table.rows:
        x, y = row.get(a, ""), row.get(b, "")
        if not x or not y:
            pkg.reject(table.name, line, "", _("the row needs both {a} and {b}", a=a, b=b))
            continue
        bad = excel_damage(x) or excel_damage(y)
        if bad:
            pkg.reject(table.name, line, f"{x}|{y}", bad)
            continue
        key = f"{x}|{y}"
        if key in seen:
            pkg.reject(table.name, line, key, _("this pair is already listed on row {v}", v=seen[key]))
            continue
        seen[key] = line
        yield line, row, key


def read_sds(src: CsvSource, system: str = "sds") -> RosterFile:
    pkg = RosterFile(format="sds-2.1", system=system)
    _read_orgs(src, pkg)
    classes = src.table("classes.csv")
    if classes is not None:
        for line, row, sid, status in entity_rows(pkg, classes):
            title, school = row.get("title", ""), row.get("orgsourcedid") or row.get("schoolsourcedid", "")
            if not title or not school:
                pkg.reject(classes.name, line, sid, _("the class needs a title and an orgSourcedId"))
                continue
            pkg.classes[sid] = Klass(sid, title, school, "", "", status, line)
    roles = _read_roles(src, pkg)
    enr = src.table("enrollments.csv")
    if enr is not None:
        for line, row, key in _pair_rows(pkg, enr, "classsourcedid", "usersourcedid"):
            role, why = role_of(row.get("role", ""))
            if not role:
                if why:
                    pkg.ignored[why] += 1
                else:
                    pkg.reject(
                        enr.name,
                        line,
                        key,
                        _("role “{get}” is not student or teacher", get=row.get("role", "")),
                    )
                continue
            c, u = key.split("|", 1)
            pkg.enrollments[f"{key}|{role}"] = Enrol(f"{key}|{role}", c, u, role, "active", line)
    users = src.table("users.csv")
    if users is not None:
        _read_users(pkg, users, roles)
    return pkg


def read_clever(src: CsvSource, system: str = "clever") -> RosterFile:
    pkg = RosterFile(format="clever", system=system)
    schools = src.table("schools.csv")
    if schools is not None:
        for line, row, sid, _x in entity_rows(pkg, schools, "schoolid"):
            pkg.orgs[sid] = Org(sid, row.get("schoolname") or sid, "school", "active", line)
    for fname, role, id_col in (
        ("teachers.csv", "teacher", "teacherid"),
        ("students.csv", "student", "studentid"),
    ):
        table = src.table(fname)
        if table is None:
            continue
        for line, row, sid, _x in entity_rows(pkg, table, id_col):
            if not row.get("firstname"):
                pkg.reject(fname, line, sid, _("the person has no First_name"))
                continue
            if sid in pkg.users:
                pkg.reject(
                    fname,
                    line,
                    sid,
                    _("the id “{sid}” is also used in {role}s", sid=sid, role=pkg.users[sid].role),
                )
                continue
            g, note = grade(row.get("grade", ""))
            if note:
                pkg.note(fname, line, sid, note)
            pkg.users[sid] = User(sid, row.get("firstname", ""), row.get("lastname", ""), role,
                                  username=row.get("username", "").lower() if role == "teacher" else "",
                                  orgs=(row.get("schoolid", ""),), row=line)  # fmt: skip
    sections = src.table("sections.csv")
    if sections is not None:
        for line, row, sid, _x in entity_rows(pkg, sections, "sectionid"):
            title = row.get("name") or " ".join(
                x for x in (row.get("coursename", ""), row.get("period", "")) if x
            )
            if not title or not row.get("schoolid"):
                pkg.reject(
                    sections.name, line, sid, _("the section needs a Name (or Course_name) and a School_id")
                )
                continue
            g, note = grade(row.get("grade", ""))
            if note:
                pkg.note(sections.name, line, sid, note)
            pkg.classes[sid] = Klass(sid, title, row["schoolid"], g, row.get("termname", ""), "active", line)
            teachers = [v for k, v in row.items() if re.fullmatch(r"teacher(\d+)?id", k) and v]
            for t in teachers:
                key = f"{sid}|{t}|teacher"
                pkg.enrollments[key] = Enrol(key, sid, t, "teacher", "active", line)
    enr = src.table("enrollments.csv")
    if enr is not None:
        for line, _row, key in _pair_rows(pkg, enr, "sectionid", "studentid"):
            c, u = key.split("|", 1)
            pkg.enrollments[f"{key}|student"] = Enrol(f"{key}|student", c, u, "student", "active", line)
    return pkg


_NAME_COLS = ("name", "fullname", "student", "studentname", "pupil", "learner")
_GIVEN_COLS = ("givenname", "firstname", "forename", "first")
_FAMILY_COLS = ("familyname", "lastname", "surname", "last")
_CLASS_COLS = ("class", "classname", "group", "section", "form", "homeroom", "tutorgroup")


def _first(row: dict[str, str], cols: tuple[str, ...]) -> str:
    return next((row[c] for c in cols if row.get(c)), "")


def split_name(full: str) -> tuple[str, str]:
    """'Lopez, Ana' -> ('Ana', 'Lopez'); 'Ana María Lopez' -> ('Ana María', 'Lopez')."""
    full = " ".join(full.split())
    if "," in full:
        family, given = (p.strip() for p in full.split(",", 1))
        return (given or family), (family if given else "")
    parts = full.rsplit(" ", 1)
    return (parts[0], parts[1]) if len(parts) == 2 else (full, "")


def name_key(text: str) -> str:
    return " ".join(text.lower().split())


def read_plain(src: CsvSource, name: str, system: str = "csv") -> RosterFile:
    pkg = RosterFile(format="csv", system=system)
    table = src.table(name)
    assert table is not None
    for line, reason in table.problems:
        pkg.reject(name, line, "", reason)
    if table.encoding_note:
        pkg.note(name, 0, "", table.encoding_note)
    has_name = any(c in table.headers for c in _NAME_COLS + _GIVEN_COLS)
    has_class = any(c in table.headers for c in _CLASS_COLS)
    if not has_name or not has_class:
        what = _("a name column (name, or first name and last name)") if not has_name else _("a class column")
        pkg.reject(
            name,
            1,
            "",
            _(
                "the file needs {what}; its columns are: {v}",
                what=what,
                v=", ".join(h for h in table.headers if h) or "none",
            ),
        )
        return pkg
    pkg.orgs["school"] = Org("school", "", "school")
    seen: dict[str, int] = {}
    for line, row in table.rows:
        given, family = _first(row, _GIVEN_COLS), _first(row, _FAMILY_COLS)
        if not given:
            given, family2 = split_name(_first(row, _NAME_COLS))
            family = family or family2
        klass = " ".join(_first(row, _CLASS_COLS).split())
        if not given:
            pkg.reject(name, line, "", _("the row has no name"))
            continue
        if not klass:
            pkg.reject(name, line, given, _("the row has no class"))
            continue
        g, note = grade(klass) if klass.isdigit() else (klass, "")
        if note:  # a class called "6" that Excel shortened from "06" is still the same class
            pkg.note(name, line, klass, note.replace("grade", "class"))
            klass = g
        ckey = name_key(klass)
        person = f"{given} {family}".strip()
        ukey = f"{ckey}/{name_key(person)}"
        if ukey in seen:
            pkg.reject(
                name,
                line,
                person,
                _(
                    "{person} is already listed in class {klass} on row {v}",
                    person=person,
                    klass=klass,
                    v=seen[ukey],
                ),
            )
            continue
        seen[ukey] = line
        pkg.classes.setdefault(ckey, Klass(ckey, klass, "school", row=line))
        pkg.users[ukey] = User(ukey, given, family, "student", row=line)
        pkg.enrollments[f"{ukey}|student"] = Enrol(f"{ukey}|student", ckey, ukey, "student", "active", line)
    return pkg
