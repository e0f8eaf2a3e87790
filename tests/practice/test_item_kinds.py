"""The item-kind registry: each kind cleans, checks, shows and is entered one way, and nothing outside
the registry tests an item's kind by name (so a new kind stays a change to about four files)."""

import ast
from pathlib import Path

import pytest

from app.errors import InvalidInput
from app.practice.engine.generators import GENERATORS, generate
from app.practice.engine.kinds import (
    KINDS,
    PICKED,
    TYPED,
    check_answer,
    clean_response,
    item_kind,
    shown_answer,
)
from app.practice.engine.vocabulary import load_bank, question
from app.practice.qti.reader import import_qti

APP = Path(__file__).resolve().parents[2] / "app"
QTI = b"""<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="q1" title="Q">
<responseDeclaration identifier="R" cardinality="single" baseType="float">
<correctResponse><value>0.5</value></correctResponse></responseDeclaration>
<itemBody><p>Half as a decimal?</p><textEntryInteraction responseIdentifier="R"/></itemBody>
</assessmentItem>"""


def test_every_kind_the_producers_make_is_registered():
    made = {
        generate(key, level, seed).kind for key in GENERATORS for level in range(1, 6) for seed in range(2)
    }
    bank = load_bank()
    made |= {question(w, bank, 0, form).kind for w in bank[:10] for form in ("meaning", "word")}
    made |= {i.kind for i in import_qti(QTI)}
    assert made <= set(KINDS) and {"number", "text", "choice"} <= made


def test_each_kind_cleans_and_checks_its_own_way():
    assert clean_response("number", "3/4", (), " 0.75\x00 ") == "0.75"
    with pytest.raises(InvalidInput, match="not a number"):
        clean_response("number", "3/4", (), "three quarters")
    assert clean_response("text", "hundreds", (), "three quarters") == "three quarters"
    assert clean_response("choice", "b", ("a", "b", "c"), "2") == "b"
    with pytest.raises(InvalidInput, match="1 to 3"):
        clean_response("choice", "b", ("a", "b", "c"), "4")
    with pytest.raises(InvalidInput, match="Choose one"):
        clean_response("choice", "b", ("a", "b"), "  ")
    with pytest.raises(InvalidInput, match="Type an answer"):
        clean_response("text", "x", (), "")
    assert check_answer("number", "3/4", "0.75") and not check_answer("text", "3/4", "0.75")
    assert check_answer("choice", "Paris", "paris.") and not check_answer("choice", "Paris", "Rome")


def test_entry_and_shown_answer():
    assert item_kind("choice").entry == PICKED
    assert item_kind("number").entry == item_kind("text").entry == TYPED
    assert len({k.entry_hint for k in KINDS.values()}) == len(KINDS)
    assert shown_answer("  12 \n12.0", "number") == "12"


def test_a_kind_this_version_does_not_know_is_text():
    assert item_kind("ordering") is KINDS["text"]
    assert clean_response("ordering", "abc", (), " ABC ") == "ABC"
    assert check_answer("ordering", "abc", "ABC") and not check_answer("ordering", "abc", "")


def _kind_tests(path: Path) -> list[int]:
    """Lines comparing something called ``kind`` with a registered kind's name."""
    names = set(KINDS)
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Compare):
            continue
        sides = [node.left, *node.comparators]
        named_kind = any(
            (isinstance(s, ast.Name) and s.id == "kind")
            or (isinstance(s, ast.Attribute) and s.attr == "kind")
            for s in sides
        )
        consts = [c.value for s in sides for c in ast.walk(s) if isinstance(c, ast.Constant)]
        if named_kind and names & set(consts):
            lines.append(node.lineno)
    return lines


def test_only_the_registry_tests_an_item_kind_by_name():
    # attachments ("text" files) and the writing checks' tokens ("number" tokens) have kinds of their own;
    # QTI readers and writers (app/practice/qti, app/interop) translate kinds to QTI's interactions by name
    allowed = {APP / "practice" / "engine" / "kinds.py", APP / "planning" / "attachments.py"}
    skipped = ("writing", "qti", "interop")
    scanned = [
        p for p in APP.rglob("*.py") if p not in allowed and not set(skipped) & set(p.relative_to(APP).parts)
    ]
    found = {str(p.relative_to(APP)): hits for p in scanned if (hits := _kind_tests(p))}
    assert found == {}


def test_the_scan_notices_a_kind_test(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("def f(item):\n    return item.kind == 'choice' or item.kind in ('number',)\n")
    assert _kind_tests(bad) == [2, 2]
