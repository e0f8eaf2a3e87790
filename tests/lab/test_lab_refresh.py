"""Item: a lab machine's pages refresh when the lab service's sync brings changes in. The service
numbers every commit's kinds; the app polls ``session.changes`` (LabContext.watch_changes) and announces
what another session or the sync changed on the window's change bus, so pages refresh through
LazyRefresh as on a desktop. Here with a real service process on a real socket and a real sync folder."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections import deque
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.bootstrap import open_context
from app.config import Settings
from app.lab.client import connect
from app.lab.server import LabService, Session
from app.people.actor import Actor
from app.store.what_changed import ALL, Kind
from app.sync.session import sync_once
from app.ui.main_window import MainArea, MainWindow
from app.ui.signin import STUDENT_ID_ROLE, SignInScreen
from app.ui.tasks import wait_idle
from app.writing.results import TaskSpec

REPO = Path(__file__).resolve().parents[2]
T = 60_000
TITLE = "Tidepools and periwinkles 7731"


@pytest.fixture
def service_process(demo_template, tmp_path):
    data, share = tmp_path / "data", tmp_path / "share"
    data.mkdir()
    share.mkdir()
    shutil.copy2(demo_template[0] / "tessera.db", data / "tessera.db")
    policy = tmp_path / "policy.json"
    policy.write_text(json.dumps({"lab_mode": True, "sync_folder": str(share)}))
    sock = tmp_path / "run" / "lab.sock"
    sock.parent.mkdir(mode=0o755)
    env = dict(os.environ, TESSERA_POLICY_FILE=str(policy), QT_QPA_PLATFORM="offscreen")
    log = tmp_path / "service.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "app", "lab-service", "--data-dir", str(data), "--socket",
                                 str(sock)], cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT)  # fmt: skip
    try:
        deadline = time.time() + 120
        while True:
            assert proc.poll() is None, log.read_text()[-3000:]
            try:
                with socket.socket(socket.AF_UNIX) as probe:
                    probe.connect(str(sock))
                break
            except OSError:
                assert time.time() < deadline, log.read_text()[-3000:]
                time.sleep(0.2)
        yield sock, share, demo_template[1], log
    finally:
        proc.terminate()
        proc.wait(30)


def test_a_students_page_shows_what_the_services_sync_brought_in(qtbot, service_process, demo_template, tmp_path):  # fmt: skip
    sock, share, info, log = service_process
    laptop_dir = tmp_path / "laptop"
    laptop_dir.mkdir()
    shutil.copy2(demo_template[0] / "tessera.db", laptop_dir / "tessera.db")
    laptop = open_context(laptop_dir)  # the teacher's computer, syncing through the same folder
    try:
        ctx = connect(Settings(data_dir=tmp_path / "not-used", policy={"lab_mode": True}), str(sock))
        w = MainWindow()
        qtbot.addWidget(w)
        ctx.client.on_change = lambda kinds: w.bus.announce(Kind(kinds))
        w.attach(ctx)
        ctx.watch_changes(every_s=0.2)
        w.show()
        screen = w.centralWidget()
        assert isinstance(screen, SignInScreen)
        me = info.student_ids[2]
        ids = [screen.names.item(i).data(STUDENT_ID_ROLE) for i in range(screen.names.count())]
        screen.names.setCurrentRow(ids.index(me))
        qtbot.keyClicks(screen.pin, info.pin)
        qtbot.mouseClick(screen.student_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: isinstance(w.centralWidget(), MainArea), timeout=T)
        page = w.area.show_page("writing")
        qtbot.waitUntil(lambda: bool(page.tasks), timeout=T)

        def shown() -> bool:
            return any(m.task.title == TITLE for m in page.tasks)

        teacher = laptop.services.accounts.sign_in_teacher(info.username, info.password)
        laptop.services.writing.create_task(
            teacher, info.class_id, TaskSpec(TITLE, "What lives in a rock pool?")
        )
        sync_once(laptop.db, share)
        qtbot.wait(1000)  # several polls: the service has not synced, so nothing is new for it yet
        assert not shown()
        assert ctx.client.call("session.sync_now")["problem"] is None  # the service's agent syncs now
        qtbot.waitUntil(shown, timeout=T)  # the page refreshed by itself, from the poll
        w.sign_out()
        wait_idle()
        ctx.close()
    finally:
        laptop.close()
    assert "Traceback" not in log.read_text()


def test_changes_are_counted_for_every_session_but_not_told_back_to_their_own(demo_template, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy2(demo_template[0] / "tessera.db", data / "tessera.db")
    info = demo_template[1]
    svc = LabService(data)
    try:
        mine, other, out = Session(uid=1001), Session(uid=1002), Session(uid=1003)
        for s, i in ((mine, 0), (other, 1)):
            s.actor = Actor(info.student_ids[i], "student", info.school_id)
        start = svc.changes_since(mine, None)["count"]
        assert svc.changes_since(other, start) == {"count": start, "kinds": 0}
        reply = svc.handle(mine, {"call": "checkins.record", "args": [4, 3, "fine"], "kwargs": {}})
        assert "ok" in reply and reply["kinds"] & Kind.CHECKINS.value
        now = svc.changes_since(other, start)
        assert now["count"] > start and now["kinds"] & Kind.CHECKINS.value  # another session hears it
        assert not svc.changes_since(mine, start)["kinds"] & Kind.CHECKINS.value  # its reply said so already
        assert svc.changes_since(out, start)["kinds"] == 0  # signed out: no check-ins
        # A change from no session (as the service's sync agent makes them, on its own thread).
        teacher = svc.ctx.services.accounts.sign_in_teacher(info.username, info.password)
        mark = svc.changes_since(mine, None)["count"]
        worker = threading.Thread(
            target=svc.ctx.services.accounts.set_pin,
            args=(teacher, info.class_id, info.student_ids[5], "9753"),
        )
        worker.start()
        worker.join()
        assert svc.changes_since(mine, mark)["kinds"] & Kind.ROSTER.value
        assert svc.changes_since(out, mark)["kinds"] == Kind.ROSTER.value  # signed out: the roster only
        svc._changes = deque(svc._changes, maxlen=1)  # an app further behind than the service remembers
        assert svc.changes_since(other, start)["kinds"] == ALL.value  # refreshes everything
        refused = svc.handle(other, {"call": "session.changes", "args": ["1; drop"], "kwargs": {}})
        assert "error" in refused
    finally:
        svc.close()
