"""A lab machine whose installer preset the school's sync folder: on its first start it shows the
welcome screen, and as soon as the first sync brings the school's class it offers sign-in instead,
with no teacher action (nobody should build a class, or a demo, on top of the one that arrived)."""

from __future__ import annotations

import json
import shutil

from app.bootstrap import open_context
from app.sync.session import sync_once
from app.ui.main_window import MainWindow
from app.ui.signin import SignInScreen
from app.ui.tasks import wait_idle
from app.ui.welcome import WelcomeScreen


def test_class_from_the_preset_sync_folder_replaces_the_welcome(qtbot, demo_template, tmp_path, monkeypatch):
    src, _info = demo_template
    share = tmp_path / "share"
    share.mkdir()
    laptop = tmp_path / "teacher-laptop"
    laptop.mkdir()
    shutil.copy2(src / "tessera.db", laptop / "tessera.db")
    teacher = open_context(laptop)
    sync_once(teacher.db, share)
    policy = tmp_path / "policy.json"
    policy.write_text(json.dumps({"sync_folder": str(share)}), encoding="utf-8")
    monkeypatch.setenv("TESSERA_POLICY_FILE", str(policy))  # what the MSI's SYNCFOLDER writes
    lab = tmp_path / "lab-machine"
    ctx = open_context(lab)
    try:
        assert not ctx.services.accounts.has_teacher()
        agent = ctx.start_sync()  # as launch.py does once the data folder is open, then the window
        w = MainWindow(ctx)
        qtbot.addWidget(w)
        w.show()
        assert isinstance(w.centralWidget(), WelcomeScreen)
        qtbot.waitUntil(lambda: agent.snapshot().state == "idle", timeout=30_000)
        # The lab machine said what it lacks; the teacher's laptop forwards the class's history at
        # its next sync, and the lab machine takes it in at its own.
        assert isinstance(w.centralWidget(), WelcomeScreen)
        assert sync_once(teacher.db, share).forwarded > 0
        agent.sync_now()
        qtbot.waitUntil(lambda: isinstance(w.centralWidget(), SignInScreen), timeout=30_000)
        screen = w.centralWidget()
        assert "sync folder" in screen.message.text()
        assert screen.names.count() == 24  # the demo class, pulled from the share
        w.close()
    finally:
        wait_idle()
        ctx.close()
        teacher.close()
