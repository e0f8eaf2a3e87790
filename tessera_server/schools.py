"""A school on the server: its key, its signed document, its devices' certificates and revocation
list, and the trust state the desktop's gate reads (built from the database, not from a folder).

The server holds the school key: it signs the certificates an admin approves with
``tessera-server devices approve`` and proves itself to clients, who pin the key's fingerprint
(policy ``school_key``). It also has its own admin certificate, under which it relays segments it
had to redact for a device's scope (``pull.py``)."""

from __future__ import annotations

import json
import secrets
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.engine import Connection

from app.identity import ed25519
from app.identity.docs import ALL_CLASSES, CERT_DAYS, ROLES, Cert, Revocations, opened, seal
from app.trust.state import School, TrustState
from tessera_server.schema import device, school

DAY = 86400.0
SERVER_DEVICE = "tessera-server"


class ServerError(Exception):
    """A step an IT admin asked for that cannot be done; the message says why in plain words."""


@dataclass
class SchoolRow:
    school_id: str
    name: str
    school: School
    private: bytes
    server_cert: Cert
    server_private: bytes
    epoch: str


def create_school(conn: Connection, name: str, school_ids: list[str], private: bytes | None = None,
                  doc: dict | None = None) -> SchoolRow:  # fmt: skip
    """A new school (a new key, or one brought from the admin computer with its document)."""
    key = private or ed25519.new_private()
    if doc is None:
        body = {"kind": "school", "key": ed25519.public_of(key), "name": name,
                "school_ids": sorted(set(school_ids)), "version": 1, "created": time.time()}  # fmt: skip
        doc = seal(body, key)
    found = School.from_doc(doc)
    if found is None or found.key != ed25519.public_of(key):
        raise ServerError("The school document does not hold with this school key.")
    sid = found.fingerprint
    if conn.execute(select(school.c.school_id).where(school.c.school_id == sid)).first():
        raise ServerError(f"The school {sid} is already on this server.")
    server_private = ed25519.new_private()
    server_public = ed25519.public_of(server_private)
    # Serial 0 is never handed to a device (the desktop counts from 1) and a district admin can
    # revoke this certificate like any other.
    cert = Cert(f"{SERVER_DEVICE}-{uuid.uuid4()}", server_public, "Tessera server", sid, (ALL_CLASSES,),
                "admin", 0, time.time() + 10 * 365 * DAY)  # fmt: skip
    conn.execute(
        school.insert().values(
            school_id=sid,
            name=found.name or name,
            doc=json.dumps(doc),
            private_key=ed25519.b64(key),
            server_cert=json.dumps(seal(cert.body(), key)),
            server_key=ed25519.b64(server_private),
            revoked_doc=None,
            epoch=new_epoch(),
            next_cursor=1,
            created=time.time(),
        )  # fmt: skip
    )
    invalidate(sid)
    return load(conn, sid)  # type: ignore[return-value]


def import_school(conn: Connection, data_dir: Path) -> SchoolRow:
    """Bring a school set up on a desktop (``python -m app school create``) to the server: its key,
    document, certificates and revocation list."""
    from app.identity.keys import school_private

    key = school_private(data_dir)
    st = TrustState.load(data_dir)
    if key is None or st.school is None or st.school_doc is None:
        raise ServerError("That data folder does not hold a school key.")
    row = create_school(conn, st.school.name, list(st.school.school_ids), key, st.school_doc)
    for cert in st.certs.values():
        status = "revoked" if st.is_revoked(cert) else "enrolled"
        conn.execute(device.insert().values(
            school_id=row.school_id, device_id=cert.device, key=cert.key, name=cert.name, role=cert.role,
            classes=json.dumps(list(cert.classes)), status=status,
            cert_doc=json.dumps(st.cert_docs.get(cert.device)), serial=cert.serial, expires=cert.expires,
            at=time.time()))  # fmt: skip
    if st.revoked_doc is not None:
        conn.execute(update(school).where(school.c.school_id == row.school_id).values(
            revoked_doc=json.dumps(st.revoked_doc)))  # fmt: skip
    invalidate(row.school_id, conn)
    return row


def new_epoch() -> str:
    return f"{int(time.time())}-{secrets.token_hex(6)}"


def load(conn: Connection, school_id: str) -> SchoolRow | None:
    r = conn.execute(select(school).where(school.c.school_id == school_id)).first()
    if r is None:
        return None
    s = School.from_doc(json.loads(r.doc))
    cert_body = opened(json.loads(r.server_cert), "cert")
    cert = Cert.from_body(cert_body) if cert_body else None
    assert s is not None and cert is not None
    return SchoolRow(r.school_id, r.name, s, ed25519.unb64(r.private_key), cert, ed25519.unb64(r.server_key),
                     r.epoch)  # fmt: skip


# -- the trust state the gate reads, cached per process while the school's trust_version stands ------
_CACHE: dict[str, tuple[int, TrustState, SchoolRow]] = {}
_LOCK = threading.Lock()
TTL = 1.0  # seconds a device's status is cached per process (``auth.caller``)


def invalidate(school_id: str, conn: Connection | None = None) -> None:
    """Trust changed (approval, revocation): every process rebuilds its state at its next use."""
    with _LOCK:
        _CACHE.pop(school_id, None)
    if conn is not None:
        conn.execute(update(school).where(school.c.school_id == school_id).values(
            trust_version=school.c.trust_version + 1))  # fmt: skip


def version_of(school_id: str) -> int:
    """The trust version of the state this process last built (``trust``) for the school."""
    with _LOCK:
        hit = _CACHE.get(school_id)
    return hit[0] if hit else -1


def trust(conn: Connection, school_id: str) -> tuple[TrustState, SchoolRow] | None:
    version = conn.execute(select(school.c.trust_version).where(school.c.school_id == school_id)).scalar()
    if version is None:
        return None
    with _LOCK:
        hit = _CACHE.get(school_id)
    if hit is not None and hit[0] == version:
        return hit[1], hit[2]
    row = load(conn, school_id)
    if row is None:
        return None
    st = TrustState(Path("/nonexistent"))
    r = conn.execute(select(school.c.doc, school.c.server_cert, school.c.revoked_doc).where(
        school.c.school_id == school_id)).one()  # fmt: skip
    st.school, st.school_doc = row.school, json.loads(r.doc)
    docs = [json.loads(r.server_cert)] + [
        json.loads(d) for (d,) in conn.execute(
            select(device.c.cert_doc).where(device.c.school_id == school_id, device.c.cert_doc.is_not(None)))
    ]  # fmt: skip
    for doc in docs:
        b = opened(doc, "cert", row.school.key)
        cert = Cert.from_body(b) if b else None
        if cert is not None and cert.school == school_id:
            old = st.certs.get(cert.key)
            if old is None or cert.serial > old.serial:
                st.certs[cert.key] = cert
                st.cert_docs[cert.device] = doc
    if r.revoked_doc:
        doc = json.loads(r.revoked_doc)
        b = opened(doc, "revoked", row.school.key)
        if b is not None:
            st.revoked, st.revoked_doc = Revocations.from_body(b), doc
    with _LOCK:
        _CACHE[school_id] = (version, st, row)
    return st, row


def new_epoch_after_restore(conn: Connection) -> list[str]:
    """After restoring a backup: every school gets a new epoch, so clients reconcile by version
    vector instead of trusting cursors the restored database never handed out."""
    ids = [r[0] for r in conn.execute(select(school.c.school_id))]
    for sid in ids:
        conn.execute(update(school).where(school.c.school_id == sid).values(epoch=new_epoch()))
        invalidate(sid, conn)
    return ids


def schools(conn: Connection) -> list[tuple[str, str, str]]:
    return [(r.school_id, r.name, r.epoch) for r in conn.execute(select(school.c.school_id, school.c.name,
                                                                        school.c.epoch))]  # fmt: skip


def check_role(role: str) -> str:
    if role not in ROLES:
        raise ServerError(f"Unknown role {role!r}: use lab, teacher or admin.")
    return role


CERT_DAYS_DEFAULT = CERT_DAYS
