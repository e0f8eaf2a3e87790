"""The practice engine: the pure parts behind "the next item that fits the learner right now".

Pure Python: no Qt, no database. Everything takes and returns plain dataclasses, so the store can
persist state and the services can call in. Derived state is rebuilt from the append-only attempts.

- ``learner_model``: ability, learner-by-skill, skill and item difficulty (Elo with uncertainty) plus a
  PFA-like calibration; ``update(state, attempt)``, ``predict(state, student, skill, item)``, ``rebuild``.
- ``snapshot``: the model state to and from JSON-safe dicts (a cache; attempts stay the truth).
- ``memory``: when a practised skill is due for review (expanding intervals).
- ``mastery``: the mastery rule with a plain-words explanation (``assess_mastery``).
- ``selection``: ``select_next`` near a target success rate, mixing focus, review and variety, with a
  reason; ``ItemIndex`` buckets items by skill and difficulty.
- ``next_question``: ``select_next`` for skills and items, FSRS for vocabulary words (``pick_next``).
- ``kinds``: the item-kind registry: how each kind of item (number, text, choice) is cleaned, checked,
  shown and entered (``check_answer``, ``clean_response``, ``shown_answer``, ``item_kind``).
- ``answers``: reading answers tolerantly: exact numbers and normalised text (``parse_number``).
- ``items``: ``PracticeItem``, the question as every producer hands it over.
- ``tracking``: the one function that applies an answer (shared by the live path and every rebuild).
- ``generators``: seeded item generators per skill, levels 1-5 (``generate``, ``generate_pool``).
- ``vocabulary``: the shipped word bank as choice questions, scheduled with FSRS.

QTI import is in ``app.practice.qti``; the services over the database are in ``app.practice``.
"""

from app.practice.engine.answers import parse_number
from app.practice.engine.items import PracticeItem
from app.practice.engine.kinds import check_answer
from app.practice.engine.learner_model import (
    Attempt,
    ItemPrior,
    ModelParams,
    ModelState,
    is_in_order,
    new_state,
    order_key,
    predict,
    rebuild,
    register_item,
    update,
)
from app.practice.engine.mastery import MasteryRule, MasteryStatus, assess_mastery
from app.practice.engine.selection import ItemIndex, Mix, Selection, SelectionRequest, select_next

__all__ = [
    "Attempt",
    "ItemIndex",
    "ItemPrior",
    "MasteryRule",
    "MasteryStatus",
    "Mix",
    "ModelParams",
    "ModelState",
    "PracticeItem",
    "Selection",
    "SelectionRequest",
    "assess_mastery",
    "check_answer",
    "is_in_order",
    "new_state",
    "order_key",
    "parse_number",
    "predict",
    "rebuild",
    "register_item",
    "select_next",
    "update",
]
