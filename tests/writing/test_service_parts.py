"""The plain parts under WritingService: stored settings <-> engine settings, differences, anchors."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.writing.anchors import locate
from app.writing.checks import CATEGORIES, GRAMMAR, STYLE, RubricCriteria
from app.writing.criteria import (
    build_config,
    categories_from_checks,
    checks_from_categories,
    criteria_from_rubric,
    rubric_from_criteria,
)
from app.writing.diff import DELETE, INSERT, SAME, diff_texts


def test_rubric_round_trip():
    criteria = RubricCriteria(min_words=300, max_paragraphs=5, topic_words=("magma", "lava"), min_topic_words=1,
                              require_claim=True, min_transitions=0)  # fmt: skip
    assert criteria_from_rubric(rubric_from_criteria(criteria)) == criteria
    assert rubric_from_criteria(RubricCriteria()) == []


def test_malformed_stored_settings_are_skipped():
    stored = [{"kind": "min_words", "value": "many"}, {"kind": "min_words", "value": -3}, "junk", None,
              {"kind": "nonsense", "value": 1}, {"kind": "max_words", "value": 250.0},
              {"kind": "topic_words", "value": ["lava", "", 7, "LAVA", "ash"]}, {"kind": "require_claim", "value": 1}]  # fmt: skip
    assert criteria_from_rubric(stored) == RubricCriteria(max_words=250, topic_words=("lava", "ash"))
    assert criteria_from_rubric("not a list") == RubricCriteria()
    assert categories_from_checks(None) == CATEGORIES
    assert categories_from_checks({"style": False, "grammar": 0}) == CATEGORIES - {STYLE}


def test_build_config():
    config = build_config(checks_from_categories({GRAMMAR}), [], ["Aroha", "  Aroha ", ""])
    assert config.categories == {GRAMMAR} and config.allowed_words == {"Aroha"} and config.rubric is None
    assert build_config({}, [{"kind": "require_conclusion", "value": True}], ()).rubric.require_conclusion


def test_diff_marks_words_and_lines():
    d = diff_texts("One two three.\nSame line.\n", "One 2 three.\nSame line.\nNew line.\n")
    kinds = [(c.kind, c.text) for c in d.chunks]
    assert kinds == [(SAME, "One "), (DELETE, "two"), (INSERT, "2"), (SAME, " three.\nSame line.\n"),
                     (INSERT, "New line.\n")]  # fmt: skip
    assert not diff_texts("same", "same").changed


def test_diff_of_huge_texts_is_bounded():
    import time

    old = "word " * 200_000
    new = old[:500_000] + "CHANGED " + old[500_000:]
    t = time.perf_counter()
    d = diff_texts(old, new)
    assert time.perf_counter() - t < 1.0 and d.coarse
    assert "".join(c.text for c in d.chunks if c.kind != DELETE) == new


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=200), st.text(max_size=200))
def test_diff_rebuilds_both_texts(old, new):
    d = diff_texts(old, new)
    assert "".join(c.text for c in d.chunks if c.kind != INSERT) == old
    assert "".join(c.text for c in d.chunks if c.kind != DELETE) == new


def test_locate_finds_the_passage_again():
    text = "The cat sat. The cat ran."
    assert locate("cat", 4, 7, text) == (4, 7)
    assert locate("cat", 17, 20, text) == (17, 20)
    assert locate("cat", 18, 21, "A " + text) == (19, 22)  # the nearest one to where it was
    assert locate("dog", 4, 7, text) is None and locate("", 0, 0, text) is None
