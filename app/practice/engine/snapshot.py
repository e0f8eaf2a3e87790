"""Learner-model state to and from JSON-safe dicts, so the store can keep a snapshot between runs.

A snapshot is a cache: the attempts log stays the truth, and ``rebuild`` gives the same numbers.
Floats survive a JSON round trip exactly (Python writes the shortest repr that reads back the same).
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from app.practice.engine.learner_model import (
    ItemState,
    LearnerSkillState,
    LearnerState,
    ModelParams,
    ModelState,
    SkillState,
)

__all__ = ["SNAPSHOT_VERSION", "state_from_dict", "state_to_dict"]

SNAPSHOT_VERSION = 1


def state_to_dict(state: ModelState) -> dict[str, Any]:
    return {
        "version": SNAPSHOT_VERSION,
        "params": asdict(state.params),
        "weights": list(state.weights),
        "prerequisites": {k: list(v) for k, v in state.prerequisites.items()},
        "last_key": list(state.last_key) if state.last_key is not None else None,
        "count": state.count,
        "skills": {k: [s.difficulty, s.n, list(s.weights)] for k, s in state.skills.items()},
        "items": {k: [i.skill_id, i.offset, i.n] for k, i in state.items.items()},
        "learners": {
            k: [
                lr.ability,
                lr.n,
                {
                    s: [x.local, x.n, x.correct, x.recent, x.first_at, x.last_at, x.review_interval_days]
                    for s, x in lr.skills.items()
                },
            ]
            for k, lr in state.learners.items()
        },
    }


def state_from_dict(data: dict[str, Any]) -> ModelState:
    """The state a snapshot describes. Raises ``ValueError`` for a snapshot of another version."""
    if data.get("version") != SNAPSHOT_VERSION:
        raise ValueError(f"learner-model snapshot version {data.get('version')!r} is not {SNAPSHOT_VERSION}")
    params = dict(data["params"])
    params["initial_weights"] = tuple(params["initial_weights"])
    last = data.get("last_key")
    return ModelState(
        params=ModelParams(**params),
        weights=list(data["weights"]),
        prerequisites={k: tuple(v) for k, v in data["prerequisites"].items()},
        last_key=(last[0], last[1]) if last is not None else None,
        count=data["count"],
        skills={k: SkillState(d, n, list(w)) for k, (d, n, w) in data["skills"].items()},
        items={k: ItemState(s, o, n) for k, (s, o, n) in data["items"].items()},
        learners={
            k: LearnerState(a, n, {s: LearnerSkillState(*v) for s, v in sk.items()})
            for k, (a, n, sk) in data["learners"].items()
        },
    )
