"""Hypothesis: whatever bytes a roster file holds, reading and previewing never crash, and every row
that is not imported gets a reason."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.interop.csv_source import parse_table
from app.interop.roster_read import read_roster

CELLS = st.sampled_from(
    [
        "",
        "s-1",
        "s-01",
        "c-1",
        "1",
        "06",
        "6",
        "1.2E+11",
        "active",
        "tobedeleted",
        "bogus",
        "student",
        "teacher",
        "guardian",
        "Ana",
        "Lopez, Jr.",
        '"q"',
        "\r\n",
        ",",
        "\ufeff",
        "é",
    ]
)
HEADERS = [
    "sourcedId",
    "status",
    "classSourcedId",
    "userSourcedId",
    "role",
    "givenName",
    "familyName",
    "title",
    "schoolSourcedId",
    "name",
    "type",
    "username",
]


def _csv(rows):
    import csv
    import io

    buf = io.StringIO()
    csv.writer(buf).writerows(rows)
    return buf.getvalue().encode("utf-8")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(st.lists(CELLS, min_size=0, max_size=8), max_size=12),
    st.lists(st.lists(CELLS, min_size=0, max_size=8), max_size=12),
    st.lists(st.sampled_from(HEADERS), min_size=1, max_size=8, unique=True),
    st.binary(max_size=200),
)
def test_any_package_reads_with_reasons(tmp_path_factory, users, enrolls, header, junk):
    d = tmp_path_factory.mktemp("fuzz")
    (d / "users.csv").write_bytes(_csv([header] + users))
    (d / "enrollments.csv").write_bytes(_csv([header] + enrolls))
    (d / "classes.csv").write_bytes(junk)
    (d / "orgs.csv").write_bytes(_csv([["sourcedId", "name", "type"], ["sch", "S", "school"]]))
    pkg = read_roster(d)
    readable = sum(1 for _ in users if any(c.strip() for c in _))
    kept = len(pkg.users)
    assert kept <= readable
    for r in pkg.rejects:
        assert r.reason and r.file


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_parse_to_rows_or_problems(data):
    t = parse_table("x.csv", data)
    for line, reason in t.problems:
        assert line >= 1 and reason


def test_preview_of_fuzzed_files_never_crashes(ctx, tmp_path):
    import random

    from app.people.actor import SYSTEM

    rnd = random.Random(7)
    svc = ctx.services.roster_import
    for i in range(25):
        d = tmp_path / f"p{i}"
        d.mkdir()
        cells = ["", "c1", "c01", "u1", "u01", "sch", "student", "teacher", "tobedeleted", "Ana", "x,y"]
        (d / "orgs.csv").write_bytes(_csv([["sourcedId", "name", "type"], ["sch", "S", "school"]]))
        (d / "classes.csv").write_bytes(
            _csv(
                [["sourcedId", "title", "schoolSourcedId", "status"]]
                + [[rnd.choice(cells) for _ in range(4)] for _ in range(5)]
            )
        )
        (d / "users.csv").write_bytes(
            _csv(
                [["sourcedId", "givenName", "familyName", "role", "status"]]
                + [[rnd.choice(cells) for _ in range(5)] for _ in range(8)]
            )
        )
        (d / "enrollments.csv").write_bytes(
            _csv(
                [["sourcedId", "classSourcedId", "userSourcedId", "role", "status"]]
                + [[rnd.choice(cells) for _ in range(5)] for _ in range(10)]
            )
        )
        plan = svc.preview(SYSTEM, d)
        assert all(r.reason for r in plan.rejects)
        svc.apply(SYSTEM, d)
