"""Table model over the class heatmap: one row per student; columns are the student, their average,
then one per skill, each cell coloured by mastery band (with a tick when mastered, so colour is never
the only cue). Sorting a column sorts students by it (not started sorts lowest)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.i18n import N_
from app.practice.results import HeatCell, Heatmap, HeatSkill
from app.ui.theme.tokens import HEAT

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
FIXED = 2  # student, average

# (name, lowest mastery, fill, text): ColorBrewer "Blues", safe for colour-blind readers; "Stuck" is
# orange and its cells carry a "!" so colour is never the only cue.
_NAMES = [
    ("Not started", None),
    (N_("Starting (below 50%)"), 0.0),
    (N_("Learning (50-75%)"), 0.5),
    (N_("Nearly there (75%+)"), 0.75),
    (N_("Mastered"), None),
    (N_("Stuck (! recent answers wrong)"), None),
]
BANDS = [(name, low, fill, ink) for (name, low), (fill, ink) in zip(_NAMES, HEAT, strict=True)]
STUCK = 5


def band(cell: HeatCell | None) -> tuple[str, str, str]:
    """(band name, fill, text colour) for a cell, from its one shared level (``practice.standing``)."""
    if cell is None:
        return BANDS[0][0], BANDS[0][2], BANDS[0][3]
    if cell.mastered or cell.level == "mastered":
        return BANDS[4][0], BANDS[4][2], BANDS[4][3]
    if cell.level == "stuck":
        return BANDS[STUCK][0], BANDS[STUCK][2], BANDS[STUCK][3]
    if cell.level == "nearly there" or (not cell.level and cell.mastery >= 0.75):
        return BANDS[3][0], BANDS[3][2], BANDS[3][3]
    low = BANDS[2] if cell.mastery >= 0.5 else BANDS[1]
    return low[0], low[2], low[3]


class HeatmapModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.map: Heatmap | None = None
        self.order: list[int] = []  # skill columns, as indexes into map.skills
        self.averages: list[float | None] = []

    def set_heatmap(self, heatmap: Heatmap, order: list[int] | None = None) -> None:
        self.beginResetModel()
        self.map = heatmap
        self.order = list(order) if order is not None else list(range(len(heatmap.skills)))
        self.averages = []
        for row in heatmap.cells:
            seen = [c.mastery for c in row if c is not None]
            self.averages.append(sum(seen) / len(seen) if seen else None)
        self.endResetModel()

    def set_order(self, order: list[int]) -> None:
        if self.map is not None:
            self.set_heatmap(self.map, order)

    def class_means(self) -> list[float]:
        """Mean mastery per skill over students who started it (-1 when nobody has)."""
        out: list[float] = []
        if self.map is None:
            return out
        for j in range(len(self.map.skills)):
            seen = [r[j].mastery for r in self.map.cells if r[j] is not None]
            out.append(sum(seen) / len(seen) if seen else -1.0)
        return out

    # -- Qt -----------------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() or self.map is None else len(self.map.students)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() or self.map is None else FIXED + len(self.order)

    def skill_at(self, column: int) -> HeatSkill | None:
        if self.map is None or column < FIXED:
            return None
        return self.map.skills[self.order[column - FIXED]]

    def cell(self, row: int, column: int) -> HeatCell | None:
        assert self.map is not None
        return self.map.cells[row][self.order[column - FIXED]]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802, ANN201
        if orientation != Qt.Orientation.Horizontal or self.map is None:
            return None
        skill = self.skill_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if skill is None:
                return (self.tr("Student"), self.tr("Average"))[section]
            # The name a teacher knows ("Equivalent fractions", not "FRA.EQ"): the page's header
            # (widgets/rotated_header.py) writes it upwards so whole names fit above narrow columns.
            return skill.name
        if role == Qt.ItemDataRole.TextAlignmentRole:
            # Level headings sit at the foot of a tall header, in line with where the turned names start.
            return int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom)
        if role == Qt.ItemDataRole.ToolTipRole and skill is not None:
            questions = (
                self.tr("%n question(s)", "", skill.items) if skill.items else self.tr("no questions yet")
            )
            return (
                f"{skill.name} ({skill.domain}, {skill.code}): {questions}. "
                f"{self.tr('Click to sort students by it.')}"
            )
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid() or self.map is None:
            return None
        r, c = index.row(), index.column()
        student = self.map.students[r]
        if c == 0:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return student.name
            if role == SORT_ROLE:
                return student.name.lower()
            return None
        if c == 1:
            avg = self.averages[r]
            if role == Qt.ItemDataRole.DisplayRole:
                return "" if avg is None else f"{round(avg * 100)}%"
            if role == SORT_ROLE:
                return -1.0 if avg is None else avg
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return (
                    self.tr("%1: average %2")
                    .replace("%1", student.name)
                    .replace("%2", "-" if avg is None else f"{round(avg * 100)}%")
                )
            return None
        cell = self.cell(r, c)
        skill = self.skill_at(c)
        name, fill, ink = band(cell)
        if role == Qt.ItemDataRole.DisplayRole:
            if cell is None:
                return ""
            if cell.level == "stuck":
                return "!" + str(round(cell.mastery * 100))
            return "\u2713" if cell.mastered else str(round(cell.mastery * 100))
        if role == SORT_ROLE:
            return -1.0 if cell is None else cell.mastery + (1.0 if cell.mastered else 0.0)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(fill))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(ink))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            assert skill is not None
            if cell is None:
                return f"{student.name}, {skill.name}: {self.tr('not started')}"
            evidence = self.tr("%n answer(s)", "", cell.attempts)
            if cell.judged:
                evidence = (f"{evidence}, {self.tr('judged from work')}" if cell.attempts
                            else self.tr("judged from work"))  # fmt: skip
            return (
                f"{student.name}, {skill.name}: {round(cell.mastery * 100)}% "
                f"({self.tr(name.split(' (')[0].lower())}), {evidence}"
            )
        if role == Qt.ItemDataRole.UserRole:
            return (student.id, skill.id if skill else "")
        return None
