"""The end of every sync with the school server: compare, per partition, the count and hash of the
changes this computer holds with the server's (``checksum.py``); a partition that differs is
repaired by reading again the server's segments of that partition and applying what is missing
(through the same gate; applying a change twice is harmless), never by a destructive full sync.
This computer's sums are kept in its server state file and grow with its change log."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from app.store.raw import raw_connection
from app.sync import checksum

log = logging.getLogger(__name__)


@dataclass
class CheckResult:
    partitions: int = 0
    mismatched: list[str] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)  # equal after the repair
    applied: int = 0


def local_sums(db, state: dict) -> dict[str, list[int]]:  # noqa: ANN001
    """This computer's sums, brought up to date from the change log rows added since last time."""
    sums: dict[str, list[int]] = {k: list(v) for k, v in dict(state.get("sums") or {}).items()}
    mark = int(state.get("mark") or 0)
    with db.read() as s:
        raw = raw_connection(s)
        for rowid, origin, seq, part, table in raw.execute(
            "SELECT rowid, replica_id, seq, partition, table_name FROM change WHERE rowid > ? ORDER BY rowid",
            (mark,),
        ):
            mark = rowid
            if table:  # a redacted stand-in (another class's change) is not counted on either side
                checksum.add(sums, part or "", origin, seq)
    state["sums"], state["mark"] = sums, mark
    return sums


def differing(server: dict[str, dict[str, int]], mine: dict[str, list[int]]) -> list[str]:
    out = []
    for part, v in server.items():
        have = mine.get(part, [0, 0])
        if [int(v.get("count", 0)), int(v.get("hash", 0))] != [have[0], have[1] % checksum.HASH_MOD]:
            out.append(part)
    return sorted(out)


def check_and_repair(transport, db, state: dict) -> CheckResult:  # noqa: ANN001
    server = transport.check()
    res = CheckResult(partitions=len(server))
    res.mismatched = differing(server, local_sums(db, state))
    for part in res.mismatched:
        res.applied += _repair(transport, db, part)
    if res.mismatched and res.applied:
        again = differing(server, local_sums(db, state))
        res.repaired = [p for p in res.mismatched if p not in again]
    if res.mismatched:
        log.warning("sync check: %d partition(s) differed from the server; repaired %d (%d changes)",
                    len(res.mismatched), len(res.repaired), res.applied)  # fmt: skip
    return res


def _repair(transport, db, part: str) -> int:  # noqa: ANN001
    from app.sync.apply import apply_batch
    from app.sync.batchfile import decode_batch, parse_batch
    from app.trust.run import TrustRun

    run = TrustRun.start(db, None)
    refs = transport.partition_refs(part)
    _rewind(db, {r.origin for r in refs})
    applied = 0
    for ref in refs:
        try:
            data = transport.fetch_batch(ref)
        except FileNotFoundError:
            continue
        body, footer = decode_batch(data)
        batch = parse_batch(ref, body, footer)
        if run is not None:
            v = run.check(ref, body, footer, batch.changes, verified=True)
            if v.refusal is not None:
                continue
        res = apply_batch(db, batch.changes)
        applied += res.applied
    return applied


def _rewind(db, origins: set[str]) -> None:  # noqa: ANN001
    """Set each origin's vector entry back to what the change log really holds without a gap (it
    ran ahead: that is how a partition can differ), so the segments read again are taken in."""
    from app.sync import vector

    with db.write(remote=True) as s:
        raw = raw_connection(s)
        mine = {db.replica_id}
        for origin in sorted(origins - mine):
            true = vector.advance(raw, origin, 0)
            if true < vector.stored(raw, origin):
                log.warning("sync check: the vector of %s ran ahead of the log (%d); set back", origin, true)
                raw.execute("UPDATE version_vector SET seq = ? WHERE replica_id = ?", (true, origin))
