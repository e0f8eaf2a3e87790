"""The UI shell driven like a person would: sign in, roster, student detail, profile, idle sign-out."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.ui.main_window import MainArea, MainWindow
from app.ui.signin import SignInScreen
from app.ui.welcome import WelcomeScreen


def _window(qtbot, ctx):
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    return w


def _teacher_in(qtbot, w, info):
    screen = w.centralWidget()
    assert isinstance(screen, SignInScreen)
    screen.tabs.setCurrentIndex(1)
    qtbot.keyClicks(screen.username, info.username)
    qtbot.keyClicks(screen.password, info.password)
    qtbot.mouseClick(screen.teacher_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(w.centralWidget(), MainArea), timeout=10_000)
    return w.centralWidget()


def test_teacher_signs_in_and_sees_roster(qtbot, demo):
    ctx, info = demo
    w = _window(qtbot, ctx)
    area = _teacher_in(qtbot, w, info)
    roster = area.pages["roster"]
    qtbot.waitUntil(lambda: roster.model.rowCount() == 24, timeout=10_000)
    qtbot.keyClicks(roster.search, "pat")
    qtbot.waitUntil(lambda: roster.model.rowCount() == 1, timeout=10_000)
    assert roster.model.rows[0].full_name == "Dev Patel"


def test_wrong_password_says_so(qtbot, demo):
    ctx, info = demo
    w = _window(qtbot, ctx)
    screen = w.centralWidget()
    screen.tabs.setCurrentIndex(1)
    qtbot.keyClicks(screen.username, info.username)
    qtbot.keyClicks(screen.password, "nope")
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "do not match" in screen.message.text(), timeout=10_000)
    assert isinstance(w.centralWidget(), SignInScreen)


def test_archive_and_undo_from_roster(qtbot, demo):
    ctx, info = demo
    w = _window(qtbot, ctx)
    roster = _teacher_in(qtbot, w, info).pages["roster"]
    qtbot.waitUntil(lambda: roster.model.rowCount() == 24, timeout=10_000)
    roster.table.selectRow(0)
    name = roster.selected().full_name
    qtbot.mouseClick(roster.archive_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: roster.model.rowCount() == 23, timeout=10_000)
    assert name in roster.undo_banner.text() and roster.undo_button.isVisibleTo(roster)
    qtbot.mouseClick(roster.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: roster.model.rowCount() == 24, timeout=10_000)
    assert name in [r.full_name for r in roster.model.rows]


def test_add_and_rename_a_student_from_the_roster(qtbot, demo, monkeypatch):
    """The dialog's answers are written on the write worker; the list shows them when it is done, and a
    name the service refuses is explained without losing the roster."""
    from app.ui.teacher import roster as module

    ctx, info = demo
    w = _window(qtbot, ctx)
    roster = _teacher_in(qtbot, w, info).pages["roster"]
    qtbot.waitUntil(lambda: roster.model.rowCount() == 24, timeout=10_000)
    answers = iter([("Zoe", "Quinn", ""), ("Zoe", "Quinn-Adeyemi", "Zo"), ("", "", "")])

    def answered(dialog):  # stands in for the modal exec(): fill the fields, press OK
        given, family, display = next(answers)
        dialog.given.setText(given)
        dialog.family.setText(family)
        dialog.display.setText(display)
        return module.QDialog.DialogCode.Accepted

    monkeypatch.setattr(module.StudentDialog, "exec", answered)
    errors = []
    monkeypatch.setattr(module, "show_error", lambda _w, e: errors.append(e))
    roster.add_student()
    qtbot.waitUntil(lambda: roster.model.rowCount() == 25, timeout=10_000)
    row = next(r for r in roster.model.rows if r.given_name == "Zoe")
    roster.table.selectRow(
        roster.proxy.mapFromSource(roster.model.index(roster.model.rows.index(row), 0)).row()
    )
    roster.edit_selected()
    qtbot.waitUntil(lambda: any(r.family_name == "Quinn-Adeyemi" for r in roster.model.rows), timeout=10_000)
    roster.add_student()  # no name at all
    qtbot.waitUntil(lambda: bool(errors), timeout=10_000)
    assert roster.model.rowCount() == 25


def test_sorting_by_mastered_skills(qtbot, demo):
    ctx, info = demo
    w = _window(qtbot, ctx)
    roster = _teacher_in(qtbot, w, info).pages["roster"]
    qtbot.waitUntil(lambda: roster.model.rowCount() == 24, timeout=10_000)
    from app.ui.qmodels.roster_model import COLUMNS

    mastered = COLUMNS.index("Skills mastered")  # (column 2 became "Needs attention", loaded later)
    roster.table.sortByColumn(mastered, Qt.SortOrder.DescendingOrder)
    values = [roster.proxy.index(r, mastered).data() for r in range(roster.proxy.rowCount())]
    assert values == sorted(values, reverse=True) and any(values)


def test_student_detail_and_profile_edit(qtbot, demo):
    ctx, info = demo
    w = _window(qtbot, ctx)
    roster = _teacher_in(qtbot, w, info).pages["roster"]
    qtbot.waitUntil(lambda: roster.model.rowCount() == 24, timeout=10_000)
    roster.table.selectRow(3)
    row = roster.selected()
    with qtbot.waitSignal(roster.detail.loaded, timeout=10_000):
        qtbot.mouseClick(roster.open_button, Qt.MouseButton.LeftButton)
    assert roster.detail.title.text() == row.full_name
    assert roster.detail.jagged.chart.series()  # the jagged profile is drawn
    notes = roster.detail.editor.edits["teacher_notes"]
    notes.setPlainText("Ready for two-step equations")
    qtbot.mouseClick(roster.detail.editor.save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: roster.detail.editor.status.text() == "Saved.", timeout=10_000)
    teacher = ctx.services.accounts.sign_in_teacher(info.username, info.password)
    assert ctx.services.profiles.get(teacher, row.id).teacher_notes == "Ready for two-step equations"


def test_student_signs_in_with_pin_and_edits_own_words(qtbot, demo):
    ctx, info = demo
    w = _window(qtbot, ctx)
    screen = w.centralWidget()
    screen.names.setCurrentRow(0)
    qtbot.keyClicks(screen.pin, "9999")
    qtbot.keyClick(screen.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "not right" in screen.message.text(), timeout=10_000)
    qtbot.keyClicks(screen.pin, info.pin)
    qtbot.keyClick(screen.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(w.centralWidget(), MainArea), timeout=10_000)
    page = w.centralWidget().show_page("my_profile")  # Home is the first student page
    qtbot.waitUntil(lambda: page.view.title.text() != "", timeout=10_000)
    editor = page.view.editor
    assert "teacher_notes" not in editor.edits  # private notes are not even shown
    assert editor.edits["accommodations"].isReadOnly()
    editor.edits["interests"].setText("volcanoes, chess")
    qtbot.mouseClick(editor.save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.status.text() == "Saved.", timeout=10_000)
    actor = w.centralWidget().actor
    assert ctx.services.profiles.get(actor, actor.person_id).interests == ["volcanoes", "chess"]


def test_idle_sign_out(qtbot, demo):
    ctx, info = demo
    w = _window(qtbot, ctx)
    _teacher_in(qtbot, w, info)
    w.idle.set_minutes(0.002)  # about 120 ms
    qtbot.waitUntil(lambda: isinstance(w.centralWidget(), SignInScreen), timeout=5_000)
    assert "signed out" in w.centralWidget().message.text()


def test_sign_out_button(qtbot, demo):
    ctx, info = demo
    w = _window(qtbot, ctx)
    area = _teacher_in(qtbot, w, info)
    area.sign_out_requested.emit()
    assert isinstance(w.centralWidget(), SignInScreen)
    assert w.centralWidget().message.text() == ""


def test_first_start_creates_my_class(qtbot, ctx):
    w = _window(qtbot, ctx)
    screen = w.centralWidget()
    assert isinstance(screen, WelcomeScreen)
    values = {
        "school": "Hill School",
        "given": "Sam",
        "family": "Lee",
        "username": "sam.lee",
        "password": "correct horse",
        "klass": "6B",
    }
    for key, value in values.items():
        qtbot.keyClicks(screen.fields[key], value)
    arrived = []
    screen.class_arrived.connect(lambda: arrived.append(True))
    qtbot.mouseClick(screen.create_button, Qt.MouseButton.LeftButton)
    assert isinstance(w.centralWidget(), MainArea)
    roster = w.centralWidget().pages["roster"]
    assert roster.class_box.currentText().startswith("6B")
    # A sync update on its way to the welcome screen lands now: the class was made here, it did not
    # arrive from the share, so the teacher stays signed in.
    from app.sync.agent import SyncSnapshot

    screen._synced(SyncSnapshot(state="idle", last_sync_at=1.0))
    assert not arrived and isinstance(w.centralWidget(), MainArea)


def test_first_start_demo_button_builds_demo(qtbot, ctx):
    w = _window(qtbot, ctx)
    screen = w.centralWidget()
    qtbot.mouseClick(screen.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(w.centralWidget(), SignInScreen), timeout=60_000)
    assert "demo.teacher" in w.centralWidget().message.text()
    assert w.centralWidget().names.count() == 24


def test_window_shows_class_before_database_is_open(qtbot, demo):
    from app.store.quick_read import sign_in_lists

    ctx, info = demo
    quick = sign_in_lists(ctx.settings.database_path)
    assert quick and len(quick[0].students) == 24
    w = MainWindow(quick=quick)
    qtbot.addWidget(w)
    screen = w.centralWidget()
    assert isinstance(screen, SignInScreen) and screen.names.count() == 24
    assert not screen.student_button.isEnabled()  # cannot sign in until the data is open
    screen.names.setCurrentRow(2)
    w.attach(ctx)
    assert w.centralWidget() is screen and screen.student_button.isEnabled()
    assert screen.names.currentRow() == 2  # nothing the student did is lost


def test_quick_read_gives_up_quietly(tmp_path):
    from app.store.quick_read import sign_in_lists

    assert sign_in_lists(tmp_path / "missing.db") is None
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not sqlite" * 100)
    assert sign_in_lists(junk) is None


def test_erase_student_from_detail_page(qtbot, demo, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    ctx, info = demo
    w = _window(qtbot, ctx)
    roster = _teacher_in(qtbot, w, info).pages["roster"]
    qtbot.waitUntil(lambda: roster.model.rowCount() == 24, timeout=10_000)
    roster.table.selectRow(0)
    row = roster.selected()
    with qtbot.waitSignal(roster.detail.loaded, timeout=10_000):
        roster.open_selected()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (row.full_name, True))
    with qtbot.waitSignal(roster.detail.erased, timeout=10_000):
        roster.detail._erase()
    qtbot.waitUntil(lambda: roster.model.rowCount() == 23, timeout=10_000)
    assert roster.stack.currentIndex() == 0


def test_the_focus_starts_where_a_keyboard_user_begins(qtbot, demo):
    """Nothing had the focus on the sign-in screen or after sign-in (Tab had nowhere to start): the
    name list (the username on the teacher tab), then the roster's search box or the student's Home list."""
    from PySide6.QtWidgets import QApplication

    ctx, info = demo
    w = _window(qtbot, ctx)
    qtbot.waitExposed(w)
    w.activateWindow()
    screen = w.centralWidget()

    def focused(widget) -> bool:  # the window's focus; the application's too once the window is active
        app_focus = QApplication.focusWidget()
        return w.focusWidget() is widget and (app_focus is None or app_focus is widget)

    qtbot.waitUntil(lambda: focused(screen.names), timeout=5_000)
    bar = screen.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    assert screen.tabs.currentIndex() == 1
    qtbot.waitUntil(lambda: focused(screen.username), timeout=5_000)

    area = _teacher_in(qtbot, w, info)
    qtbot.waitUntil(lambda: focused(area.pages["roster"].search), timeout=5_000)

    area.sign_out_requested.emit()
    screen = w.centralWidget()
    qtbot.waitUntil(lambda: focused(screen.names), timeout=5_000)
    screen.names.setCurrentRow(0)
    qtbot.keyClicks(screen.pin, info.pin)
    qtbot.keyClick(screen.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(w.centralWidget(), MainArea), timeout=10_000)
    area = w.centralWidget()
    qtbot.waitUntil(lambda: focused(area.pages["home"].list), timeout=5_000)
