"""What changed: after a transaction commits, its subscribers learn which kinds of data it touched.

One hook, owned by the database, instead of each caller announcing by hand:

- a service's ``db.write()`` block publishes on commit what change capture saw it write
  (``source=LOCAL``; an erasure, ``db.write(purge=True)``, publishes ``ERASURE``);
- sync publishes what it applied from other replicas (``SYNC``), after each commit group;
- anything else may publish extra kinds (``publish(db, {}, extra=Kind.SYNC_STATE)``).

Subscribers run on the publishing thread, after the commit, in two rounds: first the rebuilders of
derived state (``register_rebuild``; learner estimates after answers arrived by sync or were erased),
then everyone else (the UI bridge in ``app/ui/events.py``, which hops onto the UI thread). A failing
subscriber is logged and never undoes or stops the work that published.

Kinds come from the synced tables a change touched (``TABLE_KINDS``): a new synced table gets its
kind here, and a test fails until it has one.
"""

from __future__ import annotations

import enum
import logging
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger(__name__)


class Kind(enum.Flag):
    """What a screen shows; a change carries the union of the kinds it touched."""

    ROSTER = enum.auto()  # schools, classes, people, accounts, enrolments
    PROFILE = enum.auto()  # a student's profile (strengths, interests, needs)
    SKILLS = enum.auto()  # the skill framework
    PRACTICE = enum.auto()  # items, answers, practice focus (and the estimates derived from them)
    PLANS = enum.auto()  # plans, goals, milestones, goal evidence
    CHALLENGES = enum.auto()  # challenges, checkpoints, teams, team logs, rubric scores
    CHECKINS = enum.auto()
    WRITING = enum.auto()  # writing tasks, drafts, versions, comments, word lists
    CELEBRATIONS = enum.auto()
    CONFLICTS = enum.auto()  # values set aside because another replica's value won
    SYNC_STATE = enum.auto()  # a sync round ended (what was sent, received, held)
    SCHOOL = enum.auto()  # the school as a whole: notes, measures, library, framework versions
    NONE = 0


ALL = ~Kind.NONE

TABLE_KINDS: dict[str, Kind] = {
    "school": Kind.ROSTER,
    "school_class": Kind.ROSTER,
    "person": Kind.ROSTER,
    "account": Kind.ROSTER,
    "enrollment": Kind.ROSTER,
    "profile": Kind.PROFILE,
    "audit_event": Kind.NONE,  # no screen shows the audit trail
    "domain": Kind.SKILLS,
    "skill": Kind.SKILLS,
    "item": Kind.PRACTICE,
    "attempt": Kind.PRACTICE,
    "practice_focus": Kind.PRACTICE,
    "plan": Kind.PLANS,
    "goal": Kind.PLANS,
    "milestone": Kind.PLANS,
    "goal_evidence": Kind.PLANS,
    "challenge": Kind.CHALLENGES,
    "checkpoint": Kind.CHALLENGES,
    "team": Kind.CHALLENGES,
    "team_checkpoint": Kind.CHALLENGES,
    "team_log": Kind.CHALLENGES,
    "rubric_score": Kind.CHALLENGES,
    "check_in": Kind.CHECKINS,
    "celebration": Kind.CELEBRATIONS,
    "writing_task": Kind.WRITING,
    "draft": Kind.WRITING,
    "draft_version": Kind.WRITING,
    "draft_comment": Kind.WRITING,
    "word_list": Kind.WRITING,
    "conflict_record": Kind.CONFLICTS,
    "judgement": Kind.PRACTICE | Kind.PROFILE,  # a teacher's level from work: the levels every page shows
    "external_id": Kind.NONE,  # links to a school system's ids; no screen shows them
    "signin_event": Kind.ROSTER,  # a lock-out shows on the student's page (unlock)
    "teacher_note": Kind.PROFILE,  # a teacher's own note on a student
    "framework_version": Kind.SKILLS | Kind.SCHOOL,
    "framework_adoption": Kind.SKILLS | Kind.SCHOOL,
    "local_skill": Kind.SKILLS | Kind.SCHOOL,
    "success_measure": Kind.SCHOOL,
    "library_item": Kind.SCHOOL,
    "library_copy": Kind.SCHOOL,
    "team_member": Kind.CHALLENGES,
}


class Source(enum.Enum):
    LOCAL = "local"  # a service on this machine
    SYNC = "sync"  # applied from another replica
    ERASURE = "erasure"  # a student's data purged here


@dataclass(frozen=True)
class Changed:
    db: Any  # the Database it happened in (one process may hold several, as tests do)
    kinds: Kind
    # table -> ids of rows written (all of them for sync and erasure; for a large local write, the
    # first capture.LOCAL_IDS_KEPT per table: the kinds are exact, the ids a sample)
    rows: Mapping[str, frozenset[str]] = field(default_factory=dict)
    source: Source = Source.LOCAL


Subscriber = Callable[[Changed], None]
RebuildCallback = Callable[[Any, dict[str, set[str]]], None]


def kinds_of(tables: Iterable[str]) -> Kind:
    """The kinds these tables belong to (a table without a kind counts as every kind: better a
    needless refresh than a stale screen)."""
    out = Kind.NONE
    for t in tables:
        out |= TABLE_KINDS.get(t, ALL)
    return out


_lock = threading.Lock()
_derived: list[tuple[Kind, Subscriber]] = []  # rebuilders of derived state: run first
_others: list[tuple[Kind, Subscriber]] = []


def subscribe(callback: Subscriber, kinds: Kind = ALL, *, derived: bool = False) -> Callable[[], None]:
    """Call ``callback(changed)`` after each commit that touched any of ``kinds``. ``derived``
    subscribers (rebuilders) run before the others, so a screen refreshed next sees rebuilt state.
    Returns a function that unsubscribes."""
    entry = (kinds, callback)
    registry = _derived if derived else _others
    with _lock:
        registry.append(entry)

    def unsubscribe() -> None:
        with _lock:
            if entry in registry:
                registry.remove(entry)

    return unsubscribe


def register_rebuild(table_names: Iterable[str], callback: RebuildCallback) -> Callable[[], None]:
    """Derived state that is never synced (learner estimates...) is rebuilt by ``callback(db, affected)``
    when rows of these tables arrived by sync or were erased (the service that writes them locally
    keeps its own derived state up to date). ``affected`` maps table names to row ids."""
    tables = frozenset(table_names)

    def on_change(changed: Changed) -> None:
        if changed.source is Source.LOCAL:
            return
        mine = {t: set(ids) for t, ids in changed.rows.items() if t in tables and ids}
        if mine:
            callback(changed.db, mine)

    on_change.__name__ = getattr(callback, "__name__", "rebuild")
    return subscribe(on_change, kinds_of(tables), derived=True)


def publish(
    db: Any, rows: Mapping[str, Iterable[str]], *, source: Source = Source.LOCAL, extra: Kind = Kind.NONE
) -> Changed | None:
    """Tell the subscribers what a committed transaction changed. Returns the event (None if empty)."""
    frozen = {t: frozenset(ids) for t, ids in rows.items() if ids}
    kinds = kinds_of(frozen) | extra
    if not kinds:
        return None
    changed = Changed(db, kinds, frozen, source)
    with _lock:
        derived, others = list(_derived), list(_others)
    # Sync marks derived state as owed in the transaction that applied the changes (app.store.owed);
    # read the mark before the rebuilders run, so a commit made meanwhile stays owed.
    owed_seq = _owed_seq(db) if source is Source.SYNC and derived else 0
    failed = False
    for wanted, callback in derived + others:
        if not wanted & kinds:
            continue
        try:
            callback(changed)
        except Exception:
            failed = failed or any(callback is c for _k, c in derived)
            log.exception("a subscriber to what changed failed (%s)", getattr(callback, "__name__", callback))
    if owed_seq and not failed:
        # every rebuilder this process knows ran (or had nothing to do): the debt is paid. A process
        # with none registered (a bare sync) rebuilt nothing, so the mark waits for the next open.
        _clear_owed(db, owed_seq)
    return changed


def _owed_seq(db: Any) -> int:
    from app.store.owed import owed_seq
    from app.store.raw import raw_connection

    try:
        with db.read() as s:
            return owed_seq(raw_connection(s))
    except Exception:  # an older schema or a test double without the table: nothing is owed
        return 0


def _clear_owed(db: Any, seq: int) -> None:
    from app.store.owed import clear
    from app.store.raw import raw_connection

    try:
        with db.write(remote=True) as s:
            clear(raw_connection(s), seq)
    except Exception:
        log.exception("could not clear the rebuild owed after sync; the next open rebuilds again")
