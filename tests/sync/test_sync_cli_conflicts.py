"""``python -m app sync`` and the conflict archive service functions."""

from __future__ import annotations

import json

import pytest
from synchelp import converge, dump, seed

from app.errors import NotFound
from app.models import Profile
from app.store.database import Database
from app.sync.conflicts import list_conflicts, restore_conflict
from app.sync.session import sync_once
from app.sync_cli import main


def test_cli_syncs_once_and_reports(tmp_path, share, capsys, make_db):
    a = make_db("a")
    seed(a, students=1)
    sync_once(a, share)
    data = tmp_path / "cli-data"
    assert main(["sync", "--data-dir", str(data), "--folder", str(share), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["ok"] and out["received"] == out["applied"] > 0 and out["skipped"] == []
    (share / "tessera-sync" / "replicas" / a.replica_id / "chg-x (conflicted copy).jsonl.gz").write_bytes(
        b"x"
    )
    assert main(["--data-dir", str(data), "--folder", str(share)]) == 0
    text = capsys.readouterr().out
    assert "received:  0 new change(s)" in text and "conflicted copy" in text
    db = Database.open(data / "tessera.db")
    try:
        assert dump(db) == dump(a)
    finally:
        db.close()


def test_cli_unreachable_folder_and_usage(tmp_path, capsys):
    (tmp_path / "d").mkdir()
    assert main(["--data-dir", str(tmp_path / "d"), "--folder", str(tmp_path / "nowhere")]) == 3
    assert "could not be reached" in capsys.readouterr().err
    assert main(["--data-dir", str(tmp_path / "d"), "--folder", str(tmp_path / "nowhere"), "--json"]) == 3
    assert json.loads(capsys.readouterr().out)["error"] == "unreachable"
    assert main(["--data-dir", str(tmp_path / "d")]) == 2  # no folder anywhere
    assert main(["--bogus"]) == 2


def test_cli_sync_into_a_new_data_folder_says_so(tmp_path, share, capsys):
    new = tmp_path / "tesera-data"  # a new machine taking the class in, or a typing slip: either way, said
    assert main(["--data-dir", str(new), "--folder", str(share)]) == 0
    assert f"No Tessera data in {new} yet" in capsys.readouterr().err
    assert main(["--data-dir", str(new), "--folder", str(share)]) == 0
    assert "No Tessera data" not in capsys.readouterr().err


def test_list_and_restore_a_losing_value(make_db, share):
    a, b = make_db("a"), make_db("b")
    sd = seed(a, students=1)
    prof = sd.profiles[sd.students[0]]
    converge([a, b], share)
    with a.write() as s:
        s.get(Profile, prof).about_me = "A's version"
    with b.write() as s:
        s.get(Profile, prof).about_me = "B's version"  # later: wins
    converge([a, b], share)
    found = list_conflicts(a, "profile", prof)
    assert [(c.field, c.value, c.current) for c in found] == [("about_me", "A's version", "B's version")]
    assert list_conflicts(a, "plan") == []
    restore_conflict(a, found[0].id)  # the teacher picks A's words after all
    with a.read() as s:
        assert s.get(Profile, prof).about_me == "A's version"
    after = list_conflicts(a, row_id=prof)
    assert {c.value for c in after} == {"A's version", "B's version"}  # the replaced one is kept too
    assert [c.restored for c in after if c.value == "A's version"] == [True]
    assert list_conflicts(a, row_id=prof, include_restored=False)[0].value == "B's version"
    converge([a, b], share)  # a restore is an ordinary edit: it syncs and wins everywhere
    with b.read() as s:
        assert s.get(Profile, prof).about_me == "A's version"
    assert dump(a) == dump(b)
    with pytest.raises(NotFound):
        restore_conflict(a, 10_000)
