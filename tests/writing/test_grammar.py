"""Grammar rules: each must flag what it is for, and leave good sentences alone."""

import pytest

FLAGS = [
    ("I ate a apple.", "grammar.a-an", "a", "an"),
    ("She is an teacher.", "grammar.a-an", "an", "a"),
    ("We waited a hour.", "grammar.a-an", "a", "an"),
    ("It was an university.", "grammar.a-an", "an", "a"),
    ("I saw the the dog.", "grammar.repeated-word", "the the", "the"),
    ("Their is a dog.", "grammar.their-there", "Their", "There"),
    ("They lost there books.", "grammar.their-there", "there", "their"),
    ("We put it over their.", "grammar.their-there", "their", "there"),
    ("Its a nice day.", "grammar.its", "Its", "It's"),
    ("The dog wagged it's own tail.", "grammar.its", "it's", "its"),
    ("Your welcome to come.", "grammar.your", "Your", "You're"),
    ("She is taller then me.", "grammar.then-than", "then", "than"),
    ("We ate and than we slept.", "grammar.then-than", "than", "then"),
    ("You could of told me.", "grammar.could-of", "of", "have"),
    ("I cant come.", "grammar.apostrophe", "cant", "can't"),
    ("This is more better.", "grammar.double-comparative", "more better", "better"),
    ("He go to school.", "grammar.agreement", "go", "goes"),
    ("She always play outside.", "grammar.agreement", "play", "plays"),
    ("They was late.", "grammar.agreement", "was", "were"),
    ("I is happy.", "grammar.agreement", "is", "am"),
    ("We has a dog.", "grammar.agreement", "has", "have"),
    ("He don't know.", "grammar.agreement", "don't", "doesn't"),
    ("People is kind.", "grammar.agreement", "is", "are"),
    ("The cars is fast.", "grammar.agreement", "is", "are"),
    ("Details is the key.", "grammar.agreement", "is", "are"),
    ("And ideas is what we need.", "grammar.agreement", "is", "are"),
    ("It is sad that endangered animals is dying.", "grammar.agreement", "is", "are"),
    ("There is many cats.", "grammar.agreement", "is", "are"),
    ("He didn't went home.", "grammar.verb-form", "went", "go"),
    ("She can swims.", "grammar.verb-form", "swims", "swim"),
    ("Why did he went?", "grammar.verb-form", "went", "go"),
    ("I want to went home.", "grammar.verb-form", "went", "go"),
    ("There are many car here.", "grammar.plural", "car", "cars"),
    ("It is one of the best way to learn.", "grammar.plural", "way", "ways"),
    ("the dog barked.", "grammar.sentence-capital", "the", "The"),
    ("Then i left.", "grammar.capital-i", "i", "I"),
    ("We think i'm right.", "grammar.capital-i", "i'm", "I'm"),
    ("However we stayed at home.", "grammar.intro-comma", "However", "However,"),
    ("I like cats, they are cute.", "grammar.comma-splice", ", they", ". They"),
    ("I love it we play every day.", "grammar.run-on", "it we", "it. We"),
]


@pytest.mark.parametrize("text, rule, flagged, fix", FLAGS)
def test_rule_flags(checker, text, rule, flagged, fix, find):
    assert (rule, flagged, fix) in find(checker, text, "grammar")


def test_missing_end_mark(checker, find):
    text = "We went to the park and played football all afternoon"
    assert find(checker, "First line.\n" + text, "grammar.end-mark") == [
        ("grammar.end-mark", "afternoon", "afternoon.")
    ]
    assert find(checker, "Is it going to rain today or tomorrow or next week at all", "grammar.end-mark")[0][
        2
    ].endswith("?")


GOOD = [
    "An hour later, an honest man bought a unicorn and a one-way ticket to a European city.",
    "I had had enough, and that that was true surprised us.",
    "There is a dog over there, and their cat is in its basket.",
    "It's raining, so it's time to go; the company lost its way.",
    "You're right that your idea is better than mine.",
    "We ate, and then we slept.",
    "Does he go to school? Did she like it? Let it go. Make it work.",
    "He and she go to the same school, and Tom and I are friends.",
    "Meeting new people is fun, and helping people is kind.",
    "The number of cars is growing.",
    "World War I was long, and Henry I was a king.",
    "When I got home, it was dark.",
    "It was great, I think.",
    "The book I read was good, and the friends we made were kind.",
    "I told him we were late, and I hope we win.",
    "I could have told you, but you should have asked.",
    "She can swim, he didn't go, and they want to go.",
    "If he were here, I would be happy.",
    "Many people came, and several students stayed in a lot of rooms.",
    "These make me happy, and many good reasons exist.",
    "My Summer Holiday",
    "Plan A is better than plan B.",
    "In addition to this, we left.",
    "However hard I try, I fail.",
    '"Let\'s go," she said.',
    "iPhones are popular.",
    "(i) the first point, (ii) the second point.",
    "He has a lot of money and a lot of time.",
    "What matters is time, and the thing that matters is trust.",
    "Sometimes is not a noun, physics is hard and news is good.",
    "Mars is a planet and James is a boy.",
]


@pytest.mark.parametrize("text", GOOD)
def test_good_writing_is_left_alone(checker, text, find):
    assert find(checker, text, "grammar") == []


def test_grammar_can_be_switched_off(speller, find):
    from app.writing.checks import CheckConfig, Checker

    off = Checker(CheckConfig(categories={"spelling"}), speller)
    assert find(off, "He go to school.", "grammar") == []


@pytest.mark.parametrize(
    "text, rule, flagged, fix",
    [
        ("Me to!", "grammar.to-too", "to", "too"),
        ("It is to hot.", "grammar.to-too", "to", "too"),
        ("The bell rings to early.", "grammar.to-too", "to", "too"),
        ("The playground is to crowded when everyone rushes out.", "grammar.to-too", "to", "too"),
        ("We got there to late for lunch.", "grammar.to-too", "to", "too"),
        ("The results are same.", "grammar.missing-word", "same", "the same"),
        ("Everybody know that.", "grammar.agreement", "know", "knows"),
        ("Everyone have a phone.", "grammar.agreement", "have", "has"),
        ("My brother want a bike.", "grammar.agreement", "want", "wants"),
        ("Each student have a book.", "grammar.agreement", "have", "has"),
        ("This point affect the environment.", "grammar.agreement", "affect", "affects"),
        ("I am agree with you.", "grammar.extra-word", "am agree", "agree"),
        ("We discussed about it.", "grammar.extra-word", "discussed about", "discussed"),
        ("I look forward to see you.", "grammar.verb-form", "see", "seeing"),
        ("We are looking forward to meet you.", "grammar.verb-form", "meet", "meeting"),
        ("It is not same as before.", "grammar.missing-word", "same", "the same"),
        ("We met in Monday.", "grammar.preposition", "in", "on"),
        ("We left on July.", "grammar.preposition", "on", "in"),
        ("A trip to the zoo and back", "grammar.end-mark", None, None),
    ],
)
def test_more_rules_flag(checker, find, text, rule, flagged, fix):
    found = find(checker, "Intro.\n" + text if rule == "grammar.end-mark" else text, "grammar")
    if rule == "grammar.end-mark":
        assert not [f for f in found if f[0] == rule]  # no clause: a heading, left alone
    else:
        assert (rule, flagged, fix) in found


@pytest.mark.parametrize(
    "text",
    [
        "Who did you give it to?",
        "I listen to much music.",
        "It was too hot to swim.",
        "We left on July 4.",
        "I want to go to the shop.",
        "It went from bad to worse.",
        "We sang for everyone, from young to old.",
        "He talked to old friends.",
        "They moved to small towns in the north.",
        "The shop is open to early risers.",
        "They did what their parents told them to.",
        "It is the same, and they are much the same.",
        "Same here.",
        "Let everyone know, and does anyone know why?",
        "Our team have won, the youth have hope and the people have spoken.",
        "My friends and my brother go there.",
        "We discussed about 20 ideas and look forward to the party.",
        "I look forward to hearing from you.",
        "Set the lamp to bright.",
        "Switch the screen to dark.",
        "Set the volume to full.",
        "Their efforts came to little.",
        "Prices run cheap to expensive.",
        "They are same-sex couples.",
        "I look forward to work on Monday.",
        "We look forward to travel and rest.",
    ],
)
def test_more_rules_leave_good_writing_alone(checker, find, text):
    assert find(checker, text, "grammar") == []


@pytest.mark.parametrize(
    "text, rule, flagged, fix",
    [
        # a singular noun after a/the/this, then a verb's plain form
        ("The teacher teach us English.", "grammar.agreement", "teach", "teaches"),
        ("A friend come to my house every day.", "grammar.agreement", "come", "comes"),
        ("If the student learn the rules, the test is easy.", "grammar.agreement", "learn", "learns"),
        # "and he" after a clause of its own starts a new clause, not a compound subject
        ("He likes risky things and he enjoy them.", "grammar.agreement", "enjoy", "enjoys"),
        ("It was late and she go home.", "grammar.agreement", "go", "goes"),
        # only a plain form can be a subjunctive: "if they needs" is wrong
        ("But if they needs money, they work.", "grammar.agreement", "needs", "need"),
        ("If we was there, we would help.", "grammar.agreement", "was", "were"),
        # "lot of" and "long time" without their article
        ("I spent lot of time on it.", "grammar.missing-word", "lot", "a lot"),
        ("Lot of people came.", "grammar.missing-word", "Lot", "A lot"),
        ("There is lot of money.", "grammar.missing-word", "lot", "a lot"),
        ("I have lived here for long time.", "grammar.missing-word", "long", "a long"),
    ],
)
def test_learner_agreement_and_article_rules_flag(checker, find, text, rule, flagged, fix):
    assert (rule, flagged, fix) in find(checker, text, "grammar")


@pytest.mark.parametrize(
    "text",
    [
        "This will give rise to a new idea, and that can make us happy.",
        "Let the child go home, and help the student understand.",
        "I suggest that the student go home.",
        "The rich get richer and the poor get poorer.",
        "Most of the students think so, and the teachers agree.",
        "Does the teacher know? Will the bus come?",
        "We waited at the bus stop near the parking lot of the mall.",
        "He has a lot of friends and a whole lot of time.",
        "I have lived here for a long time, and we talked for long.",
        "He said that she and he go there, and Tom and he play.",
        "My sister and he play tennis, and you and I are friends.",
        "I insist that he go.",
        "Even though he knows the advert is not real, or looks too pretty, he is going to buy it.",
    ],
)
def test_learner_agreement_and_article_rules_leave_good_writing_alone(checker, find, text):
    assert find(checker, text, "grammar") == []
