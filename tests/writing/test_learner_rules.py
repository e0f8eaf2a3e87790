"""Rules for slips typical of learners of English (learner.py): each flags what it is for and leaves
good sentences that use the same words another way alone."""

import pytest

FLAGS = [
    ("He is more tall than me.", "grammar.comparative", "more tall", "taller"),
    ("This way is more easy.", "grammar.comparative", "more easy", "easier"),
    ("There are much people here.", "grammar.much-many", "much", "many"),
    ("We have too much cars.", "grammar.much-many", "much", "many"),
    ("I have an other idea.", "grammar.spelling-together", "an other", "another"),
    ("I enjoy to read books.", "grammar.verb-form", "to read", "reading"),
    ("He avoided to answer.", "grammar.verb-form", "to answer", "answering"),
    ("I can't able to go.", "grammar.extra-word", "can't able to", "can't"),
    ("He explained me the rule.", "grammar.missing-word", "me", "to me"),
    ("Lets go home.", "grammar.apostrophe", "Lets", "Let's"),
    ("I am student.", "grammar.missing-word", "student", "a student"),
    ("She was engineer at a big firm.", "grammar.missing-word", "engineer", "an engineer"),
    ("I am interesting in math.", "grammar.verb-form", "interesting", "interested"),
    ("We were exciting about the trip.", "grammar.verb-form", "exciting", "excited"),
    ("Could you borrow me a pen?", "grammar.confusable", "borrow", "lend"),
    ("He gave me an advice.", "grammar.extra-word", "an advice", "advice"),
    ("I am go to school.", "grammar.verb-form", "go", "going"),
    ("They are play football.", "grammar.verb-form", "play", "playing"),
    ("I very like it.", "grammar.confusable", "very", "really"),
    ("It is depend on you.", "grammar.extra-word", "is depend", "depends"),
    ("He said me that he was tired.", "grammar.confusable", "said", "told"),
    ("Although it was late, but we went.", "grammar.extra-word", "but we", "we"),
    ("Who's book is this?", "grammar.confusable", "Who's", "Whose"),
    ("Every students like it.", "grammar.plural", "students", "student"),
    ("She has a long hairs.", "grammar.plural", "hairs", "hair"),
    ("I read a good books.", "grammar.plural", "books", "book"),
    # short consonant-vowel-consonant verbs double their last letter ("wining" is from "wine")
    ("I enjoy to win games.", "grammar.verb-form", "to win", "winning"),
    ("I enjoy to plan trips.", "grammar.verb-form", "to plan", "planning"),
    ("I am win the game.", "grammar.verb-form", "win", "winning"),
    ("I avoid to open it.", "grammar.verb-form", "to open", "opening"),
    ("I enjoy to fix bikes.", "grammar.verb-form", "to fix", "fixing"),
    ("They are interesting in math.", "grammar.verb-form", "interesting", "interested"),
    ("He is more tall than Tom.", "grammar.comparative", "more tall", "taller"),
    # "look forward to" + a verb that is a noun too, which its object shows is the verb
    ("I look forward to work with you.", "grammar.verb-form", "work", "working"),
    ("We look forward to visit them.", "grammar.verb-form", "visit", "visiting"),
]


@pytest.mark.parametrize("text, rule, flagged, fix", FLAGS)
def test_learner_rule_flags(checker, find, text, rule, flagged, fix):
    assert (rule, flagged, fix) in find(checker, text, "grammar")


GOOD = [
    "There are more tall trees here, and she is taller than me.",
    "Thank you very much guys, and no matter how much books help, we read.",
    "How much money do we have?",
    "We enjoy reading, and we enjoyed it to the full.",
    "I can go, and I am able to swim.",
    "He explained the rule to me, and she explains her reality.",
    "The cat lets us in.",
    "I am a student and she is the teacher. I am student council president.",
    "The film is interesting in parts, and I am interested in math.",
    "Can I borrow them? I borrowed a pen from her.",
    "It costs too much money.",
    "Go to an information desk and ask for advice.",
    "They are like us. We are open late and you are free.",
    "I really like it, and it depends on you.",
    "He said that he was tired, and she told me.",
    "Although small, it works, but slowly.",
    "Who's coming? Who's there?",
    "Every two weeks we meet, and a few days later we talk.",
    "It is a sports car, and a great many people came.",
    "A dog sits on the mat, and a girl runs home.",
    "Two weeks is enough. Maths is fun and the news is good.",
    "Much depends on the weather.",
    "Thank you so much guys.",
    "We practise to get better.",
    "I practised to improve my English.",
    "I have it in mind to travel.",
    "It was in my mind to go.",
    "He explained them all.",
    "The courses are interesting in many ways.",
    "The stories were interesting in parts.",
    "It is exciting to see.",
    "Could I borrow them this weekend?",
    "We need more light.",
    "She was more sad than angry.",
    "She said them to the class.",
    "They are run by volunteers.",
    "Who's right is not the point.",
    "Who's best is hard to say.",
    "Who's home is unclear.",
    "We look forward to work on Monday.",
]


@pytest.mark.parametrize("text", GOOD)
def test_learner_rules_leave_good_writing_alone(checker, find, text):
    assert find(checker, text, "grammar") == []
