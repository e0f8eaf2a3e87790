"""Counted words read as English: "1 student", "3 students", never "student(s)" (app/ui/plurals.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QLabel, QWidget

from app.ui.plurals import EnglishPlurals, install_plurals


def test_a_label_from_tr_reads_singular_or_plural(qtbot):
    w = QWidget()
    qtbot.addWidget(w)
    one, three, none = (QLabel(w.tr("%n student(s)", "", n)) for n in (1, 3, 0))
    assert (one.text(), three.text(), none.text()) == ("1 student", "3 students", "0 students")
    due = QCoreApplication.translate("SkillDetailView", "review due in %n day(s)", "", 1)
    assert due == "review due in 1 day"


def test_other_texts_are_left_as_written(qtbot):
    w = QWidget()
    qtbot.addWidget(w)
    assert w.tr("Class roster") == "Class roster"  # not blanked: "not translated" is a null answer
    assert w.tr("Imported %1 question(s)") == "Imported %1 question(s)"  # its number is not known here
    assert w.tr(" and %n more", "", 4) == " and 4 more"


class _French(QTranslator):
    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: ANN001, ANN201
        return "%n élève(s)" if source_text == "%n student(s)" else None

    def isEmpty(self) -> bool:  # noqa: N802
        return False


def test_a_real_translation_installed_later_wins(qtbot, qapp):
    ours = install_plurals(qapp)
    assert isinstance(ours, EnglishPlurals) and install_plurals(qapp) is ours  # installed once
    french = _French()
    qapp.installTranslator(french)
    try:
        w = QWidget()
        qtbot.addWidget(w)
        assert w.tr("%n student(s)", "", 2) == "2 élève(s)"
        assert w.tr("%n answer(s)", "", 2) == "2 answers"  # what it does not translate still reads well
    finally:
        qapp.removeTranslator(french)


def test_the_roster_counts_students_in_words(qtbot, demo):
    ctx, info = demo
    from app.ui.main_window import MainWindow

    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.signed_in(ctx.services.accounts.sign_in_teacher(info.username, info.password))
    page = w.area.show_page("roster")
    qtbot.waitUntil(lambda: page.count.text().endswith("students"), timeout=10_000)
    assert page.count.text() == f"{len(info.student_ids)} students"
    w.close()
