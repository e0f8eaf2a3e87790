"""No page writes a colour or a pixel font size: the theme module (app/ui/theme) is the one place.
Pages name roles, painting code asks the tokens (issue 18)."""

from __future__ import annotations

import re
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "app" / "ui"
THEME = UI / "theme"

HEX = re.compile(r"#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?(?:[0-9a-fA-F]{2})?\b")
RGB = re.compile(r"\brgba?\s*\(")
PX_FONT = re.compile(r"font-size\s*:\s*[0-9.]+\s*px", re.IGNORECASE)
NAMED = re.compile(
    r"""(?:QColor\(\s*["'](?:white|black|red|green|blue|gray|grey|yellow|orange)["']"""
    r"""|(?:color|background(?:-color)?)\s*:\s*(?:white|black|red|green|blue|gray|grey|yellow|orange)\b"""
    r"""|GlobalColor\.(?:white|black|red|green|blue|gray|darkGreen|darkRed|darkGray|yellow))""",
    re.IGNORECASE,
)
STYLESHEET = re.compile(r"\.setStyleSheet\(")


def _offences(pattern: re.Pattern[str]) -> list[str]:
    out = []
    for path in sorted(UI.rglob("*.py")):
        if THEME in path.parents:
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            # "#" inside a comment is prose, not a colour ("issue #18")
            code = line.split("  # ", 1)[0] if not line.lstrip().startswith("#") else ""
            if pattern.search(code):
                out.append(f"{path.relative_to(UI.parent.parent)}:{n}: {line.strip()[:90]}")
    return out


def test_no_colour_literal_outside_the_theme():
    assert _offences(HEX) + _offences(RGB) + _offences(NAMED) == []


def test_no_pixel_font_size_outside_the_theme():
    assert _offences(PX_FONT) == []


def test_no_inline_stylesheet_outside_the_theme():
    assert _offences(STYLESHEET) == []


def test_the_checks_would_catch_one():
    """The patterns are not vacuous: each finds the thing it forbids."""
    samples = {
        HEX: 'label.setStyleSheet("color: #6b7280;")',
        RGB: 'x = "background: rgb(1, 2, 3)"',
        PX_FONT: '"font-size: 15px; color: red"',
        NAMED: 'p.setPen(QColor("white"))',
        STYLESHEET: 'w.setStyleSheet("")',
    }
    for pattern, sample in samples.items():
        assert pattern.search(sample), pattern.pattern
