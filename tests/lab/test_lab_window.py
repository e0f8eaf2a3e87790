"""The app in lab mode, driven like a student: it opens no database; the sign-in screen, the home page
and the writing page (saving, and the crash journal) work through the lab service's socket; signing
out ends the service's session. (The service runs in this process; tests/lab/test_two_accounts.py
runs it as its own OS account.)"""

from __future__ import annotations

import shutil
import threading

import pytest
from PySide6.QtCore import Qt

from app.config import Settings
from app.lab.client import connect
from app.lab.server import start
from app.store.what_changed import Kind
from app.ui.main_window import MainArea, MainWindow
from app.ui.signin import STUDENT_ID_ROLE, SignInScreen
from app.ui.tasks import wait_idle

T = 20_000


@pytest.fixture
def lab(demo_template, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy2(demo_template[0] / "tessera.db", data / "tessera.db")
    server = start(data, tmp_path / "lab.sock")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server, tmp_path / "lab.sock", demo_template[1]
    server.shutdown()
    server.server_close()
    server.service.close()


def test_a_student_signs_in_writes_and_signs_out_through_the_service(qtbot, lab, tmp_path):
    server, sock, info = lab
    settings = Settings(data_dir=tmp_path / "not-used", policy={"lab_mode": True})
    ctx = connect(settings, str(sock))
    w = MainWindow()
    qtbot.addWidget(w)
    ctx.client.on_change = lambda kinds: w.bus.announce(Kind(kinds))
    w.attach(ctx)
    w.resize(1280, 800)
    w.show()
    screen = w.centralWidget()
    assert isinstance(screen, SignInScreen) and screen.class_box.count() >= 1
    me = info.student_ids[5]
    ids = [screen.names.item(i).data(STUDENT_ID_ROLE) for i in range(screen.names.count())]
    screen.names.setCurrentRow(ids.index(me))
    qtbot.keyClicks(screen.pin, "0000")  # wrong: the service says so in the screen's words
    qtbot.mouseClick(screen.student_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.student_button.isEnabled(), timeout=T)
    assert "PIN is not right" in screen.message.text()
    screen.names.setCurrentRow(ids.index(me))
    qtbot.keyClicks(screen.pin, info.pin)
    qtbot.mouseClick(screen.student_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(w.centralWidget(), MainArea), timeout=T)
    assert ctx.client.call("session.who").person_id == me

    page = w.area.show_page("writing")
    qtbot.waitUntil(lambda: bool(page.tasks), timeout=T)
    task = next(m.task for m in page.tasks if m.status != "submitted")
    with qtbot.waitSignal(page.opened, timeout=T):
        page.open_task(task.id)
    page.editor.selectAll()
    qtbot.keyClicks(page.editor, "Tides rise twice a day.")
    kept = server.service.journal.inner
    qtbot.waitUntil(lambda: (e := kept.read(me, task.id)) is not None and "Tides" in e.text, timeout=T)
    page.save(force=True)
    wait_idle()
    qtbot.waitUntil(lambda: kept.read(me, task.id) is None, timeout=T)
    svc = server.service.ctx.services
    from app.people.actor import Actor

    assert (
        "Tides rise twice a day."
        in svc.writing.open_draft(Actor(me, "student", info.school_id), task.id).text
    )

    w.sign_out()
    wait_idle()
    assert ctx.client.call("session.who") is None
    ctx.close()


def test_one_account_cannot_hold_every_connection(lab):
    import pickle
    import socket
    import struct

    from app.lab.server import MAX_CONNECTIONS_PER_USER

    _server, sock, _info = lab
    held = []
    for _ in range(MAX_CONNECTIONS_PER_USER):
        c = socket.socket(socket.AF_UNIX)
        c.connect(str(sock))
        held.append(c)
    extra = socket.socket(socket.AF_UNIX)
    extra.connect(str(sock))
    extra.settimeout(20)
    head = extra.recv(4, socket.MSG_WAITALL)
    (n,) = struct.unpack(">I", head)
    assert "Too many" in pickle.loads(extra.recv(n, socket.MSG_WAITALL))["error"]["message"]
    extra.close()
    held.pop().close()
    import time

    from app.lab.client import LabClient

    deadline = time.time() + 20
    while True:  # the freed place is counted back when the service notices the closed connection
        try:
            assert LabClient(sock).call("accounts.has_teacher") is True
            break
        except Exception:
            if time.time() > deadline:
                raise
            time.sleep(0.2)
    for c in held:
        c.close()


def test_every_page_opens_on_a_lab_machine_for_a_teacher_and_a_student(qtbot, lab, tmp_path):
    """What the service does not offer on a lab computer fails in words; no page reaches for a database."""
    from app.ui.nav import STUDENT_PAGES, TEACHER_PAGES

    server, sock, info = lab
    for who, pages in (("teacher", TEACHER_PAGES), ("student", STUDENT_PAGES)):
        ctx = connect(Settings(data_dir=tmp_path / "not-used", policy={"lab_mode": True}), str(sock))
        w = MainWindow()
        qtbot.addWidget(w)
        ctx.client.on_change = lambda kinds, w=w: w.bus.announce(Kind(kinds))
        w.attach(ctx)
        w.show()
        if who == "teacher":
            actor = ctx.services.accounts.sign_in_teacher(info.username, info.password)
        else:
            actor = ctx.services.accounts.sign_in_student(info.class_id, info.student_ids[11], info.pin)
        w.signed_in(actor)
        assert [k for k, _t, _s in w.area.specs] == [k for k, _t, _s in pages if k != "sync"]
        for key, _title, _spec in w.area.specs:
            w.area.show_page(key)
            qtbot.wait(200)
        wait_idle()
        qtbot.wait(300)
        w.sign_out()
        wait_idle()
        w.close()
        ctx.close()
