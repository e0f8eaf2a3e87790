"""The Sync page's "Who may sync" section (signed sync, ``app/trust``): changes refused and why,
in a teacher's words, with a list to look at; devices asking to join (Approve / Refuse); enrolled
devices (Revoke). Its own widget, so the rest of the Sync page stays as it is."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.trust.service import TrustOverview
from app.ui.locale_format import day_time
from app.ui.messages import show_error
from app.ui.tasks import run_task

if TYPE_CHECKING:
    from app.trust.server_asks import ServerAsksView


class TrustSection(QGroupBox):
    def __init__(self, ctx, actor, parent: QWidget | None = None, bus=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setTitle(self.tr("Who may sync with this school"))
        self.actor = actor
        self.service = ctx.services.trust
        self.overview: TrustOverview | None = None

        self.off = QLabel(self.tr("Signed sync is off: any computer that can write to the sync folder is "
                                  "trusted. See docs/trust.md to turn it on."))  # fmt: skip
        self.off.setWordWrap(True)
        self.summary = QLabel("")
        self.summary.setAccessibleName(self.tr("Refused changes"))
        self.summary.setWordWrap(True)
        self.show_button = QPushButton(self.tr("S&how"))
        self.show_button.setAccessibleName(self.tr("Show refused changes"))
        self.show_button.setCheckable(True)
        self.show_button.toggled.connect(self._toggle_refused)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.show_button)

        self.refused_table = QTableWidget(0, 4)
        self.refused_table.setAccessibleName(self.tr("Refused changes, one per row"))
        self.refused_table.setTabKeyNavigation(False)
        self.refused_table.setHorizontalHeaderLabels([self.tr("What"), self.tr("From"), self.tr("Why"),
                                                      self.tr("When")])  # fmt: skip
        self.refused_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.refused_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.refused_table.verticalHeader().hide()
        self.refused_table.hide()

        self.requests = QVBoxLayout()
        self.request_rows: list[tuple[str, QLabel, QPushButton, QPushButton]] = []
        # Asks that came to the school server (``app/trust/server_asks.py``): loaded on their own,
        # since the server may be slow or away while the folder's asks are already known.
        self.server_requests = QVBoxLayout()
        self.server_rows: list[tuple[str, QLabel, QPushButton, QPushButton]] = []
        self.server_note = QLabel("")
        self.server_note.setWordWrap(True)
        self.server_note.setAccessibleName(self.tr("Asks to join through the school server"))
        self.server_note.hide()
        self.server_url = ""

        self.devices = QTableWidget(0, 3)
        self.devices.setAccessibleName(self.tr("Devices of this school"))
        self.devices.setTabKeyNavigation(False)
        self.devices.setHorizontalHeaderLabels([self.tr("Device"), self.tr("Role"), self.tr("Status")])
        self.devices.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.devices.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.devices.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.devices.verticalHeader().hide()
        self.devices.setMaximumHeight(140)
        self.revoke_button = QPushButton(self.tr("Re&voke the selected device"))
        self.revoke_button.setAccessibleName(self.tr("Revoke the selected device"))
        self.revoke_button.clicked.connect(self._revoke)

        self.actions_label = QLabel(self.tr("Deleted, erased or given another role on other computers:"))
        self.remote_actions = QTableWidget(0, 3)
        self.remote_actions.setAccessibleName(self.tr("Deletions and role changes from other computers"))
        self.remote_actions.setTabKeyNavigation(False)
        self.remote_actions.setHorizontalHeaderLabels([self.tr("What"), self.tr("By"), self.tr("When")])
        self.remote_actions.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.remote_actions.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.remote_actions.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.remote_actions.verticalHeader().hide()
        self.remote_actions.setMaximumHeight(120)
        self.undo_button = QPushButton(self.tr("&Undo the selected change"))
        self.undo_button.setAccessibleName(self.tr("Undo the selected change"))
        self.undo_button.clicked.connect(self._undo)
        self.action_rows: list = []

        lay = QVBoxLayout(self)
        lay.addWidget(self.off)
        lay.addLayout(top)
        lay.addWidget(self.refused_table)
        lay.addLayout(self.requests)
        lay.addWidget(self.server_note)
        lay.addLayout(self.server_requests)
        lay.addWidget(self.devices)
        lay.addWidget(self.revoke_button)
        lay.addWidget(self.actions_label)
        lay.addWidget(self.remote_actions)
        lay.addWidget(self.undo_button)
        for table in (self.refused_table, self.devices, self.remote_actions):
            table.setMinimumHeight(60)  # the page still fits a short screen
        # Until the overview arrives (and while signed sync is off) only the note shows.
        for w in (self.summary, self.show_button, self.devices, self.revoke_button, self.actions_label,
                  self.remote_actions, self.undo_button):  # fmt: skip
            w.hide()
        self.off.setText(self.tr("Checking who may sync…"))
        if bus is not None:
            # A sync brings enrolment requests, certificates and refusals: show them while open.
            from app.ui.events import Kind
            from app.ui.widgets.lazy_refresh import LazyRefresh

            self.lazy = LazyRefresh(self, bus, Kind.SYNC_STATE | Kind.ROSTER, self.refresh)
        self.refresh()

    # -- loading ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        run_task(lambda _p: self.service.overview(self.actor), self.show_overview,
                 lambda e: show_error(self, e), owner=self)  # fmt: skip
        run_task(lambda _p: self.service.synced_actions(self.actor), self.show_actions,
                 lambda e: show_error(self, e), owner=self)  # fmt: skip
        run_task(lambda _p: self.service.server.pending(self.actor), self.show_server_asks,
                 lambda e: show_error(self, e), owner=self)  # fmt: skip

    def show_server_asks(self, view: ServerAsksView) -> None:
        """The asks waiting on the school server, each with Approve and Refuse (the server checks
        that this computer may; it says so in words when it may not)."""
        self.server_url = view.url
        for _dev, label, ok, no in self.server_rows:
            for w in (label, ok, no):
                w.deleteLater()
        self.server_rows.clear()
        while self.server_requests.count():
            item = self.server_requests.takeAt(0)
            if item.layout() is not None:
                item.layout().deleteLater()
        if view.error:
            self.server_note.setText(
                self.tr("The school server's asks to join could not be loaded: %1").replace("%1", view.error)
            )
        elif view.url and not view.asks:
            self.server_note.setText(self.tr("No device is waiting for approval on the school server."))
        else:
            self.server_note.setText(self.tr("Waiting for approval on the school server:"))
        self.server_note.setVisible(bool(view.url))
        for ask in view.asks:
            kind = self.tr("Lab machine") if ask.role == "lab" else self.tr("Teacher's computer")
            where = ", ".join(ask.class_names) or self.tr("this school")
            label = QLabel(self.tr("%1 %2 asks to join %3").replace("%1", kind).replace("%2", ask.name or "?")
                           .replace("%3", where))  # fmt: skip
            label.setWordWrap(True)
            ok = QPushButton(self.tr("Approve"))
            ok.setAccessibleName(self.tr("Approve %1 on the school server").replace("%1", ask.name or "?"))
            no = QPushButton(self.tr("Refuse"))
            no.setAccessibleName(self.tr("Refuse %1 on the school server").replace("%1", ask.name or "?"))
            ok.clicked.connect(lambda _=False, d=ask.device: self._do(self.service.server.approve, d))
            no.clicked.connect(lambda _=False, d=ask.device: self._do(self.service.server.refuse, d))
            row = QHBoxLayout()
            row.addWidget(label, 1)
            row.addWidget(ok)
            row.addWidget(no)
            self.server_requests.addLayout(row)
            self.server_rows.append((ask.device, label, ok, no))
        self.revoke_button.setEnabled(self._may_revoke())
        self._order_tabs()

    def show_actions(self, rows: list) -> None:
        self.action_rows = rows
        self.remote_actions.setRowCount(len(rows))
        for r, a in enumerate(rows):
            what = (
                {
                    "erased": self.tr("%1 was erased"),
                    "deleted": self.tr("%1 was deleted"),
                    "role": self.tr("%1's role changed: %2"),
                }.get(a.kind, "%1")
                .replace("%1", a.what)
                .replace("%2", a.detail)
            )
            when = day_time(a.at) if a.at else ""
            for col, text in enumerate((what, a.device or self.tr("another computer"), when)):
                self.remote_actions.setItem(r, col, QTableWidgetItem(text))
        for w in (self.actions_label, self.remote_actions, self.undo_button):
            w.setVisible(bool(rows))
        self.undo_button.setEnabled(any(a.undo for a in rows))

    def _undo(self) -> None:
        row = self.remote_actions.currentRow()
        if 0 <= row < len(self.action_rows) and self.action_rows[row].undo:
            a = self.action_rows[row]
            run_task(lambda _p: self.service.undo_action(self.actor, a.origin, a.seq), lambda _r: self.refresh(),
                     lambda e: show_error(self, e), writes=True, owner=self)  # fmt: skip

    def show_overview(self, ov: TrustOverview) -> None:
        self.overview = ov
        self.off.setText(self.tr("Signed sync is off: any computer that can write to the sync folder is "
                                 "trusted. See docs/trust.md to turn it on."))  # fmt: skip
        self.off.setVisible(not ov.signed)
        self.summary.setVisible(ov.signed or ov.refused_total > 0)
        self.show_button.setVisible(ov.signed or ov.refused_total > 0)
        self.summary.setText("\n".join(self.refused_words(ov)) or self.tr("No change has been refused."))
        self.show_button.setEnabled(ov.refused_total > 0)
        for _dev, label, ok, no in self.request_rows:
            for w in (label, ok, no):
                w.deleteLater()
        self.request_rows.clear()
        while self.requests.count():
            item = self.requests.takeAt(0)
            if item.layout() is not None:
                item.layout().deleteLater()
        for req in ov.waiting:
            self._add_request(req, ov.holds_key)
        shown = [d for d in ov.devices if d.status != "refused"]
        # The teacher's choice is kept by device id: rows move when a sync brings a device.
        keep = self.selected_device()
        self.devices.setRowCount(len(shown))
        for r, d in enumerate(shown):
            name = d.name + (self.tr(" (this computer)") if d.this else "")
            for col, text in enumerate((name, self._role(d.role), self._status(d.status))):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, d.device)
                self.devices.setItem(r, col, cell)
        at = next((r for r, d in enumerate(shown) if keep is not None and d.device == keep), -1)
        if at >= 0:
            self.devices.selectRow(at)
        else:
            self.devices.clearSelection()
            self.devices.setCurrentCell(-1, -1)
        self.devices.setVisible(ov.signed)
        self.revoke_button.setVisible(ov.signed)
        self.revoke_button.setEnabled(self._may_revoke())
        if self.show_button.isChecked():
            self._load_refused()
        self._order_tabs()

    def _order_tabs(self) -> None:
        """Tab goes down the section as it reads: the asks' buttons (made when they arrive, so
        after the tables) come before the devices table."""
        chain: list[QWidget] = [self.show_button]
        for rows in (self.request_rows, self.server_rows):
            chain += [b for _dev, _label, ok, no in rows for b in (ok, no)]
        chain += [self.devices, self.revoke_button]
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)

    def refused_words(self, ov: TrustOverview) -> list[str]:
        """One sentence per reason: "14 changes from a device this school does not know were refused"."""
        lines = []
        for g in ov.refused:
            n, who = str(g.count), g.device or self.tr("a device")
            text = {
                "unknown": self.tr("%1 changes from a device this school does not know were refused."),
                "school-key": self.tr(
                    "%1 changes were refused: this computer does not have the school's key yet."
                ),
                "unsigned": self.tr("%1 changes that no device signed were refused."),
                "altered": self.tr("%1 changes that were altered after they were signed were refused."),
                "signature": self.tr("%1 changes with a signature that is not valid were refused."),
                "revoked": self.tr("%1 changes from %2, whose enrolment was revoked, were refused."),
                "expired": self.tr("%1 changes from %2, whose enrolment has expired, were refused."),
                "replica": self.tr(
                    "%1 changes a lab machine signed in another computer's name were refused."
                ),
                "school": self.tr("%1 changes for another school were refused."),
                "purge": self.tr(
                    "%1 erasures from %2 were refused: only the school's admin computer may erase."
                ),
                "stamp": self.tr("%1 changes with a time stamp of another computer were refused."),
                "overflow": self.tr("%1 changes with an impossible time stamp were refused."),
            }.get(g.code, self.tr("%1 changes from %2 were refused: %3."))
            lines.append(text.replace("%1", n).replace("%2", who).replace("%3", g.reason))
        return lines

    def _add_request(self, req, holds_key: bool) -> None:
        kind = self.tr("Lab machine") if req.role == "lab" else self.tr("Teacher's computer")
        where = req.detail if req.detail != "no class yet" else self.tr("this school")
        label = QLabel(self.tr("%1 %2 asks to join %3").replace("%1", kind).replace("%2", req.name or "?")
                       .replace("%3", where))  # fmt: skip
        label.setWordWrap(True)
        ok = QPushButton(self.tr("Approve"))
        ok.setAccessibleName(self.tr("Approve %1").replace("%1", str(req.name)))
        no = QPushButton(self.tr("Refuse"))
        no.setAccessibleName(self.tr("Refuse %1").replace("%1", str(req.name)))
        for b in (ok, no):
            b.setEnabled(holds_key)
            if not holds_key:
                b.setToolTip(self.tr("Approve devices on the computer where the school was set up."))
        ok.clicked.connect(lambda _=False, d=req.device: self._do(self.service.approve, d))
        no.clicked.connect(lambda _=False, d=req.device: self._do(self.service.refuse, d))
        row = QHBoxLayout()
        row.addWidget(label, 1)
        row.addWidget(ok)
        row.addWidget(no)
        self.requests.addLayout(row)
        self.request_rows.append((req.device, label, ok, no))

    # -- actions ---------------------------------------------------------------------------------
    def _do(self, action, device: str) -> None:
        run_task(lambda _p: action(self.actor, device), lambda _r: self.refresh(),
                 lambda e: show_error(self, e), owner=self)  # fmt: skip

    def selected_device(self) -> str | None:
        """The id of the device chosen in the table (None when none is)."""
        row = self.devices.currentRow()
        item = self.devices.item(row, 0) if row >= 0 else None
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return str(value) if value else None

    def _may_revoke(self) -> bool:
        """Revoking is the school key holder's, or goes through the school server (which checks)."""
        shown = self.devices.rowCount() > 0
        return shown and ((self.overview is not None and self.overview.holds_key) or bool(self.server_url))

    def _revoke(self) -> None:
        device = self.selected_device()
        if device is None:
            return
        held = self.overview is not None and self.overview.holds_key
        self._do(self.service.revoke if held or not self.server_url else self.service.server.revoke, device)

    def _toggle_refused(self, on: bool) -> None:
        self.refused_table.setVisible(on)
        if on:
            self._load_refused()

    def _load_refused(self) -> None:
        run_task(lambda _p: self.service.refused_changes(self.actor), self._show_refused,
                 lambda e: show_error(self, e), owner=self)  # fmt: skip

    def _show_refused(self, rows: list) -> None:
        self.refused_table.setRowCount(len(rows))
        for r, c in enumerate(rows):
            when = day_time(c.at)
            for col, text in enumerate(
                (c.table or "?", c.device or self.tr("unknown device"), c.reason, when)
            ):
                self.refused_table.setItem(r, col, QTableWidgetItem(text))

    def _role(self, role: str) -> str:
        return {"lab": self.tr("Lab machine"), "teacher": self.tr("Teacher"), "admin": self.tr("Admin")}.get(
            role, role
        )

    def _status(self, status: str) -> str:
        return {
            "enrolled": self.tr("Enrolled"),
            "revoked": self.tr("Revoked"),
            "expired": self.tr("Expired"),
        }.get(status, status)
