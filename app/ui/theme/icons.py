"""Icons from Lucide (resources/icons, ISC licence beside them), drawn in the scheme's colours:
the SVG's ``currentColor`` becomes a token's colour, so an icon reads in light, dark and high
contrast alike. Rendered through Qt's SVG image plugin (kept in the bundle for SVG icons)."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QIcon, QImageReader, QPixmap

from app.config import resources_dir
from app.ui.theme import current_scheme, tokens

# What each page and action shows (Lucide names).
NAV = {
    "home": "house", "practice": "target", "writing": "pen-line", "my_plan": "map",
    "my_challenge": "mountain", "checkin": "smile", "my_profile": "user-round",
    "roster": "users", "heatmap": "grid-3x3", "plans": "clipboard-list", "challenges": "flag",
    "checkins": "message-square", "writing_review": "notebook-pen", "sync": "refresh-cw",
    "school": "school", "library": "library-big", "school_overview": "building-2", "framework": "list-tree",
    "staff": "users",
}  # fmt: skip


def icon(name: str, token: str = "text") -> QIcon:
    """``name``'s icon in the colour of ``token`` in the scheme in use (an empty icon if missing)."""
    return _icon(name, token, current_scheme())


@lru_cache(maxsize=256)
def _icon(name: str, token: str, _scheme: str) -> QIcon:
    path = resources_dir() / "icons" / f"{name}.svg"
    try:
        svg = path.read_text(encoding="utf-8")
    except OSError:
        return QIcon()
    svg = svg.replace("currentColor", getattr(tokens(), token))
    out = QIcon()
    for size in (16, 24, 32, 48):
        pixmap = _render(svg.encode("utf-8"), size)
        if not pixmap.isNull():
            out.addPixmap(pixmap)
    return out


def _render(data: bytes, size: int) -> QPixmap:
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, QByteArray(b"svg"))
    reader.setScaledSize(QSize(size, size))
    return QPixmap.fromImage(reader.read())


ICON_NAME = "icon_name"


def set_icon(button, name: str, token: str = "text") -> None:  # noqa: ANN001
    """Give a button (or action) ``name``'s icon; it is redrawn when the scheme changes."""
    button.setProperty(ICON_NAME, f"{name}:{token}")
    button.setIcon(icon(name, token))


def refresh_icons(widgets) -> None:  # noqa: ANN001
    """Redraw the icons of ``widgets`` that ``set_icon`` gave one (after a change of scheme)."""
    for w in widgets:
        value = w.property(ICON_NAME)
        if isinstance(value, str) and ":" in value:
            name, token = value.split(":", 1)
            w.setIcon(icon(name, token))


def nav_icons(nav, keys: list[str]) -> None:  # noqa: ANN001
    """An icon beside each page's name in the navigation (a QListWidget), redrawn with the scheme."""
    from PySide6.QtCore import QSize

    from app.ui.theme import notifier

    def paint() -> None:
        for row, key in enumerate(keys):
            item = nav.item(row)
            if item is not None and key in NAV:
                item.setIcon(icon(NAV[key]))

    size = nav.fontMetrics().height() + 4
    nav.setIconSize(QSize(size, size))
    paint()
    changed = notifier().changed
    changed.connect(paint)

    def forget(*_a: object) -> None:  # gone with the navigation (or the app is closing)
        try:
            changed.disconnect(paint)
        except (RuntimeError, TypeError):
            pass

    nav.destroyed.connect(forget)
