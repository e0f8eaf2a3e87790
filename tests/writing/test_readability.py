"""Readability figures and the syllable counter."""

import pytest

from app.writing.checks import check, syllables


@pytest.mark.parametrize(
    "word, count",
    [
        ("cat", 1),
        ("table", 2),
        ("tables", 2),
        ("make", 1),
        ("makes", 1),
        ("jumped", 1),
        ("wanted", 2),
        ("boxes", 2),
        ("wishes", 2),
        ("radio", 3),
        ("piano", 3),
        ("nation", 2),
        ("education", 4),
        ("beautiful", 3),
        ("yellow", 2),
        ("young", 1),
        ("family", 3),
        ("interesting", 4),
        ("alligator", 4),
        ("photosynthesis", 5),
        ("little", 2),
        ("teacher", 2),
        ("school", 1),
        ("opinion", 3),
        ("ocean", 2),
        ("smiles", 1),
        ("don't", 1),
        ("students'", 2),
        ("vacation", 3),
        ("computer", 3),
    ],
)
def test_syllables(word, count):
    assert syllables(word) == count


def test_flesch_figures_for_a_simple_text():
    text = "The cat sat on the mat. The dog ran to the park."
    r = check(text).readability
    assert (r.sentences, r.words, r.syllables, r.letters) == (2, 12, 12, 35)
    assert r.flesch_reading_ease == round(206.835 - 1.015 * 6.0 - 84.6 * 1.0, 1)
    assert r.flesch_kincaid_grade == round(0.39 * 6.0 + 11.8 * 1.0 - 15.59, 1)
    assert r.words_per_sentence == 6.0 and r.letters_per_word == round(35 / 12, 2)


def test_harder_text_scores_lower():
    easy = check("We like the sun. It is warm. We play.").readability
    hard = check(
        "Photosynthesis transforms electromagnetic radiation into biochemical energy, "
        "facilitating extraordinary biological productivity."
    ).readability
    assert hard.flesch_reading_ease < easy.flesch_reading_ease
    assert hard.flesch_kincaid_grade > easy.flesch_kincaid_grade


def test_empty_text():
    r = check("").readability
    assert (r.sentences, r.words, r.flesch_reading_ease) == (0, 0, 0.0)
