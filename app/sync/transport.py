"""The transport seam: what one sync needs from a place (a folder, a school server, memory).

The steps of a sync (``send``, ``receive``, ``compact``, ``trim``, ``session``) talk to a
``Transport`` and never know which place is behind it. Implementations: ``FolderTransport``
(``folder.py``, a school share or USB stick), ``MemoryTransport`` (``memory.py``, tests and
simulations), and the HTTP client of the school server (``http_*.py``). ``targets.py`` builds
them from the settings and the machine policy.

Contract (every implementation keeps it; ``tests/sync/test_transport_contract.py`` checks it)
---------------------------------------------------------------------------------------------
A transport is one replica's view of one place: ``me`` is this replica's id (it changes when the
replica renews its id; the session then makes a new transport). "Writer" is the replica that put
a batch or a seen vector; "origin" is the replica that made the changes in a batch (a writer
forwards others' changes after compaction, under their author's seal).

**Batches are opaque bytes.** A batch is one signed segment of one origin's contiguous changes
``first..last``. Its bytes are made and read in ONE place, ``batchfile.encode_batch`` /
``batchfile.decode_batch`` (checksum, signature seal, and any later encryption live there), and a
transport stores and returns them byte for byte: it never parses, recompresses or re-signs them.

- ``put_batch(origin, first, last, data)`` is idempotent by ``(writer, origin, first, last)``:
  putting the same range again is harmless and returns the stored ref (the place keeps one whole
  copy: the first, or the new one replacing it whole; a server keeps the first). A batch becomes visible whole or not at all: no reader ever
  lists a half-written batch (folder: temp file, fsync, rename).
- ``scan()`` returns a ``Listing``: every batch present (any order: the caller orders them by
  origin and sequence, and by HLC across origins), every writer's published seen vector, and the
  entries it skipped with a reason a teacher can read. A listed batch may be gone by the time it
  is fetched (compacted meanwhile): ``fetch_batch`` then raises ``FileNotFoundError``, and the
  caller moves on (someone else carries those changes, or will).
- ``fetch_batch(ref)`` returns the stored bytes. A place that can tell the bytes are unusable
  (too large, not a plain file) raises ``BatchDamaged(reason)``; a checksum or seal that does not
  hold is found by ``decode_batch`` and the trust gate, never trusted because of where it came from.
- ``BatchRef`` (``batchfile.py``) names a listed batch: writer, name (``batchfile.batch_name``),
  origin, first, last, size in bytes; ``path`` is the file for a folder, and for other places
  ``Path(name)`` (never opened: only the transport that listed it fetches it).
- ``batch_header(ref)`` is the batch's first line (a dict with ``hlc_first``), read cheaply where
  the place allows; it orders batches before they are read whole, and is never trusted further.
- ``remove_batch(ref)`` removes a batch during compaction (``compact.py`` says when: one every
  live replica has seen, written by us, by one of our previous ids, or by an abandoned replica).
  Returns False when it was not there. A place that compacts itself (a server) sets
  ``TargetInfo.compacts`` False and its ``remove_batch`` returns False without doing anything.

**Seen vectors.** ``publish_seen(doc)`` replaces this replica's previously published vector.
``doc.vector[origin]`` is the highest sequence number ``n`` of ``origin`` such that this replica
durably holds every change ``1..n`` (applied, or held aside to apply later): "seen" never means
"listed" or "fetched". ``doc.damaged`` names batches that this replica could not read, so their
writer checks and rewrites them. A peer's vector only ever grows while its id lives; the
``SeenInfo.updated`` time (the place's clock when the vector was published, or later) tells live
replicas from away and abandoned ones (``compact.py``).

**Blobs** (attachment files): content-addressed by SHA-256 (64 lower-case hex digits).
``put_blob(sha, data)`` is idempotent (a blob already there is left alone) and refuses data over
``MAX_BLOB_BYTES`` or whose hash is not ``sha`` with ``BlobRefused``. ``get_blob(sha)`` returns
the bytes or None when absent; the caller checks the hash again on receive (a place may be
hostile) and refuses a mismatch. ``has_blob(sha)`` is cheap. Blobs are never removed by a sync.

**Trust documents** (school document, certificates, revocations, enrolment requests): small
files under a relative path of the trust area (``certs/<serial>.json``); ``get_doc`` returns
None when absent; ``put_doc`` replaces atomically; ``list_docs(folder)`` lists names.

**Errors.** Everything a teacher can meet is a ``TargetError`` (a ``TesseraError``) with a message
in plain words: ``TargetUnavailable`` (cannot be reached now: try later; the folder's
``FolderUnavailable`` is one), ``TargetFull``, ``TargetReadOnly`` (both also
``TargetUnavailable``: nothing can be written), ``TargetRefused`` (the place refuses this
device: not enrolled, revoked, out of scope), ``TargetBusy`` (overloaded: try again after
``retry_after`` seconds). ``BatchDamaged`` and ``FileNotFoundError`` are per batch, as above.
Any other exception is a bug. Whatever a sync applied before an error stays applied.

Threads: a transport is used by one sync at a time; ``fetch_batch`` may run on a reading thread
while the sync thread applies the previous batch (so it must not share unlocked state with
``scan``).
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from dataclasses import dataclass, field

from app.errors import TesseraError
from app.i18n import _
from app.sync.batchfile import BatchDamaged, BatchRef

__all__ = [
    "MAX_BLOB_BYTES",
    "BatchDamaged",
    "BatchRef",
    "BlobRefused",
    "Listing",
    "SeenDoc",
    "SeenInfo",
    "TargetBusy",
    "TargetError",
    "TargetFull",
    "TargetInfo",
    "TargetReadOnly",
    "TargetRefused",
    "TargetUnavailable",
    "Transport",
    "check_blob",
    "is_sha256",
]

MAX_BLOB_BYTES = 32 * 1024 * 1024  # attachments are at most 20 MB (planning/attachments.py)
_SHA = re.compile(r"^[0-9a-f]{64}$")


def is_sha256(text: str) -> bool:
    return bool(_SHA.match(text or ""))


# -- errors ---------------------------------------------------------------------------------------
class TargetError(TesseraError):
    """A sync target (folder, server) could not be used; the message is for a teacher."""


class TargetUnavailable(TargetError):
    """The place cannot be reached now (unplugged, offline, server down): try again later."""


class TargetFull(TargetUnavailable):
    """The place has no space left."""


class TargetReadOnly(TargetUnavailable):
    """The place can be read but not written (read-only share, no permission)."""


class TargetRefused(TargetError):
    """The place refuses this device (not enrolled, revoked, another school, out of scope)."""


class TargetBusy(TargetUnavailable):
    """The place is overloaded; ``retry_after`` seconds is when it asked us to come back."""

    def __init__(self, message: str, retry_after: float = 0.0) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class BlobRefused(TargetError):
    """A blob was not stored or not taken: too large, or its bytes do not match its hash."""


# -- what a place returns -------------------------------------------------------------------------
@dataclass(frozen=True)
class TargetInfo:
    """What the UI says about a place."""

    kind: str  # "folder" | "server" | "memory"
    label: str  # for a teacher: "The school share", "The school server"
    address: str  # the folder's path or the server's URL
    compacts: bool = True  # the client removes batches everyone has seen (False: the place does)


@dataclass
class SeenInfo:
    """A writer's published seen vector, as listed."""

    replica: str
    vector: dict[str, int]
    updated: float  # when it was published (the later of the writer's word and the place's clock)
    schema_version: int = 0
    damaged: list[dict] = field(default_factory=list)  # {"writer", "name", "size"} per batch


@dataclass
class SeenDoc:
    """What this replica publishes (``publish_seen``)."""

    vector: dict[str, int]
    schema_version: int
    damaged: list[dict] = field(default_factory=list)
    previous_ids: list[str] = field(default_factory=list)  # this database's earlier replica ids


@dataclass
class Listing:
    """Everything at a place, as one sync sees it at its start."""

    replicas: set[str] = field(default_factory=set)  # every writer present
    seen: dict[str, SeenInfo] = field(default_factory=dict)
    unreadable_seen: set[str] = field(default_factory=set)  # writers whose vector could not be read
    folder_mtime: dict[str, float] = field(default_factory=dict)  # when each writer first appeared/changed
    last_write: dict[str, float] = field(default_factory=dict)  # newest thing each writer wrote
    batches: list[BatchRef] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (where, reason in plain words)


# -- the interface --------------------------------------------------------------------------------
class Transport(ABC):
    """One replica's view of one place. See the module's docstring for the contract."""

    me: str

    # reachability and description
    @abstractmethod
    def describe(self) -> TargetInfo: ...

    @abstractmethod
    def reachable(self) -> bool:
        """Cheap: whether the place answers now (no exception)."""

    @abstractmethod
    def prepare(self) -> None:
        """Get ready to sync (make our own area, drop our leftovers); raises TargetError."""

    # batches
    @abstractmethod
    def scan(self) -> Listing:
        """What is at the place now (batches, seen vectors, skipped entries)."""

    @abstractmethod
    def fetch_batch(self, ref: BatchRef) -> bytes: ...

    @abstractmethod
    def batch_header(self, ref: BatchRef) -> dict: ...

    @abstractmethod
    def put_batch(self, origin: str, first: int, last: int, data: bytes) -> BatchRef: ...

    @abstractmethod
    def remove_batch(self, ref: BatchRef) -> bool: ...

    # seen vectors
    @abstractmethod
    def publish_seen(self, doc: SeenDoc) -> None: ...

    # blobs
    @abstractmethod
    def put_blob(self, sha256: str, data: bytes) -> None: ...

    @abstractmethod
    def get_blob(self, sha256: str) -> bytes | None: ...

    @abstractmethod
    def has_blob(self, sha256: str) -> bool: ...

    # trust documents
    @abstractmethod
    def get_doc(self, path: str) -> bytes | None: ...

    @abstractmethod
    def put_doc(self, path: str, data: bytes) -> None: ...

    @abstractmethod
    def list_docs(self, folder: str) -> list[str]: ...

    def close(self) -> None:
        """Release connections (nothing to do for a folder)."""
        return None


def check_blob(sha256: str, data: bytes) -> None:
    """Raise BlobRefused unless ``data`` is a blob that may be stored under ``sha256``."""
    import hashlib

    if not is_sha256(sha256):
        raise BlobRefused(_("That file reference is not valid."))
    if len(data) > MAX_BLOB_BYTES:
        raise BlobRefused(
            _("That file is too big to sync (the limit is {mb} MB).", mb=MAX_BLOB_BYTES // (1024 * 1024))
        )
    if hashlib.sha256(data).hexdigest() != sha256:
        raise BlobRefused(_("That file does not match its fingerprint (damaged or changed on the way)."))
