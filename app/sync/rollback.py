"""Noticing, at sync, that this database was rolled back or cloned, and where its history parts
from the copy the folder knows.

A backup copied back over the same file, a virtual-machine snapshot, or a disk image cloned onto
machines that look alike keeps the file's fingerprint (``store/replica.py``), so the replica id
stays. Two lines of history then hand out the same sequence numbers for different changes, and a
peer holding one drops the other as "already seen". Comparing the highest numbers misses this as
soon as the newer line has done more work, so sync compares the changes themselves, by their HLC
stamps (wall time, counter, replica: two lines of history never stamp alike; payloads are not
compared, since trimming and purges rewrite them):

- **anchors**: (seq, stamp) of our own changes the folder held at past syncs, kept in the sync
  state beside the database (which a restore of the database file alone leaves as it was); the
  newest must still be in our change log with the same stamp;
- **our batches** in the folder that this database did not write as it is now (forwarded by
  others, or written by the other copy): their stamps must match ours;
- **our seen.json**: only we write it; one we did not write (another checksum) means another
  copy of this replica syncs here, or this data folder was put back;
- and, as before, the folder holding more of our changes than we have.

Any of these, and sync takes a new id (``renew_replica``) before sending anything. ``fork_point``
finds the last sequence number both lines share; our changes after it move to the new id (so they
are sent and received as new), and the old id's numbers after it are free again to receive the
other line's changes. A normal sync pays one indexed look-up for this, and one read of its own
seen.json after writing it.
"""

from __future__ import annotations

import bisect
import json
import logging
import time
from pathlib import Path

from app.sync import vector
from app.sync.batchfile import BatchDamaged, BatchRef
from app.sync.changes import TRIMMED
from app.sync.folder import SEEN, FolderScan, SyncFolder
from app.sync.purge import raw_connection
from app.sync.state import load_state, save_state

log = logging.getLogger(__name__)

LINEAGE = "lineage"  # state key: {"replica", "anchors": [[seq, hlc], ...], "batches": {rel: size}}
SEEN_MARKS = "seen_marks"  # state key: folder -> {"replica", "sha256", "updated", "pending"}
MAX_MARKS = 8  # folders remembered (a stick at home, the share at school)

ROLLED_BACK = "the sync folder holds newer changes of this database"
REUSED = "the sync folder holds other changes under this database's sequence numbers"
PUT_BACK = "this database is older than what it sent to the sync folder"
OTHER_COPY = "another copy of this database writes to the sync folder"


# -- the check at the start of a sync ------------------------------------------------------------
def lineage(state: dict, me: str) -> dict:
    """What the sync state remembers of this replica's history in the folder (fresh when it was
    kept for another id)."""
    got = state.get(LINEAGE)
    if isinstance(got, dict) and got.get("replica") == me:
        return {
            "replica": me,
            "anchors": list(got.get("anchors") or []),
            "batches": dict(got.get("batches") or {}),
        }
    return {"replica": me, "anchors": [], "batches": {}}


def diverged(db, sf: SyncFolder, scan: FolderScan, mine: dict, state: dict, folder: Path) -> str | None:
    """Why this database no longer is the replica the folder knows under its id, or None.
    Batches of ours found consistent are remembered in ``mine`` (not read again)."""
    me = db.replica_id
    with db.read() as s:
        raw = raw_connection(s)
        vv = vector.load(raw)
        high = vv.get(me, 0)
        anchor = mine["anchors"][-1] if mine["anchors"] else None
        here = _stamps(raw, me, anchor[0], anchor[0]) if anchor and anchor[0] <= high else {}
    claims = [ref.last for ref in scan.batches if ref.origin == me]
    claims += [info.vector.get(me, 0) for info in scan.seen.values()]
    own = scan.seen.get(me)
    behind = own is not None and any(seq > vv.get(origin, 0) for origin, seq in own.vector.items())
    if max(claims, default=0) > high or behind:
        return ROLLED_BACK
    if anchor and (anchor[0] > high or here.get(anchor[0], ("",))[0] != anchor[1]):
        return PUT_BACK
    fresh = [r for r in scan.batches if r.origin == me and mine["batches"].get(r.rel) != r.size]
    if fresh and not _consistent(db, sf, fresh, high, mine):
        return REUSED
    if _foreign_seen(sf, scan, state, me, folder):
        return OTHER_COPY
    return None


def _consistent(db, sf: SyncFolder, refs: list[BatchRef], high: int, mine: dict) -> bool:
    """Whether batches of ours we did not write match our change log: the first change of each
    (its header: one short read), and every change of the newest (read whole)."""
    newest = max(refs, key=lambda r: r.last)
    for ref in sorted(refs, key=lambda r: r.last):
        try:
            if ref is newest:
                got = [(c.seq, c.hlc, c.table, c.row_id) for c in sf.read_batch(ref).changes]
            else:
                got = [(ref.first, str(sf.read_header(ref).get("hlc_first", "")), None, None)]
        except (BatchDamaged, FileNotFoundError):
            continue  # removed meanwhile, or damaged (reported and rewritten by its writer)
        with db.read() as s:
            local = _stamps(raw_connection(s), db.replica_id, ref.first, ref.last)
        if _compare(got, local, high)[1]:
            return False
        mine["batches"][ref.rel] = ref.size
    return True


def _foreign_seen(sf: SyncFolder, scan: FolderScan, state: dict, me: str, folder: Path) -> bool:
    """Our seen.json here was written by someone else: none of the files we wrote lately (in
    any folder: one folder may be reached by several paths, a USB stick under another drive
    letter). Only for a folder we wrote to under this path since this check exists."""
    marks = [
        m for m in (state.get(SEEN_MARKS) or {}).values() if isinstance(m, dict) and m.get("replica") == me
    ]
    mark = (state.get(SEEN_MARKS) or {}).get(str(folder))
    own = scan.seen.get(me)
    if mark not in marks or own is None:
        return False
    if any(own.updated == m.get("updated") for m in marks):
        return False
    found = _read_own_seen(sf)
    if found is None or any(found[0] == m.get("sha256") for m in marks):
        return False  # unreadable now (reported elsewhere), or only its time was touched
    # Written by us here after the mark was set, then stopped before it was updated (a crash).
    pending = mark.get("pending")
    return not (isinstance(pending, (int, float)) and found[2] >= pending)


# -- where the two lines part ---------------------------------------------------------------------
def fork_point(db, sf: SyncFolder, scan: FolderScan, mine: dict) -> int:
    """The highest sequence number up to which this database's changes are the ones the folder
    and the other replicas know under this id. A change with the same stamp at the same number
    was made before the two lines parted, so everything before it is shared too. Evidence: the
    anchors, our batches in the folder, and our trimmed changes (every replica had acknowledged
    them). Without evidence it errs low: a change moved to the new id that others already had is
    received twice, which is harmless; one left behind would be lost."""
    me = db.replica_id
    with db.read() as s:
        raw = raw_connection(s)
        high = raw.execute("SELECT next_seq FROM replica_state").fetchone()[0] - 1
        # The newest trimmed change: walks back from our newest, which are seldom trimmed yet.
        trimmed = raw.execute(
            "SELECT seq FROM change WHERE replica_id = ? AND fields = ? ORDER BY seq DESC LIMIT 1",
            (me, TRIMMED),
        ).fetchone()
        same, differ = [trimmed[0] if trimmed else 0], []
        for seq, hlc in mine["anchors"]:
            if seq <= high:
                local = _stamps(raw, me, seq, seq).get(seq)
                (same if local and local[0] == hlc else differ).append(seq)
    for ref in scan.batches:
        if ref.origin != me or ref.first > high:
            continue
        try:
            got = [(c.seq, c.hlc, c.table, c.row_id) for c in sf.read_batch(ref).changes]
        except (BatchDamaged, FileNotFoundError):
            continue
        with db.read() as s:
            local = _stamps(raw_connection(s), me, ref.first, ref.last)
        match, mismatch = _compare(got, local, high)
        same += match
        differ += mismatch
    keep = max(same)
    if differ:
        keep = min(keep, min(differ) - 1)
    return max(0, min(keep, high))


def _stamps(raw, me: str, first: int, last: int) -> dict[int, tuple[str, str, str]]:
    rows = raw.execute(
        "SELECT seq, hlc, table_name, row_id FROM change WHERE replica_id = ? AND seq BETWEEN ? AND ?",
        (me, first, last),
    )
    return {seq: (hlc, table, row) for seq, hlc, table, row in rows}


def _compare(got: list[tuple], local: dict[int, tuple], high: int) -> tuple[list[int], list[int]]:
    """(seqs that match, seqs that differ) among those we should hold (up to ``high``). A number
    we should hold but do not is a difference too. A header gives only the stamp (table None)."""
    match, mismatch = [], []
    for seq, hlc, table, row in got:
        if seq > high:
            break
        mine = local.get(seq)
        same = mine is not None and mine[0] == hlc and (table is None or mine[1:] == (table, row))
        (match if same else mismatch).append(seq)
    return match, mismatch


# -- remembering, at the end of a sync ------------------------------------------------------------
def remember(raw, me: str, mine: dict, scan: FolderScan, written: list[BatchRef], exported: int) -> dict:
    """``mine`` updated after a sync: an anchor at the highest of our changes the folder holds,
    and the batches of ours this database wrote (consistent with it by construction)."""
    (next_seq,) = raw.execute("SELECT next_seq FROM replica_state").fetchone()
    upto = min(exported, next_seq - 1)
    anchors = list(mine.get("anchors") or [])
    if upto > 0:
        local = _stamps(raw, me, upto, upto).get(upto)
        if local:
            anchors = [a for a in anchors if a[0] < upto] + [[upto, local[0]]]
    present = {r.rel for r in scan.batches}
    batches = {rel: size for rel, size in (mine.get("batches") or {}).items() if rel in present}
    batches.update({r.rel: r.size for r in written if r.origin == me})
    return {"replica": me, "anchors": thin(anchors), "batches": batches}


def thin(anchors: list[list]) -> list[list]:
    """Keep the newest anchor and, going back, one at about 1, 2, 4, 8... numbers before it: a few
    dozen at most, dense near the present, and one close before any point a backup may be from."""
    if not anchors:
        return []
    anchors = sorted(anchors)
    seqs = [a[0] for a in anchors]
    newest = seqs[-1]
    keep = {len(seqs) - 1}
    step = 1
    while step <= newest:
        i = bisect.bisect_right(seqs, newest - step) - 1
        if i < 0:
            break
        keep.add(i)
        step *= 2
    return [anchors[i] for i in sorted(keep)]


def seen_writing(db, folder: Path) -> None:
    """Before we write our seen.json: should we stop before the sync state says which file is
    ours (``marks``, saved at the end of the sync), the file we leave is still taken for ours."""
    state = load_state(db)
    marks = dict(state.get(SEEN_MARKS) or {})
    mark = marks.get(str(folder))
    if isinstance(mark, dict) and mark.get("replica") == db.replica_id:
        marks[str(folder)] = {**mark, "pending": time.time()}
        save_state(db, {**state, SEEN_MARKS: marks})


def seen_written(sf: SyncFolder) -> dict | None:
    """After we wrote our seen.json: the mark that tells it from one another copy writes."""
    found = _read_own_seen(sf)
    if found is None:
        return None
    return {"replica": sf.me, "sha256": found[0], "updated": found[1], "pending": None}


def marks(state: dict, folder: Path, mark: dict | None) -> dict:
    """The seen marks to save: ``mark`` for ``folder`` (when we wrote there), the others kept."""
    out = {k: v for k, v in (state.get(SEEN_MARKS) or {}).items() if k != str(folder) or mark is None}
    if mark is not None:
        out[str(folder)] = mark
    return dict(list(out.items())[-MAX_MARKS:])


def _read_own_seen(sf: SyncFolder) -> tuple[str, float, float] | None:
    """(checksum, time as a scan sees it, time its writer wrote in it) of our seen.json."""
    path = sf.mine / SEEN
    try:
        text = path.read_text(encoding="utf-8")
        mtime = path.stat().st_mtime
        data = json.loads(text)
        written = float(data.get("updated", 0))
        return str(data.get("sha256", "")), max(written, mtime), written
    except (OSError, ValueError, TypeError, AttributeError):
        return None
