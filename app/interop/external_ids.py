"""Links between Tessera rows and outside ids: deterministic ids (so two devices importing the same
file offline make the same rows, which sync then merges) and look-ups both ways."""

from __future__ import annotations

import hashlib
import uuid

from sqlalchemy import text
from sqlmodel import Session

NAMESPACE = uuid.UUID("2c8e4a51-7d3b-5f60-9e1a-4b7c0d2f6a83")


def link_key(system: str, kind: str, external_id: str) -> str:
    return f"{system}|{kind}|{external_id}"


def uuid5(name: str, namespace: uuid.UUID = NAMESPACE) -> str:
    """``str(uuid.uuid5(namespace, name))``, about five times faster (a district makes 100,000)."""
    h = bytearray(hashlib.sha1(namespace.bytes + name.encode("utf-8")).digest()[:16])
    h[6] = (h[6] & 0x0F) | 0x50
    h[8] = (h[8] & 0x3F) | 0x80
    x = h.hex()
    return f"{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:]}"


def stable_id(system: str, kind: str, external_id: str) -> str:
    """The Tessera id a row made for this outside id gets, on every device."""
    return uuid5(link_key(system, kind, external_id))


def link_row(system: str, kind: str, external_id: str, tessera_id: str, partition: str) -> dict:
    key = link_key(system, kind, external_id)
    return {
        "id": uuid5("link|" + key),
        "system": system,
        "kind": kind,
        "external_id": external_id,
        "tessera_id": tessera_id,
        "key": key,
        "partition": partition,
    }


def load_links(session: Session, system: str) -> dict[tuple[str, str], str]:
    """(kind, external id) -> Tessera id for one system."""
    rows = session.connection().execute(
        text("SELECT kind, external_id, tessera_id FROM external_id WHERE system = :s AND deleted = 0"),
        {"s": system})  # fmt: skip
    return {(k, e): t for k, e, t in rows}


def outside_ids(session: Session, kind: str, system: str | None = None) -> dict[str, str]:
    """Tessera id -> outside id for one kind (the first system found when none is named)."""
    sql = "SELECT tessera_id, external_id FROM external_id WHERE kind = :k AND deleted = 0"
    params = {"k": kind}
    if system:
        sql += " AND system = :s"
        params["s"] = system
    out: dict[str, str] = {}
    for tid, ext in session.connection().execute(text(sql + " ORDER BY system, id"), params):
        out.setdefault(tid, ext)
    return out
