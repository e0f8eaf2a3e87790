"""Batches on the wire: the very bytes of the desktop's batch files (``app.sync.batchfile``:
gzip JSON lines, header, changes, footer with checksum and seal). ``open_batch`` checks one the
way a reader of the share does, with the same limits, before anything in it is trusted."""

from __future__ import annotations

import gzip
import hashlib
import json
import zlib
from dataclasses import dataclass
from pathlib import Path

from app.sync.batchfile import MAX_RAW_BYTES, BatchDamaged, BatchFiles, BatchRef, batch_name
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
    d = zlib.decompressobj(wbits=31)
    try:
        raw = d.decompress(data, MAX_RAW_BYTES)
    except zlib.error as exc:
        raise BatchDamaged("damaged (not a valid compressed file)") from exc
    if d.unconsumed_tail:
        raise BatchDamaged("too large to be a Tessera batch")
    if not d.eof:
        raise BatchDamaged("truncated (the file is incomplete)")
    end = raw.rfind(b"\n", 0, len(raw) - 1)
    if end < 0 or not raw.endswith(b"\n"):
        raise BatchDamaged("truncated (no footer)")
    body, footer_line = raw[: end + 1], raw[end + 1 :]
    try:
        footer = json.loads(footer_line)
        header_line = body[: body.index(b"\n")].decode("utf-8")
        header = json.loads(header_line)
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise BatchDamaged("damaged (no header or footer)") from exc
    if not isinstance(footer, dict) or not footer.get("end") or not isinstance(header, dict):
        raise BatchDamaged("truncated (no footer)")
    if hashlib.sha256(body).hexdigest() != footer.get("sha256"):
        raise BatchDamaged("damaged (checksum does not match)")
    origin, first, last = header.get("origin"), header.get("first"), footer.get("last")
    if not isinstance(origin, str) or not isinstance(first, int) or not isinstance(last, int):
        raise BatchDamaged("damaged (unreadable header)")
    ref = BatchRef(str(header.get("writer", origin)), batch_name(origin, first, last), Path(""), origin, first,
                   last, len(data))  # fmt: skip
    batch = BatchFiles.parse_batch(None, ref, body, footer)  # type: ignore[arg-type]  # uses no state
    return Opened(ref, header, header_line, body, footer, batch.changes)


def build_batch(header_line: str, lines: list[str], last: ChangeRec, seal: dict | None) -> tuple[bytes, str]:
    """A batch's bytes from its header and change lines (a redacted copy, ``pull.py``), and the
    checksum it is sealed over (pass ``seal`` after computing it: see ``seal_for``)."""
    body = (header_line + "\n" + "".join(line + "\n" for line in lines)).encode("utf-8")
    digest = hashlib.sha256(body).hexdigest()
    footer = {"end": True, "count": len(lines), "last": last.seq, "hlc_last": last.hlc, "sha256": digest}
    if seal is not None:
        footer["seal"] = seal
    out = body + json.dumps(footer, separators=(",", ":")).encode() + b"\n"
    return gzip.compress(out, compresslevel=1, mtime=0), digest


def body_digest(header_line: str, lines: list[str]) -> str:
    body = (header_line + "\n" + "".join(line + "\n" for line in lines)).encode("utf-8")
    return hashlib.sha256(body).hexdigest()
