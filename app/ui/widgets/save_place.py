"""Where a save dialog opens: the user's Documents folder (the last folder they saved to in this run,
once they have saved), never the working folder the app happened to start in."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

_last: list[Path] = []  # the folder of the last save this run


def documents_dir() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    path = Path(found) if found else Path.home()
    return path if path.is_dir() else Path.home()


def suggested_path(file_name: str) -> str:
    """The path to offer in a save dialog for ``file_name``."""
    folder = _last[-1] if _last and _last[-1].is_dir() else documents_dir()
    return str(folder / file_name)


def remember(path: str) -> None:
    """A save went to ``path``: the next dialog opens in its folder."""
    if path:
        _last[:] = [Path(path).parent]
