"""Import QTI items: 2.1/2.2 (``choiceInteraction``, ``textEntryInteraction``) and 3.0
(``qti-choice-interaction``, ``qti-text-entry-interaction``), from one XML file or a content package
(a zip with ``imsmanifest.xml``).

Safe by construction: XML is parsed with defusedxml (no DTDs, entities or external references), sizes
and nesting are bounded, packages are read in memory with zip-bomb and path checks (``package``),
and an import is all or nothing: the first bad item raises ``QtiImportError`` naming the item and what
is wrong, and nothing from the file is returned.

Supported: single-answer choice items, and text-entry items (a string, integer or float answer; the
correct response and any mapped alternatives with a positive score are accepted). Anything else (more
than one interaction, multiple-response choice, other interaction types) is refused with a reason.
Imported items have no skill (``skill == ""``): the teacher picks one when importing.
"""

from __future__ import annotations

from pathlib import Path

from app.i18n import _
from app.practice.engine.items import PracticeItem
from app.practice.qti.errors import QtiImportError
from app.practice.qti.item import parse_item
from app.practice.qti.package import MAX_PACKAGE_BYTES, read_package
from app.practice.qti.xmltools import MAX_XML_BYTES

__all__ = ["QtiImportError", "import_qti", "parse_item"]


def import_qti(source: bytes | str | Path, name: str | None = None) -> list[PracticeItem]:
    """Items from a QTI XML file or content package (path or bytes). All or nothing."""
    if isinstance(source, (str, Path)):
        path = Path(source)
        name = name or path.name
        try:
            with path.open("rb") as fh:
                data = fh.read(MAX_PACKAGE_BYTES + 1)
        except OSError as exc:
            raise QtiImportError(
                _("Could not open {name}: {v}.", name=name, v=exc.strerror or exc), source=name
            ) from None
    else:
        data = bytes(source)
    name = name or _("the file")
    if data[:4] == b"PK\x03\x04" or data[:4] == b"PK\x05\x06":
        return read_package(data, name)
    if len(data) > MAX_XML_BYTES:
        raise QtiImportError(_("Could not import {name}: the file is larger than {v} MB. Nothing was imported.", name=name, v=MAX_XML_BYTES // 1_000_000), source=name)  # fmt: skip
    return [parse_item(data, name)]
