"""Batches on the wire: the very bytes of the desktop's batch files, made and read only by
``app.sync.batchfile.encode_batch`` / ``decode_batch`` (gzip JSON lines: header, changes, footer
with checksum and seal). ``open_batch`` checks one as a reader of the share does, with the same
limits, before anything in it is trusted."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from app.sync.batchfile import BatchDamaged, BatchFiles, BatchRef, batch_name, decode_batch, encode_batch
from app.sync.changes import ChangeRec

MAX_PUSH_BYTES = 16 * 1024 * 1024  # compressed; a desktop batch is at most 4 MB before compression


@dataclass
class Opened:
    ref: BatchRef
    header: dict
    header_line: str
    body: bytes
    footer: dict
    changes: list[ChangeRec]


def open_batch(data: bytes) -> Opened:
    """Decompress and check a batch (checksum, header, contiguous sequence). Raises BatchDamaged."""
    if len(data) > MAX_PUSH_BYTES:
        raise BatchDamaged("too large to be a Tessera batch")
    body, footer = decode_batch(data)
    try:
        header_line = body[: body.index(b"\n")].decode("utf-8")
        header = json.loads(header_line)
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise BatchDamaged("damaged (no header)") from exc
    if not isinstance(header, dict):
        raise BatchDamaged("damaged (no header)")
    origin, first, last = header.get("origin"), header.get("first"), footer.get("last")
    if not isinstance(origin, str) or not isinstance(first, int) or not isinstance(last, int):
        raise BatchDamaged("damaged (unreadable header)")
    ref = BatchRef(str(header.get("writer", origin)), batch_name(origin, first, last), Path(""), origin, first,
                   last, len(data))  # fmt: skip
    batch = BatchFiles.parse_batch(None, ref, body, footer)  # type: ignore[arg-type]  # uses no state
    return Opened(ref, header, header_line, body, footer, batch.changes)


def rebuild(writer: str, header_line: str, changes: list[ChangeRec], sealer) -> bytes:  # noqa: ANN001
    """A batch of these changes under the given header, sealed by ``sealer`` (a redacted copy)."""
    out = encode_batch(writer, changes[0].replica_id, changes, max_changes=len(changes) + 1,
                       max_bytes=1 << 62, sealer=sealer, header_line=header_line)  # fmt: skip
    assert out is not None and out[3] == len(changes)
    return out[0]
