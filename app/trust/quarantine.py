"""Quarantine: changes refused by the trust checks, kept aside with their reason in
``quarantined_change``: never applied, never lost, listed for the teacher, re-checked when their
device is enrolled (``recheck.py``)."""

from __future__ import annotations

import hashlib
import json
import time
from collections import Counter
from dataclasses import dataclass

from app.store.raw import raw_connection
from app.trust.policy import Refusal
from app.trust.segment import Seal

SIGNATURE_CODES = (
    "unsigned",
    "altered",
    "signature",
    "unknown",
    "revoked",
    "expired",
    "replica",
    "school-key",
)

_INSERT = (
    "INSERT OR IGNORE INTO quarantined_change (replica_id, seq, digest, code, reason, device_key, device_name, "
    "stored, line, seal, source, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def keep(raw, items: list[tuple[str, int, str]], refusal: Refusal, seal: Seal | None, device_name: str,
         source: str, stored: bool, header: str = "") -> None:  # fmt: skip
    """Keep (origin, seq, line) items aside under one reason (with the file's header, so its seal
    can be checked again later)."""
    seal_text = json.dumps({**seal.to_json(), "hdr": header}) if seal else ""
    key = seal.key if seal else ""
    now = time.time()
    raw.executemany(
        _INSERT,
        [
            (
                origin,
                seq,
                hashlib.sha256(line.encode("utf-8", "surrogatepass")).hexdigest(),
                refusal.code,
                refusal.words,
                key,
                device_name,
                int(stored),
                line,
                seal_text,
                source,
                now,
            )
            for origin, seq, line in items
        ],
    )


def refused_sources(raw) -> set[str]:
    """Batch files whose changes were refused whole (not worth reading again until a re-check)."""
    return {r[0] for r in raw.execute("SELECT DISTINCT source FROM quarantined_change WHERE stored = 0")}


@dataclass
class Group:
    code: str
    reason: str
    device: str  # the device's name, or "" when unknown
    count: int


def summary(db) -> list[Group]:
    """What is kept aside, grouped by reason and device, largest first."""
    with db.read() as s:
        rows = (
            raw_connection(s)
            .execute(
                "SELECT code, reason, device_name, COUNT(*) FROM quarantined_change GROUP BY code, reason, device_name"
            )
            .fetchall()
        )
    return sorted((Group(*r) for r in rows), key=lambda g: -g.count)


def count(db) -> int:
    with db.read() as s:
        return raw_connection(s).execute("SELECT COUNT(*) FROM quarantined_change").fetchone()[0]


def by_code(db) -> Counter:
    return Counter({g.code: g.count for g in summary(db)})
