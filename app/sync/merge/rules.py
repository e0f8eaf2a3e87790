"""The merge rules as pure functions of plain values (no database, no Qt): what the desktop's merge
(``records``, ``merger``) and the school server's current rows (``tessera_server.rows``) both
follow, so a server and a desktop holding the same changes hold the same values.

- a record: last writer wins per field by HLC (the text form sorts; the replica id ends it, so
  exact ties break the same way everywhere);
- an event: a grow-only set; the only later change is a tombstone (``deleted`` goes from false to
  true, ``updated_at`` takes the larger value);
- a purge removes the row and its payload for good.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Lost = Callable[[str, Any, str, str], None]  # (field, losing value, its stamp, the winner's stamp)


def newer(hlc: str, current: str) -> bool:
    """Whether a value stamped ``hlc`` replaces one stamped ``current`` ("" when none)."""
    return hlc > current


def merge_record(row: dict[str, Any], clocks: dict[str, str], fields: dict[str, Any], hlc: str,
                 columns: frozenset[str] | set[str] | None = None, lost: Lost | None = None) -> set[str]:  # fmt: skip
    """Per-field last writer wins of ``fields`` stamped ``hlc`` into ``row`` (changed in place,
    with ``clocks``). ``columns``: the fields the table has (None: any). Returns the fields set."""
    changed: set[str] = set()
    for k, v in fields.items():
        if k == "id" or (columns is not None and k not in columns):
            continue
        lc = clocks.get(k, "")
        if newer(hlc, lc):
            if lost is not None:
                lost(k, row.get(k), lc, hlc)
            row[k] = v
            clocks[k] = hlc
            changed.add(k)
        elif hlc < lc and lost is not None:
            lost(k, v, hlc, lc)
    return changed


def merge_event(row: dict[str, Any] | None, fields: dict[str, Any]) -> dict[str, Any] | None:
    """A grow-only set: the row as it stands after ``fields`` (None: nothing to keep yet, a
    tombstone of a row not here)."""
    if row is None:
        return dict(fields) if "id" in fields else None
    if fields.get("deleted") and not row.get("deleted"):
        row = dict(row)
        row["deleted"] = True
        row["updated_at"] = max(float(row.get("updated_at") or 0.0), float(fields.get("updated_at") or 0.0))
    return row
