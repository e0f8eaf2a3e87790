"""Enrolment on the server: a device sends its signed request (the desktop's ``Request``), an
admin approves (a certificate signed with the school key), refuses or revokes it with
``tessera-server devices ...``. A revocation keeps what the device wrote up to what the server
holds, as the desktop's does, so every replica keeps the same."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.engine import Connection

from app.identity.docs import ALL_CLASSES, CERT_DAYS, Cert, Request, seal
from tessera_server import schools
from tessera_server.schema import change_key, device, school
from tessera_server.schools import DAY, ServerError


@dataclass
class DeviceInfo:
    device_id: str
    name: str
    role: str
    classes: list[str]
    status: str
    serial: int | None


def enrol(conn: Connection, school_id: str, doc: dict) -> str:
    """Keep a device's request; returns its status (waiting, or enrolled when it already is)."""
    req = Request.from_doc(doc)
    if req is None:
        from tessera_server.auth import Refused

        raise Refused(403, "That is not a signed enrolment request.")
    found = conn.execute(select(device).where(device.c.school_id == school_id,
                                              device.c.device_id == req.device)).first()  # fmt: skip
    if found is not None:
        if found.key == req.key and found.status in ("enrolled", "waiting", "refused"):
            return found.status
        if found.status == "revoked" and found.key == req.key:
            raise ServerError("This device was revoked; it must ask again with a new key.")
        conn.execute(device.delete().where(device.c.school_id == school_id, device.c.device_id == req.device))
    conn.execute(device.insert().values(
        school_id=school_id, device_id=req.device, key=req.key, name=req.name, role=req.role,
        classes=json.dumps(list(req.classes)), status="waiting", request_doc=json.dumps(doc), at=time.time()))  # fmt: skip
    return "waiting"


def status(conn: Connection, school_id: str, device_id: str) -> tuple[str, dict | None]:
    r = conn.execute(select(device.c.status, device.c.cert_doc).where(
        device.c.school_id == school_id, device.c.device_id == device_id)).first()  # fmt: skip
    if r is None:
        return "unknown", None
    return r.status, (json.loads(r.cert_doc) if r.cert_doc else None)


def listing(conn: Connection, school_id: str) -> list[DeviceInfo]:
    rows = conn.execute(select(device).where(device.c.school_id == school_id).order_by(device.c.at))
    return [DeviceInfo(r.device_id, r.name, r.role, json.loads(r.classes), r.status, r.serial) for r in rows]


def _one(conn: Connection, school_id: str, device_id: str):  # noqa: ANN202
    rows = conn.execute(select(device).where(device.c.school_id == school_id,
                                             device.c.device_id.startswith(device_id))).fetchall()  # fmt: skip
    if len(rows) != 1:
        raise ServerError(
            "No device with that id." if not rows else "More than one device starts so: give more."
        )
    return rows[0]


def approve(conn: Connection, school_id: str, device_id: str, role: str | None = None,
            classes: list[str] | None = None, days: float = CERT_DAYS) -> Cert:  # fmt: skip
    row = schools.load(conn, school_id)
    if row is None:
        raise ServerError("No such school on this server.")
    d = _one(conn, school_id, device_id)
    if d.status == "revoked":
        raise ServerError("That device was revoked; it must ask again with a new key.")
    req = Request.from_doc(json.loads(d.request_doc)) if d.request_doc else None
    role = schools.check_role(role or d.role)
    replicas = tuple(req.replicas) if req else ()
    serial = (conn.execute(select(func.max(device.c.serial)).where(device.c.school_id == school_id)).scalar()
              or 0) + 1  # fmt: skip
    cert = Cert(d.device_id, d.key, d.name, school_id, tuple(classes or json.loads(d.classes) or [ALL_CLASSES]),
                role, serial, time.time() + days * DAY, replicas)  # fmt: skip
    conn.execute(update(device).where(device.c.school_id == school_id, device.c.device_id == d.device_id).values(
        status="enrolled", role=role, classes=json.dumps(list(cert.classes)),
        cert_doc=json.dumps(seal(cert.body(), row.private)), serial=serial, expires=cert.expires))  # fmt: skip
    schools.invalidate(school_id, conn)
    return cert


def refuse(conn: Connection, school_id: str, device_id: str) -> None:
    d = _one(conn, school_id, device_id)
    conn.execute(update(device).where(device.c.school_id == school_id, device.c.device_id == d.device_id).values(
        status="refused"))  # fmt: skip
    schools.invalidate(school_id, conn)


def revoke(conn: Connection, school_id: str, device_id: str, why: str = "") -> int:
    row = schools.load(conn, school_id)
    if row is None:
        raise ServerError("No such school on this server.")
    d = _one(conn, school_id, device_id)
    if d.serial is None:
        raise ServerError("That device was never enrolled.")
    cert = Cert(d.device_id, d.key, d.name, school_id, (), d.role, d.serial, d.expires or 0)
    trust = schools.trust(conn, school_id)
    assert trust is not None
    st = trust[0]
    full = st.certs.get(d.key)
    upto = {}
    for origin, top in conn.execute(select(change_key.c.origin, func.max(change_key.c.seq)).where(
            change_key.c.school_id == school_id).group_by(change_key.c.origin)):  # fmt: skip
        if (full or cert).may_sign_for(origin):
            upto[origin] = int(top)
    rev = st.revoked
    serials = dict(rev.serials)
    serials[d.serial] = {"device": d.device_id, "name": d.name, "at": time.time(), "why": why, "upto": upto}
    body = {"kind": "revoked", "school": school_id, "version": rev.version + 1,
            "serials": {str(k): v for k, v in sorted(serials.items())}}  # fmt: skip
    conn.execute(update(school).where(school.c.school_id == school_id).values(
        revoked_doc=json.dumps(seal(body, row.private))))  # fmt: skip
    conn.execute(update(device).where(device.c.school_id == school_id, device.c.device_id == d.device_id).values(
        status="revoked"))  # fmt: skip
    schools.invalidate(school_id, conn)
    return int(d.serial)


def accept_doc(conn: Connection, who, path: str, doc) -> None:  # noqa: ANN001
    """A certificate or revocation list signed with the school key on the admin's computer (the
    desktop's own devices flow, when the school key stayed there): kept if it holds."""
    from app.identity.docs import opened
    from tessera_server.auth import Refused

    row = schools.load(conn, who.school_id)
    assert row is not None
    if path.startswith("certs/"):
        b = opened(doc, "cert", row.school.key)
        cert = Cert.from_body(b) if b else None
        if cert is None or cert.school != who.school_id:
            raise Refused(403, "That certificate is not signed with this school's key.")
        found = conn.execute(select(device.c.serial, device.c.status).where(
            device.c.school_id == who.school_id, device.c.device_id == cert.device)).first()  # fmt: skip
        values = dict(key=cert.key, name=cert.name, role=cert.role, classes=json.dumps(list(cert.classes)),
                      status="enrolled", cert_doc=json.dumps(doc), serial=cert.serial, expires=cert.expires)  # fmt: skip
        if found is None:
            conn.execute(device.insert().values(school_id=who.school_id, device_id=cert.device, at=time.time(),
                                                **values))  # fmt: skip
        elif (found.serial or 0) < cert.serial and found.status != "revoked":
            conn.execute(update(device).where(device.c.school_id == who.school_id,
                                              device.c.device_id == cert.device).values(**values))  # fmt: skip
    elif path == "revoked.json":
        b = opened(doc, "revoked", row.school.key)
        if b is None or b.get("school") != who.school_id:
            raise Refused(403, "That revocation list is not signed with this school's key.")
        old = conn.execute(select(school.c.revoked_doc).where(school.c.school_id == who.school_id)).scalar()
        if old is None or int(json.loads(old)["body"].get("version", 0)) < int(b.get("version", 0)):
            conn.execute(update(school).where(school.c.school_id == who.school_id).values(
                revoked_doc=json.dumps(doc)))  # fmt: skip
            serials = {int(k) for k in dict(b.get("serials", {}))}
            conn.execute(update(device).where(device.c.school_id == who.school_id,
                                              device.c.serial.in_(serials)).values(status="revoked"))  # fmt: skip
    else:
        raise Refused(403, "Only certificates and the revocation list can be sent here.")
    schools.invalidate(who.school_id, conn)
