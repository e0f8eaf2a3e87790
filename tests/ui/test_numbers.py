"""Numbers typed in the user's language: "1,5" is one and a half in Spanish, and "1,500" is asked
again rather than silently read as fifteen hundred (or one and a half)."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QLocale, Qt

from app.practice.engine.answers import parse_number
from app.ui.numbers import AmbiguousNumber, read_number

ES, EN = QLocale("es_CO"), QLocale("en_US")


@pytest.mark.parametrize(
    ("typed", "value"),
    [("1,5", "3/2"), ("0,75", "3/4"), ("-3,25", "-13/4"), ("x = 2,5", "5/2"), ("1.234.567", "1234567"),
     ("1.234,5", "2469/2"), ("12", "12"), ("3/4", "3/4"), ("1 1/2", "3/2"), ("1.5", "3/2"), ("€1,25", "5/4")],
)  # fmt: skip
def test_spanish_numbers_read_as_spanish_writes_them(typed, value):
    assert parse_number(read_number(typed, ES)) == Fraction(value)


@pytest.mark.parametrize("typed", ["1,500", "1.500", "1,234,567", "1,234.5", "0,125"])
def test_a_number_that_reads_two_ways_is_refused_in_plain_words(typed):
    with pytest.raises(AmbiguousNumber) as err:
        read_number(typed, ES)
    assert typed in str(err.value) and "1500" in str(err.value)


def test_english_keeps_the_practice_engines_rules():
    assert read_number("1,500", EN) == "1,500"
    assert parse_number(read_number("1,500", EN)) == 1500
    assert read_number("abc", ES) == "abc"  # not a number: the service says how to write one


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**7), st.integers(min_value=0, max_value=3))
def test_whatever_qt_writes_in_spanish_reads_back_or_is_refused_never_misread(cents, places):
    """Round trip: a number Qt writes in Spanish (with or without thousands groups) reads back as
    itself, or is refused as ambiguous; it is never read as a different number."""
    value = Fraction(cents, 10**places)
    for text in (
        ES.toString(float(value), "f", places),
        ES.toString(float(value), "f", places).replace(".", ""),
    ):
        try:
            read = read_number(text, ES)
        except AmbiguousNumber:
            continue
        assert parse_number(read) == value, (text, read)


def test_the_practice_page_asks_again_for_an_ambiguous_answer(qtbot, demo):
    from sqlalchemy import text

    from app.ui.main_window import MainWindow
    from app.ui.student.practice import ASKING

    ctx, info = demo
    before = QLocale()
    QLocale.setDefault(ES)
    try:
        acc = ctx.services.accounts
        with ctx.db.read() as s:
            skill_id = s.execute(text("SELECT id FROM skill WHERE name = 'Adding fractions'")).scalar_one()
        w = MainWindow(ctx)
        qtbot.addWidget(w)
        w.show()
        student = acc.sign_in_students(info.class_id)[0]
        w.signed_in(acc.sign_in_student(info.class_id, student.id, info.pin))
        page = w.centralWidget().show_page("practice")
        page.choose_skill(skill_id)
        with qtbot.waitSignal(page.question_shown, timeout=10_000):
            page.start()
        assert page.item.kind == "number"
        qtbot.keyClicks(page.answer.line, "1,500")
        qtbot.keyClick(page.answer.line, Qt.Key.Key_Return)
        assert "can be read two ways" in page.message.text()
        with ctx.db.read() as s:
            answered = s.execute(text("SELECT count(*) FROM attempt")).scalar_one()
        assert page.state == ASKING and page.answer.line.isEnabled()  # asked again, not marked
        page.answer.line.selectAll()
        qtbot.keyClicks(page.answer.line, "1,5")
        with qtbot.waitSignal(page.answered, timeout=10_000):
            qtbot.keyClick(page.answer.line, Qt.Key.Key_Return)
        with ctx.db.read() as s:
            assert s.execute(text("SELECT count(*) FROM attempt")).scalar_one() == answered + 1
            assert (
                s.execute(text("SELECT answer FROM attempt ORDER BY at DESC LIMIT 1")).scalar_one() == "1.5"
            )
        w.close()
    finally:
        QLocale.setDefault(before)
