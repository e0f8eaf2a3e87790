"""The school library, for teachers and leaders: what colleagues shared (with credit), copying into
my class, updates offered when the author improved something, sharing my own writing tasks and
challenges, and "teachers leading the way"."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import AppContext
from app.people.actor import Actor
from app.school.library import KINDS, Leader, LibraryView
from app.ui.events import ChangeBus, Kind
from app.ui.messages import error_text
from app.ui.school.parts import _table, run_write, selected_id
from app.ui.tasks import Latest, run_task
from app.ui.theme import set_role
from app.ui.widgets.lazy_refresh import LazyRefresh

IID = Qt.ItemDataRole.UserRole + 1


class LibraryPage(QWidget):
    open_page = Signal(str, object)
    loaded = Signal()

    def __init__(self, ctx: AppContext, actor: Actor, bus: ChangeBus) -> None:
        super().__init__()
        self.ctx, self.actor = ctx, actor
        self.lib = ctx.services.school.library
        self.items: list[LibraryView] = []
        self._loads = Latest()
        title = QLabel(self.tr("School library"))
        title.setObjectName("pageTitle")
        set_role(title, "title")
        intro = QLabel(
            self.tr("What colleagues shared: copy it into your class; the author keeps the credit.")
        )
        intro.setWordWrap(True)
        self.table = _table(
            self.tr("Library items"),
            [
                self.tr("Title"),
                self.tr("Kind"),
                self.tr("Shared by"),
                self.tr("Version"),
                self.tr("Copies"),
                self.tr("For me"),
            ],  # fmt: skip
        )
        self.table.itemSelectionChanged.connect(self._selected)
        self.detail = QLabel("")
        self.detail.setWordWrap(True)
        self.detail.setAccessibleName(self.tr("Library item details"))
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.class_box = QComboBox()
        self.class_box.setAccessibleName(self.tr("Copy into class"))
        classes = ctx.services.roster.my_classes(actor) if actor.is_teacher else []
        for c in classes:
            self.class_box.addItem(c.name, c.id)
        self.copy_button = QPushButton(self.tr("&Copy into my class"))
        self.copy_button.setAccessibleName(self.tr("Copy into my class"))
        self.copy_button.clicked.connect(self.copy_selected)
        self.update_button = QPushButton(self.tr("Take the &update"))
        self.update_button.setAccessibleName(self.tr("Take the update"))
        self.update_button.clicked.connect(self.take_update)
        act = QHBoxLayout()
        act.addWidget(QLabel(self.tr("Class:")))
        act.addWidget(self.class_box)
        act.addWidget(self.copy_button)
        act.addWidget(self.update_button)
        act.addStretch(1)

        share_box = QGroupBox(self.tr("Share with colleagues"))
        self.share_what = QComboBox()
        self.share_what.setAccessibleName(self.tr("What to share"))
        self.share_button = QPushButton(self.tr("&Share"))
        self.share_button.setAccessibleName(self.tr("Share"))
        self.share_button.clicked.connect(self.share_selected)
        sh = QHBoxLayout(share_box)
        sh.addWidget(self.share_what, 1)
        sh.addWidget(self.share_button)
        share_box.setVisible(actor.is_teacher)

        self.leaders = _table(self.tr("Teachers leading the way"), [self.tr("Teacher"), self.tr("Shared"), self.tr("Copies"),
                                                           self.tr("Colleagues who adopted")])  # fmt: skip
        lead_box = QGroupBox(self.tr("Teachers leading the way"))
        QVBoxLayout(lead_box).addWidget(self.leaders)
        self.status = QLabel("")
        self.status.setAccessibleName(self.tr("Library message"))
        self.status.setObjectName("statusLine")

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.detail)
        layout.addLayout(act)
        layout.addWidget(share_box)
        layout.addWidget(lead_box, 2)
        layout.addWidget(self.status)
        self.lazy = LazyRefresh(self, bus, Kind.SCHOOL | Kind.WRITING | Kind.CHALLENGES, self.refresh)
        self._selected()
        self.refresh()

    # -- loading ---------------------------------------------------------------------------------------
    def refresh(self) -> None:
        lib, actor, ctx = self.lib, self.actor, self.ctx

        def load(_p):  # noqa: ANN001, ANN202
            mine: list[tuple[str, str, str]] = []
            if actor.is_teacher:
                for c in ctx.services.roster.my_classes(actor):
                    mine += [
                        ("writing_task", t.task.id, t.task.title)
                        for t in ctx.services.writing.tasks_for_class(actor, c.id)
                    ]
                    mine += [("challenge", ch.id, ch.title) for ch in ctx.services.challenges.for_class(actor, c.id)
                             if ch.scope == "class"]  # fmt: skip
            return lib.items(actor), lib.leading(actor), mine

        run_task(load, self._loads(self._show), lambda e: self.status.setText(error_text(e)), owner=self)

    def _show(self, data: tuple[list[LibraryView], list[Leader], list[tuple[str, str, str]]]) -> None:
        items, leaders, mine = data
        keep = self.selected_id()
        self.items = items
        self.table.setRowCount(len(items))
        for r, v in enumerate(items):
            cells = [v.title, self.tr(KINDS[v.kind]), v.author + (self.tr(" (you)") if v.mine else ""),
                     str(v.revision), str(v.copies),
                     self.tr("Update offered") if v.update_offered else self.tr("Copied") if v.my_revision else ""]  # fmt: skip
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(IID, v.id)
                self.table.setItem(r, c, item)
            if v.id == keep:
                self.table.selectRow(r)
        self.leaders.setRowCount(len(leaders))
        for r, lead in enumerate(leaders):
            for c, text in enumerate([lead.name, str(lead.shared), str(lead.copies), str(lead.adopters)]):
                self.leaders.setItem(r, c, QTableWidgetItem(text))
        self.leaders.resizeColumnsToContents()
        current = self.share_what.currentData()
        self.share_what.clear()
        for kind, oid, title in mine:
            self.share_what.addItem(f"{self.tr(KINDS[kind])}: {title}", (kind, oid))
        if current is not None:
            i = self.share_what.findData(current)
            self.share_what.setCurrentIndex(max(i, 0))
        self._selected()
        self.loaded.emit()

    # -- acting ----------------------------------------------------------------------------------------
    def selected_id(self) -> str:
        return selected_id(self.table, IID)

    def _selected(self) -> None:
        v = next((x for x in self.items if x.id == self.selected_id()), None)
        self.copy_button.setEnabled(v is not None and self.actor.is_teacher and not v.mine)
        self.update_button.setEnabled(v is not None and v.update_offered)
        if v is None:
            self.detail.setText(self.tr("Pick something from the library to see it."))
            return
        body = v.body
        text = body.get("prompt") or body.get("brief") or body.get("driving_question") or ""
        self.detail.setText(
            f"<b>{v.title}</b> &middot; {self.tr('shared by')} {v.author}<br>{v.summary}<br>{text[:400]}"
        )

    def copy_selected(self) -> None:
        iid, cid = self.selected_id(), self.class_box.currentData() or ""
        if not iid:
            return
        run_write(self, self.status, lambda: self.lib.copy(self.actor, iid, cid),
                  lambda _r: self._done(self.tr("Copied into your class.")))  # fmt: skip

    def take_update(self) -> None:
        iid = self.selected_id()
        if iid:
            run_write(self, self.status, lambda: self.lib.take_update(self.actor, iid),
                      lambda _r: self._done(self.tr("Your copy now has the author's improvements.")))  # fmt: skip

    def share_selected(self) -> None:
        what = self.share_what.currentData()
        if not what:
            return
        kind, oid = what
        lib, actor = self.lib, self.actor
        fn = lib.share_writing_task if kind == "writing_task" else lib.share_challenge
        run_write(self, self.status, lambda: fn(actor, oid), lambda _r: self._done(self.tr("Shared with your colleagues.")))  # fmt: skip

    def _done(self, words: str) -> None:
        self.status.setText(words)
        self.refresh()
