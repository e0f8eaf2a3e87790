"""Regression: an XML declaration naming an unknown encoding is a clear import error, not a crash."""

import pytest

from app.practice.qti import import_qti
from app.practice.qti.errors import QtiImportError


def test_unknown_encoding_is_a_clear_error():
    data = b'<?xml version="1.0" encoding="U-TF-8"?><assessmentItem identifier="x"/>'
    with pytest.raises(QtiImportError):
        import_qti(data, name="odd.xml")
