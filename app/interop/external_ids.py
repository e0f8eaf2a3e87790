"""Links between Tessera rows and outside ids: deterministic ids (so two devices importing the same
file offline make the same rows, which sync then merges) and look-ups both ways."""

from __future__ import annotations

import uuid

from sqlalchemy import text
from sqlmodel import Session

NAMESPACE = uuid.UUID("2c8e4a51-7d3b-5f60-9e1a-4b7c0d2f6a83")


def link_key(system: str, kind: str, external_id: str) -> str:
    return f"{system}|{kind}|{external_id}"


def stable_id(system: str, kind: str, external_id: str) -> str:
    """The Tessera id a row made for this outside id gets, on every device."""
    return str(uuid.uuid5(NAMESPACE, link_key(system, kind, external_id)))


def link_row(system: str, kind: str, external_id: str, tessera_id: str, partition: str) -> dict:
    key = link_key(system, kind, external_id)
    return {"id": str(uuid.uuid5(NAMESPACE, "link|" + key)), "system": system, "kind": kind,
            "external_id": external_id, "tessera_id": tessera_id, "key": key, "partition": partition}


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
