"""The sign-in screen says, in its own words, why each attempt is refused, and a refusal that shows
the lists were stale takes the name off them. Driven like a person: pick, type, press Enter or click.

Set ``TESSERA_SHOTS=/some/folder`` to keep a picture of each message (how they were looked at)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.models import Account, Person, SignInEvent
from app.people.lockout import PIN_RULES
from app.ui.main_window import MainArea, MainWindow
from app.ui.signin import STUDENT_ID_ROLE, SignInScreen

T = 10_000


def _screen(qtbot, ctx) -> tuple[MainWindow, SignInScreen]:  # noqa: ANN001
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.resize(900, 640)
    w.show()
    screen = w.centralWidget()
    assert isinstance(screen, SignInScreen)
    return w, screen


def _shot(screen, name: str) -> None:  # noqa: ANN001
    folder = os.environ.get("TESSERA_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        screen.window().grab().save(str(Path(folder) / f"signin-{name}.png"))


def _names(screen: SignInScreen) -> list[str]:
    return [screen.names.item(i).data(STUDENT_ID_ROLE) for i in range(screen.names.count())]


def _student_try(qtbot, screen: SignInScreen, student_id: str, pin: str, gets_in: bool = False) -> str:  # noqa: ANN001
    screen.tabs.setCurrentIndex(0)
    row = _names(screen).index(student_id)
    screen.names.setCurrentRow(row)
    if pin:
        qtbot.keyClicks(screen.pin, pin)
    w = screen.window()
    qtbot.mouseClick(screen.student_button, Qt.MouseButton.LeftButton)
    if gets_in:
        qtbot.waitUntil(lambda: isinstance(w.centralWidget(), MainArea), timeout=T)
        return ""
    qtbot.waitUntil(lambda: screen.student_button.isEnabled(), timeout=T)
    return screen.message.text()


def _teacher_try(qtbot, screen: SignInScreen, username: str, password: str) -> str:  # noqa: ANN001
    screen.tabs.setCurrentIndex(1)
    screen.username.setText(username)
    qtbot.keyClicks(screen.password, password)
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.teacher_button.isEnabled(), timeout=T)
    return screen.message.text()


def _wrong(pin: str) -> str:
    return "0000" if pin != "0000" else "9999"


def test_wrong_pins_then_a_wait_then_a_hold(qtbot, demo):
    ctx, info = demo
    w, screen = _screen(qtbot, ctx)
    sid = _names(screen)[0]
    for _ in range(PIN_RULES.free_tries):
        assert _student_try(qtbot, screen, sid, _wrong(info.pin)) == "That PIN is not right. Try again."
    _shot(screen, "wrong-pin")
    text = _student_try(qtbot, screen, sid, info.pin)  # the right PIN, during the wait
    assert text.startswith("Too many wrong PINs. Please wait ") and "ask your teacher" in text
    _shot(screen, "wait")
    assert isinstance(w.centralWidget(), SignInScreen)

    # more wrong PINs earlier today (on this or any machine of the school): held for the teacher
    now = time.time()
    with ctx.db.write() as s:
        person = s.get(Person, sid)
        for i in range(PIN_RULES.hold_after):
            s.add(SignInEvent(person_id=sid, kind="fail", at=now - 3000 + i, partition=person.partition))
    text = _student_try(qtbot, screen, sid, info.pin)
    assert text == "Too many wrong PINs today. Ask your teacher to unlock your sign-in."
    _shot(screen, "held")

    teacher = ctx.services.accounts.sign_in_teacher(info.username, info.password)
    ctx.services.accounts.unlock(teacher, sid)
    _student_try(qtbot, screen, sid, info.pin, gets_in=True)


@pytest.mark.parametrize("case", ["disabled", "archived", "removed", "erased"])
def test_a_name_that_can_no_longer_sign_in_is_refused_and_leaves_the_list(qtbot, demo, teacher, case):
    """The screen was open before the change arrived (by sync, or the teacher on another machine)."""
    ctx, info = demo
    w, screen = _screen(qtbot, ctx)
    sid = _names(screen)[1]
    if case == "disabled":
        with ctx.db.write() as s:
            s.execute(select(Account).where(Account.person_id == sid)).scalar_one().disabled = True
    elif case == "archived":
        ctx.services.roster.set_archived(teacher, sid, True)
    elif case == "removed":
        with ctx.db.write() as s:
            s.get(Person, sid).deleted = True
    else:
        name = ctx.services.roster.student(teacher, sid).full_name
        ctx.services.privacy.erase_student(teacher, sid, name)
    text = _student_try(qtbot, screen, sid, info.pin)
    assert (
        text
        == {
            "disabled": "Your sign-in is switched off. Ask your teacher.",
            "archived": "Your teacher has archived your account, so it cannot sign in. Ask your teacher.",
            "removed": "That name is no longer in Tessera. Ask your teacher.",
            "erased": "That name is no longer in Tessera. Ask your teacher.",
        }[case]
    )
    _shot(screen, case)
    assert sid not in _names(screen) and len(_names(screen)) == 23
    assert isinstance(w.centralWidget(), SignInScreen)


def test_the_policys_pin_required_brings_the_pin_back_to_a_pin_optional_class(qtbot, demo, teacher):
    ctx, info = demo
    ctx.services.roster.set_pin_optional(teacher, info.class_id, True)
    _w, screen = _screen(qtbot, ctx)
    assert not screen.pin.isVisible()  # the class signs in by name
    ctx.settings.policy["pin_required"] = True
    _w, screen = _screen(qtbot, ctx)
    assert screen.pin.isVisible()
    sid = _names(screen)[0]
    assert _student_try(qtbot, screen, sid, "") == "That PIN is not right. Try again."
    _shot(screen, "pin-required")
    _student_try(qtbot, screen, sid, info.pin, gets_in=True)


def test_wrong_passwords_make_the_teacher_wait_even_with_the_right_one(qtbot, demo):
    ctx, info = demo
    w, screen = _screen(qtbot, ctx)
    for i in range(5):
        assert (
            _teacher_try(qtbot, screen, info.username, f"guess-{i}")
            == "That username and password do not match."
        )
    text = _teacher_try(qtbot, screen, info.username, info.password)
    assert text.startswith("Too many wrong passwords. Please wait ") and text.endswith(", then try again.")
    _shot(screen, "teacher-wait")
    assert isinstance(w.centralWidget(), SignInScreen)


def test_a_students_settings_json_does_not_switch_idle_sign_out_off_on_a_lab_machine(qtbot, demo):
    """The attack: ``idle_signout_minutes = 0`` in the shared settings.json. The lab machine still
    signs a quiet student out after the built-in 10 minutes; a teacher's choice in Tessera counts."""
    ctx, info = demo
    ctx.settings.user["idle_signout_minutes"] = 0  # what the student wrote
    ctx.settings.policy["lab_mode"] = True
    w, _ = _screen(qtbot, ctx)
    student = ctx.services.accounts.sign_in_student(
        info.class_id, ctx.services.accounts.sign_in_students(info.class_id)[0].id, info.pin
    )
    w.signed_in(student)
    assert w.idle.interval_ms == 10 * 60_000 and w.idle.timer.isActive()
    teacher = ctx.services.accounts.sign_in_teacher(info.username, info.password)
    ctx.services.machine.set(teacher, "idle_signout_minutes", 3)
    w.signed_in(student)  # the next sign-in uses the teacher's choice
    assert w.idle.interval_ms == 3 * 60_000
    w.idle.timer.stop()  # three quiet minutes later: the timer ran out
    w.idle.idle.emit()
    assert isinstance(w.centralWidget(), SignInScreen)
    assert w.centralWidget().message.text() == "You were signed out after a quiet while."


def test_the_teacher_sees_a_held_student_and_unlocks_them_from_their_page(qtbot, demo, teacher):
    ctx, info = demo
    sid = info.student_ids[0]
    now = time.time()
    with ctx.db.write() as s:
        person = s.get(Person, sid)
        for i in range(PIN_RULES.hold_after):
            s.add(SignInEvent(person_id=sid, kind="fail", at=now - 100 + i, partition=person.partition))
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    w.signed_in(teacher)
    page = w.area.show_page("roster")
    qtbot.waitUntil(lambda: page.model.rowCount() == 24, timeout=T)
    page.show_item(sid)
    detail = page.detail
    qtbot.waitUntil(lambda: detail.unlock.isVisible(), timeout=T)
    _shot(detail, "teacher-unlock")
    qtbot.mouseClick(detail.unlock, Qt.MouseButton.LeftButton)
    assert not detail.unlock.isVisible()
    assert detail.editor.status.text().endswith("can sign in again (on other computers after they sync).")
    assert not ctx.services.accounts.lock_state(teacher, sid).locked
    page.show_item(info.student_ids[1])  # not locked: no button
    qtbot.waitUntil(lambda: detail.student_id == info.student_ids[1], timeout=T)
    assert not detail.unlock.isVisible()


def test_a_teacher_sets_idle_sign_out_on_the_sync_page_and_the_policy_locks_it(qtbot, demo, teacher):
    ctx, _info = demo
    ctx.settings.policy["lab_mode"] = True
    ctx.settings.user["idle_signout_minutes"] = 0  # a student's edit: not read, not shown
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    w.signed_in(teacher)
    box = w.area.show_page("sync").machine
    assert box.minutes.value() == 10 and box.minutes.minimum() == 1  # a lab computer always signs out
    box.minutes.setValue(4)
    qtbot.mouseClick(box.apply, Qt.MouseButton.LeftButton)
    assert box.status.text().startswith("Saved:") and ctx.settings.get("idle_signout_minutes") == 4
    qtbot.waitUntil(box.isVisible, timeout=T)
    _shot(box, "machine-box")
    ctx.settings.policy["idle_signout_minutes"] = 15
    box.refresh()
    assert not box.minutes.isEnabled() and box.minutes.value() == 15
    assert box.status.text() == "Set by your school for this computer."
