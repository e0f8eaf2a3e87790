"""Equivocation: two different segments signed for the same origin and sequence numbers.

Only the device holding a key can sign under the replica ids made from it, so two versions of one
(origin, seq) mean its database was put back from a backup over the same file, or copied, and
then written again: sequence numbers were used twice. A receiver that meets the second version
refuses it (kept aside), and leaves evidence in the folder (``trust/equivocation/<origin>.json``:
the seq, the stamp it holds and the other one). The device whose change at that seq is *not* the
one peers hold takes a new replica id (``settle``), writes its own changes from that seq again
under it (fresh stamps, current values, so nothing it made is lost), drops them from the old id,
and takes the peers' version of the old id's changes back in, so nothing made before the restore
is lost either. Evidence anyone could forge costs at most one such renewal; nothing is lost by it.
"""

from __future__ import annotations

import gzip
import json
import logging
from pathlib import Path

from app.i18n import _
from app.store import capture
from app.store.raw import raw_connection
from app.store.replica import renew_replica
from app.store.scrub import PURGE_MARK
from app.sync import vector
from app.sync.batchfile import BATCH_RE
from app.sync.changes import ChangeRec
from app.sync.tables import table_info
from app.trust.policy import Refusal
from app.trust.run import share_trust
from app.trust.state import read_doc, write_doc

log = logging.getLogger(__name__)

FOLDER = "equivocation"


def check(raw, ref, changes: list[ChangeRec]) -> tuple[int, str, str] | None:
    """(seq, stamp held here, stamp in the batch) when the batch's version of a change we hold
    differs from ours. One indexed lookup per batch."""
    row = raw.execute(
        "SELECT seq, hlc, table_name, row_id, op FROM change WHERE replica_id = ? AND seq BETWEEN ? AND ? "
        "ORDER BY seq LIMIT 1",
        (ref.origin, ref.first, ref.last),
    ).fetchone()
    if row is None or row[4] == "purge":
        return None
    c = changes[row[0] - ref.first]
    if c.problem or (c.hlc, c.table, c.row_id) == (row[1], row[2], row[3]):
        return None
    return row[0], row[1], c.hlc


REFUSAL = Refusal(
    "equivocation",
    _(
        "two different versions of the same changes were signed: that computer's data was put back from a backup or copied; it will send its changes again under a new name"
    ),
)


def report(folder: Path, origin: str, seq: int, held: str, other: str) -> None:
    path = share_trust(folder) / FOLDER / f"{origin}.json"
    old = read_doc(path)
    if old is not None and old.get("held") == held:
        return
    write_doc(path, {"origin": origin, "seq": seq, "held": held, "other": other})
    log.warning(
        "trust: two versions of change %s/%s in the folder (restored or copied database)", origin, seq
    )


def settle(run, scan=None) -> bool:
    """If two versions of our changes exist (peers hold another version of one, or our own folder
    holds a file under our id that we did not write: a copy of this database wrote it), renew and
    re-send. Returns True when the replica id changed."""
    db, me = run.db, run.db.replica_id
    seq = _diverged(run, scan)
    if seq is None:
        return False
    ours_first = {}
    with db.write(remote=True) as s:
        raw = raw_connection(s)
        rows = raw.execute(
            "SELECT seq, hlc, table_name, row_id FROM change WHERE replica_id = ? AND seq >= ? ORDER BY seq",
            (me, seq),
        ).fetchall()
        ours_first = {r[0]: r[1] for r in rows}
        touched = list(dict.fromkeys((r[2], r[3]) for r in rows))
        state = renew_replica(
            s, Path(db.path), _("two versions of this database's changes are in the sync folder")
        )
        new = state.replica_id
        s.flush()
        raw.execute("DELETE FROM change WHERE replica_id = ? AND seq >= ?", (me, seq))
        raw.execute("INSERT OR REPLACE INTO version_vector (replica_id, seq) VALUES (?, ?)", (me, seq - 1))
        vector.settle_previous(raw)
        db.replica_id = new
        db.clock.replica = new
        entries = [e for e in (_again(raw, t, rid) for t, rid in touched) if e is not None]
        capture.write_changes(s, entries)
    _remove_own_files(run.folder, me, ours_first)
    run.report.renewed_replica = True
    log.warning("trust: replica %s renewed as %s; %d record(s) sent again", me, new, len(touched))
    return True


def _diverged(run, scan) -> int | None:
    """The first sequence number of ours that another version may hold, or None."""
    db, me = run.db, run.db.replica_id
    found: list[int] = []
    ev = read_doc(share_trust(run.folder) / FOLDER / f"{me}.json")
    with db.read() as s:
        raw = raw_connection(s)

        def mine(seq: int):
            row = raw.execute("SELECT hlc FROM change WHERE replica_id = ? AND seq = ?", (me, seq)).fetchone()
            return row[0] if row else None

        if ev and ev.get("origin") == me:
            try:
                seq, held = int(ev["seq"]), str(ev["held"])
            except (KeyError, TypeError, ValueError):
                seq, held = 0, ""
            ours = mine(seq) if seq > 0 else None
            if ours is not None and ours != held:
                later = raw.execute(
                    "SELECT MIN(seq) FROM change WHERE replica_id = ? AND seq <= ? AND hlc > ?",
                    (me, seq, held),
                ).fetchone()[0]
                found.append(min(seq, later or seq))
        for ref in sorted((r for r in (scan.batches if scan else []) if r.writer == me and r.origin == me),
                          key=lambda r: r.first):  # fmt: skip
            ours = mine(ref.first)
            if ours is None:
                continue
            try:
                first_hlc = run.sf.read_header(ref).get("hlc_first")
            except Exception:  # noqa: BLE001, S112  (damaged or gone: not evidence of anything)
                continue
            if first_hlc and first_hlc != ours:
                found.append(ref.first)
                break
    return min(found) if found else None


def _again(raw, table: str, row_id: str) -> capture.Captured | None:
    """The change that carries a row as it is now (or its erasure), to send it again."""
    info = table_info(table)
    if info is None:
        return None
    rec = raw.execute(f'SELECT {", ".join(chr(34) + c + chr(34) for c in info.columns)} FROM "{table}" WHERE id = ?',
                      (row_id,)).fetchone()  # fmt: skip
    if rec is not None:
        fields = {c: info.from_db(c, v) for c, v in zip(info.columns, rec, strict=True)}
        return capture.Captured(table, row_id, "upsert", fields, fields.get("partition") or "", info.kind)
    purged = raw.execute(
        "SELECT 1 FROM field_clock WHERE table_name = ? AND row_id = ? AND field = ?",
        (table, row_id, PURGE_MARK),
    ).fetchone()
    return capture.Captured(table, row_id, "purge", {}, "", info.kind) if purged else None


def _remove_own_files(folder: Path, old: str, ours: dict[int, str]) -> None:
    """Our files of the old id from the renewal on (the version peers do not hold); the peers'
    version, written there before the backup was put back, stays to be read again."""
    from app.sync.folder import REPLICAS, ROOT

    mine = Path(folder) / ROOT / REPLICAS / old
    try:
        names = list(mine.iterdir())
    except OSError:
        return
    for path in names:
        m = BATCH_RE.match(path.name)
        if not m or m.group(3) != old or int(m.group(1)) not in ours:
            continue
        try:
            with gzip.open(path, "rb") as gz:
                header = json.loads(gz.readline(64 * 1024))
        except (OSError, ValueError, EOFError):
            continue
        if header.get("hlc_first") == ours[int(m.group(1))]:
            path.unlink(missing_ok=True)
