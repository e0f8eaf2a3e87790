"""Re-checking quarantined changes: when a device is enrolled (or its certificate renewed), the
changes it sent before, kept aside whole, are checked again at the gate and applied if they now
pass; changes refused by the write policy are looked at again under the device's new certificate."""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from types import SimpleNamespace

from app.store.raw import raw_connection
from app.sync.changes import BadChange, ChangeRec

log = logging.getLogger(__name__)


def recheck(run) -> int:
    """Apply what now passes of the changes kept aside whole whose signer has a certificate now.
    ``run``: the sync run (``db``, ``ctx``, ``trust``, ``report``). Returns how many were applied."""
    from app.sync.apply import Applier

    trust = run.trust
    keys = set(trust.state.certs)
    if not keys:
        return 0
    done = _policy_again(run)
    with run.db.read() as s:
        rows = (
            raw_connection(s)
            .execute(
                "SELECT replica_id, seq, digest, line, seal, source FROM quarantined_change "
                "WHERE stored = 0 AND seal != '' AND code IN ('unknown', 'school-key') ORDER BY replica_id, seq"
            )
            .fetchall()
        )
    groups: dict[str, list[tuple]] = defaultdict(list)
    for r in rows:
        groups[r[4]].append(r)
    for seal_text, items in groups.items():
        seal = json.loads(seal_text)
        if seal.get("k") not in keys:
            continue
        items.sort(key=lambda r: r[1])
        origin, first, last = items[0][0], items[0][1], items[-1][1]
        if last - first + 1 != len(items):
            continue  # two forgeries of one seq: the gate decides which holds, below
        lines = [r[3] for r in items]
        body = (str(seal.get("hdr", "")) + "\n" + "\n".join(lines) + "\n").encode("utf-8", "surrogateescape")
        ref = SimpleNamespace(origin=origin, first=first, last=last, rel=items[0][5])
        changes = []
        for line in lines:
            try:
                changes.append(ChangeRec.decode(line))
            except BadChange as exc:
                changes.append(ChangeRec.salvage(line, origin, 0, str(exc)))
        with Applier(run.db, run.ctx) as ap:
            v = trust.check(ref, body, {"seal": seal}, changes, ap.lookup_partition)
            if v.refusal is not None:
                continue
            if v.refused:
                ap.run_in(lambda raw, v=v, ref=ref, body=body: trust.keep_refused(raw, ref, body, v))
            res = ap.add(changes)
            ap.run_in(lambda raw, items=items: raw.executemany(
                "DELETE FROM quarantined_change WHERE replica_id = ? AND seq = ? AND digest = ? AND stored = 0",
                [(r[0], r[1], r[2]) for r in items]))  # fmt: skip
        run.report.add(res)
        done += len(items)
        log.info("trust: %d change(s) of %s, kept aside, now applied", len(items), v.device_name or origin)
    if done:
        trust.skip_sources.clear()
    return done


def _policy_again(run) -> int:
    """Changes stored but refused by the write policy, checked again under their device's current
    certificate (a lab machine given another class, a teacher's laptop made admin): those that now
    pass go back to ``pending_change`` with their schema version, for ``apply_pending``."""
    import time

    from app.sync.held import QUARANTINE
    from app.trust.policy import FUTURE_MS, Policy

    trust = run.trust
    with run.db.read() as s:
        rows = (
            raw_connection(s)
            .execute(
                "SELECT replica_id, seq, digest, line, device_key FROM quarantined_change WHERE stored = 1"
            )
            .fetchall()
        )
    if not rows:
        return 0
    now = f"{int(time.time() * 1000) + FUTURE_MS:013d}"
    school_ids = frozenset(trust.state.school.school_ids) if trust.state.school else frozenset()
    back, gone = [], []
    for origin, seq, digest, line, key in rows:
        cert = trust.state.cert_of(key)
        if cert is None or trust.state.is_revoked(cert):
            continue
        try:
            c = ChangeRec.decode(line)
        except BadChange:
            continue
        if Policy(cert, school_ids).check(c, now) is None:
            back.append((c.schema_version, origin, seq, QUARANTINE))
            gone.append((origin, seq, digest))
    if back:
        with run.db.write(remote=True) as s:
            raw = raw_connection(s)
            raw.executemany(
                "UPDATE pending_change SET schema_version = ? WHERE replica_id = ? AND seq = ? AND schema_version = ?",
                back,
            )
            raw.executemany(
                "DELETE FROM quarantined_change WHERE replica_id = ? AND seq = ? AND digest = ?", gone
            )
        log.info(
            "trust: %d change(s) refused before now pass under their device's new certificate", len(back)
        )
    return len(back)
