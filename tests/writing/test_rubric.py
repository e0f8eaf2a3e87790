"""The teacher's checklist."""

from app.writing.checks import CheckConfig, Checker, RubricCriteria

ESSAY = """I believe that every school should have a garden.

First, a garden teaches students where food comes from. For example, we grew tomatoes and beans. However, gardens need care in the summer holidays.

In conclusion, gardens are worth the work because students learn and eat better."""


def rubric(speller, **criteria):
    result = Checker(CheckConfig(rubric=RubricCriteria(**criteria)), speller).check(ESSAY)
    return {c.criterion: c for c in result.rubric}


def test_word_and_paragraph_counts(speller):
    checks = rubric(speller, min_words=20, max_words=40, min_paragraphs=3, max_paragraphs=3)
    assert checks["min_words"].met and not checks["max_words"].met
    assert checks["min_paragraphs"].met and checks["max_paragraphs"].met
    assert checks["max_words"].detail.startswith("You have ")


def test_topic_words_with_plurals_and_phrases(speller):
    checks = rubric(speller, topic_words=("garden", "tomato", "food", "compost", "summer holiday"))
    topic = checks["topic_words"]
    assert not topic.met and "compost" in topic.detail and "4 of 5" in topic.detail
    assert rubric(speller, topic_words=("garden", "compost"), min_topic_words=1)["topic_words"].met


def test_claim_conclusion_and_transitions(speller):
    checks = rubric(speller, require_claim=True, require_conclusion=True, min_transitions=3)
    assert checks["claim"].met and "I believe" in checks["claim"].detail
    assert checks["conclusion"].met and checks["transitions"].met


def test_missing_claim_and_conclusion(speller):
    result = Checker(
        CheckConfig(rubric=RubricCriteria(require_claim=True, require_conclusion=True, min_transitions=2)),
        speller,
    ).check("Gardens have plants. Plants grow in soil. Soil is brown.")
    assert [c.met for c in result.rubric] == [False, False, False]


def test_topic_words_are_not_spelling_mistakes(speller):
    config = CheckConfig(rubric=RubricCriteria(topic_words=("xylem", "phloem")))
    result = Checker(config, speller).check("The xylem and phloem carry water.")
    assert not [f for f in result.findings if f.category == "spelling"]


def test_still_missing_says_what_the_checklist_lacks_for_the_hand_in_question():
    from app.writing.checks.findings import RubricCheck
    from app.writing.checks.rubric import still_missing

    criteria = RubricCriteria(min_words=150, require_claim=True)
    checks = (
        RubricCheck("min_words", "At least 150 words", False, ""),
        RubricCheck("claim", "A claim", True, ""),
    )
    assert still_missing(criteria, checks, 17) == (
        "Your checklist is not finished: 1 of 2 done. Your writing has 17 of the 150 words asked for."
    )
    done = tuple(RubricCheck(c.criterion, c.label, True, "") for c in checks)
    assert still_missing(criteria, done, 170) == ""
