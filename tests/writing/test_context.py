"""Checks that use context: the word-pair table, spelling chosen by the neighbouring words, split and
joined words, easily swapped words, and the learner-pattern rules of usage.py. Each rule must flag
what it is for and leave good sentences alone."""

import gzip

import pytest

from app.writing.checks.ngrams import Bigrams, bigrams


@pytest.fixture(scope="module")
def table():
    t = bigrams()
    assert t is not None, "resources/writing/en_bigrams.bin.gz is missing"
    return t


# -- the table -----------------------------------------------------------------------------------


def test_table_knows_common_pairs(table):
    assert table.pair("of", "the") > table.pair("their", "house") > 0
    assert table.pair("there", "house") == 0  # not seen often enough to be listed
    assert table.pair("their", "house") > table.pair_estimate("there", "house")
    assert table.pair("zzzz", "the") == 0 and table.word("zzzz") == 0
    assert table.context("zzzz", "the", "of") is None


def test_context_prefers_the_word_that_fits(table):
    assert table.context("their", "lost", "house") > table.context("there", "lost", "house")
    assert table.context("there", "", "is") > table.context("their", "", "is")


def test_missing_or_damaged_table_gives_none(tmp_path):
    assert Bigrams.load(tmp_path / "nothing.bin.gz") is None
    bad = tmp_path / "bad.bin.gz"
    bad.write_bytes(gzip.compress(b"XXXX" + bytes(20)))
    assert Bigrams.load(bad) is None
    bad.write_bytes(b"not gzip at all")
    assert Bigrams.load(bad) is None


# -- spelling ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, flagged, fix",
    [
        ("I will see you ther tomorrow.", "ther", "there"),  # where it is
        ("They lost ther house.", "ther", "their"),  # whose it is
        ("We found it inmany books.", "inmany", "in many"),
        ("I stayed home allday.", "allday", "all day"),
        ("People in oldage need help.", "oldage", "old age"),
        ("I agree whole heartedly with you.", "whole heartedly", "wholeheartedly"),
    ],
)
def test_spelling_uses_context_and_word_breaks(checker, find, text, flagged, fix):
    found = find(checker, text, "spelling")
    assert found and found[0][1:] == (flagged, fix)


def test_split_and_join_leave_real_words_alone(checker, find):
    # Two real words that could be joined ("some one", "every day") are not spelling slips here.
    assert find(checker, "Every day some one of us goes in to the room.", "spelling") == []
    assert find(checker, "We ate a whole heart of lettuce.", "spelling") == []


def test_context_does_not_push_down_candidates_the_table_lacks(speller):
    from app.writing.checks.rules import View
    from app.writing.checks.spelling_check import by_context
    from app.writing.checks.text import tokenize

    text = "I dont know."
    view = View(text, tokenize(text), lexicon=speller.lexicon)
    ranked = speller.rank("dont", 5)
    assert by_context(view, 1, ranked)[0].word == "don't"


# -- easily swapped words (context.py) -------------------------------------------------------------


@pytest.mark.parametrize(
    "text, flagged, fix",
    [
        ("This will have a great affect on his life.", "affect", "effect"),
        ("I do not want to loose weight.", "loose", "lose"),
        ("I do not no the answer.", "no", "know"),
        ("I new it was true.", "new", "knew"),
        ("He is quiet good at it.", "quiet", "quite"),
        ("She gave me good advise about it.", "advise", "advice"),
    ],
)
def test_confusables_flag_a_word_its_neighbours_reject(checker, find, text, flagged, fix):
    found = [f for f in find(checker, text, "grammar") if f[1] == flagged]
    assert found and found[0][2] == fix


@pytest.mark.parametrize(
    "text",
    [
        "It will affect his life, and the effect will last.",
        "We were there, but where were you?",
        "I chose this one, and now I choose that one.",
        "He lost his keys, which was a great loss.",
        "We went through the park, though it was late, and I thought so.",
        "Like fire would stop an advancing army.",
        "The children form a line from the door.",
        "Take it off the shelf and think of the price.",
        "It was quite quiet in the past, and we passed the school.",
        "My new shoes are loose, and I do not want to lose them.",
        "No, I know the new rules, and I knew the old ones.",
        "We live a good life, and they live in a small house.",
        "Please give me advice, and I will advise you too.",
    ],
)
def test_confusables_leave_good_sentences_alone(checker, find, text):
    assert [f for f in find(checker, text, "grammar") if f[0] == "grammar.confusable"] == []


# -- learner patterns (usage.py) -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, rule, flagged, fix",
    [
        ("For the these reasons, I agree.", "grammar.extra-word", "the these", "these"),
        ("I went to the my house.", "grammar.extra-word", "the my", "my"),
        ("Also, most of people prefer to walk.", "grammar.extra-word", "most of", "most"),
        ("Many of students like music.", "grammar.extra-word", "Many of", "Many"),
        ("They can't to do it.", "grammar.extra-word", "to do", "do"),
        ("You should to read more.", "grammar.extra-word", "to read", "read"),
        ("It made him to understand the idea.", "grammar.extra-word", "to understand", "understand"),
        ("They stayed despite of the risks.", "grammar.extra-word", "despite of", "despite"),
        ("It costs to much.", "grammar.to-too", "to", "too"),
        ("The scraping will causes heat.", "grammar.verb-form", "causes", "cause"),
        ("We have to reduced the waste.", "grammar.verb-form", "reduced", "reduce"),
        ("She wants to finished early.", "grammar.verb-form", "finished", "finish"),
        ("Likewise, The theory is new.", "grammar.capital-inside", "The", "the"),
        ("I was tired, They were not.", "grammar.capital-inside", "They", "they"),
        ("Now we will able to do it.", "grammar.missing-word", "able", "be able"),
        ("In a such situation, we wait.", "grammar.word-order", "a such", "such a"),
        ("It was a such easy test.", "grammar.word-order", "a such", "such an"),
        ("The important is to try.", "grammar.missing-word", "important", "important thing"),
    ],
)
def test_usage_rules_flag(checker, find, text, rule, flagged, fix):
    assert (rule, flagged, fix) in find(checker, text, "grammar")


@pytest.mark.parametrize(
    "text",
    [
        "For these reasons, I agree with a few of my friends.",
        "Most of the people came, and many of them stayed.",
        "Most of it was fun, and some of us left early.",
        "I can swim, and you will see that the will to win matters.",
        "He would like to come, and we have to go.",
        "It made him happy to understand the idea.",
        "Let them go to the park.",
        "Despite the risks, they stayed.",
        "I gave it to many people.",
        "I listen to much music.",
        "They will always help, and he will sometimes help too.",
        "We may parts ways soon.",
        "I am used to limited space, and prices rose due to increased costs.",
        "He has to go, and she needs to focus.",
        "You should discuss it.",
        "We read it, and The Times wrote about it; I said, I know.",
        "We will be able to go, and such a day is rare.",
        "The best is yet to come, and the important thing is to try.",
        "What is important is that the main road is open.",
    ],
)
def test_usage_rules_leave_good_sentences_alone(checker, find, text):
    found = find(checker, text, "grammar")
    usage_rules = (
        "grammar.extra-word",
        "grammar.verb-form",
        "grammar.to-too",
        "grammar.capital-inside",
        "grammar.missing-word",
        "grammar.word-order",
    )
    assert [f for f in found if f[0] in usage_rules] == []


# -- opening phrases -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, flagged, fix",
    [
        ("Finally we went home.", "Finally", "Finally,"),
        ("Hence the plan failed.", "Hence", "Hence,"),
        ("therefore we left early.", "therefore", "Therefore,"),  # capital and comma in one finding
    ],
)
def test_intro_comma_more_openers(checker, find, text, flagged, fix):
    found = find(checker, text, "grammar")
    assert ("grammar.intro-comma", flagged, fix) in found
    assert not [f for f in found if f[0] == "grammar.sentence-capital"]


# -- singular and plural (number.py) -------------------------------------------------------------


@pytest.mark.parametrize(
    "text, flagged, fix",
    [
        ("There are a lot of scientist who work here.", "scientist", "scientists"),
        ("I had lots of problem with it.", "problem", "problems"),
        ("The number of car during the day is high.", "car", "cars"),
        ("We learn in every details.", "details", "detail"),
        ("Every students can do it.", "students", "student"),
    ],
)
def test_number_after_quantities(checker, find, text, flagged, fix):
    assert ("grammar.plural", flagged, fix) in find(checker, text, "grammar")


@pytest.mark.parametrize(
    "text",
    [
        "We had a lot of fun, and it takes a lot of time to learn.",
        "I have a lot of money and lots of water.",
        "Each of the students came, and every student stayed.",
        "Every two weeks we meet, and every day is new.",
        "They help each other in every way.",
        "Every news story was sad.",
    ],
)
def test_number_after_quantities_leaves_good_sentences_alone(checker, find, text):
    assert [f for f in find(checker, text, "grammar") if f[0] == "grammar.plural"] == []


@pytest.mark.parametrize(
    "text, flagged, fix",
    [
        ("He teached us well.", "teached", "taught"),
        ("He choosed to stay.", "choosed", "chose"),
        ("They dealed with it.", "dealed", "dealt"),
        ("I buyed a car.", "buyed", "bought"),
        ("We runned home.", "runned", "ran"),
        ("The childs play outside.", "childs", "children"),
        ("Two sheeps ran away.", "sheeps", "sheep"),
    ],
)
def test_regular_form_of_an_irregular_word(checker, find, text, flagged, fix):
    assert find(checker, text, "spelling") == [("spelling.unknown", flagged, fix)]


def test_real_ed_words_are_not_taken_for_irregular_verbs(checker, find):
    assert (
        find(checker, "He needed help and seemed sad; she seeded the lawn and feared the worst.", "spelling")
        == []
    )


def test_one_sided_context_does_not_override_a_clear_spelling(checker, find):
    # Only the word after is known ("matters"): the channel's clear favourite stays first.
    assert find(checker, "It is about our bodies, wich matters a lot.", "spelling")[0][2] == "which"
