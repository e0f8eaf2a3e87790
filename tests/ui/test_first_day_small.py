"""The small things a first day trips over (issue 20, item 7): the "too long to save" error goes once the
text is short again; the window fits a 1366x768 screen and remembers being maximized; the plans table
keeps "Next milestone" and its dates whole; the PDF's jagged profile names its skills and cuts nothing
off; a right-to-left name keeps its place in the PDF title."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QTextDocument
from windowhelp import close_all, open_window

from app.people.actor import Actor
from app.ui import window_state
from app.ui.tasks import wait_idle
from app.writing.results import TaskSpec

T = 15_000
_OPEN: list = []


@pytest.fixture(autouse=True)
def _windows(demo):
    yield
    close_all(_OPEN)


@pytest.fixture
def teacher(demo):
    ctx, info = demo
    return ctx.services.accounts.sign_in_teacher(info.username, info.password)


def test_the_too_long_error_clears_after_undo(qtbot, demo, teacher, monkeypatch):
    from app.writing import drafts

    monkeypatch.setattr(drafts, "MAX_DRAFT_BYTES", 40)
    ctx, info = demo
    task_id = ctx.services.writing.create_task(teacher, info.class_id, TaskSpec("Pets", "A pet.")).id
    me = Actor(info.student_ids[5], "student", info.school_id, "Finn Murphy")
    w = open_window(qtbot, ctx, _OPEN, me, size=(1280, 800))
    page = w.area.show_page("writing")
    qtbot.waitUntil(lambda: any(m.task.id == task_id for m in page.tasks), timeout=T)
    with qtbot.waitSignal(page.opened, timeout=T):
        page.open_task(task_id)
    page.editor.setFocus()
    qtbot.keyClicks(page.editor, "My cat.")
    with qtbot.waitSignal(page.saved, timeout=T):
        page.save(force=True)
    qtbot.keyClicks(page.editor, " She sleeps all day long and all night too.")
    page.save(force=True)
    qtbot.waitUntil(lambda: "too long to save" in page.save_status.text(), timeout=T)
    page.editor.undo()  # Ctrl+Z: the typing goes (Qt undoes a run of typing at once)
    assert len(page.editor.toPlainText()) < 40
    assert "too long" not in page.save_status.text() and "Not saved yet" in page.save_status.text()
    assert "#b91c1c" not in page.save_status.styleSheet()  # no longer shown as an error
    qtbot.keyClicks(page.editor, " Hi.")  # short enough: it saves again
    with qtbot.waitSignal(page.saved, timeout=T):
        page.save()
    assert "too long" not in page.save_status.text()


def test_the_window_fits_a_1366x768_screen_and_remembers_maximized(qtbot, demo, tmp_path):
    from app.ui.main_window import MainWindow

    laptop = QRect(0, 0, 1366, 768 - 40)  # less a task bar
    size = window_state.fitted(window_state.DEFAULT, laptop)
    assert size.height() + window_state.FRAME.height() <= laptop.height() and size.width() <= 1366
    assert window_state.fitted(window_state.DEFAULT, QRect(0, 0, 1024, 600 - 32)).height() <= 600 - 32 - 48
    w = MainWindow(demo[0])
    qtbot.addWidget(w)
    window_state.restore_and_show(w, tmp_path)
    assert w.height() + window_state.FRAME.height() <= 768 and not w.isMaximized()
    w.showMaximized()
    w.close()  # remembered on closing
    assert window_state.read(tmp_path)["maximized"] is True
    again = MainWindow(demo[0])
    qtbot.addWidget(again)
    window_state.restore_and_show(again, tmp_path)
    assert again.windowState() & Qt.WindowState.WindowMaximized
    again.close()


def test_next_milestone_and_its_dates_are_whole_at_the_default_size(qtbot, demo, teacher):
    ctx, _info = demo
    w = open_window(qtbot, ctx, _OPEN, teacher)  # the default size
    assert (w.width(), w.height()) == (1180, 680)
    page = w.area.show_page("plans")
    qtbot.waitUntil(lambda: page.proxy.rowCount() > 0, timeout=T)
    wait_idle()
    header = page.table.horizontalHeader()
    needed = header.fontMetrics().horizontalAdvance("Next milestone") + 12
    assert header.sectionSize(5) >= needed
    cells = [page.proxy.index(r, 5).data() for r in range(page.proxy.rowCount())]
    dated = [c for c in cells if c]
    assert dated and all(c.split(":")[0][0].isdigit() for c in dated)  # the date comes first


def test_the_jagged_profile_names_skills_and_cuts_nothing_off(demo, teacher, qapp):
    from app.ui.widgets.report_pdf import jagged_image

    ctx, info = demo
    report = ctx.services.reports.student_report(teacher, info.student_ids[3])
    drawn: list = []
    img = jagged_image(report.domains, drawn=drawn)
    inside = QRectF(img.rect())
    skills = [s for d in report.domains for s in d.skills]
    names = [d[2] for d in drawn if d[0] == "name"]
    assert names == [s.name for s in skills] and not any(s.code in names for s in skills)
    for kind, box, *_ in drawn:
        assert inside.contains(box), (kind, box, inside)


def test_a_right_to_left_name_keeps_its_place_in_the_pdf_title(demo, teacher, qapp, tmp_path):
    from PySide6.QtPdf import QPdfDocument

    from app.ui.widgets.report_pdf import report_html, write_student_pdf

    ctx, info = demo
    name = "\u0644\u064a\u0644\u0649 \u062d\u0633\u0646"
    report = replace(ctx.services.reports.student_report(teacher, info.student_ids[3]), student_name=name)
    doc = QTextDocument()
    doc.setHtml(report_html(report))
    doc.setTextWidth(600)
    doc.size()  # lays it out
    title = doc.begin()
    text = title.text()
    layout = title.layout()
    assert layout is not None and layout.lineCount() >= 1
    line = layout.lineAt(0)
    colon, start = text.index(":"), text.index(name)
    # Left to right: the name (read right to left inside itself) first, then ": progress report".
    assert line.cursorToX(colon)[0] > line.cursorToX(start + len(name))[0] - 1
    assert line.cursorToX(text.index("progress"))[0] > line.cursorToX(colon)[0]
    assert title.textDirection() == Qt.LayoutDirection.LeftToRight
    out = write_student_pdf(report, tmp_path / "r.pdf")
    pdf = QPdfDocument()
    pdf.load(str(out))
    assert name in pdf.metaData(QPdfDocument.MetaDataField.Title)
