"""The bundled fonts and icons load, with their licences beside them, and every icon a page names
exists (issue 18)."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QColor

from app.config import resources_dir
from app.ui.theme import apply_theme, reset_theme
from app.ui.theme.fonts import load_bundled
from app.ui.theme.icons import NAV, icon

UI = Path(__file__).resolve().parents[2] / "app" / "ui"


def test_fonts_load_and_carry_their_licence(qapp):
    assert {"Atkinson Hyperlegible", "OpenDyslexic"} <= load_bundled()
    licences = {p.name for p in (resources_dir() / "fonts").glob("LICENSE*")}
    assert licences == {"LICENSE-AtkinsonHyperlegible-OFL.txt", "LICENSE-OpenDyslexic-OFL.txt"}
    for name in licences:
        assert "SIL Open Font License" in (resources_dir() / "fonts" / name).read_text(encoding="utf-8")


def test_every_named_icon_exists_and_takes_the_scheme_colour(qapp):
    named = set(NAV.values())
    for path in UI.rglob("*.py"):
        named |= set(re.findall(r'set_icon\([^,]+, "([a-z0-9-]+)"', path.read_text(encoding="utf-8")))
    folder = resources_dir() / "icons"
    assert named and all((folder / f"{n}.svg").is_file() for n in named), named
    assert "ISC License" in (folder / "LICENSE-lucide.txt").read_text(encoding="utf-8")
    try:
        for scheme in ("light", "dark"):
            apply_theme(qapp, scheme, 100)
            from app.ui.theme import tokens

            img = icon("house").pixmap(48, 48).toImage()
            inked = {
                img.pixelColor(x, y).name()
                for x in range(48)
                for y in range(48)
                if img.pixelColor(x, y).alpha() == 255
            }
            assert QColor(tokens().text).name() in inked
    finally:
        reset_theme(qapp)
