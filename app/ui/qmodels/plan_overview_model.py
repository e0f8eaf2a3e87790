"""The teacher's class plan overview as a table model: one row per student."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.i18n import N_
from app.planning.levels import PACE_LABELS
from app.planning.plans import PlanRow
from app.ui.locale_format import day
from app.ui.theme import colour

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
PACE_ORDER = {"behind": 0, "no_plan": 1, "on_track": 2, "done": 3}
PACE_COLORS = {"behind": "warning_bg", "no_plan": "surface_alt", "on_track": "success_bg", "done": "info_bg"}
STATUS_LABELS = {
    "": N_("No plan"),
    "draft": N_("Draft"),
    "submitted": N_("Waiting for approval"),
    "approved": N_("Approved"),
    "changes_suggested": N_("Changes suggested"),
}
Index = QModelIndex | QPersistentModelIndex


class PlanOverviewModel(QAbstractTableModel):
    HEADERS = ("Student", N_("Plan"), N_("Pace"), N_("Goals"), "Progress", "Next milestone", "Why")

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[PlanRow] = []

    def set_rows(self, rows: list[PlanRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, index: Index) -> PlanRow:
        return self.rows[index.row()]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        r = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.BackgroundRole and col == 2:
            return colour(PACE_COLORS.get(r.pace, "surface"))
        if role == SORT_ROLE:
            return (
                r.name,
                STATUS_LABELS.get(r.plan_status, ""),
                PACE_ORDER.get(r.pace, 9),
                r.goals,
                r.progress,
                r.next_due or 1e18,
                r.reason,
            )[col]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if col == 0:
                return r.name
            if col == 1:
                return self.tr(STATUS_LABELS.get(r.plan_status, r.plan_status))
            if col == 2:
                return self.tr(PACE_LABELS.get(r.pace, r.pace))
            if col == 3:
                return f"{r.goals_met}/{r.goals} met" if r.goals else ""
            if col == 4:
                return f"{round(r.progress * 100)}%" if r.goals else ""
            if col == 5:  # the date first: a long milestone is cut at its end, never its date
                when = day(r.next_due) if r.next_due else ""
                return (
                    (f"{when}: {r.next_milestone}" if when else r.next_milestone) if r.next_milestone else ""
                )
            return r.reason
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == 5 and r.next_milestone:
                return self.data(index) + (f"\n{r.reason}" if r.reason else "")
            return r.reason
        return None
