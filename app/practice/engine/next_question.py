"""The next question for a learner: ``select_next`` for skills and items, and FSRS for vocabulary words.

Pure (no database), shared by the practice service and the demo's simulated history, so the demo
practises exactly the way a student does.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from app.i18n import _
from app.practice.engine import vocabulary
from app.practice.engine.learner_model import ModelState, predict
from app.practice.engine.selection import ItemIndex, Selection, SelectionRequest, select_next

__all__ = ["WordItems", "pick_next", "word_items"]

WordItems = dict[str, list[str]]  # word id -> ids of the items asking about it

# The reason never names the word: "Which word means ...?" asks for exactly that word, so naming it
# above the question gave the answer away. (A test checks every item kind's reason against its answer.)
REVIEW_WORD = _("Review: a word you have met before is due for another look.")
NEW_WORD = _("New word: one you have not met yet, from the vocabulary bank.")


def word_items(items: Mapping[str, object]) -> tuple[WordItems, str | None]:
    """Vocabulary items by word (from ``ItemInfo``-like values with ``word_id``), and their skill id."""
    words: WordItems = {}
    skill = None
    for info in items.values():
        word = getattr(info, "word_id", None)
        if word is not None and not getattr(info, "deleted", False):
            words.setdefault(word, []).append(info.id)  # type: ignore[attr-defined]
            skill = info.skill_id  # type: ignore[attr-defined]
    for ids in words.values():
        ids.sort()
    return words, skill


def pick_next(
    state: ModelState,
    index: ItemIndex,
    req: SelectionRequest,
    cards: Mapping[str, vocabulary.VocabCard],
    words: WordItems,
    vocab_skill: str | None,
    source_word: Mapping[str, str] | None = None,
) -> Selection | None:
    """``select_next``; when it lands on the vocabulary skill, the word FSRS says is most overdue,
    else a new word (easiest first). ``cards``: this learner's word cards."""
    sel = select_next(state, index, req)
    if sel is None or vocab_skill is None or sel.skill_id != vocab_skill:
        return sel
    last = req.recent_item_ids[-1] if req.recent_item_ids else None
    bank = {w.id: w for w in vocabulary.load_bank()}
    for card in vocabulary.due_cards(cards.values(), req.now):
        options = [i for i in words.get(card.word_id, ()) if i != last]
        if options and card.word_id in bank:
            item_id = options[card.reviews % len(options)]
            return Selection(item_id, sel.skill_id, "review", predict(state, req.student_id, sel.skill_id, item_id,
                             req.now), REVIEW_WORD)  # fmt: skip
    fresh = sorted((w for w in words if w not in cards and w in bank), key=lambda w: (bank[w].level, w))
    if fresh:
        word = fresh[req.seed % min(3, len(fresh))]
        options = [i for i in words[word] if i != last] or words[word]
        item_id = options[req.seed % len(options)]
        return Selection(item_id, sel.skill_id, "new word", predict(state, req.student_id, sel.skill_id, item_id,
                         req.now), NEW_WORD)  # fmt: skip
    return sel


def recent_window(recent: Sequence[str], n: int = 10) -> tuple[str, ...]:
    return tuple(recent[-n:])
