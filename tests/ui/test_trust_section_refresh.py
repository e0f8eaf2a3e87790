"""The Sync page's trust section follows what a sync brings while it is open: a lab machine's
request to join shows without reopening the page, and the device the teacher selected stays
selected (chosen by id, not by row)."""

from __future__ import annotations

import shutil
from pathlib import Path

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


def test_a_sync_brings_a_request_while_the_page_is_open(qtbot, demo, demo_template, tmp_path):
    ctx, info = demo
    share = tmp_path / "share"
    share.mkdir()
    ctx.settings.set_user("sync_folder", str(share))
    ids, replicas, name = school_rows(ctx.db)
    create_school(Path(ctx.db.path).parent, name, ids, replicas)
    sync_once(ctx.db, share)
    labs = [_clone(demo_template, tmp_path, n) for n in ("lab1", "lab2")]
    try:
        sync_once(labs[0].db, share)  # asks to join
        sync_once(ctx.db, share)
        w = MainWindow(ctx)
        qtbot.addWidget(w)
        w.signed_in(ctx.services.accounts.sign_in_teacher(info.username, info.password))
        section = w.area.show_page("sync").trust
        w.show()
        qtbot.waitExposed(w)
        qtbot.waitUntil(lambda: len(section.request_rows) == 1, timeout=10_000)
        section.request_rows[0][2].click()  # Approve lab1
        qtbot.waitUntil(lambda: not section.request_rows and section.devices.rowCount() == 2, timeout=10_000)
        row = next(r for r in range(2) if "this computer" not in section.devices.item(r, 0).text())
        section.devices.selectRow(row)
        chosen = section.selected_device()
        assert chosen is not None

        sync_once(labs[1].db, share)  # another lab machine asks to join
        sync_once(ctx.db, share)  # the sync (as the agent would run it) brings the request
        qtbot.waitUntil(lambda: len(section.request_rows) == 1, timeout=10_000)
        assert "asks to join" in section.request_rows[0][1].text()
        assert section.selected_device() == chosen  # the teacher's choice stays
        section.grab().save(str(tmp_path / "trust-refresh.png"))
    finally:
        for c in labs:
            c.close()
