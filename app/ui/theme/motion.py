"""A celebration that feels like a reward without noise: the card glows in (its border warms from
the page's colour to the celebration's over half a second, the words already readable), no sound,
no bouncing, nothing that flashes (WCAG 2.3.1)."""

from __future__ import annotations

from PySide6.QtCore import QVariantAnimation
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsDropShadowEffect, QWidget

from app.ui.theme import tokens


def glow_in(widget: QWidget, ms: int = 600) -> None:
    """A soft glow around ``widget`` that grows once and stays while it is shown."""
    t = tokens()
    glow = QGraphicsDropShadowEffect(widget)
    glow.setOffset(0, 0)
    glow.setColor(QColor(t.celebrate_text if t.dark else t.comment_current))
    glow.setBlurRadius(0)
    widget.setGraphicsEffect(glow)
    grow = QVariantAnimation(widget, startValue=0.0, endValue=24.0, duration=ms)
    grow.valueChanged.connect(lambda v: glow.setBlurRadius(float(v)))
    grow.start(QVariantAnimation.DeletionPolicy.DeleteWhenStopped)
