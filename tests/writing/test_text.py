"""Cutting text into paragraphs, sentences and tokens: offsets must always be valid."""

from hypothesis import given, settings
from hypothesis import strategies as st

from app.writing.checks.text import (
    CODE,
    EMAIL,
    MAX_SENTENCE,
    NUMBER,
    PUNCT,
    URL,
    WORD,
    paragraphs,
    sentences,
    tokenize,
)


def kinds(text):
    return [(t.kind, t.text) for t in tokenize(text)]


def test_words_keep_inner_apostrophes_and_plural_possessives():
    assert kinds("don't students' rock\u2019n\u2019roll") == [
        (WORD, "don't"),
        (WORD, "students'"),
        (WORD, "rock\u2019n\u2019roll"),
    ]


def test_numbers_codes_urls_and_emails_are_their_own_kinds():
    toks = kinds("In 1990s I paid 3.5 for mp3 at https://example.com/a?b=1. Mail me@x.org or see tessera.org")
    assert (NUMBER, "1990s") in toks and (NUMBER, "3.5") in toks and (CODE, "mp3") in toks
    assert (URL, "https://example.com/a?b=1") in toks and (PUNCT, ".") in toks
    assert (EMAIL, "me@x.org") in toks and (URL, "tessera.org") in toks


def test_emoji_and_other_scripts_do_not_break_words():
    toks = kinds("ok\U0001f600 \u05e9\u05dc\u05d5\u05dd caf\u00e9 cafe\u0301")
    assert toks[0] == (WORD, "ok") and toks[1] == (PUNCT, "\U0001f600")
    assert (
        (WORD, "\u05e9\u05dc\u05d5\u05dd") in toks
        and (WORD, "caf\u00e9") in toks
        and (WORD, "cafe\u0301") in toks
    )


def split(text):
    return [s.text for p in paragraphs(text) for s in sentences(p)]


def test_sentences_split_after_end_marks_but_not_after_abbreviations():
    assert split("I met Mr. Smith at 5 p.m. today. it rained! Did it? Yes...") == [
        "I met Mr. Smith at 5 p.m. today.",
        "it rained!",
        "Did it?",
        "Yes...",
    ]
    assert split("We ate apples, pears, etc. and then left.") == ["We ate apples, pears, etc. and then left."]
    assert split("We ate apples, pears etc. Then we left.") == ["We ate apples, pears etc.", "Then we left."]
    assert split("J. K. Rowling wrote it, e.g. this one.") == ["J. K. Rowling wrote it, e.g. this one."]


def test_each_line_is_a_paragraph_and_blank_lines_are_skipped():
    text = "Title\n\n  First para. Two.\r\nSecond para\n   \n"
    paras = list(paragraphs(text))
    assert [p.text for p in paras] == ["Title", "First para. Two.", "Second para"]
    for p in paras:
        assert text[p.start : p.end] == p.text


def test_very_long_sentences_are_cut_into_marked_pieces():
    text = "word " * 2000
    pieces = [s for p in paragraphs(text) for s in sentences(p)]
    assert len(pieces) > 1 and all(len(s.text) <= MAX_SENTENCE for s in pieces)
    assert not pieces[0].continued and pieces[0].truncated
    assert pieces[-1].continued and not pieces[-1].truncated


def _check_offsets(text):
    last_end = 0
    for p in paragraphs(text):
        assert text[p.start : p.end] == p.text and p.start >= last_end
        last_end = p.end
        for s in sentences(p):
            assert text[s.start : s.end] == s.text
            assert p.start <= s.start <= s.end <= p.end
            previous = s.start
            for tok in tokenize(s.text, s.start):
                assert text[tok.start : tok.end] == tok.text and tok.start >= previous and tok.end > tok.start
                previous = tok.end


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_offsets_are_valid_for_any_text(text):
    _check_offsets(text)


ALPHABET = st.sampled_from(
    list("ab .!?,'\u2019\n\r\t\u2028-@:/\u05d0\U0001f600\u0301\x00") + ["Mr.", "e.g.", "www.", "1.5"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=80).map("".join))
def test_offsets_are_valid_for_punctuation_heavy_text(text):
    _check_offsets(text)


def test_a_quotation_ending_in_a_mark_does_not_end_the_sentence_before_lowercase():
    assert split('"Why does it rain?" asked Kofi. He shouted "Stop!" Then he ran.') == [
        '"Why does it rain?" asked Kofi.',
        'He shouted "Stop!"',
        "Then he ran.",
    ]
