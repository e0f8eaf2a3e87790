"""The learner model's state in the database: derived, local tables that are never synced.

- ``practice_model``: one row: global calibration weights, the order key of the last attempt applied,
  the highest attempt ``rowid`` applied (anything above it is new to the model), a *dirty* key when
  answers had to be applied out of order, and a generation bumped by each rebuild.
- ``learner_snapshot``: one JSON row per learner (ability, per-skill terms, vocabulary cards).
- ``skill_stat`` and ``item_stat``: class-wide skill difficulty and weights, item offsets.
- ``learner_skill_state``: what teachers see per learner and skill (see ``tracking.SkillRow``).
- ``practice_checkpoint``: compressed full copies of the state at day boundaries, so a late attempt
  (from sync) replays a day or two rather than the whole year.

SQL runs on the raw sqlite3 connection of the caller's session: one answer writes five small rows.
Floats are stored as REAL or as Python's shortest repr in JSON, so everything reads back exactly.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from dataclasses import asdict, dataclass
from functools import lru_cache

from app.practice.engine.learner_model import (
    ItemState,
    LearnerSkillState,
    LearnerState,
    ModelParams,
    ModelState,
    SkillState,
    new_state,
    register_item,
)
from app.practice.engine.snapshot import state_from_dict, state_to_dict
from app.practice.engine.tracking import Cards, SkillRow
from app.practice.engine.vocabulary import VocabCard
from app.practice.judged_levels import rebuild_judged, write_practice_rows

__all__ = ["ItemInfo", "Key", "Meta"]

Key = tuple[float, str]
STATE_VERSION = 2  # 2: monotone calibration (a right answer never lowers a prediction)


@lru_cache(maxsize=8)
def params_json(params: ModelParams) -> str:
    return json.dumps(asdict(params), sort_keys=True)


@dataclass(slots=True)
class Meta:
    params: str
    last_key: Key | None
    count: int
    max_rowid: int
    dirty: Key | None
    generation: int


def read_meta(conn: sqlite3.Connection) -> Meta | None:
    row = conn.execute(
        "SELECT params, last_at, last_id, count, max_rowid, dirty_at, dirty_id, generation, version "
        "FROM practice_model WHERE key = 1"
    ).fetchone()
    if row is None or row[8] != STATE_VERSION:
        return None
    return Meta(
        row[0],
        (row[1], row[2]) if row[1] is not None else None,
        row[3],
        row[4],
        (row[5], row[6]) if row[5] is not None else None,
        row[7],
    )


def max_attempt_rowid(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT COALESCE(MAX(rowid), 0) FROM attempt").fetchone()[0]


def write_meta(
    conn: sqlite3.Connection,
    state: ModelState,
    max_rowid: int,
    dirty: Key | None,
    generation: int,
    now: float,
) -> None:
    last = state.last_key
    conn.execute(
        "INSERT INTO practice_model (key, version, params, weights, last_at, last_id, count, max_rowid, dirty_at, "
        "dirty_id, generation, built_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET "
        "version = excluded.version, params = excluded.params, weights = excluded.weights, "
        "last_at = excluded.last_at, last_id = excluded.last_id, count = excluded.count, "
        "max_rowid = excluded.max_rowid, dirty_at = excluded.dirty_at, dirty_id = excluded.dirty_id, "
        "generation = excluded.generation, built_at = excluded.built_at",
        (
            STATE_VERSION, params_json(state.params), json.dumps(state.weights),
            last[0] if last else None, last[1] if last else "", state.count, max_rowid,
            dirty[0] if dirty else None, dirty[1] if dirty else "", generation, now,
        ),
    )  # fmt: skip


# -- items and the framework -----------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ItemInfo:
    id: str
    skill_id: str
    kind: str
    prompt: str
    answer: str
    choices: tuple[str, ...]
    hint: str
    level: int
    source: str
    source_ref: str
    time_limit_s: float
    deleted: bool

    @property
    def word_id(self) -> str | None:
        """The vocabulary word this item asks about (FSRS schedules it), or None."""
        if self.source == "bank" and self.source_ref.startswith("vocab:"):
            return self.source_ref.split(":")[1]
        return None


_ITEM_COLS = (
    "id, skill_id, kind, prompt, answer, choices, hint, level, source, source_ref, time_limit_s, deleted"
)


def _item(row: tuple) -> ItemInfo:
    choices = json.loads(row[5]) if isinstance(row[5], str) else (row[5] or [])
    return ItemInfo(row[0], row[1], row[2], row[3], row[4], tuple(str(c) for c in choices), row[6], int(row[7]),
                    row[8], row[9], float(row[10]), bool(row[11]))  # fmt: skip


def read_items(conn: sqlite3.Connection, ids: list[str] | None = None) -> dict[str, ItemInfo]:
    if ids is None:
        rows = conn.execute(f"SELECT {_ITEM_COLS} FROM item").fetchall()
    else:
        rows = []
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows += conn.execute(f"SELECT {_ITEM_COLS} FROM item WHERE id IN ({marks})", chunk).fetchall()
    return {r[0]: _item(r) for r in rows}


def read_prerequisites(conn: sqlite3.Connection) -> dict[str, tuple[str, ...]]:
    """Skill id -> ids of its prerequisite skills (the framework stores codes)."""
    rows = conn.execute("SELECT id, code, prerequisites FROM skill WHERE deleted = 0").fetchall()
    by_code = {code: sid for sid, code, _ in rows}
    out = {}
    for sid, _code, pre in rows:
        codes = json.loads(pre) if isinstance(pre, str) else (pre or [])
        ids = tuple(by_code[c] for c in codes if c in by_code)
        if ids:
            out[sid] = ids
    return out


# -- learners --------------------------------------------------------------------------------------
def learner_json(learner: LearnerState, cards: dict[str, VocabCard] | None) -> str:
    return json.dumps({
        "ability": learner.ability,
        "n": learner.n,
        "skills": {k: [x.local, x.n, x.correct, x.recent, x.first_at, x.last_at, x.review_interval_days]
                   for k, x in learner.skills.items()},
        "vocab": {w: [c.due, c.state, c.step, c.stability, c.difficulty, c.last_review, c.reviews, c.lapses]
                  for w, c in (cards or {}).items()},
    }, separators=(",", ":"))  # fmt: skip


def learner_from_json(text: str) -> tuple[LearnerState, dict[str, VocabCard]]:
    d = json.loads(text)
    learner = LearnerState(d["ability"], d["n"], {k: LearnerSkillState(*v) for k, v in d["skills"].items()})
    return learner, {w: VocabCard(w, *v) for w, v in d.get("vocab", {}).items()}


# -- the whole state -------------------------------------------------------------------------------
def read_state(
    conn: sqlite3.Connection,
    meta: Meta,
    params: ModelParams,
    items: dict[str, ItemInfo],
    prerequisites: dict[str, tuple[str, ...]],
) -> tuple[ModelState, Cards]:
    state = new_state(params, prerequisites)
    for it in items.values():
        register_item(state, it.id, it.skill_id, it.level)
    for item_id, offset, n in conn.execute("SELECT item_id, difficulty, uses FROM item_stat"):
        info = items.get(item_id)
        if info is not None:
            state.items[item_id] = ItemState(info.skill_id, offset, n)
    for skill_id, difficulty, n, weights in conn.execute(
        "SELECT skill_id, difficulty, uses, weights FROM skill_stat"
    ):
        state.skills[skill_id] = SkillState(difficulty, n, json.loads(weights))
    cards: Cards = {}
    for sid, data in conn.execute("SELECT student_id, data FROM learner_snapshot"):
        state.learners[sid], mine = learner_from_json(data)
        if mine:
            cards[sid] = mine
    weights = conn.execute("SELECT weights FROM practice_model WHERE key = 1").fetchone()
    if weights is not None:
        state.weights = json.loads(weights[0])
    state.last_key = meta.last_key
    state.count = meta.count
    return state, cards


def _row_args(sid: str, kid: str, r: SkillRow) -> tuple:
    return (sid, kid, r.ability, r.attempts, r.correct, r.last_at, r.mastery, int(r.mastered), r.mastered_at)


_UPSERT_LEARNER = (
    "INSERT INTO learner_snapshot (student_id, data, updated_at) VALUES (?, ?, ?) ON CONFLICT(student_id) "
    "DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at"
)
_UPSERT_SKILL = (
    "INSERT INTO skill_stat (skill_id, difficulty, uses, weights) VALUES (?, ?, ?, ?) ON CONFLICT(skill_id) "
    "DO UPDATE SET difficulty = excluded.difficulty, uses = excluded.uses, weights = excluded.weights"
)
_UPSERT_ITEM = (
    "INSERT INTO item_stat (item_id, difficulty, uses) VALUES (?, ?, ?) ON CONFLICT(item_id) "
    "DO UPDATE SET difficulty = excluded.difficulty, uses = excluded.uses"
)


def read_mastered_at(conn: sqlite3.Connection, student_id: str, skill_id: str) -> float:
    """When practice alone first met the mastery rule for this pair (0: never)."""
    row = conn.execute(
        "SELECT practice_mastered_at FROM learner_skill_state WHERE student_id = ? AND skill_id = ?",
        (student_id, skill_id),
    ).fetchone()
    return row[0] if row else 0.0


def write_parts(
    conn: sqlite3.Connection,
    state: ModelState,
    cards: Cards,
    learners: set[str],
    skills: set[str],
    items: set[str],
    rows: dict[tuple[str, str], SkillRow],
    now: float,
    combine_now: bool = True,
    appended: bool = False,
) -> None:
    """Write the named learners, skills, items and skill rows as they are in ``state`` (the rows'
    levels combined with judgements, unless the caller does that itself: ``combine_now=False``).
    ``appended``: the rows come from answers applied in order after all others (see
    ``app.practice.judged_levels.write_practice_rows``), not from a replay."""
    conn.executemany(_UPSERT_LEARNER, [
        (sid, learner_json(state.learners[sid], cards.get(sid)), now) for sid in sorted(learners)
        if sid in state.learners
    ])  # fmt: skip
    conn.executemany(_UPSERT_SKILL, [
        (k, state.skills[k].difficulty, state.skills[k].n, json.dumps(state.skills[k].weights))
        for k in sorted(skills) if k in state.skills
    ])  # fmt: skip
    conn.executemany(_UPSERT_ITEM, [
        (i, state.items[i].offset, state.items[i].n) for i in sorted(items) if i in state.items
    ])  # fmt: skip
    write_practice_rows(conn, [_row_args(s, k, r) for (s, k), r in rows.items()], combine_now, appended)


def replace_all(
    conn: sqlite3.Connection,
    state: ModelState,
    cards: Cards,
    rows: dict[tuple[str, str], SkillRow],
    now: float,
) -> None:
    """After a full rebuild: the derived tables hold exactly ``state``, and the levels its rows and the
    synced judgements give (``app.practice.judged_levels``); rows of students erased anywhere are gone with
    their answers and judgements."""
    conn.execute("DELETE FROM learner_snapshot")
    conn.execute("DELETE FROM skill_stat")
    conn.execute("DELETE FROM item_stat")
    conn.execute("DELETE FROM learner_skill_state")
    used = {i for i, it in state.items.items() if it.n}
    write_parts(
        conn, state, cards, set(state.learners), set(state.skills), used, rows, now, combine_now=False
    )
    rebuild_judged(conn)


# -- checkpoints -----------------------------------------------------------------------------------
def checkpoint_blob(state: ModelState, cards: Cards) -> bytes:
    data = {
        "model": state_to_dict(state),
        "vocab": {sid: {w: [c.due, c.state, c.step, c.stability, c.difficulty, c.last_review, c.reviews, c.lapses]
                        for w, c in mine.items()} for sid, mine in cards.items()},
    }  # fmt: skip
    return zlib.compress(json.dumps(data, separators=(",", ":")).encode(), 1)


def state_from_blob(blob: bytes) -> tuple[ModelState, Cards]:
    data = json.loads(zlib.decompress(blob))
    cards = {sid: {w: VocabCard(w, *v) for w, v in mine.items()} for sid, mine in data["vocab"].items()}
    return state_from_dict(data["model"]), cards


def save_checkpoint(conn: sqlite3.Connection, key: Key, count: int, blob: bytes, now: float) -> None:
    conn.execute(
        "INSERT INTO practice_checkpoint (last_at, last_id, count, created_at, data) VALUES (?, ?, ?, ?, ?)",
        (key[0], key[1], count, now, blob),
    )


def checkpoint_before(conn: sqlite3.Connection, key: Key) -> tuple[Key, bytes] | None:
    """The newest checkpoint strictly before ``key`` (it does not include the attempt at ``key``)."""
    row = conn.execute(
        "SELECT last_at, last_id, data FROM practice_checkpoint WHERE (last_at, last_id) < (?, ?) "
        "ORDER BY last_at DESC, last_id DESC LIMIT 1",
        key,
    ).fetchone()
    return ((row[0], row[1]), row[2]) if row else None


def newest_checkpoint(conn: sqlite3.Connection) -> Key | None:
    row = conn.execute(
        "SELECT last_at, last_id FROM practice_checkpoint ORDER BY last_at DESC, last_id DESC LIMIT 1"
    ).fetchone()
    return (row[0], row[1]) if row else None


def drop_checkpoints_after(conn: sqlite3.Connection, key: Key | None) -> None:
    """Checkpoints after ``key`` were taken before a rebuild changed history (``None``: drop them all)."""
    if key is None:
        conn.execute("DELETE FROM practice_checkpoint")
    else:
        conn.execute("DELETE FROM practice_checkpoint WHERE (last_at, last_id) > (?, ?)", key)


def prune_checkpoints(conn: sqlite3.Connection, keep: int) -> None:
    conn.execute(
        "DELETE FROM practice_checkpoint WHERE id NOT IN (SELECT id FROM practice_checkpoint "
        "ORDER BY last_at DESC, last_id DESC LIMIT ?)",
        (keep,),
    )
