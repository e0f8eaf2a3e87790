"""Accessibility that holds app-wide, whatever the style or the stylesheet: every target at least 24 px
(WCAG 2.2 SC 2.5.8), growing with the application font; a focus ring drawn around whatever has the
keyboard focus (SC 2.4.7), in the palette's highlight colour, so a theme colours it by its palette and
no page's stylesheet can hide it.

The theme owns stylesheets and colours: it calls ``install(app)`` again after changing the style (the
proxy wraps whatever style is current) and may use ``min_target(font)`` in its size tokens."""

from __future__ import annotations

import math

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QAccessibleEvent,
    QAccessibleInterface,
    QFont,
    QFontMetrics,
    QPainter,
    QPen,
    QTextDocumentFragment,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAccessibleWidget,
    QApplication,
    QLabel,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QWidget,
)

MIN_TARGET = 24  # px: WCAG 2.2 SC 2.5.8, target size (minimum), level AA
RING = 2  # px: the focus ring's width; drawn RING px outside the control, so nothing inside it hides it

_GROW = {
    QStyle.ContentsType.CT_PushButton,
    QStyle.ContentsType.CT_ToolButton,
    QStyle.ContentsType.CT_CheckBox,
    QStyle.ContentsType.CT_RadioButton,
    QStyle.ContentsType.CT_ComboBox,
    QStyle.ContentsType.CT_LineEdit,
    QStyle.ContentsType.CT_SpinBox,
    QStyle.ContentsType.CT_TabBarTab,
}


def min_target(font: QFont | None = None) -> int:
    """The smallest height of a control: 24 px, or more when the text is larger (text line plus 8)."""
    fm = QFontMetrics(font if font is not None else QApplication.font())
    return max(MIN_TARGET, math.ceil(fm.height()) + 8)


class TargetStyle(QProxyStyle):
    """The current style, with controls never smaller than ``min_target()`` either way."""

    def sizeFromContents(  # noqa: N802  # Qt's name
        self, kind: QStyle.ContentsType, option: QStyleOption, size: QSize, widget: QWidget | None = None
    ) -> QSize:
        out = super().sizeFromContents(kind, option, size, widget)  # type: ignore[arg-type]  # Qt takes None
        if kind in _GROW:
            least = min_target(widget.font() if widget is not None else None)
            out = QSize(max(out.width(), least), max(out.height(), least))
        return out


class FocusRing(QWidget):
    """A frame drawn over the window around the focused control. It takes no clicks and no focus."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("qt_a11y_focus_ring")  # "qt_": the audit and tests skip it as Qt's own
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()

    def follow(self, target: QWidget) -> None:
        window = self.parentWidget()
        if window is None or not target.isVisible():
            self.hide()
            return
        top_left = target.mapTo(window, target.rect().topLeft())
        grow = RING + 1
        self.setGeometry(QRect(top_left, target.size()).adjusted(-grow, -grow, grow, grow))
        self.show()
        self.raise_()

    def paintEvent(self, _event: QEvent) -> None:  # noqa: N802  # Qt's name
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self.palette().highlight().color(), RING)
        p.setPen(pen)
        p.drawRoundedRect(self.rect().adjusted(1, 1, -1, -1), 3, 3)


class FocusTracker(QObject):
    """Moves the ring to the widget that has the focus, and with it when it or a parent moves."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.target: QWidget | None = None
        self.ring: FocusRing | None = None  # the ring on screen
        self.watched: list[QWidget] = []
        app.focusChanged.connect(self._focus_changed)

    def _ring(self, widget: QWidget) -> FocusRing | None:
        window = widget.window()
        ring = window.findChild(FocusRing, "qt_a11y_focus_ring", Qt.FindChildOption.FindDirectChildrenOnly)
        if ring is None and window is not widget:
            ring = FocusRing(window)
        return ring

    def _unwatch(self) -> None:
        for w in self.watched:
            if shiboken6.isValid(w):
                w.removeEventFilter(self)
        self.watched = []

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        # ``_old`` is never touched: focus changes while the old control is being destroyed.
        if self.ring is not None and shiboken6.isValid(self.ring):
            self.ring.hide()
        self.ring = None
        self._unwatch()
        self.target = new
        if new is None:
            return
        w: QWidget | None = new
        while w is not None and not w.isWindow():  # a scroll moves a parent, not the control
            w.installEventFilter(self)
            self.watched.append(w)
            w = w.parentWidget()
        self._place()

    def _place(self) -> None:
        target = self.target
        if target is None or not shiboken6.isValid(target):
            return
        try:
            ring = self._ring(target)
            if ring is not None:
                ring.follow(target)
                self.ring = ring
        except RuntimeError:  # the control was deleted meanwhile
            self.target = None

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802  # Qt's name
        if event.type() in (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide):
            self._place()
        return False


def plain(text: str) -> str:
    return QTextDocumentFragment.fromHtml(text).toPlainText() if "<" in text else text


class LabelAccessible(QAccessibleWidget):
    """A label as screen readers see it. Qt's own reads a label's accessible name *instead of* its text,
    so a label named "Question" never said the question: here the name stays (it says what the label is)
    and the text is the description, which screen readers read after it."""

    def __init__(self, label: QLabel) -> None:
        super().__init__(label, QAccessible.Role.StaticText)
        self.label = label

    def text(self, t: QAccessible.Text) -> str:
        if t == QAccessible.Text.Name:
            return self.label.accessibleName() or plain(self.label.text())
        if t == QAccessible.Text.Description:
            own = self.label.accessibleDescription()
            return own or (plain(self.label.text()) if self.label.accessibleName() else "")
        return super().text(t)


_KEEP: dict[int, QAccessibleInterface] = {}  # Qt caches the interfaces; Python must not collect them first


def _factory(key: str, obj: QObject) -> QAccessibleInterface | None:
    if key != "QLabel" or not isinstance(obj, QLabel):
        return None
    iface = LabelAccessible(obj)
    _KEEP[id(obj)] = iface
    obj.destroyed.connect(lambda *_a, k=id(obj): _KEEP.pop(k, None))
    return iface


def announce(widget: QWidget, text: str, assertive: bool = False) -> None:
    """Show a status message in ``widget`` (a label) and have screen readers say it (WCAG 2.2 SC 4.1.3):
    Qt's announcement event (AT-SPI "announcement", UIA notification, NSAccessibility announcement),
    and the label's description changed for readers that watch it instead."""
    if isinstance(widget, QLabel):
        widget.setText(text)  # a live label says it from there
        if getattr(widget, "live_status", False):
            return
    say(widget, text, assertive)


def say(widget: QWidget, text: str, assertive: bool = False) -> None:
    """Have screen readers say ``text`` about ``widget`` (what ``announce`` does besides showing it)."""
    if not text or not QAccessible.isActive():
        return
    event = QAccessibleAnnouncementEvent(widget, plain(text))
    if assertive:
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    QAccessible.updateAccessibility(event)
    QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.DescriptionChanged))


_LABELS_INSTALLED: list[bool] = []


def install(app: QApplication) -> None:
    """Targets of 24 px or more, a visible focus ring and labels that say their text, for all of ``app``."""
    if not isinstance(app.style(), TargetStyle):
        app.setStyle(TargetStyle(app.style().name()))
    if app.findChild(FocusTracker) is None:
        FocusTracker(app)
    if not _LABELS_INSTALLED:
        QAccessible.installFactory(_factory)
        _LABELS_INSTALLED.append(True)


def follow_selection(view: QAbstractItemView) -> None:
    """An item selected by assistive technology (AT-SPI selects, it does not move the cursor) becomes the
    current item too, as a click or an arrow key would make it: code that reads the current item works."""
    model = view.selectionModel()

    def moved(*_args: object) -> None:
        rows = model.selectedIndexes()
        if rows and view.currentIndex() not in rows:
            view.setCurrentIndex(rows[0])

    model.selectionChanged.connect(moved)


def live(label: QLabel, assertive: bool = False) -> QLabel:
    """Make ``label`` a status line whose every new message is announced (``announce``): one line where
    the label is made, instead of a call at each of the dozens of places that set its text."""
    plain_set = label.setText
    last = [label.text()]

    def set_text(text: str) -> None:
        plain_set(text)
        if text and text != last[0]:
            say(label, text, assertive)
        last[0] = text

    label.setText = set_text  # type: ignore[method-assign]  # Python's callers only: Qt's own never set it
    label.live_status = True  # type: ignore[attr-defined]
    return label
