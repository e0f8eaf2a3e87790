"""Adaptive practice: the engines behind "the next item that fits the learner right now".

Pure Python: no Qt, no database. Everything takes and returns plain dataclasses, so the store can
persist state and the services can call in. Derived state is rebuilt from the append-only attempts.

- ``learner_model``: ability, learner-by-skill, skill and item difficulty (Elo with uncertainty) plus a
  PFA-like calibration; ``update(state, attempt)``, ``predict(state, student, skill, item)``, ``rebuild``.
- ``snapshot``: the model state to and from JSON-safe dicts (a cache; attempts stay the truth).
- ``memory``: when a practised skill is due for review (expanding intervals).
- ``mastery``: the mastery rule with a plain-words explanation (``assess_mastery``).
- ``selection``: ``select_next`` near a target success rate, mixing focus, review and variety, with a
  reason; ``ItemIndex`` buckets items by skill and difficulty.
- ``answers``: tolerant number and text answer checking (``check_answer``, ``parse_number``).
- ``generators``: seeded item generators per skill, levels 1-5 (``generate``, ``generate_pool``).
- ``vocabulary``: the shipped word bank as choice questions, scheduled with FSRS.
- ``qti``: QTI 2.x/3.0 choice and text-entry import from XML or content packages (``import_qti``).
"""

from app.practice.answers import check_answer, parse_number
from app.practice.errors import QtiImportError
from app.practice.items import PracticeItem
from app.practice.learner_model import (
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
from app.practice.mastery import MasteryRule, MasteryStatus, assess_mastery
from app.practice.qti import import_qti
from app.practice.selection import ItemIndex, Mix, Selection, SelectionRequest, select_next

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
    "QtiImportError",
    "Selection",
    "SelectionRequest",
    "assess_mastery",
    "check_answer",
    "import_qti",
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
