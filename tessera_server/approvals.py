"""Approving devices from a desktop (the Sync page) through the server: the asks waiting, shown to
a device whose certificate lets it approve, and its approvals, refusals and revocations.

An approval is a certificate the approver's desktop signed. The server checks the chain and does
not decide what the new device may do:

- signed with the school key (the desktop where the school was set up): kept exactly as signed;
  the server mints nothing;
- signed with the calling device's own key: that device's certificate (signed with the school
  key, not revoked, not expired) is the link. A teacher may approve a lab machine or a teacher's
  computer for classes that are all among its own, an admin for any class; admin is given only
  with the school key (as on the desktop). Every desktop's gate trusts only the school key, so
  the server then seals the same body with the school key it holds.

Refusals and revocations are small documents signed the same way, with the same rules. The
revocation list itself is signed with the school key here (``devices.revoke``), so it carries
what the server holds of the device (``upto``)."""

from __future__ import annotations

import json
import logging
import time

from sqlalchemy import func, select, update
from sqlalchemy.engine import Connection

from app.identity.docs import ALL_CLASSES, CERT_DAYS, ROLES, Cert, Request, opened, seal
from tessera_server import devices, schools
from tessera_server.auth import Caller, Refused
from tessera_server.schema import device, school
from tessera_server.schools import DAY

log = logging.getLogger("tessera_server.approvals")
FRESH = DAY  # a refusal or revocation signed longer ago than this is not taken (a replay)


def _chain(conn: Connection, who: Caller, doc: object, kind: str) -> tuple[dict, Cert | None, bytes]:
    """The body of ``doc`` if it is signed by the school key or by the caller's own enrolled key
    whose certificate may approve; with that certificate (None for the school key) and the
    school's private key."""
    found = schools.trust(conn, who.school_id)
    if found is None:
        raise Refused(404, "No such school on this server.")
    st, row = found
    by = doc.get("key") if isinstance(doc, dict) else None
    if by == row.school.key:
        body = opened(doc, kind, row.school.key)
        if body is None:
            raise Refused(403, "That document's signature does not hold.")
        return body, None, row.private
    if by != who.key:
        raise Refused(403, "That document is signed neither by the school key nor by this device.")
    body = opened(doc, kind, who.key)
    if body is None:
        raise Refused(403, "That document's signature does not hold.")
    mine = st.certs.get(who.key)
    if mine is None or st.is_revoked(mine) or mine.expires < time.time():
        raise Refused(403, "This device's certificate is not valid any more.")
    if not mine.at_least("teacher"):
        raise Refused(403, "Only a teacher's or an admin's computer may approve devices.")
    return body, mine, row.private


def may_approve(who: Caller) -> None:
    if who.role not in ROLES or ROLES.index(who.role) < ROLES.index("teacher"):
        raise Refused(403, "Only a teacher's or an admin's computer may approve devices.")


def _covers(cert: Cert | None, classes: list[str] | tuple[str, ...]) -> bool:
    """Whether the approver may give these classes: the school key and every-class certificates
    any; a teacher only classes all among its own (and never every class)."""
    if cert is None or ALL_CLASSES in cert.classes:
        return True
    return bool(classes) and ALL_CLASSES not in classes and set(classes) <= set(cert.classes)


def _visible(who: Caller, asked: list[str]) -> bool:
    return who.every_class or not asked or bool(set(asked) & who.classes)


def pending(conn: Connection, who: Caller) -> dict:
    """The asks waiting that this device may act on, and the next free certificate serial."""
    may_approve(who)
    rows = conn.execute(select(device).where(device.c.school_id == who.school_id, device.c.status == "waiting")
                        .order_by(device.c.at))  # fmt: skip
    st = schools.trust(conn, who.school_id)[0]  # type: ignore[index]
    taken = {x for c in st.certs.values() for x in c.replicas}
    asks = []
    for r in rows:
        req = Request.from_doc(json.loads(r.request_doc)) if r.request_doc else None
        classes = list(req.classes) if req else json.loads(r.classes)
        if not _visible(who, classes):
            continue
        asks.append({"device": r.device_id, "key": r.key, "name": r.name, "role": r.role, "classes": classes,
                     "class_names": list(req.class_names) if req else [],
                     # the ids it used before that another device's certificate names already are
                     # dropped, as on the desktop (``school.approve``): the approver signs the rest
                     "replicas": [x for x in (req.replicas if req else ()) if x not in taken], "at": r.at})  # fmt: skip
    return {"asks": asks, "next_serial": _next_serial(conn, who.school_id)}


def _next_serial(conn: Connection, school_id: str) -> int:
    top = conn.execute(select(func.max(device.c.serial)).where(device.c.school_id == school_id)).scalar() or 0
    found = schools.trust(conn, school_id)
    revoked = max(found[0].revoked.serials, default=0) if found else 0
    return max(int(top), revoked) + 1


def _waiting(conn: Connection, school_id: str, device_id: str):  # noqa: ANN202
    r = conn.execute(
        select(device).where(device.c.school_id == school_id, device.c.device_id == device_id)
    ).first()
    if r is None or r.status not in ("waiting", "refused"):
        raise Refused(409, "No ask from that device is waiting.")
    return r


def approve(conn: Connection, who: Caller, doc: object) -> dict:
    may_approve(who)
    # One approval of a school at a time (PostgreSQL: the school row locked; SQLite writes one at a
    # time anyway), so two approvals sent at once cannot both take the same serial.
    conn.execute(select(school.c.school_id).where(school.c.school_id == who.school_id).with_for_update())
    body, by, private = _chain(conn, who, doc, "cert")
    cert = Cert.from_body(body)
    if cert is None or cert.school != who.school_id:
        raise Refused(403, "That is not a certificate for this school.")
    r = _waiting(conn, who.school_id, cert.device)
    if r.key != cert.key:
        raise Refused(403, "That certificate is for another key than the device asked with.")
    if by is not None:
        if cert.role == "admin" or ROLES.index(cert.role) > ROLES.index(by.role):
            raise Refused(403, "This computer may not give that role: admin is given with the school key.")
        if not _covers(by, cert.classes):
            raise Refused(403, "A teacher may approve a device only for classes that are all theirs.")
    req = Request.from_doc(json.loads(r.request_doc)) if r.request_doc else None
    asked = set(req.replicas) if req else set()
    st = schools.trust(conn, who.school_id)[0]  # type: ignore[index]
    taken = {x for c in st.certs.values() if c.device != cert.device for x in c.replicas}
    if not set(cert.replicas) <= asked or set(cert.replicas) & taken:
        raise Refused(403, "That certificate names replica ids the device did not ask for, or another's.")
    if cert.serial < _next_serial(conn, who.school_id):
        raise Refused(409, "That certificate's serial number is already used: load the asks again.")
    now = time.time()
    if not now < cert.expires <= now + (CERT_DAYS + 2) * DAY:
        raise Refused(403, "That certificate's end date is not a valid one.")
    kept = doc if by is None else seal(body, private)  # the same body, under the school key
    conn.execute(update(device).where(device.c.school_id == who.school_id, device.c.device_id == cert.device)
                 .values(status="enrolled", role=cert.role, classes=json.dumps(list(cert.classes)),
                         cert_doc=json.dumps(kept), serial=cert.serial, expires=cert.expires))  # fmt: skip
    schools.invalidate(who.school_id, conn)
    log.info("device %s approved by %s (%s) for %s", cert.device, who.device_id,
             "school key" if by is None else by.role, ",".join(cert.classes))  # fmt: skip
    return {"status": "enrolled", "serial": cert.serial}


def _fresh(body: dict, school_id: str) -> None:
    try:
        at = float(body.get("at", 0))
    except (TypeError, ValueError):
        at = 0.0
    if body.get("school") != school_id or abs(time.time() - at) > FRESH:
        raise Refused(403, "That document is for another school or too old.")


def refuse(conn: Connection, who: Caller, doc: object) -> dict:
    may_approve(who)
    body, by, _private = _chain(conn, who, doc, "refusal")
    _fresh(body, who.school_id)
    r = _waiting(conn, who.school_id, str(body.get("device", "")))
    if r.key != body.get("device_key"):
        raise Refused(409, "That device asked again with another key: load the asks again.")
    asked = json.loads(r.classes)
    if by is not None and ALL_CLASSES not in by.classes and not (not asked or set(asked) & set(by.classes)):
        raise Refused(403, "A teacher may refuse only asks for their classes.")
    conn.execute(update(device).where(device.c.school_id == who.school_id, device.c.device_id == r.device_id)
                 .values(status="refused"))  # fmt: skip
    schools.invalidate(who.school_id, conn)
    return {"status": "refused", "serial": None}


def revoke(conn: Connection, who: Caller, doc: object) -> dict:
    may_approve(who)
    body, by, _private = _chain(conn, who, doc, "revoke")
    _fresh(body, who.school_id)
    target = str(body.get("device", ""))
    r = conn.execute(
        select(device).where(device.c.school_id == who.school_id, device.c.device_id == target)
    ).first()
    if r is None or r.status != "enrolled":
        raise Refused(409, "No enrolled device has that id.")
    if r.key == who.key:
        raise Refused(403, "A computer cannot revoke itself.")
    if by is not None and not by.at_least("admin"):
        if r.role != "lab" or not _covers(by, json.loads(r.classes)):
            raise Refused(403, "A teacher may revoke only lab machines of their own classes.")
    serial = devices.revoke(conn, who.school_id, r.device_id, str(body.get("why", ""))[:200])
    return {"status": "revoked", "serial": serial}
