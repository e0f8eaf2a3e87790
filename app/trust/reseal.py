"""Moving to signed sync: at the first signed sync of a device, the files it wrote unsealed into
its own folder are taken away, so what a peer still lacks is written again, sealed (``send``
works out what is lacking, as always). And changes kept aside as unsigned that have since
arrived sealed are no longer listed as refused."""

from __future__ import annotations

import logging
from pathlib import Path

from app.identity.keys import trust_dir
from app.store.raw import raw_connection
from app.sync.batchfile import BatchDamaged
from app.sync.changes import BadChange, ChangeRec

log = logging.getLogger(__name__)

MARK = "sealed"  # in the trust folder: this device's own files have been checked once


def reseal_own(run, scan) -> int:
    """Remove our own unsealed files from the folder, once. Returns how many."""
    mark = trust_dir(Path(run.db.path).parent) / MARK
    if mark.exists():
        return 0
    me = run.db.replica_id
    gone = 0
    for ref in [r for r in scan.batches if r.writer == me]:
        try:
            _, footer = run.sf.fetch_batch(ref)
        except (BatchDamaged, FileNotFoundError):
            continue
        if "seal" not in footer:
            run.sf.remove(ref)
            scan.batches.remove(ref)
            gone += 1
    mark.parent.mkdir(parents=True, exist_ok=True)
    mark.write_text("1", "ascii")
    if gone:
        log.info("trust: %d unsealed file(s) of ours taken away, to be written again sealed", gone)
    return gone


def forget_arrived(db) -> int:
    """Unsigned changes kept aside whose same change (origin, seq and stamp) has since arrived
    sealed: they are no longer refused. Forgeries (another stamp) stay."""
    with db.read() as s:
        raw = raw_connection(s)
        rows = raw.execute(
            "SELECT q.replica_id, q.seq, q.digest, q.line, c.hlc FROM quarantined_change q JOIN change c "
            "ON c.replica_id = q.replica_id AND c.seq = q.seq WHERE q.stored = 0 AND q.code = 'unsigned'"
        ).fetchall()
    done = []
    for rid, seq, digest, line, hlc in rows:
        try:
            same = ChangeRec.decode(line).hlc == hlc
        except BadChange:
            same = False
        if same:
            done.append((rid, seq, digest))
    if done:
        with db.write(remote=True) as s:
            raw_connection(s).executemany(
                "DELETE FROM quarantined_change WHERE replica_id = ? AND seq = ? AND digest = ?", done
            )
    return len(done)
