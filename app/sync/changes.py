"""One change as it travels between replicas, and its one-line text form.

A change is identified by (origin replica, seq) and never changes meaning once made. On the wire
and in ``pending_change.payload`` it is one line of tab-separated values: origin, seq, HLC, table,
row id, op, partition, schema version, and the fields as JSON text (JSON never holds a raw tab).
The fields text is kept exactly as the origin wrote it, so columns this version of Tessera does
not know survive being stored here and forwarded on.

A line of a checked batch that is not a well-formed change (not UTF-8 text, a stamp that is not
one, metadata that does not parse) still has a place in its origin's sequence: ``salvage`` makes
the change that stands in for it, carrying a ``problem``, and ``apply`` sets it aside.
"""

from __future__ import annotations

import json
import json.scanner
from dataclasses import dataclass
from typing import Any

from app.i18n import _
from app.store.hlc import is_stamp, zero_stamp

_COMPACT = (",", ":")
MAX_SEQ = 1 << 62
MAX_SCHEMA = 1_000_000  # far above any real schema version (``held.QUARANTINE`` is above this)
# The fields of a change whose payload was dropped from the change log because the row it made
# carries it (``trim.py``); rebuilt from the row before the change is sent on.
TRIMMED = '{"@trimmed":1}'
# The C scanner, without json.loads' wrapping (typeshed types make_scanner's argument as itself).
_SCAN = json.scanner.make_scanner(json.JSONDecoder())  # type: ignore[arg-type]


def parse_json(text: str) -> Any:
    """``json.loads`` for the many small objects of a batch, a little faster."""
    try:
        value, end = _SCAN(text, 0)
    except StopIteration as exc:
        raise ValueError(f"not JSON at {exc.value}") from None
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None
    if end != len(text) and text[end:].strip():
        raise ValueError("extra data after JSON")
    return value


class BadChange(ValueError):
    """A line that is not a well-formed change."""


@dataclass(slots=True)
class ChangeRec:
    replica_id: str
    seq: int
    hlc: str
    table: str
    row_id: str
    op: str
    partition: str
    schema_version: int
    fields_text: str
    parsed: dict[str, Any] | None = None  # the fields once read (``fields``); None until then
    problem: str = ""  # why this change cannot be applied (see ``salvage``); "" when it is fine

    @property
    def fields(self) -> dict[str, Any]:
        if self.parsed is None:
            value = parse_json(self.fields_text) if self.fields_text else {}
            if not isinstance(value, dict):
                raise BadChange(
                    _(
                        "fields of {replica_id}/{seq} are not an object",
                        replica_id=self.replica_id,
                        seq=self.seq,
                    )
                )
            self.parsed = value
        return self.parsed

    def without_fields(self) -> dict[str, Any]:
        """Its fields cannot be read: keep the change (and forward it) with none."""
        self.fields_text, self.parsed = "{}", {}
        return self.parsed

    @property
    def key(self) -> tuple[str, int]:
        return (self.replica_id, self.seq)

    def is_full(self) -> bool:
        """A full snapshot (an insert) carries the id; an update carries only changed columns."""
        return "id" in self.fields

    def encode(self) -> str:
        meta = [
            self.replica_id,
            str(self.seq),
            self.hlc,
            self.table,
            self.row_id,
            self.op,
            self.partition,
            str(self.schema_version),
        ]
        for i, m in enumerate(meta):
            if "\t" in m or "\n" in m or "\r" in m:  # ids and names never do; be safe anyway
                meta[i] = m.replace("\t", " ").replace("\n", " ").replace("\r", " ")
        return "\t".join(meta) + "\t" + clean_fields_text(self.fields_text)

    @staticmethod
    def decode(line: str) -> ChangeRec:
        parts = line.split("\t", 8)
        if len(parts) != 9:
            raise BadChange(_("not a change line"))
        rid, seq, hlc, table, row_id, op, partition, schema, ftext = parts
        try:
            c = ChangeRec(rid, int(seq), hlc, table, row_id, op, partition, int(schema), ftext)
        except ValueError as exc:
            raise BadChange(_("bad metadata: {exc}", exc=exc)) from exc
        if not (0 < c.seq < MAX_SEQ and 0 <= c.schema_version < MAX_SCHEMA):
            raise BadChange(_("bad metadata: a number out of range"))  # SQLite stores 64 bits at most
        if not is_stamp(hlc):
            # A stamp that is not one would sort after every real one and win every later edit.
            raise BadChange(_("its time stamp {v!r} is not valid", v=hlc[:40]))
        return c

    @staticmethod
    def salvage(line: str | bytes, origin: str, seq: int, problem: str) -> ChangeRec:
        """The stand-in for line ``seq`` of a checked batch of ``origin`` that ``decode`` refused.
        When its metadata still parses it keeps all it says (its origin and seq are checked by the
        caller; a bad stamp is kept as it came, so every replica sets the change aside alike);
        otherwise it keeps only its place, with an unknown table so nothing ever applies it."""
        parts = line.split("\t", 8) if isinstance(line, str) else []
        if len(parts) == 9:
            rid, seq_text, hlc, table, row_id, op, partition, schema, ftext = parts
            if _digits(seq_text) and _digits(schema) and int(schema) < MAX_SCHEMA:
                return ChangeRec(
                    rid, int(seq_text), hlc, table, row_id, op, partition, int(schema), ftext, problem=problem
                )
        return ChangeRec(origin, seq, zero_stamp(origin), "", "", "unreadable", "", 0, "{}", problem=problem)

    @staticmethod
    def from_row(row: tuple) -> ChangeRec:
        """From ``SELECT replica_id, seq, hlc, table_name, row_id, op, partition, schema_version,
        fields FROM change``."""
        rid, seq, hlc, table, row_id, op, partition, schema, ftext = row
        return ChangeRec(rid, seq, hlc, table, row_id, op, partition or "", schema, ftext or "{}")


def _digits(text: str) -> bool:
    return 0 < len(text) <= 18 and text.isascii() and text.isdigit()


CHANGE_COLUMNS = "replica_id, seq, hlc, table_name, row_id, op, partition, schema_version, fields"


def clean_fields_text(text: str | None) -> str:
    """Fields text fit for one line (JSON from elsewhere might be pretty-printed)."""
    if not text:
        return "{}"
    if "\n" in text or "\t" in text or "\r" in text:
        try:
            return json.dumps(json.loads(text), separators=_COMPACT)
        except (ValueError, RecursionError):
            # Not JSON (a change set aside as it came): it is never applied, so spaces will do.
            return text.replace("\t", " ").replace("\n", " ").replace("\r", " ")
    return text
