"""Measure what a reader sees: the contrast of every visible text against the background actually
painted behind it, and the controls whose text does not fit at a large text size.

Contrast is measured on pixels, not on declared colours, so a stylesheet, a palette and a painted
card all count the way they reach the screen: the window is rendered once, each text widget's
rectangle is cut out, the most common colour there is its background, and the pixel that stands out
most from it (seen at least a few times, so one anti-aliased speck does not count) is its text."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QGroupBox,
    QLabel,
    QProgressBar,
    QWidget,
)


def luminance(c: QColor) -> float:
    """WCAG 2.x relative luminance."""

    def chan(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    return 0.2126 * chan(c.red()) + 0.7152 * chan(c.green()) + 0.0722 * chan(c.blue())


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@dataclass(frozen=True)
class TextContrast:
    widget: str  # class and object name or the start of its text
    ratio: float
    fg: str
    bg: str


def _shown_text(w: QWidget) -> str:
    if isinstance(w, QLabel):
        return "" if w.pixmap() is not None and not w.pixmap().isNull() else w.text()
    if isinstance(w, QAbstractButton):
        return w.text()
    if isinstance(w, QGroupBox):
        return w.title()
    if isinstance(w, QProgressBar) and w.isTextVisible():
        return w.text()
    return ""


def _visible_in(w: QWidget, window: QWidget) -> bool:
    if not w.isVisibleTo(window) or not w.isEnabled() or w.width() < 4 or w.height() < 4:
        return False
    # Inside a scroll area only what is scrolled into view is on screen.
    p = w.parentWidget()
    while p is not None and p is not window:
        if isinstance(p, QAbstractScrollArea):
            vp = p.viewport()
            top_left = w.mapTo(vp, w.rect().topLeft())
            if not vp.rect().intersects(w.rect().translated(top_left)):
                return False
        p = p.parentWidget()
    return True


def _colours(img: QImage, x0: int, y0: int, w: int, h: int) -> Counter:
    """Colour counts over the rectangle: every pixel of a small one, every second row of a large
    one (a text's strokes span several rows, so none is missed; a full window is 900,000 pixels)."""
    counts: Counter = Counter()
    step = 1 if w * h <= 60_000 else 2
    for y in range(max(0, y0), min(img.height(), y0 + h), step):
        for x in range(max(0, x0), min(img.width(), x0 + w)):
            counts[img.pixel(x, y) & 0xFFFFFF] += 1
    return counts


def measure_text(window: QWidget, min_pixels: int = 3) -> list[TextContrast]:
    """Every visible, enabled text widget in ``window`` with its measured contrast."""
    img = window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    ratio_x = img.width() / max(1, window.width())
    out: list[TextContrast] = []
    for w in window.findChildren(QWidget):
        text = _shown_text(w)
        if not text.strip() or not _visible_in(w, window):
            continue
        r = w.visibleRegion().boundingRect()  # the part its parents do not clip away
        if isinstance(w, QGroupBox):  # only the title row
            r.setHeight(min(r.height(), w.fontMetrics().height() + 4))
        if r.width() < 4 or r.height() < w.fontMetrics().height():
            continue  # scrolled or clipped out of sight but for an edge: no text on screen to measure
        pos = w.mapTo(window, r.topLeft())
        counts = _colours(
            img,
            int(pos.x() * ratio_x),
            int(pos.y() * ratio_x),
            int(r.width() * ratio_x),
            int(r.height() * ratio_x),
        )
        if not counts:
            continue
        bg_rgb, _n = counts.most_common(1)[0]
        bg = QColor(bg_rgb)
        best, fg = 1.0, bg
        for rgb, n in counts.items():
            if n < min_pixels:
                continue
            c = QColor(rgb)
            k = contrast(c, bg)
            if k > best:
                best, fg = k, c
        name = w.objectName() or text.replace("\n", " ")[:30]
        out.append(TextContrast(f"{type(w).__name__}:{name}", round(best, 2), fg.name(), bg.name()))
    return out


@dataclass(frozen=True)
class Clipped:
    widget: str
    needed: int
    given: int


def clipped_text(window: QWidget) -> list[Clipped]:
    """Visible labels and buttons narrower or lower than their text needs (a word-wrapped label may
    be narrower than one line, so for it only the height for its width counts)."""
    out: list[Clipped] = []
    for w in window.findChildren(QWidget):
        text = _shown_text(w)
        if not text.strip() or not w.isVisibleTo(window) or isinstance(w, QGroupBox):
            continue
        hint = w.sizeHint()
        name = f"{type(w).__name__}:{w.objectName() or text.replace(chr(10), ' ')[:30]}"
        if isinstance(w, QLabel) and w.wordWrap():
            need = w.heightForWidth(w.width()) if w.hasHeightForWidth() else hint.height()
            # Cut means a line lost: half a line's height or more (margins may round a few px).
            if need - w.height() >= w.fontMetrics().lineSpacing() // 2:
                out.append(Clipped(name, need, w.height()))
            continue
        if hint.width() > w.width() + 1:
            out.append(Clipped(name, hint.width(), w.width()))
        elif hint.height() > w.height() + 1:
            out.append(Clipped(name, hint.height(), w.height()))
    return out


def scrolls_sideways(page: QWidget) -> bool:
    """Whether a main page needs a sideways scroll (or would cut its right edge) at this size."""
    from PySide6.QtWidgets import QScrollArea

    area = page.findChild(QScrollArea, "pageScroll")
    if area is None or area.widget() is None:
        return page.minimumSizeHint().width() > page.width() + 1
    if area.horizontalScrollBar().isVisible():
        return True
    return area.widget().minimumSizeHint().width() > area.viewport().width() + 1
