"""Built-in help, offline: a short guide for teachers and one for students (``resources/help/*.md``),
shown in a window in the app's own look. F1 (and the Help menu) open it at the section for the page
on screen; a signed-in student sees the student guide only."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QMainWindow,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.config import resources_dir
from app.i18n import N_
from app.ui.theme import set_role

GUIDES = {"teacher": "teacher.md", "student": "student.md"}
# The section of a guide for each page (its heading's words), so F1 opens where the user is.
SECTIONS = {
    "roster": N_("Class roster"), "heatmap": "Skills", "plans": "Plans", "challenges": "Challenges",
    "checkins": "Check-ins", "writing_review": N_("Writing review"), "sync": "Sync",
    "home": N_("Home"), "practice": "Practice", "writing": "Writing", "my_plan": "My plan",
    "my_challenge": "My challenge", "checkin": "Check in", "my_profile": N_("My profile"),
    "signin": "Signing in", "welcome": "Getting started",
    "school": "School", "library": "Library", "school_overview": "For school leaders",
    "framework": "For school leaders",
}  # fmt: skip


def _style() -> str:
    """The guide's headings and text in the scheme's colours, at sizes relative to the app's font."""
    from app.ui.theme import tokens

    t = tokens()
    return f"body {{ color: {t.text}; }} h1 {{ font-size: x-large; }} h2 {{ font-size: large; color: {t.accent}; }}"


def guide_text(role: str) -> str:
    path = resources_dir() / "help" / GUIDES["student" if role == "student" else "teacher"]
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError:
        return "# Help\n\nThe guide is missing from this installation. Ask whoever installed Tessera."


def _browser(role: str, name: str) -> QTextBrowser:
    view = QTextBrowser()
    view.setAccessibleName(name)
    view.setOpenExternalLinks(False)  # offline: nothing leaves the computer
    view.document().setDefaultStyleSheet(_style())
    view.setMarkdown(guide_text(role))
    set_role(view, "help")
    return view


class HelpWindow(QDialog):
    """One window, reused: tabs "For teachers" / "For students" (students: their guide only)."""

    def __init__(self, student_only: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tessera help"))
        self.setAccessibleName(self.tr("Tessera help"))
        self.resize(720, 640)
        self.views: dict[str, QTextBrowser] = {}
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Guides"))
        roles = ("student",) if student_only else ("teacher", "student")
        for role in roles:
            title = self.tr("For students") if role == "student" else self.tr("For teachers")
            self.views[role] = view = _browser(role, self.tr("Guide %1").replace("%1", title.lower()))
            self.tabs.addTab(view, title)
        close = QPushButton(self.tr("&Close"))
        close.setAccessibleName(self.tr("Close help"))
        close.clicked.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)

    def open_at(self, role: str, page_key: str = "") -> None:
        role = role if role in self.views else next(iter(self.views))
        view = self.views[role]
        self.tabs.setCurrentWidget(view)
        self.show()  # laid out first, so scrolling to the section lands where it should
        self.raise_()
        self.activateWindow()
        cursor = view.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.Start)
        view.setTextCursor(cursor)
        view.verticalScrollBar().setValue(0)
        self.section = ""
        heading = SECTIONS.get(page_key, "")
        if heading and self._find_heading(view, heading):
            self.section = heading
        view.setFocus()

    @staticmethod
    def _find_heading(view: QTextBrowser, heading: str) -> bool:
        doc = view.document()
        block = doc.begin()
        while block.isValid():
            if block.blockFormat().headingLevel() == 2 and block.text().strip() == heading:
                break
            block = block.next()
        else:
            return False
        cursor = QTextCursor(block)
        view.setTextCursor(cursor)
        # The heading at the top of the view, not merely somewhere in it.
        top = view.document().documentLayout().blockBoundingRect(block).top()
        view.verticalScrollBar().setValue(int(top))
        return True


def install_help(window: QMainWindow, where: Callable[[], tuple[str, str]]) -> None:
    """A Help menu and F1 on ``window``. ``where()`` says (role, page key) of what is on screen:
    role "student" when a student is signed in."""
    state: dict[str, HelpWindow] = {}

    def show(role_wanted: str | None = None) -> None:
        role, page = where()
        student = role == "student"
        win = state.get("win")
        if win is None or win.property("student_only") != student:
            if win is not None:
                win.deleteLater()
            win = state["win"] = HelpWindow(student, window)
            win.setProperty("student_only", student)
            window.help_window = win  # type: ignore[attr-defined]
        # Before sign-in, F1 is most often a student at the sign-in screen.
        default = role or ("student" if page == "signin" else "teacher")
        win.open_at(role_wanted or default, page if role_wanted in (None, default) else "")

    menu = window.menuBar().addMenu(window.tr("&Help"))
    guide = QAction(window.tr("Guide for this page"), window)
    guide.setShortcut(QKeySequence(Qt.Key.Key_F1))
    guide.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
    guide.triggered.connect(lambda: show())
    teachers = QAction(window.tr("Guide for &teachers"), window)
    teachers.triggered.connect(lambda: show("teacher"))
    students = QAction(window.tr("Guide for &students"), window)
    students.triggered.connect(lambda: show("student"))
    for action in (guide, teachers, students):
        menu.addAction(action)
    window.help_actions = (guide, teachers, students)  # type: ignore[attr-defined]

    def role_changed() -> None:  # a signed-in student sees their own guide only
        teachers.setVisible(where()[0] != "student")

    menu.aboutToShow.connect(role_changed)
