"""QTI import (pure: no Qt, no database): ``reader.import_qti`` reads one XML file or a content package;
``item`` reads one item, ``package`` opens a zip safely, ``xmltools`` parses XML safely and names
elements across QTI versions; ``errors.QtiImportError`` says in plain words what was refused."""

from app.practice.qti.reader import QtiImportError, import_qti, parse_item

__all__ = ["QtiImportError", "import_qti", "parse_item"]
