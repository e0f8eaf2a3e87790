"""QTI import: good items come in whole; every kind of bad file imports nothing and says why."""

from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.errors import TesseraError
from app.practice.engine.kinds import check_answer
from app.practice.qti.errors import QtiImportError
from app.practice.qti.reader import import_qti, parse_item
from tests.practice.qti_samples import (
    CHOICE30,
    FLOAT22,
    NS22,
    TEXT22,
    TEXT30,
    choice22,
    good_package,
    manifest,
    package,
)


def test_qti22_choice():
    [item] = import_qti(choice22().encode(), name="capital.xml")
    assert item.kind == "choice" and item.source == "qti" and item.source_ref == "capital-1"
    assert item.choices == ("Lyon", "Paris", "Marseille")  # inline feedback is not part of the choice
    assert item.answer == "Paris" and check_answer(item.kind, item.answer, "paris")
    assert item.prompt == "Think about the map of Europe.\nWhat is the capital of France?"
    assert item.title == "Capitals" and item.skill == ""


def test_qti22_text_entry_with_mapped_alternatives():
    item = parse_item(TEXT22.encode())
    assert item.kind == "text"
    assert item.answer.split("\n") == ["colour", "color"]  # the zero-scored "collor" is not accepted
    assert "____" in item.prompt and item.prompt.startswith("The c_l_ur of the sky is blue.")
    assert check_answer(item.kind, item.answer, "Color") and not check_answer(
        item.kind, item.answer, "collor"
    )


def test_qti22_float_entry_is_a_number_item():
    item = parse_item(FLOAT22.encode())
    assert item.kind == "number" and check_answer(item.kind, item.answer, "1/2")


def test_qti30_choice_and_text_entry():
    choice = parse_item(CHOICE30.encode())
    assert (choice.kind, choice.answer, choice.choices) == ("choice", "Jupiter", ("Mars", "Jupiter", "Venus"))
    assert choice.prompt == "Which planet is the largest?"
    text = parse_item(TEXT30.encode())
    assert text.kind == "number" and text.answer == "12" and text.prompt == "7 + 5 = ____"


def test_content_package(tmp_path):
    path = tmp_path / "quiz.zip"
    path.write_bytes(good_package())
    items = import_qti(path)
    assert [i.source_ref for i in items] == ["capital-1", "colour-1", "planet-3"]


def test_utf8_bom_is_fine():
    assert parse_item(b"\xef\xbb\xbf" + choice22().encode()).source_ref == "capital-1"


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<assessmentItem identifier="x">&lol2;</assessmentItem>"""
EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE a [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><assessmentItem identifier="x">&xxe;</assessmentItem>"""

BAD_ITEMS = [
    (b"hello, not xml", "not an XML file", ""),
    (b"<assessmentItem identifier='a'><itemBody>", "not well formed", ""),
    (BILLION_LAUGHS, "DTD", ""),
    (EXTERNAL, "DTD", ""),
    (f'<assessmentTest xmlns="{NS22}" identifier="t"/>'.encode(), "not an assessment item", ""),
    (choice22(correct="Z").encode(), "correct answer “Z” is not one of its choices", "capital-1"),
    (choice22(correct="").encode(), "no correct answer", "capital-1"),
    (choice22(max_choices="2").encode(), "more than one choice", "capital-1"),
    (choice22(body_extra='<orderInteraction responseIdentifier="R2"/>').encode(), "orderInteraction", "capital-1"),
    (choice22(body_extra='<p><textEntryInteraction responseIdentifier="RESPONSE"/></p>').encode(),
     "more than one interaction", "capital-1"),
    (choice22(ident="").encode(), "no identifier", ""),
    (TEXT22.replace('responseIdentifier="RESPONSE"', 'responseIdentifier="NOPE"').encode(), "does not declare",
     "colour-1"),
    (TEXT22.replace('baseType="string"', 'baseType="point"').encode(), "type “point”", "colour-1"),
    (f'<assessmentItem xmlns="{NS22}" identifier="e"><itemBody><p>Nothing to answer.</p></itemBody>'
     f"</assessmentItem>".encode(), "no choice or text-entry interaction", "e"),
    (("<assessmentItem identifier='deep'><itemBody>" + "<div>" * 150 + "</div>" * 150
      + "</itemBody></assessmentItem>").encode(), "nested", "deep"),
]  # fmt: skip


@pytest.mark.parametrize(("data", "why", "ident"), BAD_ITEMS)
def test_bad_items_raise_a_plain_message_naming_the_item(data, why, ident):
    with pytest.raises(QtiImportError) as err:
        import_qti(data, name="upload.xml")
    msg = str(err.value)
    assert isinstance(err.value, TesseraError)
    assert why in msg and "upload.xml" in msg and msg.endswith("Nothing was imported.")
    assert err.value.item == ident
    if ident:
        assert f"“{ident}”" in msg


def _bomb() -> bytes:
    return package({"imsmanifest.xml": manifest([("a.xml", "imsqti_item_xmlv2p2")]), "a.xml": choice22(),
                    "zeros.bin": b"\0" * 3_000_000})  # fmt: skip


def _raw_zip_with_name(name: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("imsmanifest.xml", manifest([("a.xml", "imsqti_item_xmlv2p2")]))
        zf.writestr("a.xml", choice22())
        info = zipfile.ZipInfo("placeholder")
        info.filename = name  # ZipInfo would normalise some names; set it raw as an attacker would
        zf.writestr(info, "x")
    return buf.getvalue()


BAD_PACKAGES = [
    (package({"items/a.xml": choice22()}), "no imsmanifest.xml"),
    (package({"imsmanifest.xml": manifest([("missing.xml", "imsqti_item_xmlv2p2")])}), "not in the package"),
    (package({"imsmanifest.xml": manifest([])}), "lists no QTI items"),
    (package({"imsmanifest.xml": manifest([("../../etc/passwd", "imsqti_item_xmlv2p2")])}), "outside the package"),
    (package({"imsmanifest.xml": manifest([("/etc/passwd", "imsqti_item_xmlv2p2")])}), "outside the package"),
    (package({"imsmanifest.xml": manifest([("http://example.com/a.xml", "imsqti_item_xmlv2p2")])}),
     "outside the package"),
    (_raw_zip_with_name("../evil.xml"), "points outside the package"),
    (_raw_zip_with_name("C:/evil.xml"), "points outside the package"),
    (_raw_zip_with_name("dir\\evil.xml"), "points outside the package"),
    (_bomb(), "zip bomb"),
    (package({"imsmanifest.xml": "<notamanifest/>"}), "not an IMS manifest"),
    (package({"imsmanifest.xml": "<?xml version='1.0'?><!DOCTYPE m [<!ENTITY a 'b'>]><manifest>&a;</manifest>"}),
     "DTD"),
    (good_package()[:200], "not a readable zip"),
    (package({"imsmanifest.xml": manifest([("a.xml", "imsqti_item_xmlv2p2"), ("b.xml", "imsqti_item_xmlv2p2")]),
              "a.xml": choice22(), "b.xml": choice22()}), "identifier is also used"),
]  # fmt: skip


@pytest.mark.parametrize(("data", "why"), BAD_PACKAGES)
def test_bad_packages_import_nothing_and_say_why(data, why):
    with pytest.raises(QtiImportError) as err:
        import_qti(data, name="quiz.zip")
    assert why in str(err.value) and "quiz.zip" in str(err.value)


def test_one_bad_item_in_a_package_stops_the_whole_import():
    data = package({
        "imsmanifest.xml": manifest([("good.xml", "imsqti_item_xmlv2p2"), ("bad.xml", "imsqti_item_xmlv3p0")]),
        "good.xml": choice22(), "bad.xml": CHOICE30.replace("ChoiceJ</qti-value>", "ChoiceX</qti-value>"),
    })  # fmt: skip
    with pytest.raises(QtiImportError) as err:
        import_qti(data, name="quiz.zip")
    assert err.value.item == "planet-3"
    assert "“planet-3” in quiz.zip (bad.xml)" in str(err.value)
    assert "“ChoiceX” is not one of its choices" in str(err.value)


def test_missing_file_is_a_plain_error(tmp_path):
    with pytest.raises(QtiImportError, match="Could not open nothing.zip"):
        import_qti(tmp_path / "nothing.zip")


def _expect_items_or_error(data: bytes) -> None:
    try:
        items = import_qti(data, name="fuzz")
    except QtiImportError as exc:
        assert str(exc).startswith("Could not")
        return
    assert items and all(i.prompt and i.answer and i.kind in ("choice", "text", "number") for i in items)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_random_bytes_never_escape_as_other_errors(data):
    _expect_items_or_error(data)
    _expect_items_or_error(b"PK\x03\x04" + data)


_VALID = [choice22().encode(), TEXT22.encode(), CHOICE30.encode(), TEXT30.encode()]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(_VALID), st.integers(min_value=0, max_value=3000), st.integers(0, 30),
       st.binary(min_size=0, max_size=8))  # fmt: skip
def test_damaged_items_import_whole_or_not_at_all(base, at, cut, insert):
    at %= len(base)
    _expect_items_or_error(base[:at] + insert + base[at + cut :])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=10_000), st.binary(min_size=1, max_size=6))
def test_damaged_packages_import_whole_or_not_at_all(at, junk):
    data = good_package()
    at %= len(data)
    _expect_items_or_error(data[:at] + junk + data[at + len(junk) :])
