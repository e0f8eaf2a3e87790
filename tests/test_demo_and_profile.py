"""The demo class is realistic and the jagged profile shows real peaks."""

from __future__ import annotations

import json
import subprocess
import sys


def test_demo_class_shape(demo, teacher):
    ctx, info = demo
    classes = ctx.services.roster.my_classes(teacher)
    assert len(classes) == 1 and classes[0].student_count == 24
    counts = ctx.db.table_counts()
    assert counts["skill"] >= 35 and counts["attempt"] > 3000 and counts["celebration"] > 10
    interests = {i for r in ctx.services.roster.students(teacher, info.class_id) for i in r.interests}
    assert len(interests) >= 10  # varied, not one template


def test_jagged_profile_has_peaks_and_gaps(demo, teacher):
    ctx, info = demo
    spreads = []
    for sid in info.student_ids:
        domains = ctx.services.framework.jagged_profile(teacher, sid)
        seen = [s.mastery for d in domains for s in d.skills if s.seen]  # answers or judgements
        spreads.append(max(seen) - min(seen))
    assert sum(1 for x in spreads if x > 0.3) >= 18  # most learners are jagged, not flat


def test_celebrations_listed_newest_first(demo, teacher):
    ctx, info = demo
    sid = info.student_ids[0]
    ctx.services.celebrations.add(teacher, sid, "Great question about volcanoes")
    items = ctx.services.celebrations.for_student(teacher, sid)
    assert items[0].title == "Great question about volcanoes"
    assert [c.at for c in items] == sorted((c.at for c in items), reverse=True)


def test_cli_demo_and_info(tmp_path):
    env_dir = tmp_path / "cli"
    out = subprocess.run(
        [sys.executable, "-m", "app", "demo", "--data-dir", str(env_dir)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert "demo.teacher" in out.stdout
    info = subprocess.run(
        [sys.executable, "-m", "app", "info", "--data-dir", str(env_dir), "--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert info.returncode == 0, info.stderr
    data = json.loads(info.stdout)
    assert data["schema_version"] and len(data["replica_id"]) == 36
    # the demo school (issue 21): Maya and her 24 students, Sam (Year 8 Oak, co-teaching Maya's class)
    # and his 6 students, and the leader
    assert data["row_counts"]["person"] == 25 + 8
    again = subprocess.run(
        [sys.executable, "-m", "app", "demo", "--data-dir", str(env_dir)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert again.returncode == 0 and "already has a class" in again.stdout
    typo = tmp_path / "clii"
    typo.mkdir()
    wrong = subprocess.run([sys.executable, "-m", "app", "info", "--data-dir", str(typo)],
                           capture_output=True, text=True, timeout=60)  # fmt: skip
    assert wrong.returncode == 2 and "no Tessera data" in wrong.stderr
    assert not any(typo.iterdir())  # no empty database left behind


def test_self_test_passes(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "app", "--self-test", "--data-dir", str(tmp_path / "st")],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "self-test passed" in out.stdout


def test_info_on_newer_database_refuses(tmp_path):
    import sqlite3

    from app.bootstrap import open_context

    d = tmp_path / "newer"
    open_context(d).close()
    con = sqlite3.connect(d / "tessera.db")
    con.execute("UPDATE alembic_version SET version_num='future'")
    con.commit()
    con.close()
    out = subprocess.run(
        [sys.executable, "-m", "app", "info", "--data-dir", str(d)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 2 and "newer version" in out.stderr


def test_no_demo_time_is_in_the_future(tmp_path):
    """Drafts, versions, comments, attempts, check-ins and celebrations all happened before the demo was
    built (due dates and target dates may be ahead: they are plans)."""
    import sqlite3
    import time

    from app.bootstrap import open_context
    from app.demo import create_demo

    ctx = open_context(tmp_path / "demo")
    try:
        create_demo(ctx.db, seed=7)
        built = time.time()
    finally:
        ctx.close()
    con = sqlite3.connect(tmp_path / "demo" / "tessera.db")
    columns = {
        "draft": ("created_at", "submitted_at", "returned_at"),
        "draft_version": ("created_at", "saved_at"),
        "draft_comment": ("created_at",),
        "attempt": ("at",),
        "check_in": ("at", "created_at"),
        "celebration": ("at",),
        "milestone": ("done_at",),
        "goal_evidence": ("created_at",),
        "team_log": ("created_at",),
    }
    try:
        for table, cols in columns.items():
            for col in cols:
                n, latest = con.execute(f"SELECT count(*), max({col}) FROM {table}").fetchone()
                assert n > 0, table
                assert latest <= built + 1, f"{table}.{col} is {latest - built:.0f} s in the future"
    finally:
        con.close()
