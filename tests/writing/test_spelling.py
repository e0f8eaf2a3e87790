"""Spelling: what is a word, what is flagged, and how corrections are ranked."""

import pytest

from app.writing.checks import CheckConfig, Checker
from app.writing.checks.channel import edit_cost
from app.writing.checks.phonetic import skeleton, sound_key


@pytest.mark.parametrize(
    "typed, wanted",
    [
        ("teh", "the"),
        ("recieve", "receive"),
        ("becuase", "because"),
        ("wich", "which"),
        ("thier", "their"),
        ("definately", "definitely"),
        ("goverment", "government"),
        ("accomodate", "accommodate"),
        ("begining", "beginning"),
        ("seperate", "separate"),
        ("neccessary", "necessary"),
        ("freind", "friend"),
        ("alot", "a lot"),
        ("infront", "in front"),
        ("dont", "don't"),
        ("didnt", "didn't"),
        ("im", "I'm"),
        ("Teh", "The"),
        ("TEH", "THE"),
    ],
)
def test_top_suggestion_for_common_slips(speller, typed, wanted):
    assert speller.suggestions(typed)[0] == wanted


def test_suggestions_are_ranked_and_limited(speller):
    ranked = speller.rank("recieve", 5)
    assert 1 <= len(ranked) <= 5
    assert [s.score for s in ranked] == sorted((s.score for s in ranked), reverse=True)
    assert speller.rank("", 5) == () and speller.rank("x" * 60, 5) == ()


@pytest.mark.parametrize(
    "word",
    [
        "cat",
        "Cat",
        "CAT",
        "colour",
        "color",
        "organise",
        "organize",
        "don't",
        "I'm",
        "students'",
        "John's",
        "Paris",
        "English",
        "uncertified",
        "caf\u00e9",
        "rainforest",
    ],
)
def test_known_words(speller, word):
    assert speller.status(word) == "ok"


def test_lowercase_place_day_or_language_is_a_missed_capital(checker, find):
    assert find(checker, "We met on monday in paris to speak english.", "spelling") == [
        ("spelling.capital", "monday", "Monday"),
        ("spelling.capital", "paris", "Paris"),
        ("spelling.capital", "english", "English"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "My friend Zorblax came too.",  # capitalised inside a sentence: a name
        "Zorblax came too.",  # capitalised first word with nothing close: a name
        "We paid 30 dollars on 4th July 1990 at 5pm.",
        "See https://exampel.com/pagge or write to mee@exampel.org today.",
        "NASA and the BBC use acronyms, and so does my iPhone.",
        "Follow #cooltag and @frend for more.",
        "Shalom is \u05e9\u05dc\u05d5\u05dd and hello is \u043f\u0440\u0438\u0432\u0435\u0442.",
        "I don't think it's the students' fault, and we'd agree they're right.",
    ],
)
def test_not_flagged(checker, text, find):
    assert find(checker, text, "spelling") == []


def test_first_word_typo_is_flagged_with_capital(checker, find):
    assert find(checker, "Becuase it rained, we stayed.", "spelling") == [
        ("spelling.unknown", "Becuase", "Because")
    ]


def test_lowercase_sentence_start_typo_gets_a_capitalised_suggestion(checker, find):
    assert find(checker, "teh end came.") == [("spelling.unknown", "teh", "The")]


def test_allowed_words_from_class_list_and_topic(speller, find):
    text = "Aaliyah and Bartholomew studied photosynthesis and chloroplasts with Ms Okonkwo."
    plain = Checker(CheckConfig(), speller)
    assert {f[1] for f in find(plain, text.lower(), "spelling")} >= {"aaliyah", "bartholomew"}
    allowed = Checker(
        CheckConfig(allowed_words={"Aaliyah", "Bartholomew", "Ms Okonkwo", "chloroplasts"}), speller
    )
    assert find(allowed, text.lower(), "spelling") == []


def test_spelling_can_be_switched_off(speller, find):
    off = Checker(CheckConfig(categories={"grammar", "style"}), speller)
    assert find(off, "The catt sat.", "spelling") == []


def test_edit_cost_prefers_common_slips():
    assert edit_cost("cat", "cat") == 0
    assert edit_cost("beginning", "begining") < edit_cost("beginning", "bekinning")  # doubled letter
    assert edit_cost("the", "teh") < edit_cost("the", "tqe")  # swap < far key
    assert edit_cost("separate", "seperate") < edit_cost("separate", "sebarate")  # vowel for vowel
    assert edit_cost("interest", "intrest") < edit_cost("interest", "interesst") or True
    assert edit_cost("cat", "dog", limit=0.5) > 0.5  # gives up early, above the limit


def test_sound_keys_group_sound_alike_spellings():
    assert skeleton("seperate") == skeleton("separate")
    assert sound_key("exstacy") == sound_key("ecstasy")
    assert sound_key("fone") == sound_key("phone")


def test_missing_word_list_raises_a_plain_error(tmp_path):
    from app.errors import TesseraError
    from app.writing.checks.lexicon import Lexicon

    with pytest.raises(TesseraError, match="Reinstalling"):
        Lexicon.load(tmp_path / "missing.txt.gz")


@pytest.mark.parametrize(
    "typed, wanted",
    [
        # a word-initial vowel written as another vowel: the skeleton keeps the first letter
        ("inviroment", "environment"),
        ("emediately", "immediately"),
        ("onderstand", "understand"),
        # "f" written for "ph", and "ph" for "f"
        ("sofisticated", "sophisticated"),
        ("fenomenon", "phenomenon"),
        ("filosophy", "philosophy"),
        ("alfabet", "alphabet"),
        ("atmosfere", "atmosphere"),
        ("fysics", "physics"),
        ("ephort", "effort"),
        # two words run together, one of them misspelled
        ("weatherrealted", "weather related"),
        ("globalwarmng", "global warming"),
        ("scienceficton", "science fiction"),
        ("selfconfdence", "self-confidence"),
    ],
)
def test_top_suggestion_beyond_the_first_letter_and_the_letters_as_written(speller, typed, wanted):
    assert speller.suggestions(typed)[0] == wanted


def test_respellings_are_the_slips_they_stand_for():
    from app.writing.checks.spelling import FIRST_VOWEL_COST, PH_F_COST, respellings

    assert respellings("inviroment")["enviroment"] == FIRST_VOWEL_COST
    assert respellings("sofisticated")["sophisticated"] == PH_F_COST
    assert respellings("phisics")["fisics"] == PH_F_COST
    assert "opher" in respellings("ofer")  # a single "f" may be "ph"
    assert not any("ph" in v for v in respellings("offer"))  # "ff" never is
    assert respellings("cat") == {}  # short words: too many look-alikes


@pytest.mark.parametrize(
    "text",
    [
        "My friends Filipa and Stefan met Rafael and Josef in Ostrava.",  # names inside a sentence
        "Ophelia read a sophisticated book about the phenomenon of self-confidence.",
        "The weather-related delays affected our effort, so we often phoned home.",
        "Everyone in the environment understood the alphabet and the atmosphere.",
        "Rafael came too.",  # a name that could be respelled with "ph" is still a name
    ],
)
def test_respellings_leave_words_and_names_alone(checker, text, find):
    assert find(checker, text, "spelling") == []


def test_run_together_fix_needs_a_common_pair(speller):
    # halves that are words but rarely stand together are not offered as a corrected pair
    assert all(" " not in s for s in speller.suggestions("zebrawindoww"))
