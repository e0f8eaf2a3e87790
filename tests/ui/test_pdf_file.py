"""The one PDF writer (app/ui/widgets/pdf_file.py): the file appears whole, in place of the target,
or the error names what could not be saved."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextDocument

from app.errors import StorageError
from app.ui.widgets.pdf_file import write_pdf_file


def _doc() -> QTextDocument:
    doc = QTextDocument()
    doc.setHtml("<h1>Term 1</h1><p>Minutes per student: 42</p>")
    return doc


def test_the_pdf_replaces_the_target_whole_and_leaves_no_part_file(qtbot, tmp_path):
    target = tmp_path / "board.pdf"
    target.write_bytes(b"an older copy")
    out = write_pdf_file(
        target, _doc().print_, title="School overview", what="The board's PDF", landscape=True
    )
    assert out == target and target.read_bytes().startswith(b"%PDF")
    assert "School overview".encode("utf-16-be") in target.read_bytes()  # the title, as the PDF keeps it
    assert [p.name for p in tmp_path.iterdir()] == ["board.pdf"]


def test_a_target_that_cannot_be_replaced_is_said_in_words(qtbot, tmp_path):
    target = tmp_path / "report.pdf"
    target.mkdir()  # a folder where the file should go: the rename fails
    with pytest.raises(StorageError, match=r"^The report could not be saved to .*report\.pdf"):
        write_pdf_file(target, _doc().print_, title="Report", what="The report")
    assert target.is_dir()  # what was there is untouched
