"""Tidying the share for the data key, once per sync, before anything is sent:

- our own batches that are plain (written before the school encrypted) or encrypted under an
  older epoch (before a revocation) are taken away, so what a peer still lacks is written again,
  encrypted under the current key (``send`` works out what is lacking, as always);
- after an erasure reaches this computer (a purge marker it had not seen), our own batches that
  still carry an erased row's data are taken away the same way (the change log they are written
  again from is scrubbed already: ``app/store/scrub.py``); on the admin computer (where erasures
  are made) every batch in the share that carries one is taken away too, whoever wrote it, once
  this computer holds its changes: it then passes on, under its relay seal, what a peer still
  lacks (scrubbed). So within the admin computer's next sync after the erasure, no batch in the
  share holds the student (``docs/trust.md``, "Erasure").

Nothing is lost: a file is only taken away when this computer holds every change in it.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from app.identity.datakeys import epoch_of, is_sealed
from app.identity.keys import trust_dir
from app.store.raw import raw_connection
from app.store.scrub import PURGE_MARK
from app.sync import vector
from app.sync.batchfile import BatchDamaged, open_plain

log = logging.getLogger(__name__)

STATE = "tidy.json"  # in the trust folder: how many purge markers the last tidy had seen


def tidy_share(run, scan) -> int:  # noqa: ANN001
    """Take away what must be written again; returns how many files."""
    trust = getattr(run, "trust", None)
    cipher = getattr(trust, "cipher", None)
    if trust is None or cipher is None or cipher.current is None:
        return 0  # a school that does not encrypt, or no key here yet: nothing can be written again
    me = run.db.replica_id
    state_path = trust_dir(Path(run.db.path).parent) / STATE
    seen_marks = _read_count(state_path)
    with run.db.read() as s:
        raw = raw_connection(s)
        marks = raw.execute("SELECT COUNT(*) FROM field_clock WHERE field = ?", (PURGE_MARK,)).fetchone()[0]
        erased: set[tuple[str, str]] = set()
        if marks != seen_marks:
            erased = {(t, r) for t, r in raw.execute(
                "SELECT table_name, row_id FROM field_clock WHERE field = ?", (PURGE_MARK,))}  # fmt: skip
        held = vector.load(raw)
    admin = trust.cert is not None and trust.cert.role == "admin"
    gone, failed = 0, False
    for ref in list(scan.batches):
        mine = ref.writer == me
        if not mine and not (admin and erased):
            continue
        if held.get(ref.origin, 0) < ref.last:
            continue  # not all of it is here: taking it away could lose a change
        why = _stale(ref.path, cipher.epoch) if mine else ""
        if not why and erased and _carries(run, ref, erased):
            why = "it held data of an erased record"
        if not why:
            continue
        try:
            ref.path.unlink()
        except FileNotFoundError:
            pass
        except OSError as exc:
            log.warning("sync: could not take away %s (%s): %s", ref.rel, why, exc)
            failed = True  # tried again at the next sync
            continue
        scan.batches.remove(ref)
        gone += 1
        log.info("sync: took away %s (%s); what a peer still lacks is written again, encrypted", ref.rel, why)
    if marks != seen_marks and not failed:
        state_path.parent.mkdir(parents=True, exist_ok=True)
        state_path.write_text(json.dumps({"purged": marks}), "utf-8")
    return gone


def _stale(path: Path, epoch: int) -> str:
    try:
        with open_plain(path) as fh:
            head = fh.read(8)
    except (OSError, BatchDamaged):
        return ""
    if not is_sealed(head):
        return "it was not encrypted"
    old = epoch_of(head + b"\0" * 24)
    return "it was encrypted under an earlier key" if old is not None and old < epoch else ""


def _carries(run, ref, erased: set[tuple[str, str]]) -> bool:  # noqa: ANN001
    try:
        batch = run.sf.read_batch(ref)
    except (BatchDamaged, FileNotFoundError, OSError):
        return False
    return any(
        (c.table, c.row_id) in erased and (c.op != "purge" or c.fields_text not in ("{}", ""))
        for c in batch.changes
    )


def _read_count(path: Path) -> int:
    try:
        return int(json.loads(path.read_text("utf-8")).get("purged", -1))
    except (OSError, ValueError, TypeError, AttributeError):
        return -1
