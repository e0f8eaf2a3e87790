"""The Sync page shows the devices asking to join through the school server beside the folder's,
with Approve and Refuse reachable from the keyboard; approving there lets the device sync. A real
server on 127.0.0.1, real databases, real widgets."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.bootstrap import open_context
from app.identity.keys import device
from app.sync.http_transport import open_server
from app.sync.session import sync_once
from app.sync.transport import TargetRefused
from app.ui.main_window import MainWindow


@pytest.fixture
def served(qtbot, demo, demo_template, tmp_path, monkeypatch):
    """The demo teacher's desktop enrolled at a school made on the server, and a second computer
    that has asked to join there."""
    from tests.server.kit import ServerProc, approve, make_school

    ctx, info = demo
    target = str(tmp_path / "server")
    sid = make_school(target, ["unused"])
    srv = ServerProc(target).start()
    monkeypatch.setattr("app.trust.run.policy_anchor", lambda: sid)
    ctx.settings.set_user("server_url", srv.url)
    with pytest.raises(TargetRefused):
        sync_once(ctx.db, open_server(srv.url, ctx.db))
    approve(target, sid, device(Path(ctx.db.path).parent).id, "teacher")  # the classes it holds
    sync_once(ctx.db, open_server(srv.url, ctx.db))
    d = tmp_path / "lab"
    d.mkdir()
    shutil.copy2(demo_template[0] / "tessera.db", d / "tessera.db")
    lab = open_context(d)
    with pytest.raises(TargetRefused, match="asked to join"):
        sync_once(lab.db, open_server(srv.url, lab.db))
    yield ctx, info, srv, lab
    lab.close()
    srv.stop()


def test_the_sync_page_shows_a_server_ask_and_approves_it(qtbot, served):
    ctx, info, srv, lab = served
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.resize(1100, 800)
    w.signed_in(ctx.services.accounts.sign_in_teacher(info.username, info.password))
    section = w.area.show_page("sync").trust
    qtbot.waitUntil(lambda: len(section.server_rows) == 1, timeout=20_000)
    dev, label, ok, no = section.server_rows[0]
    assert dev == device(Path(lab.db.path).parent).id
    assert "asks to join" in label.text() and not section.server_note.isHidden()
    assert "on the school server" in ok.accessibleName() and "on the school server" in no.accessibleName()
    for b in (ok, no):
        assert b.isEnabled() and b.focusPolicy() & Qt.FocusPolicy.TabFocus
    # Tab reads down the section: the ask's buttons between "Show" and the devices table.
    assert section.show_button.nextInFocusChain() is ok and ok.nextInFocusChain() is no
    assert no.nextInFocusChain() is section.devices
    if os.environ.get("TESSERA_SHOTS"):
        w.show()
        qtbot.wait(200)
        w.grab().save(os.path.join(os.environ["TESSERA_SHOTS"], "sync_server_asks.png"))
    ok.setFocus()
    qtbot.keyClick(ok, Qt.Key.Key_Space)  # the keyboard approves as the mouse does
    qtbot.waitUntil(lambda: not section.server_rows and "No device is waiting" in section.server_note.text(),
                    timeout=20_000)  # fmt: skip
    r = sync_once(lab.db, open_server(srv.url, lab.db))
    assert r.complete


def test_a_server_that_cannot_be_asked_is_said_in_words(qtbot, served):
    ctx, info, srv, lab = served
    srv.stop()
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.signed_in(ctx.services.accounts.sign_in_teacher(info.username, info.password))
    section = w.area.show_page("sync").trust
    qtbot.waitUntil(lambda: "could not be loaded" in section.server_note.text(), timeout=30_000)
    assert not section.server_rows
