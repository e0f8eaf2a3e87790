"""Simulated practice history for the demo, driven through the real practice engines.

Each simulated learner has a hidden true ability per skill (jagged: see ``builder._abilities``) that
grows a little with practice. On school days some learners sit a session of 8 to 12 questions; each
question is chosen exactly as the app chooses it (``next_question.pick_next``: target success, focus skills,
review, variety, FSRS for words) from the estimates so far, and answered right with the chance the
true ability gives. The attempts are then stored and the estimates rebuilt from them by the real
rebuild, so everything a teacher sees is what the app would have computed.

Deterministic for a seed: nothing depends on ids made at run time (items are ordered by source).
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable

from app.ids import new_id
from app.practice.engine.answers import parse_number
from app.practice.engine.generators.base import fmt
from app.practice.engine.kinds import PICKED, item_kind
from app.practice.engine.learner_model import Attempt, ModelParams, new_state, register_item
from app.practice.engine.next_question import pick_next, word_items
from app.practice.engine.selection import IndexedItem, ItemIndex, SelectionRequest
from app.practice.engine.tracking import Cards, apply_answer
from app.practice.model_store import ItemInfo

DAY = 86_400.0
LEARNING_STEP = 0.035  # true ability gained per question practised (logits)


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def _wrong_answer(info: ItemInfo, rng: random.Random) -> str:
    """A plausible slip: another choice, a number a little off, or a misspelling."""
    right = info.answer.split("\n")[0]
    if item_kind(info.kind).entry == PICKED:
        others = [c for c in info.choices if c != right]
        return rng.choice(others) if others else ""
    value = parse_number(right)
    if value is not None:
        slip = (
            value + rng.choice([-1, 1, 2, -2, 10])
            if value.denominator == 1
            else 1 / value
            if value
            else value + 1
        )
        return fmt(slip)
    return right[:-1] + right[-1:] * 2 if right else ""


def simulate_history(
    items: dict[str, ItemInfo],
    prerequisites: dict[str, tuple[str, ...]],
    learners: list[tuple[str, str, float, dict[str, float]]],  # (student id, partition, target, focus)
    abilities: dict[tuple[str, str], float],
    rng: random.Random,
    start: float,
    end: float,
    progress: Callable[[float], None] | None = None,
) -> list[dict]:
    """Attempt rows (ready for ``bulk_insert_events``) for every simulated session, in time order."""
    ordered = sorted(items.values(), key=lambda i: (i.skill_id, i.source_ref))
    state = new_state(ModelParams(), prerequisites)
    for it in ordered:
        register_item(state, it.id, it.skill_id, it.level)
    true_diff = {it.id: (it.level - 3) * 0.5 + random.Random(it.source_ref).gauss(0.0, 0.3) for it in ordered}
    index = ItemIndex(
        IndexedItem(it.id, it.skill_id, state.items[it.id].offset) for it in ordered if not it.deleted
    )
    words, vocab_skill = word_items(items)
    ability = dict(abilities)
    cards: Cards = {}
    recent: dict[str, list[str]] = {sid: [] for sid, *_ in learners}
    keen = {sid: rng.uniform(0.35, 0.8) for sid, *_ in learners}  # how often each learner practises
    rows: list[dict] = []
    days = int((end - start) // DAY)
    for d in range(days):
        day0 = math.floor((start + d * DAY) / DAY) * DAY
        if (day0 // DAY + 3) % 7 in (5, 6):  # Monday is 0 (1970-01-01 was a Thursday): skip weekends
            continue
        t = day0 + 9 * 3600 + rng.uniform(0, 1800)
        today = [lr for lr in learners if rng.random() < keen[lr[0]]]
        rng.shuffle(today)
        for sid, partition, target, focus in today:
            if t > end - 120:
                break
            session = new_id()
            for _ in range(rng.randint(8, 12)):
                req = SelectionRequest(
                    sid,
                    t,
                    focus_skills=focus,
                    target=target,
                    recent_item_ids=tuple(recent[sid][-10:]),
                    seed=rng.randrange(1 << 30),
                )
                sel = pick_next(state, index, req, cards.get(sid, {}), words, vocab_skill)
                if sel is None:
                    break
                info = items[sel.item_id]
                key = (sid, info.skill_id)
                p = _sigmoid(ability.get(key, 0.0) + 1.0 - true_diff[info.id])
                correct = rng.random() < p
                ms = int(rng.uniform(4000, 12000) + 20000 * (1 - p) * rng.random())
                aid = new_id()
                apply_answer(state, cards, Attempt(aid, sid, info.skill_id, correct, t, info.id, ms),
                             info.word_id, 0.0)  # fmt: skip
                index.put(info.id, info.skill_id, state.items[info.id].offset)
                rows.append(dict(id=aid, student_id=sid, item_id=info.id, skill_id=info.skill_id,
                                 answer=info.answer.split("\n")[0] if correct else _wrong_answer(info, rng),
                                 correct=correct,
                                 response_ms=ms, at=t, device="demo", session_id=session, partition=partition))  # fmt: skip
                recent[sid].append(info.id)
                ability[key] = ability.get(key, 0.0) + LEARNING_STEP
                t += ms / 1000.0 + rng.uniform(3, 15)
            t += rng.uniform(60, 900)
        if progress is not None:
            progress((d + 1) / max(days, 1))
    return rows
