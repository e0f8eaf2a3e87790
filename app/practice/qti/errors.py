"""Errors from the practice engines that a teacher can meet, in plain words."""

from __future__ import annotations

from app.errors import InvalidInput

__all__ = ["QtiImportError"]


class QtiImportError(InvalidInput):
    """A QTI file or package could not be imported; nothing from it was imported.

    ``str(err)`` names the file and, where there is one, the item and what is wrong with it.
    ``item`` is the item's identifier (or its file inside a package) when known.
    """

    def __init__(self, message: str, *, source: str = "", item: str = ""):
        super().__init__(message)
        self.source = source
        self.item = item
