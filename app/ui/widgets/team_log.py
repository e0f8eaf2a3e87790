"""A team's log: progress notes, reflections and attached files, newest first. Team members post
and attach here; teachers read, and open attachments."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.people.actor import Actor
from app.planning.team_work import LogView, TeamWorkService
from app.ui.locale_format import day_time
from app.ui.messages import error_text
from app.ui.tasks import Latest, run_task
from app.ui.theme import set_role

LOG = Qt.ItemDataRole.UserRole + 1
ICONS = {"progress": "\u25b6", "reflection": "\u2767", "attachment": "\u25a3"}


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{max(1, round(n / 1024))} KB"


class TeamLogPanel(QWidget):
    posted = Signal()

    def __init__(self, work: TeamWorkService, actor: Actor, can_post: bool) -> None:
        super().__init__()
        self.work, self.actor = work, actor
        self.team_id = ""
        self._loads = Latest()
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Team log"))
        self.list.setWordWrap(True)
        set_role(self.list, "ruled")
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.itemActivated.connect(self.open_item)
        self.status = QLabel("")
        self.status.setAccessibleName(self.tr("Team log message"))
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(self.tr("New post"))
        self.text.setTabChangesFocus(True)  # Tab leaves the box, as everywhere else
        self.text.setPlaceholderText(self.tr("What did your team do? What did you learn?"))
        self.text.setMaximumHeight(70)
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Kind of post"))
        self.kind.addItem(self.tr("Progress"), "progress")
        self.kind.addItem(self.tr("Reflection"), "reflection")
        self.post_button = QPushButton(self.tr("&Post"))
        self.post_button.setAccessibleName(self.tr("Post to the team log"))
        self.post_button.clicked.connect(self.post)
        self.attach_button = QPushButton(self.tr("Attach a &file…"))
        self.attach_button.setAccessibleName(self.tr("Attach a file"))
        self.attach_button.setToolTip(self.tr("PDF, PNG, JPG, TXT, DOCX or ODT, up to 20 MB"))
        self.attach_button.clicked.connect(self.ask_file)
        row = QHBoxLayout()
        row.addWidget(self.kind)
        row.addWidget(self.post_button)
        row.addWidget(self.attach_button)
        row.addStretch(1)
        if can_post:
            layout.addWidget(self.text)
            layout.addLayout(row)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.status)

    def load(self, team_id: str) -> None:
        self.team_id = team_id
        # Picking teams in turn (or posting) starts a load each, run in parallel: a log finishing late,
        # another team's or an older one, must not replace the one asked for last.
        show = self._loads(self._show)
        if not team_id:
            self.list.clear()
            return
        run_task(
            lambda _p: self.work.logs(self.actor, team_id),
            show,
            lambda e: self.status.setText(error_text(e)),
            owner=self,
        )

    def _show(self, logs: list[LogView]) -> None:
        self.list.clear()
        for log in logs:
            when = day_time(log.at)
            who = log.author_name.split(" ")[0] if log.author_name else ""
            if log.kind == "attachment":
                body = f"{log.file_name} ({_size(log.file_size)})" + (
                    f" \u2014 {log.text}" if log.text else ""
                )
            else:
                body = log.text
            item = QListWidgetItem(f"{ICONS.get(log.kind, '')} {who} \u00b7 {when}\n{body}")
            item.setData(LOG, log)
            self.list.addItem(item)
        if not logs:
            self.list.addItem(self.tr("Nothing posted yet."))

    def post(self) -> None:
        text, kind, tid = self.text.toPlainText(), self.kind.currentData(), self.team_id
        run_task(
            lambda _p: self.work.post(self.actor, tid, kind, text),
            self._done,
            lambda e: self.status.setText(error_text(e)),
            writes=True,
            owner=self,
        )

    def ask_file(self) -> None:
        path, _f = QFileDialog.getOpenFileName(
            self,
            self.tr("Attach a file"),
            "",
            self.tr("Work files (*.pdf *.png *.jpg *.jpeg *.txt *.docx *.odt)"),
        )
        if path:
            self.attach_file(path)

    def attach_file(self, path: str) -> None:
        tid = self.team_id
        self.status.setText(self.tr("Checking and copying the file…"))
        run_task(
            lambda _p: self.work.attach(self.actor, tid, path),
            self._done,
            lambda e: self.status.setText(error_text(e)),
            writes=True,
            owner=self,
        )

    def _done(self, log: LogView) -> None:
        self.text.clear()
        self.status.setText(
            self.tr("Attached %1.").replace("%1", log.file_name) if log.file_name else self.tr("Posted.")
        )
        self.load(self.team_id)
        self.posted.emit()

    def open_item(self, item: QListWidgetItem) -> None:
        log = item.data(LOG)
        if not isinstance(log, LogView) or log.kind != "attachment":
            return
        try:
            path = self.work.file_path(self.actor, log.id)
        except Exception as exc:  # noqa: BLE001
            self.status.setText(error_text(exc))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
