"""Setting a student's sign-in PIN from their page says it took, and the new PIN signs them in."""

from PySide6.QtWidgets import QInputDialog

from app.ui.main_window import MainWindow

T = 10_000


def test_a_new_pin_is_confirmed_on_the_page_and_signs_the_student_in(qtbot, demo, monkeypatch):
    ctx, info = demo
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    w.signed_in(ctx.services.accounts.sign_in_teacher(info.username, info.password))
    page = w.area.show_page("roster")
    qtbot.waitUntil(lambda: page.model.rowCount() == 24, timeout=T)
    student = info.student_ids[0]
    page.show_item(student)
    qtbot.waitUntil(lambda: page.detail.title.text() != "", timeout=T)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("4321", True)))
    page.detail._set_pin()
    name = page.detail.title.text()
    assert page.detail.editor.status.text() == f"New PIN set: {name} signs in with it from now on."
    class_id = page.detail.class_id
    assert ctx.services.accounts.sign_in_student(class_id, student, "4321").person_id == student
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("12", True)))
    page.detail.editor.status.setText("")
    monkeypatch.setattr("app.ui.widgets.student_view.show_error", lambda *_a: None)
    page.detail._set_pin()  # refused: no confirmation
    assert page.detail.editor.status.text() == ""
