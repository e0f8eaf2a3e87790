"""The pipeline: categories, incremental re-checks, bounded work on hostile input, threads."""

import itertools
import random
import threading
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from app.writing.checks import GRAMMAR, SPELLING, STYLE, CheckConfig, Checker, check
from app.writing.checks import checker as checker_module

TEXT = (
    "My freind and i went to the park. It was realy fun, we saw alot of birds.\n"
    "The birds was singing. We left in order to eat lunch."
)


def test_finds_each_category_with_valid_spans(checker):
    result = checker.check(TEXT)
    assert {f.category for f in result.findings} == {SPELLING, GRAMMAR, STYLE}
    for f in result.findings:
        assert 0 <= f.start < f.end <= len(TEXT) and f.message and f.severity in ("error", "warning", "hint")
    starts = [f.start for f in result.findings]
    assert starts == sorted(starts)


def test_categories_can_be_switched(speller):
    only = Checker(CheckConfig(categories={SPELLING}), speller).check(TEXT)
    assert {f.category for f in only.findings} == {SPELLING}
    assert Checker(CheckConfig(categories=set()), speller).check(TEXT).findings == ()


def test_findings_do_not_overlap_except_style(checker):
    result = checker.check("teh the cat sat. i has a apple and a orange")
    errors = [f for f in result.findings if f.category != STYLE]
    for a, b in itertools.pairwise(errors):
        assert a.end <= b.start


def test_recheck_after_one_edit_only_rechecks_the_changed_sentence(checker, monkeypatch):
    checker.check(TEXT)
    calls = []
    original = Checker._check_sentence

    def spy(self, sentence, alone, budget):
        calls.append(sentence.text)
        return original(self, sentence, alone, budget)

    monkeypatch.setattr(Checker, "_check_sentence", spy)
    edited = TEXT.replace("realy fun", "really fun")
    result = checker.check(edited)
    assert calls == ["It was really fun, we saw alot of birds."]
    assert all(edited[f.start : f.end] for f in result.findings)
    assert not any(edited[f.start : f.end] == "realy" for f in result.findings)
    calls.clear()
    checker.check(edited)
    assert calls == []


def test_changing_the_config_forgets_cached_results(speller):
    c = Checker(CheckConfig(), speller)
    assert any(f.rule == "spelling.unknown" for f in c.check("Zorp is here. I saw zorp.").findings)
    c.config = CheckConfig(allowed_words={"zorp"})
    assert not any(f.rule == "spelling.unknown" for f in c.check("Zorp is here. I saw zorp.").findings)


def test_huge_and_hostile_input_stays_bounded(checker):
    random.seed(7)
    junk = "".join(
        chr(
            random.choice(
                [
                    random.randint(0, 0x7F),
                    random.randint(0x80, 0x2FFF),
                    random.randint(0xD800, 0xDFFF),
                    random.randint(0x1F300, 0x1FAFF),
                ]
            )
        )
        for _ in range(150_000)
    )
    paste = (
        ("The cat sat on teh mat and i was happy. " * 6000)
        + junk
        + ("\u05e9\u05dc\u05d5\u05dd \U0001f600\n" * 2000)
    )
    started = time.perf_counter()
    result = checker.check(paste)
    assert time.perf_counter() - started < 8
    assert result.truncated and len(result.findings) <= CheckConfig().max_findings
    assert result.readability.words > 40_000
    for f in result.findings:
        assert paste[f.start : f.end]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=()), max_size=300))
def test_never_crashes_and_spans_stay_valid(speller, text):
    for f in Checker(CheckConfig(), speller).check(text).findings:
        assert 0 <= f.start <= f.end <= len(text)
        for s in f.suggestions:
            assert isinstance(s, str)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "teh",
                "cat",
                "i",
                "has",
                "a",
                "apple",
                ".",
                ",",
                "They",
                "was",
                "\n",
                "their",
                "is",
                "very",
                "good",
                "alot",
                "\u05d0",
                "\U0001f600",
            ]
        ),
        max_size=40,
    ).map(" ".join)
)
def test_word_salad_never_crashes(speller, text):
    result = Checker(CheckConfig(), speller).check(text)
    for f in result.findings:
        assert text[f.start : f.end]


def test_one_shot_check_and_non_str_input():
    assert check("Hello world.").findings == ()
    assert Checker().check(12345).findings == ()


def test_checks_from_several_threads(speller):
    c = Checker(CheckConfig(), speller)
    errors = []

    def work(i):
        try:
            for _ in range(20):
                c.check(TEXT + f" Number {i} is here.")
        except (RuntimeError, ValueError, TypeError, KeyError, IndexError) as exc:  # pragma: no cover
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors


def test_speller_is_shared():
    assert checker_module.load_speller() is checker_module.load_speller()


def test_applying_a_suggestion(checker):
    text = "I saw teh cat."
    (f,) = checker.check(text).findings
    assert f.apply(text) == "I saw the cat."


def test_first_check_loads_the_word_list_and_still_suggests(monkeypatch):
    monkeypatch.setattr(checker_module, "_speller", None)  # as in a fresh app: nothing loaded yet
    (f,) = check("teh end came.").findings
    assert f.suggestions[0] == "The" and '"The"?' in f.message


GOOD_ESSAY = """The Water Cycle

Water moves around our planet in a never-ending cycle. First, the sun heats water in oceans, lakes and \
rivers, and it evaporates into the air as water vapour. Next, the vapour rises and cools, forming clouds.
When the clouds get heavy, water falls back to Earth as rain, snow or hail. Scientists call this \
precipitation. Some of the water soaks into the ground, while the rest flows into streams.
"Why does it rain?" asked my little brother Kofi. I told him the clouds were too full!
- evaporation
- condensation
Dr. Okafor said the U.S. gets 30 inches of rain a year, e.g. in Ohio. Visit www.nasa.gov for more.
In conclusion, the water cycle matters because every plant and animal needs water."""


def test_good_student_writing_gets_no_spelling_or_grammar_findings(speller):
    result = Checker(CheckConfig(allowed_words={"Kofi", "Okafor"}), speller).check(GOOD_ESSAY)
    assert [f for f in result.findings if f.category != STYLE] == []
