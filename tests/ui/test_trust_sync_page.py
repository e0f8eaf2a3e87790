"""The Sync page's signed-sync section: a lab machine that asks to join is approved or refused
with a click; changes refused are counted and explained in a teacher's words, and listed on
"Show"; approving re-checks and applies what the device sent before. Real files, real widgets."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.bootstrap import open_context
from app.sync.session import sync_once
from app.trust.school import create_school, school_rows
from app.ui.main_window import MainWindow


def _clone(demo_template, tmp_path, name):
    src, _info = demo_template
    d = tmp_path / name
    d.mkdir()
    shutil.copy2(src / "tessera.db", d / "tessera.db")
    return open_context(d)


@pytest.fixture
def school(qtbot, demo, demo_template, tmp_path):
    ctx, info = demo
    share = tmp_path / "share"
    share.mkdir()
    ctx.settings.set_user("sync_folder", str(share))
    ids, replicas, name = school_rows(ctx.db)
    create_school(Path(ctx.db.path).parent, name, ids, replicas)
    sync_once(ctx.db, share)
    labs = []
    yield ctx, info, share, labs
    for c in labs:
        c.close()


def _page(qtbot, ctx, info):
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.signed_in(ctx.services.accounts.sign_in_teacher(info.username, info.password))
    return w, w.area.show_page("sync").trust


def test_approve_a_lab_machine_and_what_it_made_arrives(qtbot, school, demo_template, tmp_path):
    """Before its approval a lab machine holds no school data key: what it makes waits on it,
    unsent (nothing readable leaves it), and arrives once the approval brings the key."""
    ctx, info, share, labs = school
    lab = _clone(demo_template, tmp_path, "lab")
    labs.append(lab)
    sync_once(lab.db, share)  # learns the school, asks to join
    teacher = lab.services.accounts.sign_in_teacher(info.username, info.password)
    sid = info.student_ids[0]
    lab.services.profiles.update(teacher, sid, about_me="Written on the lab machine")
    assert sync_once(lab.db, share).sent == 0  # no data key yet: nothing leaves it
    sync_once(ctx.db, share)

    w, section = _page(qtbot, ctx, info)
    qtbot.waitUntil(lambda: len(section.request_rows) == 1, timeout=10_000)
    assert w.minimumSizeHint().height() <= 650  # still fits a 1280x720 screen with all of it shown
    _dev, label, approve, _refuse = section.request_rows[0]
    assert "asks to join" in label.text() and approve.isEnabled()

    approve.click()
    qtbot.waitUntil(lambda: not section.request_rows and section.devices.rowCount() == 2, timeout=10_000)
    sync_once(ctx.db, share)  # the certificate and the data key go out
    sync_once(lab.db, share)  # what it made is sent, encrypted
    sync_once(ctx.db, share)
    t = ctx.services.accounts.sign_in_teacher(info.username, info.password)
    assert ctx.services.profiles.get(t, sid).about_me == "Written on the lab machine"
    section.refresh()
    qtbot.waitUntil(lambda: section.summary.text() == "No change has been refused.", timeout=10_000)


def test_refuse_a_device_and_revoke_one(qtbot, school, demo_template, tmp_path):
    ctx, info, share, labs = school
    for name in ("lab1", "lab2"):
        lab = _clone(demo_template, tmp_path, name)
        labs.append(lab)
        sync_once(lab.db, share)
    _w, section = _page(qtbot, ctx, info)
    qtbot.waitUntil(lambda: len(section.request_rows) == 2, timeout=10_000)
    section.request_rows[0][3].click()  # Refuse
    qtbot.waitUntil(lambda: len(section.request_rows) == 1, timeout=10_000)
    section.request_rows[0][2].click()  # Approve
    qtbot.waitUntil(lambda: not section.request_rows and section.devices.rowCount() == 2, timeout=10_000)
    row = next(
        r
        for r in range(section.devices.rowCount())
        if "this computer" not in section.devices.item(r, 0).text()
    )
    section.devices.selectRow(row)
    section.revoke_button.click()
    qtbot.waitUntil(lambda: any(section.devices.item(r, 2).text() == "Revoked"
                                for r in range(section.devices.rowCount())), timeout=10_000)  # fmt: skip
    section.grab().save(str(tmp_path / "trust.png"))
