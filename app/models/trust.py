"""Local bookkeeping for trust in sync (none of these sync): changes refused by the trust checks,
kept aside with their reason, and the seals of received segments, kept so a forwarded segment
travels with its author's proof."""

from __future__ import annotations

from sqlalchemy import Index
from sqlmodel import Field, SQLModel


class QuarantinedChange(SQLModel, table=True):
    """A change refused by the signature, certificate, revocation or write-policy checks: never
    applied, never lost; re-checked when its device is enrolled (``app/trust/quarantine.py``).
    ``stored``: 1 when the change is also in the change log (signed by an enrolled device but
    refused by the policy; then it waits in ``pending_change`` too), 0 when only here."""

    __tablename__ = "quarantined_change"
    __table_args__ = (Index("ix_quarantined_change_code", "code"),)
    replica_id: str = Field(primary_key=True)
    seq: int = Field(primary_key=True)
    digest: str = Field(primary_key=True)  # SHA-256 of the line: two forgeries of one seq both stay
    code: str  # unsigned | altered | signature | unknown | revoked | expired | replica | equivocation | policy codes
    reason: str  # in a teacher's words
    device_key: str = ""  # the signer's public key, when there was one
    device_name: str = ""
    stored: int = 0
    line: str  # the change line exactly as it came
    seal: str = ""  # the segment's seal (JSON) when it had one
    source: str = ""  # the batch file it came in
    at: float


class SegmentSeal(SQLModel, table=True):
    """The seal of a segment received whole and applied, to forward it with its author's proof."""

    __tablename__ = "segment_seal"
    replica_id: str = Field(primary_key=True)
    first: int = Field(primary_key=True)
    last: int
    seal: str  # JSON
