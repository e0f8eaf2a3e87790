"""The framework editor for leaders: the tree of domains and skills of the next version, each skill's
name, descriptor and prerequisites; add, split and retire skills; undo; publish the version and
adopt it domain by domain. Edits live in a draft (``app.school.draft``) until published."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import AppContext
from app.errors import TesseraError
from app.people.actor import Actor
from app.school.draft import FrameworkDraft
from app.school.versions import Version, skills_of
from app.ui.events import ChangeBus, Kind
from app.ui.messages import error_text
from app.ui.school.parts import run_write
from app.ui.tasks import Latest, run_task
from app.ui.theme import set_role
from app.ui.widgets.lazy_refresh import LazyRefresh

KEY = Qt.ItemDataRole.UserRole + 1  # ("domain" | "skill", id)


def _words(text: str) -> str:
    """A button's text without its mnemonic marks ("S&plit" is named "Split")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


class FrameworkPage(QWidget):
    open_page = Signal(str, object)
    loaded = Signal()

    def __init__(self, ctx: AppContext, actor: Actor, bus: ChangeBus) -> None:
        super().__init__()
        self.ctx, self.actor = ctx, actor
        self.fw = ctx.services.school.frameworks
        self.latest: Version | None = None
        self.draft: FrameworkDraft | None = None
        self._loads = Latest()
        title = QLabel(self.tr("Our framework"))
        title.setObjectName("pageTitle")
        set_role(title, "title")
        self.state = QLabel("")
        self.state.setAccessibleName(self.tr("Framework version"))
        self.state.setWordWrap(True)

        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Domains and skills"))
        self.tree.setHeaderLabels([self.tr("Domain or skill"), self.tr("Id")])
        self.tree.itemSelectionChanged.connect(self._selected)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Skill name"))
        self.descriptor = QPlainTextEdit()
        self.descriptor.setAccessibleName(self.tr("Descriptor"))
        self.prereqs = QLineEdit()
        self.prereqs.setAccessibleName(self.tr("Prerequisites (ids, separated by commas)"))
        self.save_button = self._button(self.tr("&Save the skill"), self.save_skill)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Descriptor"), self.descriptor)
        form.addRow(self.tr("Prerequisites"), self.prereqs)
        self.new_id = QLineEdit()
        self.new_id.setAccessibleName(self.tr("New skill id"))
        self.new_id.setPlaceholderText(self.tr("new skill id"))
        add = self._button(self.tr("&Add a skill here"), self.add_skill)
        split = self._button(self.tr("S&plit in two"), self.split_skill)
        retire = self._button(self.tr("&Retire"), self.retire_skill)
        self.undo_button = self._button(self.tr("&Undo"), self.undo)
        QShortcut(QKeySequence.StandardKey.Undo, self, activated=self.undo)
        edit = QGroupBox(self.tr("Skill"))
        ev = QVBoxLayout(edit)
        ev.addLayout(form)
        ev.addWidget(self.save_button)
        row = QHBoxLayout()
        row.addWidget(self.new_id)
        row.addWidget(add)
        ev.addLayout(row)
        row2 = QHBoxLayout()
        row2.addWidget(split)
        row2.addWidget(retire)
        row2.addWidget(self.undo_button)
        ev.addLayout(row2)
        ev.addStretch(1)
        self.publish_button = self._button(self.tr("P&ublish as the next version"), self.publish)
        self.adopt_button = self._button(self.tr("A&dopt this domain"), self.adopt)
        self.start_button = self._button(self.tr("Start from &Tessera's framework"), self.start)  # fmt: skip
        ev.addWidget(self.adopt_button)
        ev.addWidget(self.publish_button)
        ev.addWidget(self.start_button)
        split_view = QSplitter()
        split_view.addWidget(self.tree)
        split_view.addWidget(edit)
        split_view.setSizes([640, 420])
        self.status = QLabel("")
        self.status.setAccessibleName(self.tr("Framework message"))
        self.status.setObjectName("statusLine")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.state)
        layout.addWidget(split_view, 1)
        layout.addWidget(self.status)
        self.lazy = LazyRefresh(self, bus, Kind.SKILLS | Kind.SCHOOL, self.refresh, when=self._no_edits)
        self.refresh()

    def _button(self, text: str, slot) -> QPushButton:  # noqa: ANN001
        b = QPushButton(text)
        b.setAccessibleName(_words(text))  # the translated words it shows, so the name is the label
        b.clicked.connect(slot)
        return b

    def _no_edits(self) -> bool:
        return self.draft is None or not self.draft.can_undo  # never throw away a leader's unpublished edits

    # -- loading -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        fw, a = self.fw, self.actor
        run_task(lambda _p: (fw.latest(a), fw.adoptions(a)), self._loads(self._show),
                 lambda e: self.status.setText(error_text(e)), owner=self)  # fmt: skip

    def _show(self, data) -> None:  # noqa: ANN001
        latest, adoptions = data
        self.latest = latest
        self.draft = FrameworkDraft(latest.body, latest.version) if latest else None
        self.adopted = {a.domain_id: a.version for a in adoptions}
        self.start_button.setVisible(latest is None)
        if latest is None:
            self.state.setText(
                self.tr("No framework published yet: start from Tessera's, or import a district's (CASE).")
            )
        else:
            self.state.setText(self.tr("Version %1 (%2). Edits below make version %3 when published.")
                               .replace("%1", str(latest.version)).replace("%2", latest.title)
                               .replace("%3", str(latest.version + 1)))  # fmt: skip
        self._fill()
        self.loaded.emit()

    def _fill(self, keep: tuple[str, str] | None = None) -> None:
        self.tree.blockSignals(True)  # the old items go: no selection change for ids gone from the draft
        self.tree.clear()
        d = self.draft
        for dom in d.body["domains"] if d else []:
            adopted = self.adopted.get(dom["id"])
            label = dom["name"] + (
                f"  ({self.tr('adopted')}: v{adopted})" if adopted else f"  ({self.tr('not adopted yet')})"
            )
            top = QTreeWidgetItem([label, dom["id"]])
            top.setData(0, KEY, ("domain", dom["id"]))
            self.tree.addTopLevelItem(top)
            for k in dom["skills"]:
                item = QTreeWidgetItem([k["name"], k["id"]])
                item.setData(0, KEY, ("skill", k["id"]))
                top.addChild(item)
                if keep == ("skill", k["id"]):
                    self.tree.setCurrentItem(item)
            if keep == ("domain", dom["id"]):
                self.tree.setCurrentItem(top)
        self.tree.blockSignals(False)
        self.tree.expandAll()
        self.undo_button.setEnabled(bool(d and d.can_undo))
        self.publish_button.setEnabled(bool(d and d.can_undo))
        self._selected()

    # -- editing -----------------------------------------------------------------------------------
    def current(self) -> tuple[str, str]:
        item = self.tree.currentItem()
        return item.data(0, KEY) if item is not None else ("", "")

    def _domain_of_current(self) -> str:
        item = self.tree.currentItem()
        if item is None:
            return ""
        top = item.parent() or item
        return top.data(0, KEY)[1]

    def _selected(self) -> None:
        kind, ident = self.current()
        on_skill = kind == "skill" and self.draft is not None and ident in skills_of(self.draft.body)
        for w in (self.name, self.descriptor, self.prereqs, self.save_button):
            w.setEnabled(on_skill)
        self.adopt_button.setEnabled(bool(self.latest and kind))
        if on_skill:
            k = self.draft.skill(ident)
            self.name.setText(k["name"])
            self.descriptor.setPlainText(k.get("description", ""))
            self.prereqs.setText(", ".join(k.get("prerequisites", [])))

    def _edit(self, fn, keep: tuple[str, str] | None = None) -> None:  # noqa: ANN001
        if self.draft is None:
            return
        try:
            fn(self.draft)
        except TesseraError as exc:
            self.status.setText(str(exc))
            return
        self.status.setText(self.tr("Not published yet: %1").replace("%1", self.draft.last_step))
        self._fill(keep or self.current())

    def save_skill(self) -> None:
        kind, ident = self.current()
        if kind != "skill":
            return
        name, text = self.name.text(), self.descriptor.toPlainText()
        pre = [p.strip() for p in self.prereqs.text().split(",") if p.strip()]

        def apply(d: FrameworkDraft) -> None:
            k = d.skill(ident)
            if name.strip() != k["name"]:
                d.rename(ident, name)
            if text.strip() != k.get("description", ""):
                d.describe(ident, text)
            if pre != k.get("prerequisites", []):
                d.set_prerequisites(ident, pre)

        self._edit(apply)

    def add_skill(self) -> None:
        dom, new = self._domain_of_current(), self.new_id.text().strip()
        if dom:
            self._edit(lambda d: d.add_skill(dom, new, self.tr("New skill")), ("skill", new))
            self.new_id.clear()

    def split_skill(self) -> None:
        kind, ident = self.current()
        if kind == "skill" and self.draft is not None:
            name = self.draft.skill(ident)["name"]
            taken = set(skills_of(self.draft.body))
            n = 1
            while f"{ident}.{n}" in taken or f"{ident}.{n + 1}" in taken:
                n += 2
            parts = [(f"{ident}.{n}", f"{name} (1)"), (f"{ident}.{n + 1}", f"{name} (2)")]
            self._edit(lambda d: d.split(ident, parts), ("skill", parts[0][0]))

    def retire_skill(self) -> None:
        kind, ident = self.current()
        if kind == "skill":
            self._edit(lambda d: d.retire(ident), ("domain", self._domain_of_current()))

    def undo(self) -> None:
        if self.draft is not None and self.draft.can_undo:
            words = self.draft.undo()
            self.status.setText(self.tr("Undone: %1").replace("%1", words))
            self._fill(self.current())

    # -- publishing ----------------------------------------------------------------------------------
    def publish(self) -> None:
        d, fw, a = self.draft, self.fw, self.actor
        if d is None or not d.can_undo:
            return
        title = self.tr("Version %1").replace("%1", str(d.base_version + 1))
        run_write(self, self.status, lambda: fw.publish(a, title, d.checked(), d.mapping), self._published)

    def _published(self, v: Version) -> None:
        self.status.setText(self.tr("Version %1 published. Adopt it domain by domain when the school is ready.")
                            .replace("%1", str(v.version)))  # fmt: skip
        self.draft = None
        self.refresh()

    def adopt(self) -> None:
        dom, fw, a = self._domain_of_current(), self.fw, self.actor
        if dom and self.latest is not None:
            run_write(self, self.status, lambda: fw.adopt(a, dom), lambda ad: self._adopted(ad.version))

    def _adopted(self, version: int) -> None:
        self.status.setText(self.tr("Adopted version %1 for this domain.").replace("%1", str(version)))
        self.draft = None
        self.refresh()

    def start(self) -> None:
        fw, a = self.fw, self.actor
        run_write(self, self.status, lambda: fw.publish_default(a), self._published)
