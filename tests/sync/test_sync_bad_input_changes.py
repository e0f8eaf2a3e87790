"""Bad input in the sync folder, change by change: a change that cannot be applied (a value of the
wrong type, a line that is not UTF-8, a stamp that is not one, fields that are not an object) is
set aside and named, while the rest of its file and other replicas' files are applied, and sync
goes on. Real folders, real batch files with good checksums, real SQLite files."""

from __future__ import annotations

import gzip
import hashlib
import itertools
import json
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import JSON, Boolean, Float, Integer
from synchelp import change, count, seed

from app.models import Attempt
from app.store import capture
from app.store.hlc import HybridClock, Stamp
from app.sync.apply import QUARANTINE, apply_batch
from app.sync.batchfile import FORMAT, BatchDamaged, BatchRef, batch_name
from app.sync.changes import BadChange, ChangeRec
from app.sync.folder import ROOT, SyncFolder
from app.sync.session import sync_once
from app.sync.sync_words import skipped_words
from app.sync.tables import all_tables

X = "70000000-0000-7000-8000-0000000000a1"  # a replica that writes bad changes
Y = "70000000-0000-7000-8000-0000000000b2"  # one whose files are fine
NOW = int(time.time() * 1000)


def stamp(origin: str, i: int) -> str:
    return Stamp(NOW + i, 0, origin).encode()


def line(origin: str, seq: int, table: str, row_id: str, fields, *, hlc: str | None = None,
         op: str = "upsert") -> bytes:  # fmt: skip
    text = fields if isinstance(fields, str) else json.dumps(fields)
    meta = [origin, str(seq), hlc or stamp(origin, seq), table, row_id, op, "//", str(capture.SCHEMA_VERSION)]
    return "\t".join([*meta, text]).encode()


def write_raw_batch(share: Path, origin: str, first: int, lines: list[bytes]) -> Path:
    """A batch file as Tessera writes it (header, lines, footer with the right checksum), but with
    whatever lines we like: what a buggy or hostile replica could put in the folder."""
    folder = share / ROOT / "replicas" / origin
    folder.mkdir(parents=True, exist_ok=True)
    header = {"format": FORMAT, "v": 1, "writer": origin, "origin": origin, "first": first, "hlc_first": ""}
    body = json.dumps(header).encode() + b"\n" + b"".join(x + b"\n" for x in lines)
    last = first + len(lines) - 1
    footer = {"end": True, "count": len(lines), "last": last, "hlc_last": "",
              "sha256": hashlib.sha256(body).hexdigest()}  # fmt: skip
    path = folder / batch_name(origin, first, last)
    path.write_bytes(gzip.compress(body + json.dumps(footer).encode() + b"\n"))
    return path


def attempt(sd, n: int, **over) -> dict:
    a = Attempt(id=f"50000000-0000-7000-8000-{n:012d}", student_id=sd.students[0], item_id=sd.items[0],
                skill_id=sd.skill, answer=str(n), at=1.0)  # fmt: skip
    return {**a.model_dump(), **over}


def pending_aside(db) -> list[tuple[str, int]]:
    with db.read() as s:
        from app.store.raw import raw_connection

        q = "SELECT replica_id, seq FROM pending_change WHERE schema_version = ? ORDER BY 1, 2"
        return raw_connection(s).execute(q, (QUARANTINE,)).fetchall()


def test_bad_changes_are_set_aside_and_named_while_the_rest_applies(make_db, share):
    db = make_db("b")
    sd = seed(db, students=1, items=1)
    plan = sd.plans[sd.students[0]]
    ok = [attempt(sd, n) for n in (1, 6, 21, 22)]
    path = write_raw_batch(share, X, 1, [
        line(X, 1, "attempt", ok[0]["id"], ok[0]),
        line(X, 2, "attempt", attempt(sd, 2)["id"], attempt(sd, 2, answer={"nested": [1]})),
        line(X, 3, "attempt", attempt(sd, 3)["id"], attempt(sd, 3, at="not a number")),
        line(X, 4, "attempt", attempt(sd, 4)["id"], attempt(sd, 4))[:-20] + b"\xff\xfe\xc3(\"}",
        line(X, 5, "plan", plan, {"title": "stamped zzz"}, hlc="zzz"),
        line(X, 6, "attempt", ok[1]["id"], ok[1]),
        line(X, 7, "plan", plan, "[1, 2]"),
    ])  # fmt: skip
    write_raw_batch(share, Y, 1, [line(Y, i + 1, "attempt", a["id"], a) for i, a in enumerate(ok[2:])])

    r = sync_once(db, share)  # used to raise (sqlite3.ProgrammingError, UnicodeDecodeError, ValueError)

    have = {a["id"] for a in ok}
    assert count(db, "SELECT COUNT(*) FROM attempt WHERE id LIKE '50000000-%'") == 4
    assert count(db, f"SELECT COUNT(*) FROM attempt WHERE id IN ({','.join('?' * 4)})", *have) == 4
    assert pending_aside(db) == [(X, 2), (X, 3), (X, 4), (X, 5), (X, 7)]
    assert count(db, "SELECT seq FROM version_vector WHERE replica_id = ?", X) == 7
    assert count(db, "SELECT seq FROM version_vector WHERE replica_id = ?", Y) == 2
    # The stamp "zzz" won nothing and moved nothing: the plan keeps its title, no clock holds it,
    # and a later edit here is stamped as usual.
    assert count(db, "SELECT COUNT(*) FROM plan WHERE id = ? AND title = 'My plan'", plan) == 1
    assert count(db, "SELECT COUNT(*) FROM field_clock WHERE hlc = 'zzz'") == 0
    assert Stamp.decode(db.clock.tick()).wall >= NOW
    # The file is named in the report, with what was wrong.
    rel = f"{X}/{path.name}"
    [why] = [s.reason for s in r.skipped if s.name == rel]
    assert why.startswith("5 change(s) in it could not be applied and were set aside")
    for words in ("attempt.answer holds an object", "attempt.at holds text", "not valid text (UTF-8)"):
        assert words in why
    assert r.complete and r.received == 9
    assert "could not be applied and were set aside" in skipped_words(r.skipped)
    # Next time: nothing new, nothing raised, nothing retried.
    again = sync_once(db, share)
    assert again.received == 0 and again.complete and len(pending_aside(db)) == 5


def test_a_value_sqlite_refuses_sets_aside_that_change_only(make_db):
    """Values of the right type that SQLite still cannot store (an integer beyond 64 bits, text
    with a lone surrogate): the batch is applied change by change and only those are set aside."""
    db = make_db("a")
    sd = seed(db, students=1, items=1)
    fine, big, odd = attempt(sd, 1), attempt(sd, 2, response_ms=2**70), attempt(sd, 3, answer="\ud800")
    batch = [change(X, i + 1, "attempt", a["id"], a) for i, a in enumerate((big, fine, odd))]
    r = apply_batch(db, batch)  # used to raise OverflowError
    assert (r.received, r.applied, r.set_aside) == (3, 1, 2)
    assert count(db, "SELECT COUNT(*) FROM attempt WHERE id = ?", fine["id"]) == 1
    assert pending_aside(db) == [(X, 1), (X, 3)]
    assert count(db, "SELECT seq FROM version_vector WHERE replica_id = ?", X) == 3


def test_a_delete_with_unreadable_fields_still_deletes(make_db):
    db = make_db("a")
    sd = seed(db, students=1, items=1)
    a = attempt(sd, 1)
    apply_batch(db, [change(X, 1, "attempt", a["id"], a)])
    gone = change(X, 2, "attempt", a["id"], {}, op="delete")
    gone.fields_text = "not json"
    r = apply_batch(db, [gone])
    assert r.set_aside == 0 and count(db, "SELECT deleted FROM attempt WHERE id = ?", a["id"]) == 1


@pytest.mark.parametrize(
    "text",
    ["zzz", "", "1700000000000-00000-", "1700000000000-0-" + X, "١٧٠٠٠٠٠٠٠٠٠٠٠-00000-" + X,
     "1700000000000-00000-a b", "99999999999999-00000-" + X],
)  # fmt: skip
def test_stamps_that_are_not_stamps_are_refused(text):
    good = "\t".join([X, "1", stamp(X, 1), "plan", "p", "upsert", "//", "2", "{}"])
    assert ChangeRec.decode(good).hlc == stamp(X, 1)
    with pytest.raises(BadChange):
        ChangeRec.decode(good.replace(stamp(X, 1), text))
    with pytest.raises(ValueError):
        Stamp.decode(text)
    clock = HybridClock(Y, wall=5, now_ms=lambda: 10)
    clock.observe(text)  # ignored, not raised: an older Tessera may have stored one
    assert Stamp.decode(clock.tick()) == Stamp(10, 0, Y)


def test_numbers_sqlite_cannot_hold_are_refused():
    base = [X, "1", stamp(X, 1), "plan", "p", "upsert", "//", "2", "{}"]
    for i, value in ((1, str(2**64)), (7, str(2**64)), (1, "0")):
        bad = list(base)
        bad[i] = value
        with pytest.raises(BadChange):
            ChangeRec.decode("\t".join(bad))


# -- anything at all in a checked file -------------------------------------------------------------
TABLES = sorted(all_tables())
ROOTS = sorted(t for t, info in all_tables().items() if not info.fks)  # rows that need no parent
_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda kids: st.lists(kids, max_size=3) | st.dictionaries(st.text(max_size=5), kids, max_size=3),
    max_leaves=6,
)


# Values of the right type for their column, and the edges of what SQLite can store.
_EDGE = {
    int: st.sampled_from([0, 2**63, -(2**63) - 1, 2**70]) | st.integers(),
    float: st.sampled_from([1.5, float("nan"), float("inf"), 2**70]) | st.floats(),
    bool: st.booleans() | st.integers(-2, 2),
    str: st.sampled_from(["ok", "\ud800", ""]) | st.text(max_size=6),
}


_SQL_KINDS = ((JSON, None), (Boolean, bool), (Integer, int), (Float, float))


def _typed_value(table: str, col: str):
    column = all_tables()[table].model.__table__.columns[col]
    kind = next((k for t, k in _SQL_KINDS if isinstance(column.type, t)), str)
    base = _EDGE.get(kind, _json)
    return base | st.none() if column.nullable else base


@st.composite
def change_lines(draw, origin: str, seq: int) -> bytes:
    kind = draw(st.integers(0, 4))
    if kind == 0:  # any bytes at all (but the line break)
        return draw(st.binary(max_size=60)).replace(b"\n", b" ")
    table = draw(st.sampled_from(ROOTS if kind == 4 else TABLES) | st.text(max_size=6))
    cols = list(all_tables()[table].columns) if table in all_tables() else ["id"]
    if kind == 4 and table in all_tables():  # every column, each of its own type: on to SQLite
        fields = {c: draw(_typed_value(table, c)) for c in cols}
        fields["id"] = "50000000-0000-7000-8000-000000000001"
    else:
        fields = draw(st.dictionaries(st.sampled_from(cols) | st.text(max_size=4), _json, max_size=6))
    text = json.dumps(fields) if kind != 3 else draw(st.text(max_size=20))
    hlc = stamp(origin, seq) if kind in (1, 4) else draw(st.sampled_from([stamp(origin, seq), "zzz", ""]))
    op = "upsert" if kind == 4 else draw(st.sampled_from(["upsert", "delete", "purge", "x"]))
    row = "50000000-0000-7000-8000-000000000001" if kind == 4 else draw(st.sampled_from(["", "r1", "x"]))
    meta = [origin, str(seq), hlc, table, row, op, draw(st.sampled_from(["//", "s/c/p", ""])), "2"]
    return "\t".join([*meta, text]).encode("utf-8", "surrogatepass").replace(b"\n", b" ")


_origins = (f"71000000-0000-7000-8000-{n:012x}" for n in itertools.count(1))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_lines_in_a_checked_file_never_raise_out_of_parse_or_apply(make_db, share, data):
    origin = next(_origins)
    db = make_db(origin[-6:])  # a database of its own for each example
    n = data.draw(st.integers(1, 6))
    lines = [data.draw(change_lines(origin, i + 1)) for i in range(n)]
    path = write_raw_batch(share, origin, 1, lines)
    sf = SyncFolder(share, db.replica_id)
    ref = BatchRef(origin, path.name, path, origin, 1, n, path.stat().st_size)
    batch = sf.read_batch(ref)  # a checked file: never damaged, whatever its lines say
    assert [c.seq for c in batch.changes] == list(range(1, n + 1))
    res = apply_batch(db, batch.changes)
    assert res.received == n
    assert count(db, "SELECT seq FROM version_vector WHERE replica_id = ?", origin) == n


@settings(max_examples=200, deadline=None)
@given(body=st.binary(max_size=300), count_=st.integers(0, 4))
def test_any_bytes_as_a_body_are_a_batch_or_damaged(body, count_):
    folder = SyncFolder(Path("/nonexistent"), Y)
    ref = BatchRef(X, batch_name(X, 1, max(1, count_)), Path("x"), X, 1, max(1, count_), 0)
    header = json.dumps({"format": FORMAT, "v": 1, "origin": X, "first": 1}).encode() + b"\n"
    footer = {"end": True, "count": count_, "last": max(1, count_)}
    for text in (body, header + body, header + body + b"\n"):
        try:
            folder.parse_batch(ref, text, footer)
        except BatchDamaged:
            pass
