"""Attachment files travel as content-addressed blobs (``transport.py``: put/get/has by SHA-256).

A synced row names a file by its SHA-256, name and size (``team_log.file_sha256``, ``file_name``,
``file_size``); the file itself lives in the data folder's store (``app/store/files.py``).

- **Send**: every file named by a row here that the place does not hold yet is put there (its
  hash checked again first: a file damaged on this disk is not sent). What the place is known to
  hold is remembered per target in the sync state, so a sync with nothing new asks nothing.
- **Fetch**: every file named by a row here that is missing from the store is got from the place.
  Only rows that passed the trust gate and were applied name files here (refused rows are kept
  aside, never in the table), so a blob gets the same trust as the row that names it; its bytes
  must then hash to that name and have that size, within ``MAX_BLOB_BYTES``. A blob that does not
  is refused, never stored, and reported (the skipped list and ``report.files_refused``); a file
  not at the place yet is counted as waiting (``report.files_waiting``).
"""

from __future__ import annotations

import hashlib
import logging
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from app.store.files import files_root, stored_path
from app.store.raw import raw_connection
from app.sync.report import skip
from app.sync.transport import MAX_BLOB_BYTES, BlobRefused, Transport, is_sha256
from app.trust.run import Unsealable

log = logging.getLogger(__name__)

# (table, hash column, name column, size column) of every synced row that names a file.
FILE_COLUMNS: tuple[tuple[str, str, str, str], ...] = (("team_log", "file_sha256", "file_name", "file_size"),)
REFUSED = "the attached file from the sync place does not match its fingerprint or size, so it was refused"


@dataclass(frozen=True)
class NamedFile:
    sha256: str
    name: str
    size: int


def named_files(db) -> list[NamedFile]:
    """Every file the live rows here name (one per hash)."""
    out: dict[str, NamedFile] = {}
    with db.read() as s:
        raw = raw_connection(s)
        for table, sha, name, size in FILE_COLUMNS:
            for h, n, z in raw.execute(
                f'SELECT "{sha}", "{name}", "{size}" FROM "{table}" WHERE "{sha}" != \'\' AND deleted = 0'
            ):
                if is_sha256(h) and h not in out:
                    out[h] = NamedFile(h, n or "", int(z or 0))
    return sorted(out.values(), key=lambda f: f.sha256)


def send_files(
    db, transport: Transport, known: set[str], should_stop=lambda: False, again: frozenset[str] = frozenset()
) -> int:
    """Put the files named here that the place lacks; ``known`` (hashes the place holds) grows.
    ``again``: hashes someone refused, put again whatever the place says it holds (a place keeps
    a blob whose bytes match its name, and replaces one that does not). Returns how many were put."""
    root = files_root(db.path)
    put = 0
    for f in named_files(db):
        if f.sha256 in known or should_stop():
            continue
        path = stored_path(root, f.sha256, f.name)
        data = _read(path)
        if data is None or hashlib.sha256(data).hexdigest() != f.sha256:
            continue  # not here (it comes from elsewhere) or damaged here: not ours to send
        if f.sha256 in again or not transport.has_blob(f.sha256):
            try:
                transport.put_blob(f.sha256, data)
            except Unsealable as exc:  # the share is encrypted and this computer has no key yet
                log.info("sync: files wait until this computer holds the school's data key: %s", exc)
                return put
            put += 1
        known.add(f.sha256)
    return put


def fetch_files(
    db, transport: Transport, report, known: set[str], should_stop=lambda: False, refused: list | None = None
) -> int:
    """Get the files named here that are missing from the store, checked. Returns how many arrived.
    The hashes of refused blobs go into ``refused``: published with our seen vector, they tell the
    file's holders to put it again (``reported_bad``)."""
    root = files_root(db.path)
    got = 0
    for f in named_files(db):
        path = stored_path(root, f.sha256, f.name)
        if path is None or path.exists() or should_stop():
            continue
        try:
            data = transport.get_blob(f.sha256)
        except BlobRefused as exc:
            _refuse(report, f, str(exc), refused)
            continue
        if data is None:
            report.files_waiting += 1
            continue
        known.add(f.sha256)
        if len(data) > MAX_BLOB_BYTES or (f.size and len(data) != f.size):
            _refuse(report, f, f"{REFUSED} (size {len(data)}, expected {f.size})", refused)
            continue
        if hashlib.sha256(data).hexdigest() != f.sha256:
            _refuse(report, f, REFUSED, refused)
            continue
        _store(path, data)
        got += 1
    return got


def reported_bad(listing) -> set[str]:
    """Blobs some replica refused (in the ``damaged`` list of its seen vector, as ``{"blob": sha}``)."""
    return {
        str(d["blob"]) for i in listing.seen.values() for d in i.damaged if isinstance(d.get("blob"), str)
    }


def _refuse(report, f: NamedFile, reason: str, refused: list | None) -> None:
    if refused is not None:
        refused.append(f.sha256)
    report.files_refused += 1
    skip(report, f"files/{f.sha256[:12]} ({f.name})", reason)


def _read(path: Path | None) -> bytes | None:
    if path is None:
        return None
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_BLOB_BYTES + 1)
    except OSError:
        return None
    return data if len(data) <= MAX_BLOB_BYTES else None


def _store(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.parent / f".incoming-{uuid.uuid4().hex[:12]}"
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
