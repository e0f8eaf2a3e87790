"""Table model over the roster service's StudentRow list, with who needs attention beside each name."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.i18n import N_
from app.people.roster import StudentRow
from app.planning.attention import RUN, WINDOW_DAYS, Attention
from app.ui.locale_format import weekday_day

COLUMNS = ("Name", N_("Interests"), N_("Needs attention"), "Skills mastered", "Status")
ATTENTION = 2
NONE = Attention("")


def _day(ts: float) -> str:
    return weekday_day(ts)


def attention_tip(a: Attention) -> str:
    """The detail behind the column's words: which skills and since when, the plan's reason, which essays."""
    lines = []
    for k in a.stuck:
        how = (
            f"the last {k.wrong_run} answers wrong"
            if k.wrong_run >= RUN
            else f"{k.right} right of {k.attempts} in {WINDOW_DAYS} days"
        )
        lines.append(f"Stuck on {k.name}: {how}, since {_day(k.since)}")
    if a.plan_behind:
        lines.append(f"Plan behind: {a.plan_reason}" if a.plan_reason else "Plan behind")
    for e in a.essays:
        lines.append(
            f"Essay to read: {e.task_title}, handed in {_day(e.submitted_at)}"
            if e.submitted_at
            else f"Essay to read: {e.task_title}"
        )
    if lines:
        lines.append("Double-click or press Enter to open it.")
    return "\n".join(lines)


def attention_steps(student_id: str, a: Attention) -> list[tuple[str, str, object]]:
    """(words, page, what to open there) for each thing that needs attention: a stuck skill opens the
    student's answers on it, an essay opens it for review, a plan behind opens the plan."""
    steps: list[tuple[str, str, object]] = [
        (f"See the answers on {k.name}", "heatmap", (student_id, k.skill_id)) for k in a.stuck
    ]
    steps += [(f"Read “{e.task_title}”", "writing_review", e.draft_id) for e in a.essays if e.draft_id]
    if a.plan_behind:
        steps.append(("Open the plan", "plans", student_id))
    return steps


class RosterModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[StudentRow] = []
        self.attention: dict[str, Attention] = {}

    def set_rows(self, rows: list[StudentRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def set_attention(self, attention: dict[str, Attention]) -> None:
        """Attention arrives on its own (it takes longer than the names): only its column changes."""
        self.attention = attention
        if self.rows:
            self.dataChanged.emit(self.index(0, ATTENTION), self.index(len(self.rows) - 1, ATTENTION))

    def attention_of(self, row: StudentRow) -> Attention:
        return self.attention.get(row.id, NONE)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802, ANN201
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                row.full_name,
                ", ".join(row.interests),
                self.attention_of(row).words,
                row.mastered_skills,
                self.tr("Archived") if row.archived else self.tr("Active"),
            )[col]
        if role == Qt.ItemDataRole.ToolTipRole and col == ATTENTION:
            return attention_tip(self.attention_of(row)) or None
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == Qt.ItemDataRole.UserRole + 1:  # sort key
            return (
                f"{row.given_name} {row.family_name}".lower(),
                ", ".join(row.interests).lower(),
                self.attention_of(row).flags,
                row.mastered_skills,
                row.archived,
            )[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 3:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def row_at(self, index: QModelIndex) -> StudentRow:
        return self.rows[index.row()]
