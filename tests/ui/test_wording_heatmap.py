"""The class heatmap's column headings are the skill names a teacher knows, written upwards so whole
names fit above narrow columns; the code stays in the tooltip."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSortFilterProxyModel, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QTableView

from app.practice.results import HeatCell, Heatmap, HeatSkill, HeatStudent
from app.ui.qmodels.heatmap_model import FIXED, SORT_ROLE, HeatmapModel
from app.ui.widgets.rotated_header import PAD, RotatedHeader

H = Qt.Orientation.Horizontal
SKILLS = (
    HeatSkill("s1", "NUM.ADD", "Addition facts", "Number sense", 12),
    HeatSkill("s2", "FRA.EQ", "Equivalent fractions", "Fractions, decimals and percentages", 1),
    HeatSkill("s3", "WRC.VOICE", "Voice and word choice", "Writing craft", 0),
)
MAP = Heatmap(
    "c1",
    (HeatStudent("a", "Amara Okafor"), HeatStudent("b", "Ben Carter")),
    SKILLS,
    (
        (HeatCell(0.4, 5, False, 0.0), None, HeatCell(0.9, 9, True, 0.0)),
        (HeatCell(0.8, 6, False, 0.0), HeatCell(0.6, 3, False, 0.0), None),
    ),
)


def _table(qtbot):
    model = HeatmapModel()
    model.set_heatmap(MAP)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    table = QTableView()
    qtbot.addWidget(table)
    table.setHorizontalHeader(RotatedHeader(FIXED, parent=table))
    table.setModel(proxy)
    table.setSortingEnabled(True)
    for c in range(FIXED, model.columnCount()):
        table.setColumnWidth(c, 46)
    table.resize(600, 400)
    table.show()
    qtbot.waitExposed(table)
    return model, proxy, table


def test_headings_are_skill_names_with_the_code_in_the_tooltip():
    model = HeatmapModel()
    model.set_heatmap(MAP)
    headings = [model.headerData(c, H) for c in range(model.columnCount())]
    assert headings == ["Student", "Average", *(s.name for s in SKILLS)]
    assert headings[2:] == ["Addition facts", "Equivalent fractions", "Voice and word choice"]
    tip = model.headerData(FIXED + 1, H, Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Equivalent fractions (Fractions, decimals and percentages, FRA.EQ): 1 question.")
    assert "12 questions" in model.headerData(FIXED, H, Qt.ItemDataRole.ToolTipRole)


def test_the_turned_header_fits_whole_names_and_still_sorts(qtbot):
    _model, proxy, table = _table(qtbot)
    header = table.horizontalHeader()
    longest = max(QFontMetrics(header.font()).horizontalAdvance(s.name) for s in SKILLS)
    assert header.height() - 3 * PAD >= longest  # no name elided
    assert table.columnWidth(FIXED) == 46  # columns stay narrow: the names run upwards
    assert not header.grab().isNull()  # paints without error
    # a click on "Addition facts" sorts the students by it
    x = header.sectionViewportPosition(FIXED) + 23
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 20))
    assert header.sortIndicatorSection() == FIXED
    order = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    ascending = header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert order == (["Amara Okafor", "Ben Carter"] if ascending else ["Ben Carter", "Amara Okafor"])
