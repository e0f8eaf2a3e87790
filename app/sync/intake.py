"""Intake: received changes into the change log. Which are new here (``new_changes``), storing them
(``store``: a new event's insert stored trimmed, since the row it makes carries the same values),
putting a payload back when a change stored trimmed is not applied after all (``untrim``), and
keeping changes whose fields cannot be read without them (``unreadable``). Which changes cannot be
applied at all is ``validation``'s job. Inside ``apply``'s transaction."""

from __future__ import annotations

import logging
from collections import defaultdict

from app.store import capture
from app.sync import vector
from app.sync.apply_types import ApplyResult
from app.sync.changes import TRIMMED, BadChange, ChangeRec
from app.sync.tables import TableInfo, table_info

log = logging.getLogger(__name__)


def new_changes(raw, me: str, changes: list[ChangeRec], res: ApplyResult) -> list[ChangeRec]:
    """The changes not held here yet (by origin and sequence number)."""
    origins = {c.replica_id for c in changes}
    by_origin: dict[str, list[ChangeRec]]
    if len(origins) == 1:  # a batch file: one origin
        by_origin = {changes[0].replica_id: changes}
    else:
        by_origin = defaultdict(list)
        for c in changes:
            by_origin[c.replica_id].append(c)
    new: list[ChangeRec] = []
    for origin, cs in by_origin.items():
        if origin == me:
            res.duplicates += len(cs)  # our own changes coming back
            continue
        floor = vector.stored(raw, origin)
        cand = [c for c in cs if c.seq > floor]
        res.duplicates += len(cs) - len(cand)
        if not cand:
            continue
        seqs = [c.seq for c in cand]
        lo, hi = min(seqs), max(seqs)
        have = {
            r[0]
            for r in raw.execute(
                "SELECT seq FROM change WHERE replica_id = ? AND seq BETWEEN ? AND ?", (origin, lo, hi)
            )
        }
        if not have and len(set(seqs)) == len(seqs):
            new.extend(cand)  # the usual case: all new, no repeats
            continue
        for c in cand:
            if c.seq in have:
                res.duplicates += 1
            else:
                have.add(c.seq)
                new.append(c)
    return new


def store(raw, new: list[ChangeRec], res: ApplyResult) -> set[tuple[str, int]]:
    """Into the change log. A new event's insert is stored trimmed (``changes.TRIMMED``): the row
    it makes carries the same values, and it is rebuilt from the row when it is sent on, so the
    bulk of a backlog is not written twice. Returns the keys stored trimmed (``untrim`` puts the
    payload back for any of them that is not applied after all)."""
    ours = capture.SCHEMA_VERSION
    trimmed: set[tuple[str, int]] = set()
    rows = []
    infos: dict[str, TableInfo | None] = {}
    for c in new:
        ftext = c.fields_text
        if c.schema_version <= ours and not c.problem:
            try:
                f = c.fields
            except (BadChange, ValueError):
                log.warning("change %s/%s has unreadable fields; stored without them", c.replica_id, c.seq)
                c.without_fields()
                ftext = "{}"
            else:
                if c.op == "upsert" and c.schema_version == ours and "id" in f and not f.get("deleted"):
                    t = c.table
                    info = infos[t] if t in infos else infos.setdefault(t, table_info(t))
                    if info is not None and info.kind == "event":
                        ftext = TRIMMED
                        trimmed.add((c.replica_id, c.seq))
        rows.append(
            (c.replica_id, c.seq, c.hlc, c.table, c.row_id, c.op, ftext, c.partition, c.schema_version)
        )
    raw.executemany(
        "INSERT INTO change (replica_id, seq, hlc, table_name, row_id, op, fields, partition, "
        "schema_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    # A stamp that is not one never moves the clock (it would sort after every real one): such a
    # change carries a ``problem`` (``validation.problems`` runs first), so set-aside changes are left out.
    top = max((c.hlc for c in new if not c.problem), default="")
    stamp = capture.newest_stamp_params(top) if top else None
    if stamp is not None:
        raw.execute(capture.NEWEST_STAMP_SQL, stamp)
    res.max_hlc = max(res.max_hlc, top)
    res.received += len(new)
    return trimmed


def untrim(raw, changes: list[ChangeRec], trimmed: set[tuple[str, int]]) -> None:
    """Changes stored trimmed that were not applied (held, set aside): keep their payload."""
    back = [(c.fields_text, c.replica_id, c.seq) for c in changes if (c.replica_id, c.seq) in trimmed]
    if back:
        raw.executemany("UPDATE change SET fields = ? WHERE replica_id = ? AND seq = ?", back)


def unreadable(raw, changes: list[ChangeRec]) -> None:
    """Changes whose fields are not a JSON object are kept without them (forwarded as such)."""
    raw.executemany(
        "UPDATE change SET fields = '{}' WHERE replica_id = ? AND seq = ?", [c.key for c in changes]
    )
