"""Built-in help (issue 20, item 6): a Help menu and F1 open a short offline guide at the page on
screen; a student sees the student guide only; every page has its section; the guides stay offline;
docs/teacher-guide.md carries every section of the in-app teacher guide."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from windowhelp import close_all, open_window

from app.people.actor import Actor
from app.ui.help import SECTIONS, guide_text
from app.ui.nav import pages_for

ROOT = Path(__file__).resolve().parents[2]
_OPEN: list = []


@pytest.fixture(autouse=True)
def _windows(demo):
    yield
    close_all(_OPEN)


def test_f1_opens_the_teachers_guide_at_the_page_on_screen(qtbot, demo):
    ctx, info = demo
    w = open_window(qtbot, ctx, _OPEN, ctx.services.accounts.sign_in_teacher(info.username, info.password))
    w.area.show_page("heatmap")
    guide, teachers, students = w.help_actions
    assert guide.shortcut() == QKeySequence(Qt.Key.Key_F1)
    menus = [a.text() for a in w.menuBar().actions()]
    assert "&Help" in menus
    guide.trigger()
    win = w.help_window
    assert win.isVisible() and win.section == "Skills" and win.tabs.count() == 2
    assert win.tabs.currentWidget() is win.views["teacher"]
    assert "orange" in win.views["teacher"].toPlainText()
    students.trigger()
    assert win.tabs.currentWidget() is win.views["student"]


def test_a_student_gets_the_student_guide_only(qtbot, demo):
    ctx, info = demo
    me = Actor(info.student_ids[3], "student", info.school_id, "Dev Patel")
    w = open_window(qtbot, ctx, _OPEN, me)
    w.area.show_page("practice")
    w.help_actions[0].trigger()
    win = w.help_window
    assert win.tabs.count() == 1 and win.section == "Practice"
    assert "never gives the answer away" in win.views["student"].toPlainText()


def test_every_page_has_its_section_and_the_guides_stay_offline():
    for role in ("teacher", "student"):
        text = guide_text(role)
        headings = set(re.findall(r"^## (.+)$", text, re.M))
        for key, _title, _spec in pages_for(role):
            assert SECTIONS[key] in headings, (role, key)
        assert "http://" not in text and "https://" not in text


def test_the_teacher_guide_in_docs_has_every_section_and_its_pictures_exist():
    inside = re.findall(r"^## (.+)$", guide_text("teacher"), re.M)
    doc = (ROOT / "docs" / "teacher-guide.md").read_text(encoding="utf-8")
    assert all(f"## {h}" in doc for h in inside)
    pictures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", doc)
    assert len(pictures) >= 5 and all((ROOT / "docs" / p).is_file() for p in pictures)


def test_the_heatmap_key_and_sync_buttons_explain_themselves(qtbot, demo):
    from PySide6.QtWidgets import QLabel

    ctx, info = demo
    w = open_window(qtbot, ctx, _OPEN, ctx.services.accounts.sign_in_teacher(info.username, info.password))
    heat = w.area.show_page("heatmap")
    keys = [lb for lb in heat.findChildren(QLabel) if lb.accessibleName().startswith("Key: ")]
    assert len(keys) == 6 and all(k.toolTip() for k in keys)
    assert "wrong" in next(k for k in keys if "Stuck" in k.accessibleName()).toolTip()
    sync = w.area.show_page("sync")
    assert sync.now.toolTip() and sync.choose.toolTip() and sync.restore.toolTip()
