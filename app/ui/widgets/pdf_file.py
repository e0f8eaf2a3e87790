"""A PDF written whole or not at all: Qt's PDF writer into a ``.part`` file beside the target, renamed
over it once the writer has finished (safe off the UI thread: no widgets). The one way Tessera writes a
PDF (a student's report, the board's overview, sign-in cards)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

from app.errors import StorageError


def write_pdf_file(
    path: str | Path,
    paint: Callable[[QPdfWriter], None],
    *,
    title: str,
    what: str,
    margins_mm: float = 15,
    resolution: int = 300,
    landscape: bool = False,
) -> Path:
    """Set up an A4 writer, ``paint`` on it (``QTextDocument.print_`` or a ``QPainter``; it must keep no
    reference to the writer), then put the file in place. ``what`` names the file in the error
    ("The report" could not be saved to ...)."""
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    writer = QPdfWriter(str(tmp))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    if landscape:
        writer.setPageOrientation(QPageLayout.Orientation.Landscape)
    m = margins_mm
    writer.setPageMargins(QMarginsF(m, m, m, m), QPageLayout.Unit.Millimeter)
    writer.setResolution(resolution)
    writer.setTitle(title)
    writer.setCreator("Tessera")
    paint(writer)
    del writer  # finishes the file
    try:
        tmp.replace(path)
    except OSError as exc:
        raise StorageError(f"{what} could not be saved to {path}: {exc.strerror or exc}.") from exc
    return path
