"""One student's page: profile, jagged profile and celebrations. Used by the teacher's student
detail and the student's own "My profile"; loads off the UI thread."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import AppContext
from app.people.actor import Actor
from app.people.profiles import ProfileView
from app.ui.events import ChangeBus, Kind
from app.ui.locale_format import number as count_text
from app.ui.messages import error_text, show_error
from app.ui.tasks import Latest, run_task
from app.ui.theme import set_role
from app.ui.theme.icons import set_icon
from app.ui.widgets.celebrations import CelebrationList
from app.ui.widgets.jagged_profile import JaggedProfile
from app.ui.widgets.lazy_refresh import LazyRefresh
from app.ui.widgets.notes_panel import NotesPanel
from app.ui.widgets.profile_editor import ProfileEditor


class StudentView(QWidget):
    loaded = Signal()
    erased = Signal(str)

    def __init__(
        self, ctx: AppContext, actor: Actor, bus: ChangeBus | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.actor = ctx, actor
        self.student_id = ""
        self._loads = Latest()
        self._shown = ""  # the student whose profile is in the editor
        self.title = QLabel("")
        set_role(self.title, "title")
        self.title.setAccessibleName(self.tr("Student name"))
        self.editor = ProfileEditor(teacher=actor.is_teacher)
        self.editor.save_requested.connect(self._save)
        self.jagged = JaggedProfile()
        self.celebrations = CelebrationList()
        self.unlock: QPushButton | None = None  # shown while the student's sign-in is locked

        left = QGroupBox(self.tr("Profile"))
        QVBoxLayout(left).addWidget(self.editor)
        right = QVBoxLayout()
        chart_box = QGroupBox(self.tr("Jagged profile"))
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.addWidget(self.jagged, 1)
        # Where levels judged from work came from ("Judged by ... from your essay ..., 2 Dec").
        self.sources_title = QLabel(self.tr("<b>Levels judged from work</b>"))
        self.sources = QListWidget()
        self.sources.setAccessibleName(self.tr("Where levels judged from work came from"))
        self.sources.setWordWrap(True)
        self.sources.setMaximumHeight(150)
        chart_layout.addWidget(self.sources_title)
        chart_layout.addWidget(self.sources)
        cel_box = QGroupBox(self.tr("Celebrations"))
        cel_layout = QVBoxLayout(cel_box)
        cel_layout.addWidget(self.celebrations)
        if actor.is_teacher:
            buttons = QHBoxLayout()
            add = QPushButton(self.tr("&Celebrate a win…"))
            set_icon(add, "sparkles")
            add.setAccessibleName(self.tr("Celebrate a win"))
            add.clicked.connect(self._celebrate)
            pin = QPushButton(self.tr("Set sign-in &PIN…"))
            pin.setAccessibleName(self.tr("Set sign-in PIN"))
            pin.clicked.connect(self._set_pin)
            export = QPushButton(self.tr("E&xport data…"))
            export.setAccessibleName(self.tr("Export data of this student"))
            export.clicked.connect(self._export)
            erase = QPushButton(self.tr("Erase…"))
            erase.setAccessibleName(self.tr("Erase this student's data"))
            erase.clicked.connect(self._erase)
            self.unlock = QPushButton(self.tr("Sign-in locked: unlock"))
            self.unlock.setAccessibleName(self.tr("Unlock this student's sign-in"))
            self.unlock.clicked.connect(self._unlock)
            self.unlock.hide()
            for b in (add, pin, export, erase):
                buttons.addWidget(b)
            buttons.addStretch(1)
            cel_layout.addLayout(buttons)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(left, 3)
        right.addWidget(cel_box, 2)
        # The teacher's own notes and their co-teachers' shared ones (issue 21); not on "My profile".
        self.notes: NotesPanel | None = None
        if actor.is_teacher:
            self.notes = NotesPanel(ctx, actor)
            right.addWidget(self.notes, 2)
        # Profile and celebrations together need ~730 px: scrolled, the window still fits a 1366x768 or
        # 1280x720 laptop screen (the chart beside them scrolls on its own).
        column = QWidget()
        column.setLayout(right)
        self.column = QScrollArea()
        self.column.setWidgetResizable(True)
        self.column.setFrameShape(QScrollArea.Shape.NoFrame)
        self.column.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.column.setWidget(column)
        # Never narrower than its content: only up and down scrolling.
        bar = self.column.verticalScrollBar().sizeHint().width()
        self.column.setMinimumWidth(column.minimumSizeHint().width() + bar)
        # Side by side; one above the other when the page is too narrow (a large text size).
        body = QSplitter()
        body.setChildrenCollapsible(False)
        body.addWidget(self.column)
        body.addWidget(chart_box)
        body.setStretchFactor(0, 2)
        body.setStretchFactor(1, 3)
        outer = QVBoxLayout(self)
        if self.unlock is None:
            outer.addWidget(self.title)
        else:  # beside the name, where a teacher looks when a student says they are locked out
            top = QHBoxLayout()
            top.addWidget(self.title)
            top.addStretch(1)
            top.addWidget(self.unlock)
            outer.addLayout(top)
        outer.addWidget(body, 1)
        self.class_id = ""
        if bus is not None:  # what it shows changed (here or by sync): the shown student reloads
            shows = Kind.PROFILE | Kind.PRACTICE | Kind.CELEBRATIONS | Kind.ROSTER | Kind.SKILLS
            self.lazy = LazyRefresh(self, bus, shows, self.reload)

    def load(self, student_id: str, class_id: str = "") -> None:
        self.student_id, self.class_id = student_id, class_id
        s, a = self.ctx.services, self.actor
        if self.notes is not None:
            self.notes.show_student(class_id, student_id)

        def work(_p):  # noqa: ANN001, ANN202
            return (
                s.profiles.get(a, student_id),
                s.framework.jagged_profile(a, student_id),
                s.celebrations.for_student(a, student_id),
                s.judgements.deciding_for_student(a, student_id),
            )

        # Loads run in parallel: a student opened before (or an older load of this one) finishing late
        # must not show, or the profile of one student would sit in the editor under another's id.
        run_task(work, self._loads(self._show), lambda e: show_error(self, e), owner=self)

    def reload(self) -> None:
        if self.student_id:
            self.load(self.student_id, self.class_id)

    def _show(self, data) -> None:  # noqa: ANN001
        profile, domains, celebrations, judged = data
        # A reload of the same student (a change here or by sync: a save, practice, a celebration) keeps
        # what is still being typed and the status line; another student always gets their own profile.
        if profile.student_id != self._shown:
            self.editor.set_profile(profile)
        else:
            self.editor.merge_profile(profile)
        self._shown = profile.student_id
        self.title.setText(profile.name)
        self.jagged.set_profile(domains)
        self.celebrations.set_items(celebrations)
        self._show_sources(judged)
        if self.unlock is not None:
            sid = profile.student_id
            run_task(
                lambda _p: self.ctx.services.accounts.lock_state(self.actor, sid),
                lambda st: self._show_lock(sid, st),
                lambda _e: None,
                owner=self,
            )
        self.loaded.emit()

    def _show_sources(self, judged) -> None:  # noqa: ANN001
        from app.planning.levels import LEVELS

        self.sources.clear()
        you = self.actor.person_id == self.student_id
        for j in judged:
            line = f"{j.skill_name}: {self.tr(LEVELS[j.level][0])}. {j.source_words(you=you)}"
            item = QListWidgetItem(line + (f" \u201c{j.note}\u201d" if j.note else ""))
            item.setToolTip(item.text())
            self.sources.addItem(item)
        self.sources_title.setVisible(bool(judged))
        self.sources.setVisible(bool(judged))

    def _show_lock(self, student_id: str, state) -> None:  # noqa: ANN001
        if student_id == self.student_id and self.unlock is not None:
            self.unlock.setVisible(state.locked)
            self.unlock.setToolTip(
                self.tr("%1 wrong PINs; unlocking lets them try again on every computer.").replace(
                    "%1", str(state.failures)
                )
            )

    def _unlock(self) -> None:
        try:
            self.ctx.services.accounts.unlock(self.actor, self.student_id)
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            return
        self.unlock.hide()
        self.editor.status.setText(
            self.tr("%1 can sign in again (on other computers after they sync).").replace(
                "%1", self.title.text()
            )
        )

    def _save(self, values: dict) -> None:
        sid = self.student_id
        self.editor.status.setText(self.tr("Saving…"))
        run_task(
            lambda _p: self.ctx.services.profiles.update(self.actor, sid, **values),
            lambda view: self._saved(sid, view),
            lambda e: self.editor.status.setText(error_text(e)),
            writes=True,
            owner=self,
        )

    def _saved(self, student_id: str, view: ProfileView) -> None:
        if student_id != self.student_id:
            return  # saved, but another student is shown now
        self.editor.set_profile(view)
        self.editor.status.setText(self.tr("Saved."))

    def _celebrate(self) -> None:
        text, ok = QInputDialog.getText(
            self, self.tr("Celebrate a win"), self.tr("What are you celebrating?")
        )
        if ok and text.strip():
            try:
                self.ctx.services.celebrations.add(self.actor, self.student_id, text)
            except Exception as exc:  # noqa: BLE001
                show_error(self, exc)
            self.load(self.student_id, self.class_id)

    def _export(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        folder = QFileDialog.getExistingDirectory(self, self.tr("Export to which folder?"))
        if not folder:
            return
        from pathlib import Path

        sid = self.student_id
        run_task(
            lambda _p: self.ctx.services.privacy.export_student(self.actor, sid, Path(folder)),
            lambda r: self.editor.status.setText(
                self.tr("Exported %1 records to %2")
                .replace("%1", count_text(r.rows))
                .replace("%2", str(r.path))
            ),
            lambda e: show_error(self, e),
            owner=self,
        )

    def _erase(self) -> None:
        name = self.title.text()
        typed, ok = QInputDialog.getText(
            self,
            self.tr("Erase a student's data"),
            self.tr(
                "This removes all of %1's work from this computer and, at the next sync, from every "
                "other Tessera. It cannot be undone. Export first if the family asked for a copy.\n\n"
                "Type the student's full name to confirm:"
            ).replace("%1", name),
        )
        if not ok:
            return
        sid = self.student_id
        run_task(
            lambda _p: (
                self.ctx.services.privacy.erase_student(self.actor, sid, typed),
                _erase_journal(self.ctx.settings.data_dir, sid),
            )[0],
            lambda n: self.erased.emit(sid),
            lambda e: show_error(self, e),
            writes=True,
            owner=self,
        )

    def _set_pin(self) -> None:
        pin, ok = QInputDialog.getText(self, self.tr("Set PIN"), self.tr("New PIN (4 to 6 digits):"))
        if ok:
            try:
                self.ctx.services.accounts.set_pin(self.actor, self.class_id, self.student_id, pin)
            except Exception as exc:  # noqa: BLE001
                show_error(self, exc)
            else:  # said on the page: a dialog that just closes leaves the teacher unsure it took
                self.editor.status.setText(
                    self.tr("New PIN set: %1 signs in with it from now on.").replace("%1", self.title.text())
                )


def _erase_journal(data_dir, student_id: str) -> int:  # noqa: ANN001
    """Erasure reaches the writing crash journal too (text a student typed that was not saved yet)."""
    from app.writing.journal import TextJournal

    return TextJournal(data_dir).erase_student(student_id)
