"""The snapshot drops the big tables' secondary indexes while it applies and makes them again at
its end (``app/sync/bulk_index.py``):

- after a snapshot the database has every index a fresh one has, the same, and the same rows as a
  full replay (``test_server_snapshot.py`` checks the rest with the indexes dropped, the default);
- a crash mid-snapshot (no code after it runs) leaves a database without them; the next sync makes
  them again first, resumes the snapshot and ends with what the laptop has.
"""

from __future__ import annotations

import sqlite3

import pytest

from app.store.database import Database
from app.sync import bulk_index, faults, http_snapshot
from tests.server.test_server_snapshot import School, _count, _state
from tests.sync.synchelp import dump, vectors


@pytest.fixture
def w(tmp_path, monkeypatch):
    s = School(tmp_path, str(tmp_path / "server"), monkeypatch)
    yield s
    s.close()


def _indexes(path) -> dict[str, str]:  # noqa: ANN001
    con = sqlite3.connect(path)
    try:
        return dict(
            con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
        )
    finally:
        con.close()


class Crash(BaseException):
    """The process dying: nothing after it runs (``bulk_index.restore`` is stubbed out with it)."""


def test_the_indexes_dropped_for_the_snapshot_are_all_back_after_it(w, monkeypatch):
    dropped: list[list[str]] = []
    real = bulk_index.drop
    monkeypatch.setattr(bulk_index, "drop", lambda raw: dropped.append(real(raw)) or dropped[-1])
    snap = w.lab("snap")
    assert w.sync(snap).complete
    assert "ix_change_table_row" in dropped[0] and "ix_attempt_item_id" in dropped[0]  # really dropped
    fresh = w.db("fresh")
    w.opened.append(fresh)
    assert _indexes(snap.path) == _indexes(fresh.path)
    monkeypatch.setattr(http_snapshot, "ENABLED", False)
    replay = w.lab("replay")
    w.sync(replay)
    assert dump(snap) == dump(replay) == dump(w.laptop)
    assert vectors(snap) == vectors(replay)


def test_a_crash_mid_snapshot_leaves_a_database_the_next_sync_repairs_and_completes(w, monkeypatch):
    monkeypatch.setattr(http_snapshot, "APPLY_CHANGES", 1)  # a commit after every segment
    lab = w.lab("lab")
    fresh = w.db("fresh")
    w.opened.append(fresh)
    commits = [0]

    def hook(point: str) -> None:
        if point == "apply:after_commit":
            commits[0] += 1
            if commits[0] == 2:
                raise Crash

    real = bulk_index.restore
    bulk_index.restore = lambda db: []  # type: ignore[assignment]  (a dead process restores nothing)
    faults.set_hook(hook)
    try:
        with pytest.raises(Crash):
            w.sync(lab)
    finally:
        faults.set_hook(None)
        bulk_index.restore = real  # type: ignore[assignment]
    assert isinstance(_state(lab).get("snapshot"), dict)  # unfinished
    assert 0 < _count(lab, "SELECT count(*) FROM attempt") < _count(w.laptop, "SELECT count(*) FROM attempt")
    assert "ix_attempt_item_id" not in _indexes(lab.path)  # what the crash left

    lab.close()
    lab = Database.open(lab.path)  # the next start
    w.opened.append(lab)
    r = w.sync(lab)
    assert r.complete and "snapshot" not in _state(lab)
    assert _indexes(lab.path) == _indexes(fresh.path)
    assert dump(lab) == dump(w.laptop)
