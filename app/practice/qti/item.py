"""One QTI item (2.1, 2.2 or 3.0) from XML bytes: single-answer choice or text entry."""

from __future__ import annotations

from xml.etree.ElementTree import Element

from app.i18n import _
from app.practice.engine.items import PracticeItem
from app.practice.qti.errors import QtiImportError
from app.practice.qti.xmltools import (
    INTERACTIONS,
    MAX_CHOICES,
    Bad,
    attr,
    children,
    clean,
    norm,
    parse_xml,
    text_of,
    walk,
)

__all__ = ["parse_item"]

_NUMERIC = {"integer", "float"}


def _correct_values(decl: Element) -> list[str]:
    values = []
    for cr in children(decl, "correctresponse"):
        values += [(v.text or "").strip() for v in children(cr, "value")]
    for mp in children(decl, "mapping"):
        for entry in children(mp, "mapentry"):
            try:
                score = float(attr(entry, "mapped-value", "0"))
            except ValueError:
                continue
            if score > 0:
                values.append(attr(entry, "map-key").strip())
    seen: list[str] = []
    for v in values:
        if v and v not in seen:
            seen.append(v)
    return seen


def _choice_item(inter: Element, decl: Element) -> tuple[str, str, tuple[str, ...]]:
    if attr(decl, "cardinality", "single") != "single" or attr(inter, "max-choices", "1") not in ("1", ""):
        raise Bad(_("it asks for more than one choice; only single-answer choice items can be imported"))
    choices: list[tuple[str, str]] = []
    for c in walk(inter):
        if isinstance(c.tag, str) and norm(c.tag) == "simplechoice":
            ident = attr(c, "identifier").strip()
            text = clean(text_of(c))
            if not ident:
                raise Bad(_("one of its choices has no identifier"))
            if not text:
                raise Bad(_("its choice “{ident}” has no text", ident=ident))
            choices.append((ident, text))
    if len(choices) < 2:
        raise Bad(_("it has fewer than two choices"))
    if len(choices) > MAX_CHOICES:
        raise Bad(_("it has more than {MAX_CHOICES} choices", MAX_CHOICES=MAX_CHOICES))
    ids = [i for i, _x in choices]
    texts = [t for _x, t in choices]
    if len(set(ids)) != len(ids):
        raise Bad(_("two of its choices have the same identifier"))
    if len(set(texts)) != len(texts):
        raise Bad(_("two of its choices have the same text, so a student could not tell them apart"))
    correct = _correct_values(decl)
    if not correct:
        raise Bad(_("it has no correct answer"))
    if correct[0] not in ids:
        raise Bad(_("its correct answer “{v}” is not one of its choices", v=correct[0]))
    prompt_parts = [text_of(p) for p in children(inter, "prompt")]
    return "\n".join(prompt_parts), texts[ids.index(correct[0])], tuple(texts)


def _text_entry_item(decl: Element) -> tuple[str, str]:
    if attr(decl, "cardinality", "single") != "single":
        raise Bad(_("its text entry expects more than one value, which cannot be imported"))
    base = attr(decl, "base-type", "string")
    if base not in _NUMERIC | {"string"}:
        raise Bad(
            _("its text entry has answers of type “{base}”; only text and numbers can be imported", base=base)
        )
    correct = _correct_values(decl)
    if not correct:
        raise Bad(_("it has no correct answer"))
    return ("number" if base in _NUMERIC else "text"), "\n".join(correct)


def parse_item(data: bytes, where: str = "the file") -> PracticeItem:
    """One QTI item from XML bytes. Raises ``QtiImportError`` naming the item and the problem."""
    ident = ""
    try:
        root = parse_xml(data)
        if norm(root.tag) != "assessmentitem":
            raise Bad(_("it is a QTI “{v}”, not an assessment item", v=root.tag.rsplit("}", 1)[-1]))
        ident = attr(root, "identifier").strip()
        if not ident:
            raise Bad(_("the item has no identifier"))
        title = attr(root, "title").strip()
        bodies = children(root, "itembody")
        if len(bodies) != 1:
            raise Bad(_("it has no item body") if not bodies else _("it has more than one item body"))
        body = bodies[0]
        found = [el for el in walk(body) if isinstance(el.tag, str) and norm(el.tag).endswith("interaction")]
        other = [el for el in found if norm(el.tag) not in INTERACTIONS]
        if other:
            name = other[0].tag.rsplit("}", 1)[-1]
            raise Bad(
                _("it uses a “{name}”, which Tessera cannot import (only choice and text entry)", name=name)
            )
        if not found:
            raise Bad(_("it has no choice or text-entry interaction"))
        if len(found) > 1:
            raise Bad(_("it has more than one interaction; only single-question items can be imported"))
        inter = found[0]
        rid = attr(inter, "response-identifier")
        decls = [d for d in children(root, "responsedeclaration") if attr(d, "identifier") == rid]
        if not rid or not decls:
            raise Bad(
                _("its interaction points at a response “{rid}” that the item does not declare", rid=rid)
            )
        stem = clean(text_of(body))
        if norm(inter.tag) == "choiceinteraction":
            prompt, answer, choices = _choice_item(inter, decls[0])
            prompt = clean("\n".join(p for p in (stem, prompt) if p))
            kind = "choice"
        else:
            kind, answer = _text_entry_item(decls[0])
            prompt, choices = stem, ()
        if not prompt:
            raise Bad(_("it has no question text"))
        return PracticeItem(kind=kind, prompt=prompt, answer=answer, choices=choices, level=3, source="qti",
                            source_ref=ident, title=title or ident)  # fmt: skip
    except Bad as exc:
        who = _("item “{ident}” in {where}", ident=ident, where=where) if ident else where
        raise QtiImportError(_("Could not import {who}: {exc}. Nothing was imported.", who=who, exc=exc), source=where,
                             item=ident) from None  # fmt: skip
