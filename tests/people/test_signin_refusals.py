"""Sign-in keeps its promises: each attack on it tried, and refused in plain words.

- the machine policy's ``pin_required`` is enforced (a class marked PIN-optional still needs PINs);
- switched-off, archived, removed (tombstoned) and erased accounts, and closed classes, are refused;
- teacher passwords are throttled like PINs (before: 30 wrong tries in 0.67 s, then the right one in);
- a student held after many wrong PINs waits for a teacher; students cannot unlock anyone, not even
  themselves.
"""

from __future__ import annotations

import time

import pytest
from sqlalchemy import func, select

from app.errors import PermissionDenied, SignInError
from app.models import Account, Person, SchoolClass, SignInEvent
from app.people.lockout import PASSWORD_RULES, PIN_RULES

# Wrong tries a few hours ago (the clock passed explicitly, so waits need no sleeping); a teacher's
# new PIN is stamped with the real clock, after them.
T0 = time.time() - 6 * 3600


def _wrong(pin: str) -> str:
    return "0000" if pin != "0000" else "9999"


def _refused(call, reason: str, words: str) -> SignInError:  # noqa: ANN001
    with pytest.raises(SignInError) as err:
        call()
    assert err.value.reason == reason, str(err.value)
    assert words in str(err.value)
    return err.value


def _write(ctx, model, row_id: str, **fields) -> None:  # noqa: ANN001, ANN003
    """A change as it arrives by sync from a machine where a teacher (or admin) made it."""
    with ctx.db.write() as s:
        row = s.get(model, row_id)
        for k, v in fields.items():
            setattr(row, k, v)


# -- pin_required -----------------------------------------------------------------------------------


def test_policy_pin_required_overrides_a_pin_optional_class(demo, teacher):
    ctx, info = demo
    accounts = ctx.services.accounts
    ctx.services.roster.set_pin_optional(teacher, info.class_id, True)
    pick = accounts.sign_in_students(info.class_id)[0]
    assert not pick.needs_pin
    assert accounts.sign_in_student(info.class_id, pick.id, "").person_id == pick.id  # the class allows it

    ctx.settings.policy["pin_required"] = True  # the school's policy for this machine
    assert accounts.sign_in_students(info.class_id)[0].needs_pin
    assert not next(c for c in accounts.sign_in_classes() if c.id == info.class_id).pin_optional
    _refused(lambda: accounts.sign_in_student(info.class_id, pick.id, ""), "wrong", "PIN is not right")
    assert accounts.sign_in_student(info.class_id, pick.id, info.pin).person_id == pick.id


def test_a_students_settings_file_cannot_switch_pins_off(demo, teacher):
    """The attack: pin_required false in the shared settings.json. On a lab machine the file is not
    read; anywhere, pin_required false only leaves the choice to each class (PINs stay on)."""
    ctx, info = demo
    accounts = ctx.services.accounts
    pick = accounts.sign_in_students(info.class_id)[0]
    for lab in (True, False):
        ctx.settings.policy["lab_mode"] = lab
        ctx.settings.user["pin_required"] = False
        ctx.settings.machine["pin_required"] = False
        assert accounts.sign_in_students(info.class_id)[0].needs_pin
        _refused(lambda: accounts.sign_in_student(info.class_id, pick.id, ""), "wrong", "PIN is not right")
        accounts.sign_in_student(info.class_id, pick.id, info.pin)  # the wrong tries start again


# -- accounts that may not sign in ----------------------------------------------------------------


def test_switched_off_archived_removed_and_erased_students_are_refused(demo, teacher):
    ctx, info = demo
    accounts = ctx.services.accounts
    sid = [s.id for s in accounts.sign_in_students(info.class_id)]
    with ctx.db.read() as s:
        account_id = s.execute(select(Account.id).where(Account.person_id == sid[0])).scalar_one()

    _write(ctx, Account, account_id, disabled=True)
    _refused(lambda: accounts.sign_in_student(info.class_id, sid[0], info.pin), "disabled", "switched off")

    ctx.services.roster.set_archived(teacher, sid[1], True)
    _refused(lambda: accounts.sign_in_student(info.class_id, sid[1], info.pin), "archived", "archived")

    _write(ctx, Person, sid[2], deleted=True)  # a tombstone from another machine
    _refused(
        lambda: accounts.sign_in_student(info.class_id, sid[2], info.pin), "removed", "no longer in Tessera"
    )

    _refused(lambda: accounts.sign_in_student(info.class_id, sid[3], _wrong(info.pin)), "wrong", "not right")
    name = ctx.services.roster.student(teacher, sid[3]).full_name
    ctx.services.privacy.erase_student(teacher, sid[3], name)
    with ctx.db.read() as s:  # the erasure takes the student's sign-in events with it
        assert not s.execute(select(SignInEvent.id).where(SignInEvent.person_id == sid[3])).first()
    _refused(
        lambda: accounts.sign_in_student(info.class_id, sid[3], info.pin), "removed", "no longer in Tessera"
    )

    # none of them is offered on the sign-in screen any more
    listed = {s.id for s in accounts.sign_in_students(info.class_id)}
    assert not listed & set(sid[:4]) and sid[4] in listed

    _write(ctx, SchoolClass, info.class_id, archived=True)
    _refused(
        lambda: accounts.sign_in_student(info.class_id, sid[4], info.pin), "class_closed", "class is closed"
    )


def test_a_student_cannot_sign_in_through_another_class_or_as_a_teacher(demo):
    ctx, info = demo
    accounts = ctx.services.accounts
    pick = accounts.sign_in_students(info.class_id)[0]
    ctx.settings.policy["pin_required"] = False
    with ctx.db.write() as s:
        s.get(SchoolClass, info.class_id).pin_optional = True
    _refused(
        lambda: accounts.sign_in_student(info.class_id, info.teacher_id, ""),
        "not_in_class",
        "not in this class",
    )
    _refused(
        lambda: accounts.sign_in_student("no-such-class", pick.id, info.pin),
        "class_closed",
        "class is closed",
    )


def test_switched_off_and_removed_teachers_are_refused_only_after_the_right_password(demo):
    ctx, info = demo
    accounts = ctx.services.accounts
    with ctx.db.read() as s:
        account_id = s.execute(select(Account.id).where(Account.person_id == info.teacher_id)).scalar_one()
    _write(ctx, Account, account_id, disabled=True)
    # a wrong password learns nothing about the account
    _refused(lambda: accounts.sign_in_teacher(info.username, "not it", now=T0), "wrong", "do not match")
    _refused(
        lambda: accounts.sign_in_teacher(info.username, info.password, now=T0), "disabled", "switched off"
    )
    _write(ctx, Account, account_id, disabled=False)
    _write(ctx, Person, info.teacher_id, deleted=True)
    _refused(lambda: accounts.sign_in_teacher(info.username, info.password, now=T0), "removed", "removed")


# -- teacher passwords are throttled ---------------------------------------------------------------


def test_thirty_wrong_passwords_then_the_right_one_is_refused(demo):
    """The attack from the issue, replayed: 30 wrong tries at once, then the right password."""
    ctx, info = demo
    accounts = ctx.services.accounts
    reasons = []
    for i in range(30):
        with pytest.raises(SignInError) as err:
            accounts.sign_in_teacher(info.username, f"guess-{i}", now=T0 + i * 0.02)
        reasons.append(err.value.reason)
    assert reasons[: PASSWORD_RULES.free_tries] == ["wrong"] * PASSWORD_RULES.free_tries
    assert set(reasons[PASSWORD_RULES.free_tries :]) == {"wait"}  # refused without even being checked
    err = _refused(
        lambda: accounts.sign_in_teacher(info.username, info.password, now=T0 + 1),
        "wait",
        "Too many wrong passwords",
    )
    assert 0 < err.wait_s <= PASSWORD_RULES.base_s
    with ctx.db.read() as s:  # tries during the wait are not even counted: only the 5 checked ones
        assert (
            s.execute(select(func.count()).where(SignInEvent.person_id == info.teacher_id)).scalar_one() == 5
        )
    assert accounts.sign_in_teacher(info.username, info.password, now=T0 + 40).person_id == info.teacher_id


def test_each_wrong_password_after_the_free_ones_doubles_the_wait_up_to_a_cap(demo):
    ctx, info = demo
    accounts = ctx.services.accounts
    now, waits, checked = T0, {}, 0
    while checked < 12:
        with pytest.raises(SignInError) as err:
            accounts.sign_in_teacher(info.username, f"guess-{checked}", now=now)
        if err.value.reason == "wrong":  # checked and counted
            checked += 1
            now += 0.1
        else:  # the wait after ``checked`` wrong passwords
            assert err.value.reason == "wait"
            waits[checked] = round(err.value.wait_s + 0.1)
            now += err.value.wait_s + 0.5
    assert waits == {5: 30, 6: 60, 7: 120, 8: 240, 9: 480, 10: 900, 11: 900}
    assert (
        max(waits.values()) == PASSWORD_RULES.max_s
    )  # never longer: no student keeps the teacher out for good
    # a teacher is slowed, never held: after the wait the right password works
    assert accounts.sign_in_teacher(info.username, info.password, now=now + PASSWORD_RULES.max_s + 1)


def test_an_unknown_username_costs_as_much_as_a_known_one(demo, monkeypatch):
    """No hint which usernames exist: both run one Argon2 check."""
    ctx, info = demo
    from app.people import accounts as module

    calls = []
    real = module.verify_secret
    monkeypatch.setattr(module, "verify_secret", lambda h, p: calls.append(h) or real(h, p))
    for user in (info.username, "nobody.here"):
        with pytest.raises(SignInError, match="do not match"):
            ctx.services.accounts.sign_in_teacher(user, "not it", now=T0)
    assert len(calls) == 2 and all(calls)


# -- students held for a teacher -----------------------------------------------------------------


def _guess_until_held(accounts, info, student_id: str) -> float:  # noqa: ANN001
    now = T0
    for _ in range(PIN_RULES.hold_after):
        try:
            accounts.sign_in_student(info.class_id, student_id, _wrong(info.pin), now=now)
        except SignInError as err:
            now += err.wait_s + 1 if err.reason == "wait" else 1
            if err.reason == "wait":
                with pytest.raises(SignInError, match="PIN is not right"):
                    accounts.sign_in_student(info.class_id, student_id, _wrong(info.pin), now=now)
    return now


def test_many_wrong_pins_hold_a_student_until_a_teacher_unlocks(demo, teacher):
    ctx, info = demo
    accounts = ctx.services.accounts
    pick = accounts.sign_in_students(info.class_id)[0]
    now = _guess_until_held(accounts, info, pick.id)
    _refused(
        lambda: accounts.sign_in_student(info.class_id, pick.id, info.pin, now=now + 3600),
        "held",
        "Ask your teacher to unlock",
    )
    assert accounts.lock_state(teacher, pick.id, now=now).held

    # the student cannot free themselves, nor can another student
    me = accounts.sign_in_student(info.class_id, accounts.sign_in_students(info.class_id)[1].id, info.pin)
    with pytest.raises(PermissionDenied):
        accounts.unlock(me, pick.id)
    with pytest.raises(PermissionDenied):
        accounts.lock_state(me, pick.id)
    assert accounts.lock_state(teacher, pick.id, now=now).held

    accounts.unlock(teacher, pick.id, now=now + 3600)
    assert accounts.sign_in_student(info.class_id, pick.id, info.pin, now=now + 3601).person_id == pick.id


def test_a_new_pin_from_the_teacher_also_unlocks(demo, teacher):
    ctx, info = demo
    accounts = ctx.services.accounts
    pick = accounts.sign_in_students(info.class_id)[2]
    _guess_until_held(accounts, info, pick.id)
    accounts.set_pin(teacher, info.class_id, pick.id, "8642")
    assert accounts.sign_in_student(info.class_id, pick.id, "8642").person_id == pick.id


def test_a_hold_ends_a_day_after_the_wrong_pins(demo):
    ctx, info = demo
    accounts = ctx.services.accounts
    pick = accounts.sign_in_students(info.class_id)[3]
    now = _guess_until_held(accounts, info, pick.id)
    _refused(lambda: accounts.sign_in_student(info.class_id, pick.id, info.pin, now=now), "held", "unlock")
    assert (
        accounts.sign_in_student(info.class_id, pick.id, info.pin, now=now + 24 * 3600).person_id == pick.id
    )


def test_tombstoning_the_wrong_tries_does_not_clear_a_lock_out(demo):
    """A tampered machine could send tombstones for the events (sync lets an event be tombstoned);
    nothing legitimate does, so they still count."""
    ctx, info = demo
    accounts = ctx.services.accounts
    pick = accounts.sign_in_students(info.class_id)[4]
    now = _guess_until_held(accounts, info, pick.id)
    with ctx.db.write() as s:
        for ev in s.execute(select(SignInEvent).where(SignInEvent.person_id == pick.id)).scalars():
            ev.deleted = True
    _refused(lambda: accounts.sign_in_student(info.class_id, pick.id, info.pin, now=now), "held", "unlock")


def test_waits_are_said_in_whole_seconds_or_minutes():
    from app.people.accounts import _wait_words

    assert [_wait_words(x) for x in (0.2, 1.0, 29.6, 30.0, 90.0, 90.5, 899.0)] == [
        "1 second",
        "1 second",
        "30 seconds",
        "30 seconds",
        "90 seconds",
        "2 minutes",
        "15 minutes",
    ]
