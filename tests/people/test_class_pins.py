"""PINs for a whole class at once and sign-in cards (issue 20, item 5), on the demo class in a real file:
every student can sign in with the PIN issued for them, only the missing ones are made when asked, one
PIN for all works, other teachers and students are refused, and the cards PDF has one card a student."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from app.errors import InvalidInput, PermissionDenied, SignInError
from app.models import Account
from app.people.actor import Actor
from app.people.class_pins import class_pin_status, new_pin, set_class_pins


def _clear_pins(ctx, student_ids) -> None:
    with ctx.db.write() as s:
        for a in s.execute(select(Account).where(Account.person_id.in_(student_ids))).scalars():
            a.pin_hash = None


def test_new_pins_for_the_students_without_one_let_each_of_them_sign_in(demo, teacher):
    ctx, info = demo
    acc = ctx.services.accounts
    newcomers = info.student_ids[:3]
    _clear_pins(ctx, newcomers)
    st = class_pin_status(ctx.db, teacher, info.class_id)
    assert (st.students, st.without_pin) == (24, 3)
    with pytest.raises(SignInError, match="do not have a PIN"):
        acc.sign_in_student(info.class_id, newcomers[0], "1234")
    pins = set_class_pins(ctx.db, teacher, info.class_id, only_missing=True)
    assert {p.student_id for p in pins.issued} == set(newcomers) and pins.kept == 21
    assert pins.class_name == "Year 7 Maple"
    for p in pins.issued:
        assert re.fullmatch(r"\d{4}", p.pin) and p.pin != "1234"
        assert acc.sign_in_student(info.class_id, p.student_id, p.pin).person_id == p.student_id
    assert acc.sign_in_student(info.class_id, info.student_ids[5], "1234")  # the others kept theirs
    assert class_pin_status(ctx.db, teacher, info.class_id).without_pin == 0


def test_one_pin_for_the_whole_class_replaces_every_pin(demo, teacher):
    ctx, info = demo
    pins = set_class_pins(ctx.db, teacher, info.class_id, only_missing=False, same_pin="482913")
    assert len(pins.issued) == 24 and pins.kept == 0
    acc = ctx.services.accounts
    assert acc.sign_in_student(info.class_id, info.student_ids[7], "482913")
    with pytest.raises(SignInError):
        acc.sign_in_student(info.class_id, info.student_ids[7], "1234")
    with pytest.raises(InvalidInput):
        set_class_pins(ctx.db, teacher, info.class_id, same_pin="12a4")


def test_only_the_classes_teacher_sets_pins(demo, teacher):
    ctx, info = demo
    stranger = Actor("nobody", "teacher", info.school_id, "Someone Else")
    student = Actor(info.student_ids[0], "student", info.school_id, "A student")
    for who in (stranger, student):
        with pytest.raises(PermissionDenied):
            set_class_pins(ctx.db, who, info.class_id, only_missing=False, same_pin="9999")
        with pytest.raises(PermissionDenied):
            class_pin_status(ctx.db, who, info.class_id)
    assert ctx.services.accounts.sign_in_student(info.class_id, info.student_ids[0], "1234")  # unchanged


def test_generated_pins_are_never_the_easy_ones():
    pins = {new_pin() for _ in range(3000)}
    assert not pins & {"0000", "1234", "1111", "4321", "3456", "9876"}
    assert len(pins) > 2000  # drawn from the whole range


def test_the_cards_pdf_has_one_card_per_student(demo, teacher, tmp_path, qapp):
    from app.ui.widgets.signin_cards_pdf import PER_PAGE, write_signin_cards

    ctx, info = demo
    pins = set_class_pins(ctx.db, teacher, info.class_id, only_missing=False)
    out = write_signin_cards(pins.class_name, pins.issued, tmp_path / "cards.pdf")
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    assert pages == -(-len(pins.issued) // PER_PAGE) == 3
    assert not list(tmp_path.glob("*.part"))
    from PySide6.QtPdf import QPdfDocument

    doc = QPdfDocument()
    doc.load(str(out))
    assert doc.pageCount() == 3
    for i, p in enumerate(pins.issued):  # each card: the class, the name and that student's own PIN
        page = doc.getAllText(i // PER_PAGE).text().replace("\r\n", "\n")
        assert p.name in page and f"{p.name}\nOn the sign-in screen: {p.sign_in_name} PIN: {p.pin}" in page
        assert "Class: Year 7 Maple" in page and "\u2026" not in page  # nothing cut short


@pytest.fixture
def teacher(demo):
    ctx, info = demo
    return ctx.services.accounts.sign_in_teacher(info.username, info.password)
