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

With the database (the services the app registers, see ``services.practice_services``):

- ``service.PracticeService``: a student's sessions: ``start_session``, ``next_item`` (with the reason),
  ``record_answer`` (checked, stored, estimates and mastery updated, one transaction), ``session_summary``.
- ``class_view.ClassPracticeService``: the class heatmap, a student's skill in detail, target difficulty
  and focus skills, QTI import into the bank, recalculating every estimate.
- ``live``: the learner model kept live per database: saved state loaded at start (no replay), updated
  answer by answer, rebuilt exactly (from a checkpoint) when sync brings late attempts;
  ``rebuild_after_sync(db, student_ids)`` and ``on_sync`` (registered with ``app.store.what_changed``).
- ``model_store``, ``replay``, ``tracking``: the derived tables, the replay, and the one function that
  applies an answer (shared by the live path and every rebuild, so both give identical numbers).
- ``bank``: generator pools and the vocabulary in the item table; ``bulk``: fast synced inserts.
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
