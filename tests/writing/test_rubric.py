"""The teacher's checklist."""

from app.writing import CheckConfig, Checker, RubricCriteria

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
