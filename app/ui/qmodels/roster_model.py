"""Table model over the roster service's StudentRow list."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.people.roster import StudentRow

COLUMNS = ("Name", "Interests", "Skills mastered", "Status")


class RosterModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[StudentRow] = []

    def set_rows(self, rows: list[StudentRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

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
            return (row.full_name, ", ".join(row.interests), row.mastered_skills,
                    self.tr("Archived") if row.archived else self.tr("Active"))[col]
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == Qt.ItemDataRole.UserRole + 1:  # sort key
            return (f"{row.given_name} {row.family_name}".lower(), ", ".join(row.interests).lower(),
                    row.mastered_skills, row.archived)[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 2:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def row_at(self, index: QModelIndex) -> StudentRow:
        return self.rows[index.row()]
