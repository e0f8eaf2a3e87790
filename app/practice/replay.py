"""Rebuilding the learner model from the attempts log, exactly.

``build`` replays attempts in the model's one order (``at``, then id) through ``tracking.apply_answer``,
the function the live path uses, so the result is bit-identical to answering one by one. It starts
from the newest checkpoint before the earliest attempt that changed (a late attempt from sync, a
tombstone) or, with no such checkpoint, from nothing. On the way it takes checkpoints at day boundaries
over the last few days of the log, so the next late attempt replays little.

``build`` only reads; the caller writes the result in one transaction (see ``live.LiveModel``).
Progress is reported as (fraction, message); a progress callback that raises stops the work.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from app.i18n import _
from app.practice.engine.learner_model import Attempt, ModelParams, ModelState, new_state, register_item
from app.practice.engine.tracking import Cards, SkillRow, apply_answer
from app.practice.model_store import (
    ItemInfo,
    Key,
    checkpoint_before,
    checkpoint_blob,
    max_attempt_rowid,
    state_from_blob,
)

__all__ = ["Built", "apply_rows", "attempt_rows", "build"]

DAY = 86400.0
CHECKPOINT_DAYS = 6  # checkpoints at the day boundaries of the newest days of the log ...
KEEP_CHECKPOINTS = 8  # ... and this many kept

Progress = Callable[[float, str], None]

_COLS = "id, student_id, skill_id, item_id, correct, at, response_ms, rowid"


@dataclass
class Built:
    state: ModelState
    cards: Cards
    full: bool
    base: Key | None  # the checkpoint replayed from (None: from the first attempt)
    max_rowid: int
    rows: dict[tuple[str, str], SkillRow] = field(default_factory=dict)
    learners: set[str] = field(default_factory=set)
    skills: set[str] = field(default_factory=set)
    items: set[str] = field(default_factory=set)
    checkpoints: list[tuple[Key, int, bytes]] = field(default_factory=list)
    prior: dict[tuple[str, str], float] = field(default_factory=dict)  # first mastered, before ``base``
    replayed: int = 0


def attempt_rows(
    conn: sqlite3.Connection, after: Key | None, max_rowid: int, items: dict[str, ItemInfo]
) -> Iterator[tuple[Attempt, int]]:
    """Live attempts after ``after`` with rowid up to ``max_rowid``, in the model's order."""
    if after is None:
        cur = conn.execute(
            f"SELECT {_COLS} FROM attempt WHERE deleted = 0 AND rowid <= ? ORDER BY at, id", (max_rowid,)
        )
    else:
        cur = conn.execute(
            f"SELECT {_COLS} FROM attempt WHERE deleted = 0 AND rowid <= ? AND (at, id) > (?, ?) ORDER BY at, id",
            (max_rowid, after[0], after[1]),
        )
    while True:
        chunk = cur.fetchmany(4096)
        if not chunk:
            return
        for aid, sid, kid, iid, correct, at, ms, rowid in chunk:
            info = items.get(iid)
            yield (
                Attempt(aid, sid, kid, bool(correct), at, iid, ms, info.time_limit_s if info else 0.0),
                rowid,
            )


def tail_rows(
    conn: sqlite3.Connection, after_rowid: int, items: dict[str, ItemInfo]
) -> list[tuple[Attempt, int]]:
    """Attempts the model has not seen (rowid above ``after_rowid``), in the model's order."""
    # By rowid range (the table's own key), then sorted here: ordering in SQL would walk the whole
    # (at, id) index to find a handful of new rows.
    rows = conn.execute(
        f"SELECT {_COLS} FROM attempt WHERE rowid > ? AND deleted = 0", (after_rowid,)
    ).fetchall()
    rows.sort(key=lambda r: (r[5], r[0]))
    out = []
    for aid, sid, kid, iid, correct, at, ms, rowid in rows:
        info = items.get(iid)
        out.append(
            (Attempt(aid, sid, kid, bool(correct), at, iid, ms, info.time_limit_s if info else 0.0), rowid)
        )
    return out


def apply_rows(
    built: Built,
    attempts: Iterator[tuple[Attempt, int]] | list[tuple[Attempt, int]],
    items: dict[str, ItemInfo],
    prior_mastered: dict[tuple[str, str], float],
    checkpoint_from_day: float | None = None,
    progress: Progress | None = None,
    span: tuple[float, float] | None = None,
) -> None:
    """Apply attempts (in order) to ``built``, recording what they touched."""
    state, cards, rows = built.state, built.cards, built.rows
    day = math.floor(state.last_key[0] / DAY) if state.last_key else None
    for n, (a, rowid) in enumerate(attempts):
        if checkpoint_from_day is not None:
            d = math.floor(a.at / DAY)
            if (
                day is not None
                and d != day
                and d >= checkpoint_from_day
                and state.last_key is not None
                and state.last_key != built.base
            ):
                built.checkpoints.append((state.last_key, state.count, checkpoint_blob(state, cards)))
            day = d
        pair = (a.student_id, a.skill_id)
        prev = rows.get(pair)
        info = items.get(a.item_id) if a.item_id else None
        _x, rows[pair] = apply_answer(
            state, cards, a, info.word_id if info else None,
            prev.mastered_at if prev is not None else prior_mastered.get(pair, 0.0),
        )  # fmt: skip
        built.learners.add(a.student_id)
        built.skills.add(a.skill_id)
        if a.item_id:
            built.items.add(a.item_id)
        built.max_rowid = max(built.max_rowid, rowid)
        built.replayed += 1
        if progress is not None and n % 4096 == 4095 and span is not None:
            lo, hi = span
            progress(0.05 + 0.85 * min(1.0, (a.at - lo) / max(hi - lo, 1.0)), _("Replaying answers"))


def build(
    conn: sqlite3.Connection,
    items: dict[str, ItemInfo],
    prerequisites: dict[str, tuple[str, ...]],
    params: ModelParams,
    since: Key | None,
    progress: Progress | None = None,
) -> Built:
    """The model rebuilt so that every attempt from ``since`` on is applied in order (None: everything).

    Reads inside the caller's (read) transaction; writes nothing.
    """
    report = progress or (lambda f, m: None)
    report(0.0, _("Reading saved estimates"))
    w = max_attempt_rowid(conn)
    cp = checkpoint_before(conn, since) if since is not None else None
    state: ModelState | None = None
    cards: Cards = {}
    if cp is not None:
        state, cards = state_from_blob(cp[1])
        if state.params != params:
            state, cards, cp = None, {}, None
    if state is None:
        state = new_state(params, prerequisites)
    state.prerequisites = dict(prerequisites)
    for it in sorted(items.values(), key=lambda i: i.id):
        register_item(state, it.id, it.skill_id, it.level)
    base = cp[0] if cp is not None else None
    built = Built(state, cards, full=base is None, base=base, max_rowid=0)
    prior = built.prior
    if base is not None:
        for sid, kid, at in conn.execute(
            "SELECT student_id, skill_id, practice_mastered_at FROM learner_skill_state "
            "WHERE practice_mastered_at > 0 AND practice_mastered_at <= ?",
            (base[0],),
        ):
            prior[(sid, kid)] = at
    lo, hi = conn.execute(
        "SELECT MIN(at), MAX(at) FROM attempt WHERE deleted = 0 AND rowid <= ? AND (at, id) > (?, ?)",
        (w, *(base or (-math.inf, ""))),
    ).fetchone()
    from_day = math.floor(hi / DAY) - CHECKPOINT_DAYS if hi is not None else None
    apply_rows(built, attempt_rows(conn, base, w, items), items, prior, from_day, report,
               (lo, hi) if lo is not None else None)  # fmt: skip
    built.max_rowid = w
    report(0.9, _("Saving the new estimates"))
    return built
