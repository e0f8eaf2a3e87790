"""Moving an existing school to signed sync: one step on the teacher's laptop (``python -m app
school create``); lab machines already syncing are listed for approval; nothing made before the
upgrade (sent, unsent, or only in the folder) is lost or applied twice. Real folders and files."""

from __future__ import annotations

import json

from synchelp import count, dump, seed
from trusthelp import add_work, data_dir, quarantined

from app.sync.session import sync_once
from app.trust_cli import main as trust_cli


def test_an_unsigned_school_moves_to_signed_sync_without_losing_a_change(make_db, share, capsys):
    laptop, lab = make_db("laptop"), make_db("lab")
    sd = seed(laptop)
    sync_once(laptop, share)
    sync_once(lab, share)
    add_work(lab, sd, 5)
    sync_once(lab, share)  # in the folder, not yet read by the laptop
    add_work(lab, sd, 3)  # not even in the folder yet
    add_work(laptop, sd, 2)

    assert trust_cli(["school", "create", "--data-dir", str(data_dir(laptop)), "--folder", str(share)]) == 0
    out = capsys.readouterr().out
    assert "school_key" in out

    for _ in range(2):
        sync_once(lab, share)
        sync_once(laptop, share)
    assert (
        trust_cli(["devices", "list", "--data-dir", str(data_dir(laptop)), "--folder", str(share), "--json"])
        == 0
    )
    rows = json.loads(capsys.readouterr().out)
    waiting = [r for r in rows if r["status"] == "waiting"]
    assert len(waiting) == 1
    assert trust_cli(["devices", "approve", waiting[0]["device"][:8], "--role", "lab", "--class", sd.klass,
                      "--data-dir", str(data_dir(laptop)), "--folder", str(share)]) == 0  # fmt: skip
    for _ in range(3):
        sync_once(lab, share)
        sync_once(laptop, share)
    assert count(laptop, "SELECT COUNT(*) FROM attempt") == 10
    assert count(lab, "SELECT COUNT(*) FROM attempt") == 10
    assert dump(laptop, with_clocks=False) == dump(lab, with_clocks=False)
    assert quarantined(laptop) == [] and quarantined(lab) == []
    # a new machine joining later takes in the whole history, sealed
    late = make_db("late")
    sync_once(late, share)  # asks to join: it reads nothing until approved (the folder is encrypted)
    assert count(late, "SELECT COUNT(*) FROM attempt") == 0
    from trusthelp import enrol

    enrol(laptop, late, share, "teacher", [sd.klass])
    for _ in range(2):  # after compaction, the others forward what it lacks once they see it
        sync_once(late, share)
        sync_once(laptop, share)
        sync_once(lab, share)
    sync_once(late, share)
    assert count(late, "SELECT COUNT(*) FROM attempt") == 10
    assert quarantined(late) == []


def test_school_show_and_refuse_and_revoke_from_the_command_line(make_db, share, capsys):
    laptop, lab = make_db("laptop"), make_db("lab")
    seed(laptop)
    d = str(data_dir(laptop))
    assert trust_cli(["school", "show", "--data-dir", d]) == 1  # no key yet
    assert trust_cli(["school", "create", "--data-dir", d, "--folder", str(share)]) == 0
    assert trust_cli(["school", "show", "--data-dir", d, "--json"]) == 0
    capsys.readouterr()
    sync_once(lab, share)
    assert trust_cli(["devices", "list", "--data-dir", d, "--folder", str(share), "--json"]) == 0
    (req,) = [r for r in json.loads(capsys.readouterr().out) if r["status"] == "waiting"]
    assert trust_cli(["devices", "refuse", req["device"], "--data-dir", d, "--folder", str(share)]) == 0
    assert "Refused" in capsys.readouterr().out
    assert trust_cli(["devices", "list", "--data-dir", d, "--json"]) == 0
    assert {r["status"] for r in json.loads(capsys.readouterr().out)} == {"enrolled", "refused"}
    # the lab machine asks again with nothing changed: still refused; approving from a computer
    # without the school key fails in words
    assert trust_cli(["devices", "approve", req["device"], "--data-dir", str(data_dir(lab))]) == 1
    assert "school key" in capsys.readouterr().err
