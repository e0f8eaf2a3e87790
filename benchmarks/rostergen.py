"""A generated OneRoster 1.2 bulk district (helper for the roster benchmarks and tests): ``schools``
schools, ``users`` people (1 in 20 a teacher), and ``enrollments`` class memberships (every class has
one teacher and about 25 students; each student is in about three classes)."""

from __future__ import annotations

import csv
import random
from pathlib import Path

GIVEN = [
    "Ana",
    "Ben",
    "Chloé",
    "Dana",
    "Eli",
    "Fay",
    "Gus",
    "Hana",
    "Ivo",
    "Jo",
    "Kai",
    "Lea",
    "Mo",
    "Noor",
    "Omar",
    "Pia",
    "Quinn",
    "Rosa",
    "Sam",
    "Tao",
    "Uma",
    "Vic",
    "Wen",
    "Xia",
    "Yara",
    "Zed",
]
FAMILY = [
    "Lopez",
    "Osei",
    "Martin",
    "Kim",
    "Watts",
    "Ng",
    "Hale",
    "Diaz",
    "Ali",
    "Stern",
    "Park",
    "Quinn",
    "Reyes",
    "Sato",
    "Tan",
    "O'Neil",
    "Novak",
    "Haddad",
    "Silva",
    "Mensah",
]


def _write(path: Path, header: list[str], rows) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)


def write_district(
    folder: str | Path, schools: int = 30, users: int = 20_000, enrollments: int = 60_000, seed: int = 17
) -> dict[str, int]:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rnd = random.Random(seed)
    teachers = max(schools, users // 20)
    students = users - teachers
    per_class = 25
    classes = max(schools, round(enrollments / (per_class + 1)))
    student_slots = enrollments - classes
    _write(
        folder / "manifest.csv",
        ["propertyName", "value"],
        [
            ["manifest.version", "1.0"],
            ["oneroster.version", "1.2"],
            ["file.orgs", "bulk"],
            ["file.users", "bulk"],
            ["file.classes", "bulk"],
            ["file.enrollments", "bulk"],
            ["file.roles", "bulk"],
            ["file.academicSessions", "bulk"],
            ["file.demographics", "absent"],
        ],
    )
    _write(
        folder / "orgs.csv",
        ["sourcedId", "status", "dateLastModified", "name", "type", "identifier", "parentSourcedId"],
        [["dist", "", "", "Generated District", "district", "", ""]]
        + [[f"sch-{s:03d}", "", "", f"School {s:03d}", "school", "", "dist"] for s in range(schools)],
    )
    _write(
        folder / "academicSessions.csv",
        [
            "sourcedId",
            "status",
            "dateLastModified",
            "title",
            "type",
            "startDate",
            "endDate",
            "parentSourcedId",
            "schoolYear",
        ],
        [["y2027", "", "", "2026-2027", "schoolYear", "2026-09-01", "2027-07-15", "", "2027"]],
    )
    school_of_teacher = [t % schools for t in range(teachers)]
    school_of_student = [s % schools for s in range(students)]
    class_school = [c % schools for c in range(classes)]
    _write(
        folder / "classes.csv",
        [
            "sourcedId",
            "status",
            "dateLastModified",
            "title",
            "grades",
            "courseSourcedId",
            "classCode",
            "classType",
            "location",
            "schoolSourcedId",
            "termSourcedIds",
            "subjects",
            "subjectCodes",
            "periods",
        ],
        [
            [
                f"cls-{c:05d}",
                "",
                "",
                f"Class {c:05d}",
                f"{3 + c % 6:02d}",
                "",
                "",
                "scheduled",
                "",
                f"sch-{class_school[c]:03d}",
                "y2027",
                "",
                "",
                "",
            ]
            for c in range(classes)
        ],
    )
    user_rows, role_rows = [], []
    for t in range(teachers):
        sid = f"t-{t:05d}"
        user_rows.append(
            [
                sid,
                "",
                "",
                "true",
                f"teacher{t:05d}",
                "",
                rnd.choice(GIVEN),
                rnd.choice(FAMILY),
                "",
                "",
                f"teacher{t}@example.org",
                "",
                "",
                "",
                "",
                "pw",
                "",
                "",
                "",
                "",
                "",
                f"sch-{school_of_teacher[t]:03d}",
                "",
            ]
        )
        role_rows.append(
            [f"r-{sid}", "", "", sid, "primary", "teacher", f"sch-{school_of_teacher[t]:03d}", "", "", ""]
        )
    for s in range(students):
        sid = f"s-{s:06d}"
        user_rows.append(
            [
                sid,
                "",
                "",
                "true",
                "",
                "",
                rnd.choice(GIVEN),
                rnd.choice(FAMILY),
                "",
                "",
                "",
                "",
                "",
                "",
                f"{3 + s % 6:02d}",
                "",
                "",
                "",
                "",
                "",
                "",
                f"sch-{school_of_student[s]:03d}",
                "",
            ]
        )
        role_rows.append(
            [f"r-{sid}", "", "", sid, "primary", "student", f"sch-{school_of_student[s]:03d}", "", "", ""]
        )
    _write(
        folder / "users.csv",
        [
            "sourcedId",
            "status",
            "dateLastModified",
            "enabledUser",
            "username",
            "userIds",
            "givenName",
            "familyName",
            "middleName",
            "identifier",
            "email",
            "sms",
            "phone",
            "agentSourcedIds",
            "grades",
            "password",
            "userMasterIdentifier",
            "resourceSourcedIds",
            "preferredGivenName",
            "preferredMiddleName",
            "preferredFamilyName",
            "primaryOrgSourcedId",
            "pronouns",
        ],
        user_rows,
    )
    _write(
        folder / "roles.csv",
        [
            "sourcedId",
            "status",
            "dateLastModified",
            "userSourcedId",
            "roleType",
            "role",
            "orgSourcedId",
            "userProfileSourcedId",
            "beginDate",
            "endDate",
        ],
        role_rows,
    )
    by_school_students: dict[int, list[int]] = {}
    for s, sch in enumerate(school_of_student):
        by_school_students.setdefault(sch, []).append(s)
    by_school_teachers: dict[int, list[int]] = {}
    for t, sch in enumerate(school_of_teacher):
        by_school_teachers.setdefault(sch, []).append(t)
    rows = []
    n = 0
    for c in range(classes):
        sch = class_school[c]
        t = rnd.choice(by_school_teachers[sch])
        rows.append(
            [f"e-{n:07d}", "", "", f"cls-{c:05d}", f"sch-{sch:03d}", f"t-{t:05d}", "teacher", "true", "", ""]
        )
        n += 1
    slots = student_slots
    c = 0
    pools = {sch: list(v) for sch, v in by_school_students.items()}
    cursor = dict.fromkeys(pools, 0)
    while slots > 0:
        sch = class_school[c % classes]
        pool = pools[sch]
        for _ in range(min(per_class, slots)):
            s = pool[cursor[sch] % len(pool)]
            cursor[sch] += 1
            rows.append(
                [
                    f"e-{n:07d}",
                    "",
                    "",
                    f"cls-{c % classes:05d}",
                    f"sch-{sch:03d}",
                    f"s-{s:06d}",
                    "student",
                    "false",
                    "",
                    "",
                ]
            )
            n += 1
            slots -= 1
        c += 1
    _write(
        folder / "enrollments.csv",
        [
            "sourcedId",
            "status",
            "dateLastModified",
            "classSourcedId",
            "schoolSourcedId",
            "userSourcedId",
            "role",
            "primary",
            "beginDate",
            "endDate",
        ],
        rows,
    )
    return {
        "schools": schools,
        "users": users,
        "teachers": teachers,
        "students": students,
        "classes": classes,
        "enrollments": len(rows),
    }
