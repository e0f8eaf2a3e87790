"""Learner rules in mechanics.py (openers that take a comma only before a clause), learner_words.py,
learner_nouns.py and learner_preps.py, and the context ranking of spelling suggestions: each flags what
it is for and leaves good writing alone."""

import pytest

from app.writing.checks import GRAMMAR, SPELLING, CheckConfig, Checker

FLAGS = [
    # mechanics: a comma after an opener that takes one only before a clause
    ("Second the price is too high.", "grammar.intro-comma", "Second", "Second,"),
    ("Besides it is cheaper.", "grammar.intro-comma", "Besides", "Besides,"),
    ("For these reasons I agree.", "grammar.intro-comma", "For these reasons", "For these reasons,"),
    ("Third we need more money.", "grammar.intro-comma", "Third", "Third,"),
    ("For this reason the plan failed.", "grammar.intro-comma", "For this reason", "For this reason,"),
    # learner_words: one word written as two
    ("I did it my self.", "grammar.spelling-together", "my self", "myself"),
    ("Some thing happened.", "grammar.spelling-together", "Some thing", "Something"),
    ("There fore we must go.", "grammar.spelling-together", "There fore", "Therefore,"),
    ("In deed it is true.", "grammar.spelling-together", "In deed", "Indeed,"),
    ("Every body knows it.", "grammar.spelling-together", "Every body", "Everybody"),
    ("They did it with out help.", "grammar.spelling-together", "with out", "without"),
    ("He considers him self lucky.", "grammar.spelling-together", "him self", "himself"),
    ("Further more we need time.", "grammar.spelling-together", "Further more", "Furthermore,"),
    ("It is cheap, further more, it is fast.", "grammar.spelling-together", "further more", "furthermore"),
    ("It rained through out the day.", "grammar.spelling-together", "through out", "throughout"),
    ("Some body said so.", "grammar.spelling-together", "Some body", "Somebody"),
    # learner_nouns: a bare singular noun as the subject of a plural verb
    ("Scientist agree that it is warm.", "grammar.plural", "Scientist", "Scientists"),
    ("On the other hand, scientist agree that it is not.", "grammar.plural", "scientist", "scientists"),
    ("Student learn more when they play.", "grammar.plural", "Student", "Students"),
    # learner_preps: fixed prepositions
    ("Critics of this policy focus in three points.", "grammar.preposition", "in", "on"),
    ("It depends of the weather.", "grammar.preposition", "of", "on"),
    ("We rely in our parents.", "grammar.preposition", "in", "on"),
    ("I am interested about music.", "grammar.preposition", "about", "in"),
    ("She is afraid from dogs.", "grammar.preposition", "from", "of"),
    ("It was very easy to me to understand why.", "grammar.preposition", "to", "for"),
    ("You can trust on it.", "grammar.preposition", "trust on", "trust"),
    ("We went for shopping yesterday.", "grammar.preposition", "went for", "went"),
    ("They go for shopping and buy clothes.", "grammar.preposition", "go for", "go"),
    ("We must focus at the details.", "grammar.preposition", "at", "on"),
    ("I am afraid from the dark.", "grammar.preposition", "from", "of"),
]


@pytest.mark.parametrize("text, rule, flagged, fix", FLAGS)
def test_extra_learner_rule_flags(checker, find, text, rule, flagged, fix):
    assert (rule, flagged, fix) in find(checker, text, "grammar")


GOOD = [
    # opening clauses and phrases that have their comma, or whose end is not clear
    "If you want a good job, you must study hard.",
    "When I told him we were late he laughed.",
    "When I noticed they were gone I called the police.",
    "If you discover they lied you should leave.",
    "When it rains it pours.",
    "By the time we got there it was dark.",
    "If we have a job we like, we will love it.",
    "If I were you I would go.",
    "When do you think they will come?",
    "When will we know?",
    "In the city we live in there is a park.",
    "At least I tried.",
    "In the morning we swim.",
    "After school I go home.",
    "Since then we have been friends.",
    "If you think they are right you should say so.",
    "Because of that day we are friends.",
    "Second of all, the price is too high.",
    "Besides the cost, there is the time.",
    "Besides English, I speak French.",
    "Besides football, I like tennis.",
    "Besides him, nobody came.",
    "Besides studying, I work part-time.",
    "Besides you, nobody came.",
    "Second place goes to the red team.",
    "Second language learners often struggle.",
    "Second World War ended in 1945.",
    "Third world countries need help.",
    "Third year was the hardest.",
    "In my case study I looked at two schools.",
    "For these reasons and more, I agree.",
    "For this reason alone, I agree.",
    # two words that are right as two words
    "It is the same thing, and one thing is sure.",
    "Every body part hurts after the race.",
    "He was praised in word and in deed.",
    "We can do without it, and he went out.",
    "I want to be my true self.",
    "Everyone may be late, every one of them.",
    "Every body is different, so diets must differ.",
    "Some body was found near the river.",
    "We need to go further more often.",
    "Prices will rise further more slowly now.",
    "I read it through out of curiosity.",
    "Love in deed, not only in words.",
    "Every thing on the list was checked.",
    "I want to improve my self esteem.",
    # nouns and verbs that are not a bare subject and its verb
    "Water makes life possible.",
    "Work hard and you will win.",
    "The teacher thinks we are lazy.",
    "John agrees with me, and Paris is lovely.",
    "Money cannot buy happiness.",
    "I think students learn best by doing.",
    "The student learns fast, and teachers agree.",
    "Technology makes our lives easy.",
    # prepositions used rightly
    "The focus in this essay is clear.",
    "They focus on the details and focus in on the key ones.",
    "He is independent of his parents and depends on nobody.",
    "I trust on the basis of facts, and I trust him.",
    "It is easy to me.",
    "We went for a walk, and they go shopping.",
    "She is interested in music and afraid of dogs.",
    "It is important to them to win.",
    "We rely in part on gifts, and the result depends in part on luck.",
    "It is hard to stay focused in class.",
    "Students who stay focused at home do better.",
    "I stay focused at school.",
    "The essay focuses in particular on poverty.",
    "We rely in large part on volunteers.",
    "My main focus in life is my family.",
    "A key focus at the meeting was money.",
    "I was scared from the very beginning.",
    "She was afraid from the start.",
    "I will be less scared from now on.",
    "I'm not interested for now, thanks.",
    "We go for swimming lessons every week.",
    "We went for hiking trips in the summer.",
    "Trust on social media is falling.",
]


@pytest.mark.parametrize("text", GOOD)
def test_extra_learner_rules_leave_good_writing_alone(checker, find, text):
    flagged = [
        f
        for f in find(checker, text, "grammar")
        if f[0]
        in ("grammar.intro-comma", "grammar.spelling-together", "grammar.plural", "grammar.preposition")
    ]
    assert flagged == []


def test_run_together_opener_gets_its_comma(checker, find):
    assert ("spelling.unknown", "Infact", "In fact,") in find(
        checker, "Infact we will need more.", "spelling"
    )
    assert ("spelling.unknown", "infact", "in fact") in find(checker, "It is infact true.", "spelling")


def test_context_does_not_favour_words_the_pair_table_lacks(speller):
    """A candidate missing from the pair table is scored as if independent of its neighbours, not as
    well as the best-fitting candidate: "casts douts on" -> "doubts" is not pushed below a rare word."""
    from app.writing.checks.ngrams import bigrams
    from app.writing.checks.rules import View
    from app.writing.checks.spelling import Suggestion
    from app.writing.checks.spelling_check import by_context
    from app.writing.checks.text import tokenize

    if bigrams() is None:
        pytest.skip("no pair table")
    text = "They live in rural ereas now."
    view = View(text, tokenize(text), lexicon=speller.lexicon)
    i = next(k for k, t in enumerate(view.tokens) if t.text == "ereas")
    ranked = (Suggestion("eras", 0.5, 0.8), Suggestion("areas", 1.0, -0.3))
    assert by_context(view, i, ranked)[0].word == "areas"


def test_new_rules_only_in_grammar_category(speller):
    spelling_only = Checker(CheckConfig(categories=frozenset({SPELLING})), speller)
    assert not [f for f in spelling_only.check("I did it my self. Second the price is high.").findings]
    both = Checker(CheckConfig(categories=frozenset({SPELLING, GRAMMAR})), speller)
    assert any(f.rule == "grammar.spelling-together" for f in both.check("I did it my self.").findings)
