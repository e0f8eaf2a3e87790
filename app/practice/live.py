"""The learner model kept live for one database: loaded once, updated answer by answer, rebuilt
exactly from the attempts log when history changes.

- **Start**: the saved state is read from the derived tables (no replay), then ``reconcile`` catches
  up with attempts saved since (by sync or another tool): in order, they are simply applied.
- **An answer** (``answering``): applied in the answer's own transaction; the state in memory and in
  the tables move together. On any failure the memory copy is dropped and reloaded from the tables.
- **History changed** (a late attempt from sync sorts before answers already applied, a tombstone, a
  purge): ``rebuild`` replays from the newest checkpoint before the change (usually a day or two of
  answers) or, with none, from the beginning. The replay runs without the lock, so practice goes on;
  answers saved meanwhile are applied on top before the new state replaces the old.

One ``LiveModel`` per open database (``live_model(db)``); ``on_sync`` runs after sync commits changes
or an erasure purges rows (``install_sync_hook`` registers it with ``app.store.what_changed`` once
per process).
"""

from __future__ import annotations

import gc
import logging
import math
import threading
import time
import weakref
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from app.i18n import _
from app.practice.engine.learner_model import (
    Attempt,
    ModelParams,
    ModelState,
    new_state,
    order_key,
    predict,
    register_item,
)
from app.practice.engine.selection import IndexedItem, ItemIndex
from app.practice.engine.tracking import Cards, SkillRow, apply_answer
from app.practice.model_store import (
    ItemInfo,
    Key,
    checkpoint_blob,
    drop_checkpoints_after,
    newest_checkpoint,
    params_json,
    prune_checkpoints,
    read_items,
    read_mastered_at,
    read_meta,
    read_prerequisites,
    read_state,
    replace_all,
    save_checkpoint,
    write_meta,
    write_parts,
)
from app.practice.replay import DAY, KEEP_CHECKPOINTS, Built, apply_rows, build, tail_rows
from app.store.raw import raw_connection

__all__ = [
    "LiveModel",
    "Recorded",
    "forget_student",
    "install_sync_hook",
    "live_model",
    "on_sync",
    "rebuild_after_sync",
]

log = logging.getLogger(__name__)
FULL: Key = (-math.inf, "")  # "rebuild from the very first attempt"
FREEZE_SIZE = 8_000  # items plus learner-skills from which the state is frozen out of the cyclic GC
Progress = Callable[[float, str], None]


def _earlier(a: Key | None, b: Key | None) -> Key | None:
    if a is None:
        return b
    if b is None:
        return a
    return min(a, b)


@dataclass(frozen=True, slots=True)
class Recorded:
    predicted: float  # chance of a right answer the model gave this item, before the answer
    mastery_before: float  # predicted success on a typical question of the skill, before and after
    row: SkillRow
    newly_mastered: bool


class LiveModel:
    def __init__(self, db, params: ModelParams | None = None) -> None:  # noqa: ANN001
        self.db = db
        self.params = params or ModelParams()
        self.lock = threading.RLock()
        self.loaded = False
        self.state: ModelState = new_state(self.params)
        self.cards: Cards = {}
        self.items: dict[str, ItemInfo] = {}
        self.index = ItemIndex(())
        self.max_rowid = 0
        self.dirty: Key | None = None
        self.generation = 0
        self.rebuilds = 0
        self.last_replayed = 0  # answers the last rebuild replayed

    # -- loading -----------------------------------------------------------------------------------
    def ensure(self, progress: Progress | None = None) -> None:
        with self.lock:
            if not self.loaded:
                self._load(progress)

    def _load(self, progress: Progress | None) -> None:
        with self.db.read() as s:
            conn = raw_connection(s)
            items = read_items(conn)
            prereqs = read_prerequisites(conn)
            meta = read_meta(conn)
            usable = meta is not None and meta.params == params_json(self.params)
            state, cards = (
                read_state(conn, meta, self.params, items, prereqs) if usable and meta else (None, {})
            )
            has_attempts = conn.execute("SELECT 1 FROM attempt LIMIT 1").fetchone() is not None
        self.items = items
        if usable and meta is not None and state is not None:  # (usable: both are)
            self._adopt(state, cards, meta.max_rowid, meta.dirty, meta.generation)
            self.reconcile(progress=progress)
            return
        fresh = new_state(self.params, prereqs)
        for it in items.values():
            register_item(fresh, it.id, it.skill_id, it.level)
        self._adopt(fresh, {}, 0, None, 0)
        if has_attempts:  # attempts but no saved state (first start after an upgrade): derive it
            self.rebuild(None, progress)

    def _adopt(
        self, state: ModelState, cards: Cards, max_rowid: int, dirty: Key | None, generation: int
    ) -> None:
        self.state, self.cards = state, cards
        self.max_rowid, self.dirty, self.generation = max_rowid, dirty, generation
        self.index = ItemIndex(
            IndexedItem(i, it.skill_id, state.items[i].offset)
            for i, it in self.items.items()
            if not it.deleted and i in state.items
        )
        self.loaded = True
        if len(state.items) + sum(len(lr.skills) for lr in state.learners.values()) >= FREEZE_SIZE:
            # A class-year state is a hundred thousand long-lived objects: moved out of the cyclic
            # collector's way, a full collection no longer walks them, which otherwise stalls an
            # answer or the heatmap by 50-150 ms now and then. (They hold no cycles: replaced state
            # is still freed by reference counting.)
            gc.freeze()

    def refresh_items(self, item_ids: Iterable[str]) -> None:
        """Items added or edited (import, sync): known to the model before their first answer."""
        ids = list(item_ids)
        if not ids:
            return
        with self.lock:
            if not self.loaded:
                return  # the next load reads them all
            with self.db.read() as s:
                fresh = read_items(raw_connection(s), ids)
            for i, it in fresh.items():
                self.items[i] = it
                if it.deleted:
                    self.index.remove(i)
                    continue
                register_item(self.state, i, it.skill_id, it.level)
                self.index.put(i, self.state.items[i].skill_id, self.state.items[i].offset)

    # -- answers -----------------------------------------------------------------------------------
    @contextmanager
    def answering(self) -> Iterator[LiveModel]:
        """Hold the model for one answer's transaction; a failure drops the memory copy (reloaded next)."""
        with self.lock:
            self.ensure()
            try:
                yield self
            except BaseException:
                self.loaded = False
                raise

    def next_key_time(self, now: float) -> float:
        """An answer's time: the clock, but never before the last answer the model applied (a hybrid
        clock, as sync's), so answers on this device always arrive in order."""
        last = self.state.last_key
        return now if last is None or now > last[0] else last[0] + 0.001

    def record(self, conn, attempt: Attempt, rowid: int, max_rowid_before: int) -> Recorded:  # noqa: ANN001
        """Apply a just-inserted attempt inside the caller's write transaction (lock held)."""
        if max_rowid_before != self.max_rowid and self.dirty is None:
            self._catch_up(conn, exclude=attempt.attempt_id)
        sid, kid = attempt.student_id, attempt.skill_id
        mastery_before = predict(self.state, sid, kid, None, attempt.at)
        mastered_at = read_mastered_at(conn, sid, kid)
        info = self.items.get(attempt.item_id) if attempt.item_id else None
        before, row = apply_answer(
            self.state, self.cards, attempt, info.word_id if info else None, mastered_at
        )
        now = time.time()
        write_parts(conn, self.state, self.cards, {sid}, {kid}, {attempt.item_id} if attempt.item_id else set(),
                    {(sid, kid): row}, now, appended=True)  # fmt: skip
        if self.dirty is None:
            self.max_rowid = rowid
        write_meta(conn, self.state, self.max_rowid, self.dirty, self.generation, now)
        if info is not None and not info.deleted:
            self.index.put(info.id, kid, self.state.items[info.id].offset)
        return Recorded(before, mastery_before, row, bool(row.mastered_at) and not mastered_at)

    def _catch_up(self, conn, exclude: str = "") -> None:  # noqa: ANN001
        """Apply attempts saved by others since the model last looked, if they come after it in order;
        otherwise mark the model dirty from the earliest of them (a rebuild will put it right)."""
        tail = [(a, r) for a, r in tail_rows(conn, self.max_rowid, self.items) if a.attempt_id != exclude]
        last = self.state.last_key
        late = [order_key(a) for a, _ in tail if last is not None and order_key(a) <= last]
        if late:
            self.dirty = _earlier(self.dirty, min(late))
            return
        if not tail:
            return
        built = Built(self.state, self.cards, False, None, self.max_rowid)
        pairs = {(a.student_id, a.skill_id) for a, _ in tail}
        prior = {pair: read_mastered_at(conn, *pair) for pair in pairs}
        apply_rows(built, tail, self.items, prior)
        write_parts(
            conn,
            self.state,
            self.cards,
            built.learners,
            built.skills,
            built.items,
            built.rows,
            time.time(),
            appended=True,  # in order after everything applied: answers since a judgement add up
        )
        self.max_rowid = max(self.max_rowid, built.max_rowid)
        for i in built.items:
            it = self.items.get(i)
            if it is not None and not it.deleted:
                self.index.put(i, it.skill_id, self.state.items[i].offset)

    # -- keeping up with the log -------------------------------------------------------------------
    def reconcile(self, affected_ids: Iterable[str] | None = None, progress: Progress | None = None) -> str:
        """Bring the model up to date with the attempts log: ``"current"``, ``"caught up"`` (new attempts
        applied in order) or ``"rebuilt"``. ``affected_ids``: attempts sync changed (to see tombstones)."""
        self.ensure(progress)
        with self.lock:
            try:
                with self.db.write() as s:
                    conn = raw_connection(s)
                    unknown = {
                        i
                        for (i,) in conn.execute(
                            "SELECT DISTINCT item_id FROM attempt WHERE rowid > ?", (self.max_rowid,)
                        )
                    } - set(self.items)
                    if unknown:
                        self.items.update(read_items(conn, sorted(unknown)))
                        for i in unknown:
                            if i in self.items:
                                register_item(self.state, i, self.items[i].skill_id, self.items[i].level)
                    since = self.dirty
                    if affected_ids is not None and self._history_changed(conn, list(affected_ids)):
                        since = FULL
                    if since is None:
                        before = self.max_rowid
                        self._catch_up(conn)
                        since = self.dirty
                        if since is None:
                            if self.max_rowid == before:
                                return "current"
                            write_meta(conn, self.state, self.max_rowid, None, self.generation, time.time())
                            return "caught up"
            except BaseException:
                self.loaded = False
                raise
        self.rebuild(None if since == FULL else since, progress)
        return "rebuilt"

    def _history_changed(self, conn, ids: list[str]) -> bool:  # noqa: ANN001
        """An attempt the model applied was tombstoned or purged: only a full rebuild forgets it."""
        found = 0
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            rows = conn.execute(
                f"SELECT deleted, rowid FROM attempt WHERE id IN ({','.join('?' * len(chunk))})", chunk
            ).fetchall()
            found += len(rows)
            if any(deleted and rowid <= self.max_rowid for deleted, rowid in rows):
                return True
        return found < len(ids)

    def rebuild(self, since: Key | None = None, progress: Progress | None = None) -> Built:
        """Replay the log from the newest checkpoint before ``since`` (None: from the first attempt)."""
        for attempt in range(3):
            last_round = attempt == 2
            if not last_round:
                with self.db.read() as s:
                    conn = raw_connection(s)
                    items, prereqs = read_items(conn), read_prerequisites(conn)
                    built = build(conn, items, prereqs, self.params, since, progress)
            with self.lock:
                try:
                    with self.db.write() as s:
                        conn = raw_connection(s)
                        if last_round:  # late answers keep arriving: replay holding the lock this time
                            items, prereqs = read_items(conn), read_prerequisites(conn)
                            built = build(conn, items, prereqs, self.params, since, progress)
                        tail = tail_rows(conn, built.max_rowid, items)
                        last = built.state.last_key
                        late = [order_key(a) for a, _x in tail if last is not None and order_key(a) <= last]
                        if late:
                            since = None if since is None else min(since, *late)
                            continue
                        if tail:
                            apply_rows(built, tail, items, built.prior)
                        self._persist(conn, built)
                except BaseException:
                    self.loaded = False
                    raise
                self.items = items
                self._adopt(built.state, built.cards, built.max_rowid, None, self.generation + 1)
                self.rebuilds += 1
                self.last_replayed = built.replayed
            if progress is not None:
                progress(1.0, _("Estimates are up to date"))
            log.info("learner model rebuilt from %s: %d answers replayed",
                     "the start" if built.full else "a checkpoint", built.replayed)  # fmt: skip
            return built
        raise AssertionError("unreachable")

    def _persist(self, conn, built: Built) -> None:  # noqa: ANN001
        now = time.time()
        if built.full:
            replace_all(conn, built.state, built.cards, built.rows, now)
        else:
            write_parts(
                conn, built.state, built.cards, built.learners, built.skills, built.items, built.rows, now
            )
        drop_checkpoints_after(conn, built.base)
        for key, count, blob in built.checkpoints:
            save_checkpoint(conn, key, count, blob, now)
        prune_checkpoints(conn, KEEP_CHECKPOINTS)
        write_meta(conn, built.state, built.max_rowid, None, self.generation + 1, now)

    def maybe_checkpoint(self) -> bool:
        """Keep a checkpoint from before today's answers (one a day at most), so a late attempt from
        sync replays hours, not the year. Cheap when there is one already."""
        with self.lock:
            if not self.loaded or self.dirty is not None or self.state.last_key is None:
                return False
            last = self.state.last_key
            with self.db.read() as s:
                newest = newest_checkpoint(raw_connection(s))
            if newest is not None and newest[0] >= math.floor(last[0] / DAY) * DAY:
                return False
            blob = checkpoint_blob(self.state, self.cards)
            count = self.state.count
        with self.db.write() as s:
            conn = raw_connection(s)
            save_checkpoint(conn, last, count, blob, time.time())
            prune_checkpoints(conn, KEEP_CHECKPOINTS)
        return True


# -- one live model per open database, and the sync hook ---------------------------------------------
_models: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_models_lock = threading.Lock()


def live_model(db) -> LiveModel:  # noqa: ANN001
    with _models_lock:
        model = _models.get(db)
        if model is None:
            model = _models[db] = LiveModel(db)
        return model


def rebuild_after_sync(
    db, affected_student_ids: Iterable[str] | None = None, progress: Progress | None = None
) -> str:  # noqa: ANN001
    """Bring the learner model up to date after attempts arrived from elsewhere. Attempts that come
    after everything applied are simply applied; earlier ones trigger an exact replay from the newest
    checkpoint before them. The model is class-wide (skill and item difficulty are shared), so the
    affected students are not needed to decide; they are accepted for callers that have them."""
    del affected_student_ids
    return live_model(db).reconcile(progress=progress)


def forget_student(db, student_id: str, progress: Progress | None = None) -> None:  # noqa: ANN001
    """After a student's data is erased (their attempts purged): remove their derived rows and every
    checkpoint (which hold their state), and rebuild the class's estimates without their answers.
    Other replicas do the same when the purge reaches them by sync (``on_sync``)."""
    with db.write() as s:
        conn = raw_connection(s)
        conn.execute("DELETE FROM learner_snapshot WHERE student_id = ?", (student_id,))
        conn.execute("DELETE FROM learner_skill_state WHERE student_id = ?", (student_id,))
        drop_checkpoints_after(conn, None)
    model = live_model(db)
    model.ensure(progress)
    model.rebuild(None, progress)


def on_sync(db, affected: dict[str, set[str]]) -> None:  # noqa: ANN001
    """``app.store.what_changed.register_rebuild`` callback: ``affected`` maps table names to the
    ids that sync applied or erasure purged."""
    gone = affected.get("person", set())
    if gone:
        # A student erased (here or on another machine): drop their derived rows and rebuild without them.
        with db.read() as s:
            from app.models import Person

            gone = {pid for pid in gone if s.get(Person, pid) is None}
        for pid in gone:
            forget_student(db, pid)
        if gone:
            return
    model = live_model(db)
    if affected.get("item"):
        model.refresh_items(affected["item"])
    if affected.get("attempt"):
        model.reconcile(affected["attempt"])


_hook_installed = False


def install_sync_hook() -> None:
    """Register ``on_sync`` with the sync package, once per process."""
    global _hook_installed
    with _models_lock:
        if _hook_installed:
            return
        from app.store.what_changed import register_rebuild

        register_rebuild({"attempt", "item", "person"}, on_sync)
        _hook_installed = True
