"""The teacher's Sync page: choose a folder, see the state in words, and restore a value from the
conflict archive after two computers changed the same thing."""

from __future__ import annotations

import shutil

import pytest

pytest.importorskip("app.sync.session")

from app.bootstrap import open_context  # noqa: E402
from app.sync.session import sync_once  # noqa: E402
from app.ui.main_window import MainWindow  # noqa: E402


@pytest.fixture
def laptop_b(demo_template, tmp_path):
    src, info = demo_template
    d = tmp_path / "laptop-b"
    d.mkdir()
    shutil.copy2(src / "tessera.db", d / "tessera.db")
    c = open_context(d)
    yield c
    c.close()


def test_conflict_shows_and_restores(qtbot, demo, laptop_b, tmp_path):
    ctx_a, info = demo
    share = tmp_path / "share"
    share.mkdir()
    sid = info.student_ids[0]
    teacher_a = ctx_a.services.accounts.sign_in_teacher(info.username, info.password)
    teacher_b = laptop_b.services.accounts.sign_in_teacher(info.username, info.password)
    laptop_b.services.profiles.update(teacher_b, sid, teacher_notes="Written on laptop B first")
    ctx_a.services.profiles.update(teacher_a, sid, teacher_notes="Written on laptop A later")
    for db in (laptop_b.db, ctx_a.db, laptop_b.db):
        sync_once(db, share)
    assert laptop_b.services.profiles.get(teacher_b, sid).teacher_notes == "Written on laptop A later"

    w = MainWindow(laptop_b)
    qtbot.addWidget(w)
    w.signed_in(teacher_b)
    page = w.area.show_page("sync")
    qtbot.waitUntil(lambda: page.table.rowCount() >= 1, timeout=10_000)
    row = next(r for r, v in enumerate(page.conflicts) if v.conflict.field == "teacher_notes")
    assert page.table.item(row, 2).text() == "Written on laptop B first"
    assert page.conflicts[row].who  # the teacher sees whose profile it was
    page.table.selectRow(row)
    page._restore()
    qtbot.waitUntil(
        lambda: laptop_b.services.profiles.get(teacher_b, sid).teacher_notes == "Written on laptop B first",
        timeout=10_000,
    )


def test_choose_folder_and_sync_state(qtbot, demo, tmp_path):
    ctx, info = demo
    agent = ctx.start_sync()
    try:
        w = MainWindow(ctx)
        qtbot.addWidget(w)
        w.signed_in(ctx.services.accounts.sign_in_teacher(info.username, info.password))
        page = w.area.show_page("sync")
        assert "No sync folder" in page.folder.text()
        share = tmp_path / "usb-stick"
        share.mkdir()
        page.set_folder(str(share))
        assert str(share) in page.folder.text()
        qtbot.waitUntil(lambda: agent.snapshot().last_sync_at is not None, timeout=60_000)
        qtbot.waitUntil(
            lambda: (
                "Last complete sync" in page.state.text()
                and "—" not in page.state.text().split("Last complete sync:")[1][:4]
            ),
            timeout=10_000,
        )
        assert any(share.rglob("*"))  # batches written to the folder
    finally:
        agent.stop()


def test_signing_out_lets_go_of_the_sync_agent(qtbot, demo, caplog):
    """The agent outlives every signed-in screen: after sign-out it reports to nobody (each sign-in
    used to leave a listener behind that failed, with a logged error, on every update)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    ctx, info = demo
    agent = ctx.start_sync()
    try:
        before = len(agent._listeners)
        w = MainWindow(ctx)
        qtbot.addWidget(w)
        for _ in range(2):
            w.signed_in(ctx.services.accounts.sign_in_teacher(info.username, info.password))
            w.area.show_page("sync")  # the page listens too
            assert len(agent._listeners) == before + 2
            w.sign_out()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            assert len(agent._listeners) == before
        agent.refresh_pending()  # an update with nobody signed in
        assert "sync listener failed" not in caplog.text
    finally:
        agent.stop()


def test_conflict_archive_speaks_a_teachers_words(qtbot, demo, laptop_b, tmp_path):
    """The archive names things as a teacher does ("Profile", "Teacher's notes"), never as the
    database does ("profile", "teacher notes"); names it does not know read as plain words."""
    from app.sync.service import field_words, table_words

    ctx_a, info = demo
    share = tmp_path / "share"
    share.mkdir()
    sid = info.student_ids[0]
    teacher_a = ctx_a.services.accounts.sign_in_teacher(info.username, info.password)
    teacher_b = laptop_b.services.accounts.sign_in_teacher(info.username, info.password)
    laptop_b.services.profiles.update(teacher_b, sid, teacher_notes="B first", about_me="B about")
    ctx_a.services.profiles.update(teacher_a, sid, teacher_notes="A later", about_me="A about")
    for db in (laptop_b.db, ctx_a.db, laptop_b.db):
        sync_once(db, share)

    views = laptop_b.services.sync.conflicts(teacher_b)
    labels = {(v.what, v.field_label) for v in views}
    assert {("Profile", "Teacher's notes"), ("Profile", "About me")} <= labels

    w = MainWindow(laptop_b)
    qtbot.addWidget(w)
    w.signed_in(teacher_b)
    page = w.area.show_page("sync")
    qtbot.waitUntil(lambda: page.table.rowCount() >= 2, timeout=10_000)
    rows = range(page.table.rowCount())
    shown = {(page.table.item(r, 0).text(), page.table.item(r, 1).text()) for r in rows}
    whats = {what for what, _ in shown}
    assert all(what.startswith("Profile · ") for what in whats)
    assert {field for _, field in shown} >= {"Teacher's notes", "About me"}
    assert not any("_" in what + field or what.startswith("profile") for what, field in shown)

    assert (table_words("goal"), field_words("goal", "why")) == ("Goal", "Why it matters")
    assert field_words("goal", "target_date") == "Target date"
    assert field_words("draft_version", "text") == "Draft text"
    assert table_words("some_new_table") == "Some new table"
    assert field_words("goal", "some_field") == "Some field"
