"""QTI 3.0 export of Tessera's items: one ``qti-assessment-item`` per item (single-answer choice or
text entry, the two kinds the importer reads), in a content package with ``imsmanifest.xml``.

An item that came from QTI keeps its identifier, so import -> export -> import gives the same items.
Several accepted answers become a correct response plus a mapping (the importer reads both)."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from app.practice.engine.items import PracticeItem

NS = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0"
MATCH_CORRECT = "https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/match_correct.xml"
_NCNAME = re.compile(r"[^A-Za-z0-9_.-]")


def identifier(item_id: str, item: PracticeItem) -> str:
    """The QTI identifier: the one it was imported with, else one made from Tessera's id."""
    raw = item.source_ref if item.source == "qti" and item.source_ref else f"tessera-{item_id}"
    out = _NCNAME.sub("_", raw)
    return out if re.match(r"[A-Za-z_]", out) else f"i_{out}"


def _base_type(answers: list[str]) -> str:
    def is_int(v: str) -> bool:
        return re.fullmatch(r"-?\d+", v) is not None

    def is_float(v: str) -> bool:
        return re.fullmatch(r"-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?", v) is not None

    if all(is_int(a) for a in answers):
        return "integer"
    if all(is_float(a) for a in answers):
        return "float"
    return "string"  # "3/4" is not a QTI float: kept word for word as text


def _paras(text: str) -> str:
    return "".join(f"<p>{escape(line)}</p>" for line in text.splitlines() if line.strip()) or "<p/>"


def item_xml(ident: str, item: PracticeItem) -> bytes:
    answers = [a for a in item.answer.split("\n") if a.strip()] or [""]
    title = quoteattr(item.title or ident)
    if item.kind == "choice":
        ids = {c: f"C{i + 1}" for i, c in enumerate(item.choices)}
        decl = (
            f'<qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="identifier">'
            f"<qti-correct-response><qti-value>{ids.get(answers[0], 'C1')}</qti-value></qti-correct-response>"
            "</qti-response-declaration>"
        )
        choices = "".join(f'<qti-simple-choice identifier="{ids[c]}">{escape(c)}</qti-simple-choice>'
                          for c in item.choices)  # fmt: skip
        body = (
            f'{_paras(item.prompt)}<qti-choice-interaction response-identifier="RESPONSE" '
            f'max-choices="1">{choices}</qti-choice-interaction>'
        )
    else:
        base = "string" if item.kind == "text" else _base_type(answers)
        mapping = ""
        if len(answers) > 1:
            entries = "".join(f'<qti-map-entry map-key={quoteattr(a)} mapped-value="1"/>' for a in answers)
            mapping = f'<qti-mapping default-value="0">{entries}</qti-mapping>'
        decl = (
            f'<qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="{base}">'
            f"<qti-correct-response><qti-value>{escape(answers[0])}</qti-value></qti-correct-response>"
            f"{mapping}</qti-response-declaration>"
        )
        gap = '<qti-text-entry-interaction response-identifier="RESPONSE"/>'
        if "____" in item.prompt:  # the importer wrote the gap as ____: put the box back where it was
            lines = [escape(line) for line in item.prompt.splitlines() if line.strip()]
            body = "".join(f"<p>{line}</p>" for line in lines).replace("____", gap, 1)
        else:
            body = f"{_paras(item.prompt)}<p>{gap}</p>"
    hint = (
        f'<qti-modal-feedback outcome-identifier="FEEDBACK" identifier="HINT" show-hide="show">'
        f"{_paras(item.hint)}</qti-modal-feedback>"
        if item.hint
        else ""
    )
    xml = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<qti-assessment-item xmlns="{NS}" identifier="{ident}" '
        f'title={title} adaptive="false" time-dependent="false">{decl}'
        '<qti-outcome-declaration identifier="SCORE" cardinality="single" base-type="float"/>'
        f"<qti-item-body>{body}</qti-item-body>"
        f'<qti-response-processing template="{MATCH_CORRECT}"/>{hint}</qti-assessment-item>\n'
    )
    return xml.encode("utf-8")


def manifest_xml(idents: list[str]) -> bytes:
    res = "".join(f'<resource identifier="{i}" type="imsqti_item_xmlv3p0" href="items/{i}.xml">'
                  f'<file href="items/{i}.xml"/></resource>' for i in idents)  # fmt: skip
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<manifest xmlns="http://www.imsglobal.org/xsd/qti/'
        'qtiv3p0/imscp_v1p1" identifier="tessera-export"><metadata><schema>QTI Package</schema>'
        f"<schemaversion>3.0.0</schemaversion></metadata><organizations/><resources>{res}</resources>"
        "</manifest>\n"
    ).encode()


@dataclass(frozen=True)
class QtiPackage:
    data: bytes
    identifiers: tuple[str, ...]


def build_package(items: list[tuple[str, PracticeItem]]) -> QtiPackage:
    """A zip content package of ``(item id, item)`` pairs; identifiers kept unique."""
    buf = io.BytesIO()
    seen: set[str] = set()
    idents = []
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for item_id, item in items:
            ident = identifier(item_id, item)
            if ident in seen:  # the same QTI identifier imported into two skills
                ident = identifier(item_id, PracticeItem(item.kind, item.prompt, item.answer))
            seen.add(ident)
            idents.append(ident)
            zf.writestr(f"items/{ident}.xml", item_xml(ident, item))
        zf.writestr("imsmanifest.xml", manifest_xml(idents))
    return QtiPackage(buf.getvalue(), tuple(idents))
