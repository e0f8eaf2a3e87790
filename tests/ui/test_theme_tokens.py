"""Every scheme's tokens meet WCAG 2.2 AA on the backgrounds they are drawn on: 4.5:1 for text,
3:1 for focus rings, chart lines and the symbols of "what next" (issue 18)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QColor

from app.ui.theme.audit import contrast
from app.ui.theme.stylesheet import build_stylesheet
from app.ui.theme.tokens import PRINT, SCHEME_TOKENS, SCHEMES

TEXT_PAIRS = [  # (text token, background token) as the stylesheet and painting code use them
    *[
        (fg, bg)
        for fg in ("text", "muted", "accent", "success", "warning", "danger")
        for bg in ("window", "surface")
    ],
    *[(fg, "surface_alt") for fg in ("text", "muted", "accent")],
    ("text", "success_bg"),
    ("text", "warning_bg"),
    ("text", "danger_bg"),
    ("text", "info_bg"),
    ("text", "accent_soft"),
    ("success", "success_bg"),
    ("warning", "warning_bg"),
    ("on_accent", "accent_fill"),
    ("celebrate_text", "celebrate_bg"),
    ("text", "comment_bg"),
    ("text", "comment_current"),
    ("disabled", "surface"),  # not required by WCAG for disabled controls, kept readable anyway
]
LINE_PAIRS = [("focus", "window"), ("focus", "surface"), ("border", "surface"), ("accent", "accent_soft")]


def c(scheme, name: str) -> QColor:
    return QColor(getattr(scheme, name))


@pytest.mark.parametrize("name", SCHEMES)
def test_text_tokens_reach_4_5(name):
    t = SCHEME_TOKENS[name]
    low = {f"{fg} on {bg}": round(contrast(c(t, fg), c(t, bg)), 2) for fg, bg in TEXT_PAIRS}
    assert {k: v for k, v in low.items() if v < 4.5} == {}


@pytest.mark.parametrize("name", SCHEMES)
def test_lines_and_focus_reach_3(name):
    t = SCHEME_TOKENS[name]
    low = {f"{fg} on {bg}": round(contrast(c(t, fg), c(t, bg)), 2) for fg, bg in LINE_PAIRS}
    series = {
        f"series {i} on surface": round(contrast(QColor(s), c(t, "surface")), 2)
        for i, s in enumerate(t.series)
    }
    assert {k: v for k, v in {**low, **series}.items() if v < 3} == {}


def test_heatmap_bands_and_print_colours():
    t = SCHEME_TOKENS["light"]
    for fill, ink in t.heat:
        assert contrast(QColor(ink), QColor(fill)) >= 4.5, (fill, ink)
    for fg in ("text", "muted", "accent"):
        assert contrast(c(PRINT, fg), QColor("#ffffff")) >= 4.5


@pytest.mark.parametrize("name", SCHEMES)
def test_stylesheet_has_focus_ring_and_no_small_targets(name):
    css = build_stylesheet(SCHEME_TOKENS[name], 10.0)
    t = SCHEME_TOKENS[name]
    assert f"QPushButton:focus {{ border: 2px solid {t.focus}" in css
    assert "QLineEdit:focus" in css and "QToolButton:focus" in css
    assert not re.search(r"font-size:\s*[0-9.]+px", css)

    # No fixed heights: a minimum set by the stylesheet overrides what the text needs at 200 %.
    assert not re.search(r"(?<![-\w])(?:min-|max-)?height:", css)
