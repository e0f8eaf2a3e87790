"""On a lab machine, the settings that keep students safe come from the school's policy or a teacher in
Tessera, never from files a student's OS account can write.

The attack (from issue 19): a student edits the shared ``settings.json`` in the lab's data folder to
switch idle sign-out off (``idle_signout_minutes = 0``), switch PINs off, or send the whole machine's
class data to their own stick (``sync_folder``); or plants a ``defaults.json``, which Windows lets any
user create under ProgramData."""

from __future__ import annotations

import json
import shutil

import pytest

from app.bootstrap import open_context
from app.errors import InvalidInput, PermissionDenied

ATTACK = {
    "idle_signout_minutes": 0,
    "pin_required": False,
    "sync_folder": "/media/student-stick",
    "server_url": "https://evil.example",
    "checkins_enabled": False,
}


@pytest.fixture
def lab(demo_template, tmp_path, monkeypatch):
    """Open a lab machine's data folder (the demo class in it) with the policy and files given."""
    src, info = demo_template
    opened = []

    def make(policy: dict, user: dict | None = None, machine: dict | None = None):  # noqa: ANN202
        data = tmp_path / f"lab{len(opened)}"
        data.mkdir()
        shutil.copy2(src / "tessera.db", data / "tessera.db")
        policy_file = tmp_path / f"policy{len(opened)}.json"
        policy_file.write_text(json.dumps(policy))
        monkeypatch.setenv("TESSERA_POLICY_FILE", str(policy_file))
        defaults = tmp_path / f"defaults{len(opened)}.json"
        defaults.write_text(json.dumps(machine or {}))
        monkeypatch.setattr("app.config.machine_defaults_path", lambda: defaults)
        if user is not None:
            (data / "settings.json").write_text(json.dumps(user))
        ctx = open_context(data)
        opened.append(ctx)
        return ctx

    yield make, info
    for ctx in opened:
        ctx.close()


def test_a_students_settings_json_and_defaults_json_are_not_read_on_a_lab_machine(lab):
    make, info = lab
    ctx = make({"lab_mode": True}, user=ATTACK, machine=ATTACK)
    st = ctx.settings
    assert st.get("idle_signout_minutes") == 10 and st.source("idle_signout_minutes") == "built-in"
    assert st.get("sync_folder") == "" and st.get("server_url") == "" and st.get("checkins_enabled") is True
    # and pins stay on: the student's name with an empty PIN is refused
    pick = ctx.services.accounts.sign_in_students(info.class_id)[0]
    assert pick.needs_pin


def test_the_same_files_still_count_on_a_teachers_own_computer(lab):
    make, _info = lab
    ctx = make({"lab_mode": False}, user={"idle_signout_minutes": 25, "sync_folder": "/mnt/share"})
    assert ctx.settings.get("idle_signout_minutes") == 25 and ctx.settings.source("sync_folder") == "user"


def test_a_teacher_sets_idle_sign_out_for_the_lab_machine_and_it_stays(lab):
    make, info = lab
    ctx = make({"lab_mode": True}, user=ATTACK)
    machine = ctx.services.machine
    teacher = ctx.services.accounts.sign_in_teacher(info.username, info.password)
    machine.set(teacher, "idle_signout_minutes", 5)
    assert (
        ctx.settings.get("idle_signout_minutes") == 5
        and ctx.settings.source("idle_signout_minutes") == "teacher"
    )
    info_row = next(i for i in machine.current(teacher) if i.key == "idle_signout_minutes")
    assert (info_row.value, info_row.source, info_row.locked) == (5, "teacher", False)
    assert json.loads((ctx.settings.data_dir / "settings.json").read_text()) == ATTACK  # not written there
    data_dir = ctx.settings.data_dir
    ctx.close()
    again = open_context(data_dir)  # the same policy (env) on the next start
    try:
        assert again.settings.get("idle_signout_minutes") == 5
    finally:
        again.close()


def test_students_cannot_change_machine_settings_and_a_lab_always_signs_out(lab):
    make, info = lab
    ctx = make({"lab_mode": True, "sync_folder": "/srv/school-share"})
    machine = ctx.services.machine
    accounts = ctx.services.accounts
    student = accounts.sign_in_student(
        info.class_id, accounts.sign_in_students(info.class_id)[0].id, info.pin
    )
    teacher = accounts.sign_in_teacher(info.username, info.password)
    with pytest.raises(PermissionDenied):
        machine.set(student, "idle_signout_minutes", 0)
    with pytest.raises(PermissionDenied):
        machine.current(student)
    with pytest.raises(InvalidInput, match="1 to 240 minutes"):
        machine.set(teacher, "idle_signout_minutes", 0)  # never signing out is not for a lab
    for key in ("pin_required", "lab_mode", "data_dir"):  # the policy's alone
        with pytest.raises(PermissionDenied):
            machine.set(teacher, key, False)
    with pytest.raises(PermissionDenied, match="Your school set this"):
        machine.set(teacher, "sync_folder", "/media/stick")  # the policy wins over a teacher too
    with pytest.raises(PermissionDenied):
        ctx.services.sync.set_folder(student, "/media/student-stick")
    for key, value in (("pin_required", False), ("idle_signout_minutes", 0), ("sync_folder", "/media/stick")):
        with pytest.raises((PermissionDenied, InvalidInput)):  # the settings' own door has the same limits
            ctx.settings.set_user(key, value)
    assert (
        ctx.settings.get("idle_signout_minutes") == 10
        and ctx.settings.get("sync_folder") == "/srv/school-share"
    )
    assert ctx.settings.get("pin_required") is True and ctx.settings.source("pin_required") == "built-in"


def test_choosing_the_sync_folder_on_a_lab_machine_keeps_it_out_of_settings_json(lab):
    make, info = lab
    ctx = make({"lab_mode": True})
    teacher = ctx.services.accounts.sign_in_teacher(info.username, info.password)
    ctx.services.sync.set_folder(teacher, "/srv/share")
    assert ctx.settings.get("sync_folder") == "/srv/share" and ctx.settings.source("sync_folder") == "teacher"
    assert not (ctx.settings.data_dir / "settings.json").exists()
    machine = ctx.services.machine
    machine.set(teacher, "sync_folder", None)  # back to the default
    assert ctx.settings.get("sync_folder") == ""


def test_the_headless_sync_on_a_lab_machine_uses_the_folder_a_teacher_chose(lab, tmp_path, capsys):
    from app.sync_cli import main

    make, info = lab
    ctx = make({"lab_mode": True}, user={"sync_folder": str(tmp_path / "student-stick")})
    data_dir = ctx.settings.data_dir
    share = tmp_path / "share"
    share.mkdir()
    assert (
        main(["--data-dir", str(data_dir), "--json"]) == 2
    )  # no folder chosen yet (the student's is not read)
    teacher = ctx.services.accounts.sign_in_teacher(info.username, info.password)
    ctx.services.machine.set(teacher, "sync_folder", str(share))
    ctx.close()
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["ok"] is True
    assert any(share.iterdir()) and not (tmp_path / "student-stick").exists()
