"""The batch operations a sync's steps use, over any transport (``transport.py``).

``send``, ``receive``, ``compact`` and the trust steps call these (as they once called the
folder): batches are encoded and decoded here, through ``batchfile.encode_batch`` /
``decode_batch`` only, and stored and fetched as opaque bytes through the transport.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from app.sync.batchfile import (
    BATCH_BYTES,
    BATCH_CHANGES,
    Batch,
    BatchRef,
    decode_batch,
    encode_batch,
    parse_batch,
)
from app.sync.changes import ChangeRec
from app.sync.transport import Listing, SeenDoc, Transport


class Place:
    def __init__(self, transport: Transport) -> None:
        self.transport = transport

    @property
    def me(self) -> str:
        return self.transport.me

    def reachable(self) -> bool:
        return self.transport.reachable()

    def scan(self) -> Listing:
        return self.transport.scan()

    # -- batches --------------------------------------------------------------------------------
    def write_batch(
        self,
        origin: str,
        changes: Iterable[ChangeRec],
        *,
        max_changes: int = BATCH_CHANGES,
        max_bytes: int = BATCH_BYTES,
        sealer: Callable[[str, int, int, str], dict] | None = None,
        header_line: str | None = None,
    ) -> tuple[BatchRef, int] | None:
        """Write the changes (contiguous sequence numbers of one origin, ascending) until a limit;
        returns the new batch and how many changes it holds, or None if there were none.
        Consumes from ``changes`` only what fits (see ``encode_batch``); what the sealer raises
        leaves no batch behind. The one way a batch is written, whatever the transport."""
        made = encode_batch(
            self.me,
            origin,
            changes,
            max_changes=max_changes,
            max_bytes=max_bytes,
            sealer=sealer,
            header_line=header_line,
        )
        if made is None:
            return None
        data, first, last, count = made
        return self.transport.put_batch(origin, first, last, data), count

    def fetch_batch(self, ref: BatchRef) -> tuple[bytes, dict]:
        """(body, footer), checked whole (``decode_batch``). May run on a reading thread."""
        return decode_batch(self.transport.fetch_batch(ref))

    def parse_batch(self, ref: BatchRef, body: bytes, footer: dict) -> Batch:
        return parse_batch(ref, body, footer)

    def read_batch(self, ref: BatchRef) -> Batch:
        return parse_batch(ref, *self.fetch_batch(ref))

    def read_header(self, ref: BatchRef) -> dict:
        return self.transport.batch_header(ref)

    # -- compaction (who may remove what: ``compact.py``) ---------------------------------------
    def remove(self, ref: BatchRef) -> bool:
        if ref.writer != self.me:
            raise ValueError("a replica removes files only from its own folder")
        return self.transport.remove_batch(ref)

    def remove_previous(self, ref: BatchRef, previous_ids: set[str]) -> bool:
        if ref.writer not in previous_ids or ref.writer == self.me:
            raise ValueError("only a previous id's own folder")
        return self.transport.remove_batch(ref)

    def remove_abandoned(self, ref: BatchRef) -> bool:
        if ref.writer == self.me:
            raise ValueError("our own batches go through remove()")
        return self.transport.remove_batch(ref)

    # -- seen -----------------------------------------------------------------------------------
    def write_seen(
        self,
        vector: dict[str, int],
        *,
        schema_version: int,
        damaged: list[dict],
        previous_ids: list[str] | None = None,
    ) -> None:
        self.transport.publish_seen(SeenDoc(vector, schema_version, damaged, previous_ids or []))
