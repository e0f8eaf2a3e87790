"""Sync: where this computer syncs, how it is going in a teacher's words, and the replaced changes
(values that lost a merge: the conflict archive) with a way to put one back."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.ui.events import Kind
from app.ui.locale_format import day_time
from app.ui.messages import show_error
from app.ui.tasks import run_task
from app.ui.theme import set_role
from app.ui.widgets.lazy_refresh import LazyRefresh


def _when(ts: float | None) -> str:
    return day_time(ts) if ts else "—"


class SyncPage(QWidget):
    def __init__(self, ctx, actor, bus) -> None:  # noqa: ANN001
        super().__init__()
        self.ctx, self.actor, self.bus = ctx, actor, bus
        self.service = ctx.services.sync
        self.agent = getattr(ctx, "agent", None)

        title = QLabel(self.tr("Sync"))
        set_role(title, "title")
        self.folder = QLabel("")
        self.folder.setAccessibleName(self.tr("Sync folder"))
        self.folder.setWordWrap(True)
        self.choose = QPushButton(self.tr("&Choose folder…"))
        self.choose.setAccessibleName(self.tr("Choose folder to sync through"))
        self.choose.clicked.connect(self._choose)
        self.choose.setToolTip(
            self.tr("A folder on the school share or a USB stick that every computer can reach")
        )
        self.now = QPushButton(self.tr("Sync &now"))
        self.now.setAccessibleName(self.tr("Sync now"))
        self.now.clicked.connect(self.sync_now)
        self.now.setToolTip(
            self.tr("Send and fetch changes now instead of waiting for the next automatic sync")
        )
        self.state = QLabel("")
        self.state.setAccessibleName(self.tr("Sync state"))
        self.state.setWordWrap(True)
        set_role(self.state, "lead")
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Sync progress"))
        self.progress.hide()

        where = QGroupBox(self.tr("Where this computer syncs"))
        wl = QVBoxLayout(where)
        # The folder on its own line and the buttons under it: a long path never pushes them off the
        # right edge at a large text size.
        wl.addWidget(self.folder)
        row = QHBoxLayout()
        row.addWidget(self.choose)
        row.addWidget(self.now)
        row.addStretch(1)
        wl.addLayout(row)
        wl.addWidget(self.state)
        wl.addWidget(self.progress)

        # A group box title never wraps: the long explanation is a wrapped label inside the box.
        archive = QGroupBox()
        archive.setAccessibleName(self.tr("Replaced changes"))
        about = QLabel(
            self.tr(
                "Replaced changes: when two computers changed the same thing, the later "
                "change won and the other is kept here"
            )
        )
        about.setWordWrap(True)
        set_role(about, "strong")
        self.table = QTableWidget(0, 5)
        self.table.setTabKeyNavigation(False)  # Tab moves on to the next control; arrows move inside
        self.table.setAccessibleName(self.tr("Replaced changes"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("What"),
                self.tr("Field"),
                self.tr("Replaced value"),
                self.tr("Value now"),
                self.tr("When"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for col in (0, 2, 3):
            self.table.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.restore = QPushButton(self.tr("&Restore the replaced value"))
        self.restore.setAccessibleName(self.tr("Restore the replaced value"))
        self.restore.clicked.connect(self._restore)
        self.restore.setToolTip(self.tr("Put the selected replaced value back in place of the value now"))
        self.empty = QLabel(self.tr("Nothing here: no two computers have changed the same thing."))
        self.empty.setWordWrap(True)
        al = QVBoxLayout(archive)
        al.addWidget(about)
        al.addWidget(self.empty)
        al.addWidget(self.table, 1)
        al.addStretch(0)  # with the table hidden (nothing replaced) the words stay at the top
        al.addWidget(self.restore, 0, Qt.AlignmentFlag.AlignRight)

        # The page scrolls up and down when its sections (one per place, trust, this computer)
        # outgrow a short screen, never sideways: the main window puts it in the shared page scroll
        # (app/ui/widgets/page_scroll.py), which keeps its width to the window's.
        outer = QVBoxLayout(self)
        outer.addWidget(title)
        outer.addWidget(where)
        from app.ui.teacher.sync_targets import SyncTargets

        self.targets = SyncTargets(self.agent, self)
        outer.addWidget(self.targets)
        if (
            actor.is_teacher
        ):  # who may sync and this computer's settings are a teacher's (the services say so)
            from app.ui.teacher.trust_section import TrustSection

            self.trust = TrustSection(ctx, actor, self, bus=bus)
            outer.addWidget(self.trust)
            from app.ui.teacher.machine_box import MachineBox

            self.machine = MachineBox(ctx, actor)
            outer.addWidget(self.machine)
        outer.addWidget(archive, 1)
        archive.setVisible(actor.is_teacher)  # replaced values belong to classes; a leader has none
        if not actor.is_teacher:
            outer.addStretch(1)  # the sections at the top, not spread down the page
        self.conflicts: list = []
        if self.agent is not None:
            from app.ui.sync_bridge import SyncBridge

            self.bridge = SyncBridge(self.agent, self)
            self.bridge.changed.connect(self.show_snapshot)
            self.show_snapshot(self.agent.snapshot())
            self.lazy = LazyRefresh(self, bus, Kind.CONFLICTS, self.refresh)  # new conflicts
        else:
            self.state.setText(self.tr("Sync is not running on this computer."))
        self.refresh()

    def refresh(self) -> None:
        folder, locked = self.service.folder()
        text = folder or self.tr("No sync folder yet. Choose a folder on the school share or a USB stick.")
        if locked:
            text += "  " + self.tr("(set by your school)")
        self.folder.setText(text)
        self.choose.setEnabled(not locked)
        if not self.actor.is_teacher:
            return  # the service refuses anyone but a teacher the replaced values
        run_task(
            lambda _p: self.service.conflicts(self.actor),
            self._show_conflicts,
            lambda e: show_error(self, e),
            owner=self,
        )

    def show_snapshot(self, snap) -> None:  # noqa: ANN001
        self.targets.show_snapshot(snap)
        words = {
            "off": self.tr("Sync is off: choose a folder to share work between computers."),
            "idle": self.tr("Up to date."),
            "syncing": self.tr("Syncing…"),
            "unreachable": "",
            "error": "",
            "stopped": self.tr("Sync has stopped."),
        }
        if snap.state == "off" and getattr(snap, "server", None) is not None:
            words["off"] = self.tr("No sync folder; this computer syncs with the school server (below).")
        unconfirmed = getattr(snap, "unacknowledged", 0)
        if snap.state == "idle" and (snap.pending_send or unconfirmed):  # "up to date" only when it is
            words["idle"] = self.tr("Sent. Waiting for the other computers to pick up %n change(s).", "",
                                    snap.pending_send + unconfirmed)  # fmt: skip
        lines = [snap.problem or words.get(snap.state, "")]
        last = self.tr("Last complete sync: %1.").replace("%1", _when(snap.last_sync_at))
        if snap.pending_send:
            last += " " + self.tr(
                "Not in the sync folder yet: %n change(s) made here.", "", snap.pending_send
            )
        elif snap.last_sync_at:
            last += " " + self.tr("Everything made here is in the sync folder.")
        lines.append(last)
        if snap.notice:
            lines.append(snap.notice)
        self.state.setText("\n".join(x for x in lines if x))
        self.progress.hide()  # progress shows per place, in the section below (sync_targets.py)

    def _show_conflicts(self, conflicts: list) -> None:
        # The list is newest first: conflicts a sync brings push the rest down. The teacher's choice is
        # kept by id, so Restore never restores the value that moved into the chosen row instead.
        row = self.table.currentRow()
        keep = self.conflicts[row].conflict.id if 0 <= row < len(self.conflicts) else None
        self.conflicts = conflicts
        self.table.setRowCount(len(conflicts))
        for r, view in enumerate(conflicts):
            c = view.conflict
            what = view.what + (f" · {view.who}" if view.who else "")
            values = [
                what,
                view.field_label,
                _fmt(c.value),
                _fmt(c.current) if c.row_exists else self.tr("(removed)"),
                _when(c.at),
            ]
            for col, v in enumerate(values):
                self.table.setItem(r, col, QTableWidgetItem(v))
        at = next((r for r, v in enumerate(conflicts) if keep is not None and v.conflict.id == keep), -1)
        if at >= 0:
            self.table.selectRow(at)
        else:
            self.table.clearSelection()
            self.table.setCurrentCell(-1, -1)
        self.empty.setVisible(not conflicts)
        self.table.setVisible(bool(conflicts))
        self.restore.setEnabled(bool(conflicts))

    def _restore(self) -> None:
        row = self.table.currentRow()
        if row < 0 or row >= len(self.conflicts):
            return
        cid = self.conflicts[row].conflict.id
        run_task(
            lambda _p: self.service.restore(self.actor, cid),
            lambda _r: self._restored(),
            lambda e: show_error(self, e),
            writes=True,
            owner=self,
        )

    def _restored(self) -> None:
        self.refresh()  # the restored value reaches the other screens through the store
        if self.agent is not None:
            self.agent.refresh_pending()

    def sync_now(self) -> None:
        """Sync at once, or say why it cannot (never a button that does nothing visible)."""
        folder, _locked = self.service.folder()
        server = getattr(self.agent.snapshot(), "server", None) if self.agent is not None else None
        if not folder and server is None:
            self.state.setText(self.tr("Choose a sync folder first: a folder on the school share or a USB "
                                       "stick that every computer can reach. Then press Sync now."))  # fmt: skip
            self.choose.setFocus()
            return
        if self.agent is None:
            self.state.setText(self.tr("Sync is not running on this computer. Close Tessera and open it again "
                                       "to start it."))  # fmt: skip
            return
        self.state.setText(self.tr("Syncing…"))
        self.agent.sync_now()

    def _choose(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the sync folder"))
        if folder:
            self.set_folder(folder)

    def set_folder(self, folder: str) -> None:
        try:
            self.service.set_folder(self.actor, folder)
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            return
        if self.agent is not None:
            self.agent.sync_now()
        self.refresh()


def _fmt(value) -> str:  # noqa: ANN001
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)
