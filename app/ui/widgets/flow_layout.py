"""A row of controls that wraps onto the next line when the window is narrow or the text is large
(Qt's flow layout example), so a toolbar never makes its page scroll sideways."""

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout


class FlowLayout(QLayout):
    def __init__(self, parent=None):  # noqa: ANN001
        super().__init__(parent)
        if parent is not None:
            self.setContentsMargins(QMargins(0, 0, 0, 0))
        self._item_list = []

    def addStretch(self, _stretch=0):  # noqa: ANN001, ANN201, N802
        """A row that wraps has no stretch: kept so it reads like the QHBoxLayout it replaces."""

    def addItem(self, item):  # noqa: ANN001, ANN201, N802
        self._item_list.append(item)

    def count(self):  # noqa: ANN201
        return len(self._item_list)

    def itemAt(self, index):  # noqa: ANN001, ANN201, N802
        if 0 <= index < len(self._item_list):
            return self._item_list[index]
        return None

    def takeAt(self, index):  # noqa: ANN001, ANN201, N802
        if 0 <= index < len(self._item_list):
            return self._item_list.pop(index)
        return None

    def expandingDirections(self):  # noqa: ANN201, N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self):  # noqa: ANN201, N802
        return True

    def heightForWidth(self, width):  # noqa: ANN001, ANN201, N802
        return self._do_layout(QRect(0, 0, width, 0), True)

    def setGeometry(self, rect):  # noqa: ANN001, ANN201, N802
        super().setGeometry(rect)
        self._do_layout(rect, False)

    def sizeHint(self):  # noqa: ANN201, N802
        shown = [i for i in self._item_list if i.widget() is None or not i.widget().isHidden()]
        w = sum(i.sizeHint().width() for i in shown) + self.spacing() * max(0, len(shown) - 1)
        h = max((i.sizeHint().height() for i in shown), default=0)
        return QSize(w, h)

    def minimumSize(self):  # noqa: ANN201, N802
        size = QSize(0, 0)
        for item in self._item_list:
            size = size.expandedTo(item.minimumSize())
        return size

    def _do_layout(self, rect, test_only):  # noqa: ANN001, ANN202
        x, y, line_height = rect.x(), rect.y(), 0
        spacing = self.spacing()
        for item in self._item_list:
            if item.widget() is not None and item.widget().isHidden():
                continue
            hint = item.sizeHint()
            next_x = x + hint.width() + spacing
            if next_x - spacing > rect.right() and line_height > 0:
                x, y = rect.x(), y + line_height + spacing
                next_x = x + hint.width() + spacing
                line_height = 0
            if not test_only:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x = next_x
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y()
