"""Another school's Tessera syncing into our folder: its data is not taken in (nor ours into it),
and the report says so in plain words; a new, empty machine still joins its school."""

from __future__ import annotations

from synchelp import count, seed

from app.people.accounts import AccountService
from app.sync.agent import skipped_words
from app.sync.receive import OTHER_SCHOOL
from app.sync.session import sync_once


def _school(db, name: str, username: str = "ann.lee") -> None:
    """A school made as the welcome screen makes one: a teacher account, a class."""
    AccountService(db).create_first_teacher(name, "Ann", "Lee", username, "long enough", "7A")


def _schools(db) -> list[str]:
    with db.read() as s:
        from app.sync.purge import raw_connection

        return sorted(r[0] for r in raw_connection(s).execute("SELECT name FROM school"))


def test_another_schools_data_is_kept_out_both_ways(make_db, share):
    a, b = make_db("a"), make_db("b")
    _school(a, "Hill School")
    sync_once(a, share)
    sync_once(b, share)  # a new machine of Hill School joins
    assert _schools(b) == ["Hill School"]
    other = make_db("other")
    _school(other, "Dale School")  # same username, as two demo classes would have
    reports = {db: [] for db in (a, b, other)}
    for _ in range(3):
        for db in (other, a, b):
            reports[db].append(sync_once(db, share))
    assert _schools(a) == _schools(b) == ["Hill School"]
    assert _schools(other) == ["Dale School"]
    for db in (a, b, other):
        assert count(db, "SELECT COUNT(*) FROM account WHERE username = 'ann.lee'") == 1
        assert count(db, "SELECT COUNT(*) FROM person") == 1
    # Said plainly, on every sync (not only the first), and first in the agent's notice.
    for r in reports[b]:
        [why] = [s.reason for s in r.skipped]
        assert why.startswith(OTHER_SCHOOL) and '"Dale School"' in why
        assert skipped_words(r.skipped) == why and "Your work is safe" in why
    assert all(any(s.reason.startswith(OTHER_SCHOOL) for s in r.skipped) for r in reports[other][1:])


def test_an_empty_machine_joins_the_school_made_first(make_db, share):
    a = make_db("a")
    _school(a, "Hill School")
    sync_once(a, share)
    other = make_db("other")
    _school(other, "Dale School")
    sync_once(other, share)
    new = make_db("new")
    r = sync_once(new, share)  # the Hill School files come first (older stamps)
    assert _schools(new) == ["Hill School"]
    assert any(s.reason.startswith(OTHER_SCHOOL) for s in r.skipped)


def test_a_school_without_teacher_accounts_merges_as_before(make_db, share):
    """Data without a teacher account of its own (a bare school, as the sync tests seed) is not
    told apart: both sides take in each other's data, as they always have."""
    a, b = make_db("a"), make_db("b")
    seed(a, students=1)
    seed(b, students=1)
    for db in (a, b, a, b):
        r = sync_once(db, share)
        assert not r.skipped
    assert _schools(a) == _schools(b) == ["Hill School", "Hill School"]
