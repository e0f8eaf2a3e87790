"""OneRoster CSV (1.2 and 1.1, bulk and delta) into a ``RosterFile``; ``read_roster`` picks the reader
for any supported format by the files it finds.

Only what Tessera needs is kept: schools, classes, students and teachers with their names, and who
is in which class. Passwords, emails, phone numbers and demographics are never read into a record;
parents, guardians, aides and administrators are counted as left out, not imported."""

from __future__ import annotations

from app.i18n import _
from app.interop.csv_source import CsvSource
from app.interop.roster_checks import entity_rows, excel_damage, grade
from app.interop.roster_data import Enrol, Klass, Org, RosterFile, User

ROLE_MAP = {"student": "student", "teacher": "teacher"}
_LEFT_OUT = {
    "parent": _("parents and guardians are not imported"),
    "guardian": _("parents and guardians are not imported"),
    "relative": _("parents and guardians are not imported"),
    "aide": _("aides and proctors are not imported"),
    "proctor": _("aides and proctors are not imported"),
}
_ADMIN = _("administrators are not imported (add them in Tessera)")


def role_of(value: str) -> tuple[str, str]:
    """(Tessera role, '') or ('', why it is left out) or ('', '') when the value is unknown."""
    v = value.strip().lower()
    if v in ROLE_MAP:
        return ROLE_MAP[v], ""
    if v in _LEFT_OUT:
        return "", _LEFT_OUT[v]
    if "admin" in v or v in ("principal", "staff"):
        return "", _ADMIN
    return "", ""


def _manifest(src: CsvSource, pkg: RosterFile) -> dict[str, str]:
    table = src.table("manifest.csv")
    if table is None:
        return {}
    out = {}
    for _x, row in table.rows:
        out[row.get("propertyname", "").strip().lower()] = row.get("value", "").strip().lower()
    modes = {v for k, v in out.items() if k.startswith("file.") and v in ("bulk", "delta")}
    pkg.mode = "delta" if "delta" in modes else "bulk"
    return out


def read_oneroster(src: CsvSource, system: str = "oneroster") -> RosterFile:
    manifest_present = "manifest.csv" in src.names
    pkg = RosterFile(format="oneroster-1.2", system=system)
    manifest = _manifest(src, pkg)
    users = src.table("users.csv")
    version = manifest.get("oneroster.version", "")
    if version.startswith("1.1") or (not version and users is not None and "role" in users.headers):
        pkg.format = "oneroster-1.1"
    if not manifest_present:
        pkg.note("manifest.csv", 0, "", _("there is no manifest.csv: read as a bulk file"))
    _read_orgs(src, pkg)
    years = _read_sessions(src)
    _read_classes(src, pkg, years)
    roles = _read_roles(src, pkg)
    _read_enrollments(src, pkg)
    if users is not None:
        _read_users(pkg, users, roles)
    for name in ("demographics.csv",):
        if name in src.names:
            pkg.ignored["demographics are never imported"] += 1
    return pkg


def _read_orgs(src: CsvSource, pkg: RosterFile) -> None:
    table = src.table("orgs.csv")
    if table is None:
        return
    for line, row, sid, status in entity_rows(pkg, table):
        name = row.get("name", "")
        if not name:
            pkg.reject(table.name, line, sid, _("the organisation has no name"))
            continue
        pkg.orgs[sid] = Org(sid, name, (row.get("type") or "school").lower(), status, line)


def _read_sessions(src: CsvSource) -> dict[str, str]:
    table = src.table("academicsessions.csv")
    if table is None:
        return {}
    out = {}
    for _x, row in table.rows:
        sid = row.get("sourcedid", "")
        if sid:
            out[sid] = row.get("schoolyear") or row.get("title", "")
    return out


def _read_classes(src: CsvSource, pkg: RosterFile, years: dict[str, str]) -> None:
    table = src.table("classes.csv")
    if table is None:
        return
    for line, row, sid, status in entity_rows(pkg, table):
        title = row.get("title", "")
        school = row.get("schoolsourcedid", "")
        if not title:
            pkg.reject(table.name, line, sid, _("the class has no title"))
            continue
        if not school:
            pkg.reject(table.name, line, sid, _("the class has no schoolSourcedId"))
            continue
        g, note = grade(row.get("grades", ""))
        if note:
            pkg.note(table.name, line, sid, note)
        terms = [t.strip() for t in row.get("termsourcedids", "").split(",") if t.strip()]
        year = next((years[t] for t in terms if t in years), "")
        pkg.classes[sid] = Klass(sid, title, school, g, year, status, line)


def _read_roles(src: CsvSource, pkg: RosterFile) -> dict[str, str]:
    """1.2's roles.csv: user -> 'teacher' | 'student' | '' (left out, with the reason counted)."""
    table = src.table("roles.csv")
    out: dict[str, str] = {}
    if table is None:
        return out
    for line, row in table.rows:
        user = row.get("usersourcedid", "")
        role, why = role_of(row.get("role", ""))
        if not user:
            pkg.reject(table.name, line, "", _("the role has no userSourcedId"))
        elif role:
            # a teacher who is also listed as a student somewhere stays a teacher
            out[user] = "teacher" if "teacher" in (role, out.get(user)) else role
        elif why:
            out.setdefault(user, "")
    return out


def _read_enrollments(src: CsvSource, pkg: RosterFile) -> None:
    table = src.table("enrollments.csv")
    if table is None:
        return
    for line, row, sid, status in entity_rows(pkg, table):
        klass, user = row.get("classsourcedid", ""), row.get("usersourcedid", "")
        role, why = role_of(row.get("role", ""))
        if not klass or not user:
            pkg.reject(
                table.name, line, sid, _("the enrollment needs both a classSourcedId and a userSourcedId")
            )
            continue
        if not role:
            if why:
                pkg.ignored[why] += 1
            else:
                pkg.reject(
                    table.name,
                    line,
                    sid,
                    _("role “{get}” is not a OneRoster enrollment role", get=row.get("role", "")),
                )
            continue
        pkg.enrollments[sid] = Enrol(sid, klass, user, role, status, line)


def _read_users(pkg: RosterFile, table, roles: dict[str, str]) -> None:
    by_enrollment: dict[str, str] = {}
    for e in pkg.enrollments.values():
        if by_enrollment.get(e.user) != "teacher":
            by_enrollment[e.user] = e.role
    for line, row, sid, status in entity_rows(pkg, table):
        if "role" in table.headers:  # 1.1 (and 1.2 files written the old way)
            role, why = role_of(row.get("role", ""))
            if not role and not why:
                pkg.reject(
                    table.name, line, sid, _("role “{get}” is not a OneRoster role", get=row.get("role", ""))
                )
                continue
        else:
            role, why = roles.get(sid, by_enrollment.get(sid, "")), ""
            if sid in roles and not roles[sid] and sid not in by_enrollment:
                why = _("people whose only role is parent, guardian, aide or administrator are not imported")
        if not role and why:
            pkg.ignored[why] += 1
            continue
        given, family = row.get("givenname", ""), row.get("familyname", "")
        if not given and status == "active":
            pkg.reject(table.name, line, sid, _("the person has no givenName"))
            continue
        bad = excel_damage(row.get("username", ""))
        if bad:
            pkg.note(table.name, line, sid, _("username {bad}", bad=bad))
        pkg.users[sid] = User(
            sid=sid, given=given, family=family, role=role,
            username=row.get("username", "").strip().lower(),
            preferred=row.get("preferredgivenname") or row.get("preferredfirstname") or "",
            orgs=tuple(o.strip() for o in (row.get("orgsourcedids") or row.get("primaryorgsourcedid") or "").split(",")
                       if o.strip()),
            status=status,
            enabled=row.get("enableduser", "true").strip().lower() not in ("false", "0", "no"),
            row=line,
        )  # fmt: skip
