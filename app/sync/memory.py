"""An in-memory place (``transport.py``), for tests and simulations: many replicas share one
``MemoryPlace``; each syncs through its own ``MemoryTransport`` view of it. It keeps the contract
as a server would (a batch put twice keeps the first bytes) and can be switched off
(``reachable = False``) or made read-only to simulate a place that is away or full."""

from __future__ import annotations

import gzip
import json
import threading
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from app.i18n import _
from app.sync import faults
from app.sync.batchfile import BATCH_RE, BatchDamaged, BatchRef, batch_name
from app.sync.transport import (
    BlobRefused,
    Listing,
    SeenDoc,
    SeenInfo,
    TargetInfo,
    TargetReadOnly,
    TargetUnavailable,
    Transport,
    check_blob,
    is_sha256,
)


@dataclass
class MemoryPlace:
    batches: dict[tuple[str, str], bytes] = field(default_factory=dict)  # (writer, name) -> bytes
    seen: dict[str, SeenInfo] = field(default_factory=dict)
    written: dict[str, float] = field(default_factory=dict)  # writer -> last write time
    blobs: dict[str, bytes] = field(default_factory=dict)
    docs: dict[str, bytes] = field(default_factory=dict)
    reachable: bool = True
    read_only: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)
    puts: int = 0  # batches put (a repeat put counts too): what a test can assert on


class MemoryTransport(Transport):
    def __init__(self, place: MemoryPlace, me: str, name: str = "memory") -> None:
        self.place = place
        self.me = me
        self.name = name

    def describe(self) -> TargetInfo:
        return TargetInfo("memory", "The test place", self.name, compacts=True)

    def reachable(self) -> bool:
        return self.place.reachable

    def _check(self, write: bool = False) -> None:
        if not self.place.reachable:
            raise TargetUnavailable(_("The place {name} could not be reached.", name=self.name))
        if write and self.place.read_only:
            raise TargetReadOnly(_("Tessera cannot write to {name}: it is read-only.", name=self.name))

    def prepare(self) -> None:
        self._check()

    def scan(self) -> Listing:
        self._check()
        p = self.place
        out = Listing()
        with p.lock:
            for (writer, name), data in p.batches.items():
                m = BATCH_RE.match(name)
                assert m is not None  # only put_batch names batches here
                first, last, origin = int(m.group(1)), int(m.group(2)), m.group(3)
                out.batches.append(BatchRef(writer, name, Path(name), origin, first, last, len(data)))
                out.replicas.add(writer)
            for writer, info in p.seen.items():
                out.seen[writer] = SeenInfo(
                    info.replica, dict(info.vector), info.updated, info.schema_version, list(info.damaged)
                )
                out.replicas.add(writer)
            for writer in out.replicas:
                out.last_write[writer] = p.written.get(writer, 0.0)
                out.folder_mtime[writer] = p.written.get(writer, 0.0)
        return out

    def fetch_batch(self, ref: BatchRef) -> bytes:
        self._check()
        with self.place.lock:
            data = self.place.batches.get((ref.writer, ref.name))
        if data is None:
            raise FileNotFoundError(ref.rel)
        return data

    def batch_header(self, ref: BatchRef) -> dict:
        data = self.fetch_batch(ref)
        try:
            raw = zlib.decompressobj(wbits=31).decompress(data, 64 * 1024)
            header = json.loads(raw.split(b"\n", 1)[0])
        except (zlib.error, ValueError, gzip.BadGzipFile) as exc:
            raise BatchDamaged(_("damaged (unreadable header)")) from exc
        if not isinstance(header, dict):
            raise BatchDamaged(_("damaged (unreadable header)"))
        return header

    def put_batch(self, origin: str, first: int, last: int, data: bytes) -> BatchRef:
        self._check(write=True)
        name = batch_name(origin, first, last)
        # The folder's fault points, so the simulations cut a memory sync where they cut a folder's.
        faults.hit("batch:before_fsync")
        faults.hit("batch:before_rename")
        with self.place.lock:
            self.place.puts += 1
            stored = self.place.batches.setdefault((self.me, name), bytes(data))
            self.place.written[self.me] = time.time()
        faults.hit("batch:after_rename")
        return BatchRef(self.me, name, Path(name), origin, first, last, len(stored))

    def remove_batch(self, ref: BatchRef) -> bool:
        self._check(write=True)
        with self.place.lock:
            return self.place.batches.pop((ref.writer, ref.name), None) is not None

    def publish_seen(self, doc: SeenDoc) -> None:
        self._check(write=True)
        faults.hit("seen:before_rename")
        now = time.time()
        with self.place.lock:
            self.place.seen[self.me] = SeenInfo(
                self.me, dict(doc.vector), now, doc.schema_version, list(doc.damaged)
            )
            self.place.written[self.me] = now

    def put_blob(self, sha256: str, data: bytes) -> None:
        self._check(write=True)
        check_blob(sha256, data)
        with self.place.lock:  # a wrong blob under this name (tests plant one) is replaced
            self.place.blobs[sha256] = bytes(data)

    def get_blob(self, sha256: str) -> bytes | None:
        self._check()
        if not is_sha256(sha256):
            raise BlobRefused(_("That file reference is not valid."))
        with self.place.lock:
            return self.place.blobs.get(sha256)

    def has_blob(self, sha256: str) -> bool:
        self._check()
        with self.place.lock:
            return sha256 in self.place.blobs

    def get_doc(self, path: str) -> bytes | None:
        self._check()
        with self.place.lock:
            return self.place.docs.get(path)

    def put_doc(self, path: str, data: bytes) -> None:
        self._check(write=True)
        with self.place.lock:
            self.place.docs[path] = bytes(data)

    def list_docs(self, folder: str) -> list[str]:
        self._check()
        prefix = folder.rstrip("/") + "/"
        with self.place.lock:
            return sorted(
                k[len(prefix) :]
                for k in self.place.docs
                if k.startswith(prefix) and "/" not in k[len(prefix) :]
            )
