"""What a sync did, for the CLI, the agent and the UI (plain data)."""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass, field, replace

from app.sync.apply_types import ApplyResult

log = logging.getLogger(__name__)


@dataclass
class SkippedFile:
    name: str
    reason: str


@dataclass
class SyncReport:
    folder: str = ""
    replica_id: str = ""
    started_at: float = 0.0
    finished_at: float = 0.0
    sent: int = 0  # our own changes written to the folder
    forwarded: int = 0  # other replicas' changes written for replicas that lacked them
    files_written: int = 0
    files_read: int = 0
    received: int = 0  # new changes stored here
    duplicates: int = 0
    applied: int = 0
    held: int = 0  # changes now waiting for a row or parent that has not arrived
    newer_schema: int = 0  # changes waiting for a newer Tessera
    dropped: int = 0  # changes for purged rows
    conflicts: int = 0  # values archived because another value won
    compacted: int = 0  # old batch files removed (ours, or an abandoned replica's)
    trimmed: int = 0  # change-log payloads dropped (every known replica has them)
    pending_send: int = 0  # our changes not in the folder yet (after this sync)
    unacknowledged: int = 0  # our changes (this id and previous ids) a replica syncing here has not confirmed
    complete: bool = True  # False: stopped early (limit or stop request); sync again to finish
    renewed_replica: bool = False
    refused: int = 0  # changes refused by the trust checks and kept aside (app/trust)
    signed: bool = False  # this sync checked signatures (the school has moved to signed sync)
    files_sent: int = 0  # attachment files put at the place (``blobs.py``)
    files_received: int = 0  # attachment files that arrived here, checked
    files_waiting: int = 0  # files named by rows here that the place does not hold yet
    files_refused: int = 0  # files whose bytes did not match their fingerprint or size: refused
    target: str = ""  # "folder" | "server" | "memory": the kind of place this sync went to
    skipped: list[SkippedFile] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)

    def add(self, res: ApplyResult) -> None:
        self.received += res.received
        self.duplicates += res.duplicates
        self.applied += res.applied
        self.dropped += res.dropped
        self.conflicts += res.conflicts


_logged_skips: set[tuple[str, str]] = set()


def skip(report: SyncReport, name: str, reason: str) -> None:
    """Note a skipped file in the report, and in the log once per run of the app."""
    report.skipped.append(SkippedFile(name, reason))
    key = (name, reason)
    if key not in _logged_skips:  # say it once per run of the app, not every minute
        _logged_skips.add(key)
        log.warning("sync: skipped %s: %s", name, reason)


def merge_reports(a: SyncReport, b: SyncReport) -> SyncReport:
    """Two rounds of one sync as one report (b is the later round)."""
    out = replace(b, started_at=a.started_at, skipped=[*a.skipped, *b.skipped])
    for name in (
        "sent",
        "forwarded",
        "files_written",
        "files_read",
        "received",
        "duplicates",
        "applied",
        "dropped",
        "conflicts",
        "compacted",
        "trimmed",
        "refused",
        "files_sent",
        "files_received",
        "files_refused",
    ):
        setattr(out, name, getattr(a, name) + getattr(b, name))
    out.renewed_replica = a.renewed_replica or b.renewed_replica
    return out
