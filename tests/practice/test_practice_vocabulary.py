"""The shipped vocabulary bank and FSRS review."""

from __future__ import annotations

from app.practice.engine.kinds import check_answer
from app.practice.engine.vocabulary import (
    VOCABULARY_SKILL,
    due_cards,
    load_bank,
    new_card,
    question,
    retrievability,
    review,
)

DAY = 86400.0
T0 = 1_700_000_000.0


def test_bank_is_complete():
    bank = load_bank()
    assert len(bank) >= 150
    assert len({w.id for w in bank}) == len(bank) == len({w.word for w in bank})
    for w in bank:
        assert w.word and w.definition and w.example and w.pos and 1 <= w.level <= 5
        assert len({x.definition for x in bank}) == len(bank)


def test_questions_are_choice_items_with_the_answer_among_four():
    bank = load_bank()
    for w in bank[::7]:
        for form in ("meaning", "word"):
            q = question(w, bank, seed=3, form=form)
            assert q.kind == "choice" and q.skill == VOCABULARY_SKILL and q.source == "bank"
            assert len(q.choices) == 4 == len(set(q.choices)) and q.answer in q.choices
            assert check_answer(q.kind, q.answer, q.answer)
            assert q.hint
            assert q == question(w, bank, seed=3, form=form)


def test_fsrs_spaces_reviews_out_and_lapses_bring_words_back():
    card = new_card("v001", T0)
    assert due_cards([card], T0) == [card]
    t = T0
    intervals = []
    for _ in range(5):
        card = review(card, True, t)
        intervals.append(card.due - t)
        t = card.due
    assert intervals[-1] > intervals[1] > 0
    assert intervals[-1] > 3 * DAY
    assert due_cards([card], t - DAY) == []
    lapsed = review(card, False, t)
    assert lapsed.due - t < DAY and lapsed.lapses == 1
    assert 0.0 < retrievability(card, t + 30 * DAY) < retrievability(card, t) <= 1.0


def test_replaying_reviews_gives_the_same_cards():
    def replay():
        card = new_card("v042", T0)
        for i, ok in enumerate([True, True, False, True, True]):
            card = review(card, ok, T0 + i * 2 * DAY, response_ms=3000 if i == 4 else 8000)
        return card

    assert replay() == replay()


def test_due_cards_most_overdue_first():
    cards = [new_card(f"v{i:03d}", T0 + i) for i in (5, 1, 3)]
    assert [c.word_id for c in due_cards(cards, T0 + 10)] == ["v001", "v003", "v005"]
    assert [c.word_id for c in due_cards(cards, T0 + 10, limit=1)] == ["v001"]
