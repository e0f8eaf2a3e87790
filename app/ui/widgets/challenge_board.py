"""The challenge board: every team (rows) against every checkpoint (columns), each cell showing
done, in progress, not started or late. The teacher may change a status with a double-click."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableWidget, QTableWidgetItem

from app.i18n import N_
from app.planning.challenges import Board
from app.ui.locale_format import day
from app.ui.theme import colour

CELL = {  # symbol, label, background
    "done": ("\u2714", "Done", "success_bg"),  # (symbol, words, theme token of the fill)
    "in_progress": ("\u25d0", N_("In progress"), "info_bg"),
    "not_started": ("\u25cb", "Not started", "surface"),
    "late": ("!", "Late", "warning_bg"),
}
NEXT = {"not_started": "in_progress", "in_progress": "done", "done": "not_started", "late": "in_progress"}
REF = Qt.ItemDataRole.UserRole + 1
MAX_LINES = 3  # of a checkpoint's title in its heading; the due date is one more


def wrap_to_width(text: str, fm: QFontMetrics, width: int, most: int) -> list[str]:
    """``text`` in lines no wider than ``width`` pixels, broken at spaces; at most ``most`` lines, the
    last elided if there is more, as is any single word too wide for a line."""
    lines: list[str] = []
    for word in text.split():
        joined = f"{lines[-1]} {word}" if lines else word
        if lines and fm.horizontalAdvance(joined) <= width:
            lines[-1] = joined
        else:
            lines.append(word)
    if len(lines) > most:
        lines = lines[: most - 1] + [" ".join(lines[most - 1 :])]
    return [fm.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in lines]


class BoardTable(QTableWidget):
    status_requested = Signal(str, str, str)  # team id, checkpoint id, new status
    team_chosen = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName(self.tr("Challenge board"))
        self.setTabKeyNavigation(False)  # Tab moves on to the next control; arrows move inside
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().hide()
        self.setWordWrap(True)
        self.board: Board | None = None
        self._heads: list[str | tuple[str, str]] = []  # a checkpoint's heading is (title, "due …")
        self._rewrap = QTimer(self, singleShot=True, interval=0, timeout=self._wrap_headings)
        self.horizontalHeader().sectionResized.connect(lambda *_a: self._rewrap.start())
        self.cellDoubleClicked.connect(self._cycle)
        self.currentCellChanged.connect(lambda r, _c, _pr, _pc: self._chosen(r))

    def set_board(self, board: Board, now: float | None = None) -> None:
        now = now or time.time()
        self.board = board
        cps = board.challenge.checkpoints
        self.clear()
        self.setColumnCount(len(cps) + 2)
        self.setRowCount(len(board.teams))
        self._heads = [self.tr("Team")]
        for point in cps:
            when = day(point.due_at)
            self._heads.append((point.title, f"{self.tr('due')} {when}"))
        self._heads.append(self.tr("Posts"))
        self.setHorizontalHeaderLabels([h if isinstance(h, str) else "\n".join(h) for h in self._heads])
        for col, h in enumerate(self._heads):
            if not isinstance(h, str):
                self.horizontalHeaderItem(col).setToolTip(f"{h[0]}, {h[1]}")
        for r, team in enumerate(board.teams):
            first = [n.split(" ")[0] for n in team.member_names]
            item = QTableWidgetItem(f"{team.name}\n{', '.join(first)}")
            item.setData(REF, team.id)
            self.setItem(r, 0, item)
            for c, cp in enumerate(cps, start=1):
                state = board.cell(team, cp, now)
                symbol, label, color = CELL[state]
                cell = QTableWidgetItem(f"{symbol} {self.tr(label)}")
                cell.setBackground(colour(color))
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                cell.setData(REF, (team.id, cp.id, team.statuses.get(cp.id, "not_started")))
                cell.setData(Qt.ItemDataRole.AccessibleTextRole, f"{team.name}, {cp.title}: {self.tr(label)}")
                self.setItem(r, c, cell)
            posts = QTableWidgetItem(str(team.logs))
            posts.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.setItem(r, len(cps) + 1, posts)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(cps) + 1, QHeaderView.ResizeMode.ResizeToContents)
        self.resizeRowsToContents()
        for r in range(self.rowCount()):
            self.setRowHeight(r, max(self.rowHeight(r), 50))
        self._wrap_headings()

    def _wrap_headings(self) -> None:
        """Wrap each checkpoint's title to its column's width, at words (a word too long for it is
        elided; the tooltip has it whole): centred text wider than the column lost both its ends."""
        header = self.horizontalHeader()
        fm = QFontMetrics(header.font())
        margin = 2 * self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin) + 4
        for col, h in enumerate(self._heads):
            item = self.horizontalHeaderItem(col)
            if isinstance(h, str) or item is None:
                continue
            width = max(20, self.columnWidth(col) - margin)
            lines = wrap_to_width(h[0], fm, width, MAX_LINES) + [
                fm.elidedText(h[1], Qt.TextElideMode.ElideRight, width)
            ]
            text = "\n".join(lines)
            if item.text() != text:
                item.setText(text)

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802
        super().resizeEvent(event)
        self._rewrap.start()  # once the stretched columns have their new widths

    def _cycle(self, row: int, col: int) -> None:
        data = self.item(row, col).data(REF) if self.item(row, col) else None
        if isinstance(data, tuple):
            team_id, cp_id, status = data
            self.status_requested.emit(team_id, cp_id, NEXT.get(status, "in_progress"))

    def _chosen(self, row: int) -> None:
        item = self.item(row, 0) if row >= 0 else None
        if item is not None:
            self.team_chosen.emit(item.data(REF))

    def cell_state(self, row: int, col: int) -> str:
        return self.item(row, col).text()
