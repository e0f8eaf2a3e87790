"""What changed: every commit says which kinds of data it touched, local writes, sync and erasure
alike; subscribers see committed rows; nothing is published for a rolled-back write."""

from __future__ import annotations

import pytest
from synchelp import count, seed

from app.errors import InvalidInput
from app.models import SYNCED_TABLES, Goal, Person
from app.store import what_changed
from app.store.scrub import pending_row
from app.store.what_changed import Kind, Source
from app.sync.changes import ChangeRec
from app.sync.purge import purge_cascade
from app.sync.session import sync_once


@pytest.fixture
def heard():
    events: list[what_changed.Changed] = []
    unsubscribe = what_changed.subscribe(events.append)
    yield events
    unsubscribe()


def test_every_synced_table_has_a_kind():
    # A new synced table must say which screens show it (else: every screen refreshes for it).
    assert set(SYNCED_TABLES) <= set(what_changed.TABLE_KINDS)


def test_a_local_write_publishes_its_kinds_after_commit(make_db, heard):
    db = make_db("a")
    sd = seed(db, students=1)
    heard.clear()
    seen_rows = []
    unsubscribe = what_changed.subscribe(
        lambda c: seen_rows.append(count(db, "SELECT COUNT(*) FROM goal")), Kind.PLANS
    )
    try:
        with db.write() as s:
            s.add(Goal(plan_id=sd.plans[sd.students[0]], student_id=sd.students[0], title="Read more"))
    finally:
        unsubscribe()
    assert [(c.db, c.kinds, c.source, set(c.rows)) for c in heard] == [
        (db, Kind.PLANS, Source.LOCAL, {"goal"})
    ]
    assert seen_rows == [1]  # the subscriber already reads the committed row


def test_a_rolled_back_write_publishes_nothing(make_db, heard):
    db = make_db("a")
    sd = seed(db, students=1)
    heard.clear()
    with pytest.raises(InvalidInput):
        with db.write() as s:
            s.add(Person(school_id=sd.school, role="student", given_name="Ghost"))
            s.flush()
            raise InvalidInput("changed my mind")
    assert heard == []


def test_a_failing_subscriber_does_not_undo_or_stop_the_write(make_db, heard):
    db = make_db("a")

    def broken(_c):
        raise RuntimeError("a screen that fell over")

    unsubscribe = what_changed.subscribe(broken)
    try:
        sd = seed(db, students=1)
    finally:
        unsubscribe()
    assert count(db, "SELECT COUNT(*) FROM person WHERE id = ?", sd.students[0]) == 1
    assert heard and heard[-1].kinds & Kind.ROSTER  # later subscribers still heard it


def test_erasure_publishes_the_purged_rows_as_an_erasure(make_db, heard):
    db = make_db("a")
    sd = seed(db, students=1)
    heard.clear()
    with db.write(purge=True) as s:
        purge_cascade(s, "person", sd.students[0])
    (changed,) = heard
    assert changed.source is Source.ERASURE
    assert sd.students[0] in changed.rows["person"] and changed.kinds & (
        Kind.ROSTER | Kind.PLANS | Kind.PROFILE
    )


def test_sync_publishes_what_it_applied_and_a_quiet_sync_only_its_state(make_db, share, heard):
    a, b = make_db("a"), make_db("b")
    sd = seed(a, students=2)
    sync_once(a, share)
    heard.clear()
    sync_once(b, share)
    from_sync = [c for c in heard if c.db is b and c.rows]
    assert from_sync and all(c.source is Source.SYNC for c in from_sync)
    kinds = Kind.NONE
    for c in from_sync:
        kinds |= c.kinds
    assert kinds & Kind.ROSTER and kinds & Kind.PLANS and kinds & Kind.PRACTICE
    assert set(sd.students) <= set().union(*(c.rows.get("person", set()) for c in from_sync))

    heard.clear()
    sync_once(b, share)  # nothing new: no screen reloads its data, only the sync state moved
    assert [(c.kinds, dict(c.rows)) for c in heard if c.db is b] == [(Kind.SYNC_STATE, {})]


def test_rebuilders_run_before_the_screens_and_only_for_sync_and_erasure(make_db, share):
    a, b = make_db("a"), make_db("b")
    order: list[str] = []
    unrebuild = what_changed.register_rebuild({"person"}, lambda db, rows: order.append(f"rebuild {db is b}"))
    unscreen = what_changed.subscribe(lambda c: c.db is b and c.rows and order.append("screen"), Kind.ROSTER)
    try:
        seed(a, students=1)  # local: the service keeps its own derived state, no rebuild
        assert order == []
        sync_once(a, share)
        sync_once(b, share)
    finally:
        unrebuild()
        unscreen()
    assert order[:2] == ["rebuild True", "screen"]


def test_a_held_change_is_found_by_the_store_as_sync_writes_it():
    line = ChangeRec(
        "r1", 7, "0000000000001-00000-r1", "draft_version", "row-9", "upsert", "s/c/p", 2, '{"text": "a\\tb"}'
    ).encode()
    assert pending_row(line) == ("draft_version", "row-9")
    assert pending_row("not a change") is None


def test_a_table_without_a_kind_refreshes_everything():
    assert what_changed.kinds_of({"some_new_table"}) == what_changed.ALL
    assert what_changed.kinds_of({"goal", "draft"}) == Kind.PLANS | Kind.WRITING
