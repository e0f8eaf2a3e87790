"""Item generators: parameterised, deterministic from a seed, levels 1 (easiest) to 5.

Each generator is a ``Generator`` (key, skill code, title, make). ``generate(key, level, seed)`` returns a
``PracticeItem`` whose ``source_ref`` ("key:level:seed") regenerates it exactly with ``from_ref``.
The same key, level and seed give the same item on every machine and Python run.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from app.practice.engine.generators import (
    data_handling,
    decimals,
    expressions,
    fractions,
    geometry,
    linear_equations,
    negative_numbers,
    number_facts,
    order_of_operations,
    percentages,
    place_value,
)
from app.practice.engine.generators.base import Generator
from app.practice.engine.items import PracticeItem

__all__ = ["GENERATORS", "Generator", "by_skill", "from_ref", "generate", "generate_pool"]

_MODULES = (number_facts, place_value, fractions, decimals, percentages, negative_numbers, order_of_operations,
            linear_equations, expressions, geometry, data_handling)  # fmt: skip
GENERATORS: dict[str, Generator] = {g.key: g for module in _MODULES for g in module.GENERATORS}
LEVELS = range(1, 6)


def generate(key: str, level: int, seed: int) -> PracticeItem:
    gen = GENERATORS.get(key)
    if gen is None:
        raise KeyError(f"No item generator called {key!r}.")
    if level not in LEVELS:
        raise ValueError(f"Level must be 1 to 5, not {level}.")
    # A string seed is hashed with SHA-512 by ``random``: stable across runs and PYTHONHASHSEED.
    q = gen.make(level, random.Random(f"{key}:{level}:{seed}"))
    return PracticeItem(
        kind=q.kind, prompt=q.prompt, answer=q.answer, skill=gen.skill, choices=q.choices, hint=q.hint,
        level=level, source="generator", source_ref=f"{key}:{level}:{seed}", title=gen.title,
    )  # fmt: skip


def from_ref(source_ref: str) -> PracticeItem:
    """Regenerate an item from its ``source_ref``."""
    key, level, seed = source_ref.rsplit(":", 2)
    return generate(key, int(level), int(seed))


def generate_pool(key: str, per_level: int = 20, first_seed: int = 0) -> Iterator[PracticeItem]:
    """``per_level`` items at each level, skipping exact repeats of a prompt."""
    seen: set[str] = set()
    for level in LEVELS:
        made, seed = 0, first_seed
        while made < per_level and seed < first_seed + per_level * 20:
            item = generate(key, level, seed)
            seed += 1
            if item.prompt in seen:
                continue
            seen.add(item.prompt)
            made += 1
            yield item


def by_skill() -> dict[str, list[Generator]]:
    out: dict[str, list[Generator]] = {}
    for g in GENERATORS.values():
        out.setdefault(g.skill, []).append(g)
    return out
