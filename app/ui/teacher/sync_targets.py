"""The Sync page's "How each place is doing" section: per target (the sync folder, the school
server) the last complete sync, what waits to be sent, what was refused and why, the progress of
a long sync, and Cancel. Every sentence comes from ``TargetStatus`` (``app/sync/status.py``), which
comes from what the place acknowledged; nothing here is guessed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from app.ui.locale_format import day_time
from app.ui.theme import set_role


def _when(ts: float | None) -> str:
    return day_time(ts) if ts else ""  # in the app's language, like the rest of the page


class TargetBox(QWidget):
    """One place: a title, its state in words, and a progress bar while it syncs."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.title = QLabel("")
        set_role(self.title, "strong")
        self.words = QLabel("")
        self.words.setWordWrap(True)
        self.words.setAccessibleName(
            self.tr("Sync folder state") if key == "folder" else self.tr("School server state")
        )
        self.bar = QProgressBar()
        self.bar.setAccessibleName(
            self.tr("Sync folder progress") if key == "folder" else self.tr("School server progress")
        )
        self.bar.hide()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 2, 0, 2)
        lay.setSpacing(2)
        lay.addWidget(self.title)
        lay.addWidget(self.words)
        lay.addWidget(self.bar)

    def show_status(self, st: Any) -> None:
        self.title.setText(self.tr("Sync folder") if st.key == "folder" else self.tr("School server"))
        if st.address:
            self.title.setText(self.title.text() + ": " + st.address)
        self.words.setText("\n".join(self.lines(st)))
        p = st.progress
        if p is not None and st.state == "syncing":
            self.bar.setRange(0, max(1, p.total))
            self.bar.setValue(min(p.done, p.total))
            phase = self.tr("Sending") if p.phase == "send" else self.tr("Receiving")
            self.bar.setFormat(self.tr("%1: %2 of %3 batches").replace("%1", phase).replace("%2", str(p.done))
                               .replace("%3", str(p.total)))  # fmt: skip
            self.bar.show()
        else:
            self.bar.hide()

    def lines(self, st: Any) -> list[str]:
        out = []
        state = {
            "idle": self.tr("Up to date."),
            "syncing": self.tr("Syncing…"),
            "stopped": self.tr("Sync has stopped."),
            "off": self.tr("Not set up."),
        }.get(st.state, "")
        if st.problem:
            state = st.problem
        elif st.cancelled:
            state = self.tr("The last sync was cancelled; the rest follows at the next sync.")
        elif st.state == "idle" and (st.waiting_to_send or st.unacknowledged):
            state = self.tr("Sent; %n change(s) not yet confirmed by the other computers.", "",
                            st.waiting_to_send + st.unacknowledged)  # fmt: skip
        out.append(state)
        # Kept to a few lines: the page fits a 1280x720 screen.
        when = []
        if st.last_success_at:
            when.append(self.tr("Last complete sync: %1.").replace("%1", _when(st.last_success_at)))
        elif st.state not in ("off", "unavailable"):
            when.append(self.tr("No complete sync with this place yet."))
        if st.state != "unavailable":
            if st.waiting_to_send:
                when.append(self.tr("Waiting to be sent: %n change(s) made here.", "", st.waiting_to_send))
            elif st.last_success_at:
                when.append(self.tr("Everything made here has reached this place."))
        out.append(" ".join(when))
        more = []
        if st.files_waiting:
            more.append(self.tr("Attached files not arrived yet: %n.", "", st.files_waiting))
        if st.refused:
            more.append(self.tr("Refused at the last sync: %n (kept aside, never applied).", "", st.refused))
        out.append(" ".join(more))
        out.extend("  • " + r for r in st.refused_reasons[:2])
        return [x for x in out if x]


class SyncTargets(QGroupBox):
    """A box per place this computer syncs with, and one Cancel for the sync under way."""

    def __init__(self, agent: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("How each place is doing"))
        self.agent = agent
        self.boxes: dict[str, TargetBox] = {}
        self.rows = QVBoxLayout()
        self.empty = QLabel(self.tr("This computer does not sync with any place yet."))
        self.cancel = QPushButton(self.tr("Cancel s&ync"))
        self.cancel.setAccessibleName(self.tr("Cancel sync"))
        self.cancel.setToolTip(
            self.tr("Stop the sync under way at the next safe point; what arrived is kept")
        )
        self.cancel.clicked.connect(self._cancel)
        self.cancel.setEnabled(False)
        self.cancelling = False
        lay = QHBoxLayout(self)  # Cancel beside the places, not on a row of its own
        column = QVBoxLayout()
        column.addWidget(self.empty)
        column.addLayout(self.rows)
        lay.addLayout(column, 1)
        lay.addWidget(self.cancel, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()  # until there is a place to speak of

    def show_snapshot(self, snap: Any) -> None:
        targets = tuple(getattr(snap, "targets", ()) or ())
        keys = [t.key for t in targets]
        for key in [k for k in self.boxes if k not in keys]:
            self.boxes.pop(key).deleteLater()
        for st in targets:
            box = self.boxes.get(st.key)
            if box is None:
                box = self.boxes[st.key] = TargetBox(st.key, self)
                self.rows.addWidget(box)
            box.show_status(st)
        self.empty.setVisible(not targets)
        self.setVisible(bool(targets))
        syncing = any(t.state == "syncing" for t in targets)
        if not syncing:
            self.cancelling = False
        self.cancel.setEnabled(syncing and not self.cancelling)
        self.cancel.setText(self.tr("Cancelling…") if self.cancelling else self.tr("Cancel s&ync"))

    def _cancel(self) -> None:
        if self.agent is None:
            return
        self.cancelling = True
        self.cancel.setEnabled(False)
        self.cancel.setText(self.tr("Cancelling…"))
        self.agent.cancel()
