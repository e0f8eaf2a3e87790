"""XML helpers shared by the QTI item and package readers: safe parsing, names across QTI versions, text."""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from app.i18n import _

__all__ = ["MAX_XML_BYTES", "Bad", "attr", "children", "clean", "norm", "parse_xml", "text_of", "walk"]

MAX_XML_BYTES = 2_000_000  # one item file
MAX_DEPTH = 100  # element nesting
MAX_CHOICES = 26
MAX_TEXT = 20_000  # characters of prompt or choice text

INTERACTIONS = {"choiceinteraction", "textentryinteraction"}
_SKIPPED = {"feedbackinline", "feedbackblock", "modalfeedback", "rubricblock", "templateblock", "templateinline",
            "stylesheet", "companionmaterialsinfo", "catalog", "catalogentry"}  # fmt: skip
_BLOCKS = {"p", "div", "br", "li", "ul", "ol", "table", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
           "pre", "prompt", "section", "article", "figure", "figcaption"}  # fmt: skip
_XML_START = re.compile(rb"^\s*(<\?xml|<)")


def norm(name: str) -> str:
    """``{ns}qti-choice-interaction`` and ``choiceInteraction`` both become ``choiceinteraction``."""
    local = name.rsplit("}", 1)[-1]
    local = local.lower().replace("-", "").replace("_", "")
    return local.removeprefix("qti")


def attr(el: Element, name: str, default: str = "") -> str:
    want = norm(name)
    for k, v in el.attrib.items():
        if norm(k) == want:
            return v
    return default


def children(el: Element, name: str) -> list[Element]:
    return [c for c in el if isinstance(c.tag, str) and norm(c.tag) == name]


def walk(el: Element, depth: int = 0):
    if depth > MAX_DEPTH:
        raise Bad(_("its XML is nested more than {MAX_DEPTH} levels deep", MAX_DEPTH=MAX_DEPTH))
    yield el
    for c in el:
        if isinstance(c.tag, str):
            yield from walk(c, depth + 1)


class Bad(Exception):
    """A problem with one file; the caller adds which item and file to the message."""


def text_of(el: Element, depth: int = 0) -> str:
    """Readable text of an element: blocks on their own lines, feedback left out, gaps as ____."""
    if depth > MAX_DEPTH:
        raise Bad(_("its XML is nested more than {MAX_DEPTH} levels deep", MAX_DEPTH=MAX_DEPTH))
    parts = [el.text or ""]
    for c in el:
        if not isinstance(c.tag, str):  # comments, processing instructions
            parts.append(c.tail or "")
            continue
        tag = norm(c.tag)
        if tag in _SKIPPED or tag in INTERACTIONS - {"textentryinteraction"}:
            pass
        elif tag == "textentryinteraction":
            parts.append(" ____ ")
        elif tag == "img":
            alt = c.attrib.get("alt", "").strip()
            parts.append(f" [picture: {alt}] " if alt else " [picture] ")
        elif tag == "math":
            parts.append(" " + " ".join("".join(c.itertext()).split()) + " ")
        elif tag in _BLOCKS:
            parts.append("\n" + text_of(c, depth + 1) + "\n")
        else:
            parts.append(text_of(c, depth + 1))
        parts.append(c.tail or "")
    return "".join(parts)


def clean(text: str) -> str:
    lines = [" ".join(line.split()) for line in text.splitlines()]
    out = "\n".join(line for line in lines if line)
    if len(out) > MAX_TEXT:
        raise Bad(_("it has more than {MAX_TEXT:,} characters of text", MAX_TEXT=MAX_TEXT))
    return out


def parse_xml(data: bytes) -> Element:
    if len(data) > MAX_XML_BYTES:
        raise Bad(_("the file is larger than {v} MB", v=MAX_XML_BYTES // 1_000_000))
    head = data[:1024]
    for bom in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
        if head.startswith(bom):
            head = head[len(bom) :].replace(b"\x00", b"")  # UTF-16: good enough to see the "<"
            break
    if not _XML_START.match(head):
        raise Bad(_("it is not an XML file"))
    try:
        return fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise Bad(_("it declares a DTD or entities, which are not allowed for safety")) from None
    except ParseError as exc:
        raise Bad(_("its XML is not well formed ({exc})", exc=exc)) from None
    except (ValueError, LookupError, UnicodeError, RecursionError) as exc:  # LookupError: unknown encoding
        raise Bad(_("its XML could not be read ({name})", name=type(exc).__name__)) from None
