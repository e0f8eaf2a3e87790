"""Who is asking: a device proves it holds its enrolled key by signing a one-time server nonce,
and gets a short-lived token (HMAC of the server's secret, shared by every process through the
database). The server in turn proves it holds the school key by signing the client's challenge
with it, so a client that pins the school key's fingerprint cannot be fooled by a stolen TLS
certificate alone.

Every request's token is checked against the device's current status (cached for ``schools.TTL``
seconds), so a revoked device is refused at its next request, not when its token runs out."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import threading
import time
from dataclasses import dataclass

from sqlalchemy import delete, select, update
from sqlalchemy.engine import Connection

from app.identity import ed25519
from app.identity.docs import ALL_CLASSES, canonical
from tessera_server import schools
from tessera_server.schema import device, nonce, server_meta

NONCE_SECONDS = 120.0
TOKEN_SECONDS = 600.0


class Refused(Exception):
    """A request that is not allowed: ``status`` is the HTTP status, the message says why."""

    def __init__(self, status: int, words: str) -> None:
        super().__init__(words)
        self.status = status
        self.words = words


@dataclass(frozen=True)
class Caller:
    school_id: str
    device_id: str
    key: str
    role: str
    classes: frozenset[str]
    serial: int

    @property
    def every_class(self) -> bool:
        return ALL_CLASSES in self.classes


def proof_message(school_id: str, challenge: str, nonce_text: str) -> bytes:
    return canonical(
        {"kind": "server-proof", "school": school_id, "challenge": challenge, "nonce": nonce_text}
    )


def token_message(school_id: str, nonce_text: str, key: str) -> bytes:
    return canonical({"kind": "token-request", "school": school_id, "nonce": nonce_text, "key": key})


def hello(conn: Connection, school_id: str, challenge: str) -> dict:
    found = schools.trust(conn, school_id)
    if found is None:
        raise Refused(404, "No such school on this server.")
    st, row = found
    if not isinstance(challenge, str) or not 16 <= len(challenge) <= 128:
        raise Refused(400, "A challenge of 16 to 128 characters is needed.")
    n = secrets.token_hex(24)
    now = time.time()
    conn.execute(delete(nonce).where(nonce.c.school_id == school_id, nonce.c.expires < now - 3600))
    conn.execute(nonce.insert().values(school_id=school_id, nonce=n, expires=now + NONCE_SECONDS, used=False))
    return {
        "nonce": n,
        "expires": now + NONCE_SECONDS,
        "school": st.school_doc,
        "proof": ed25519.sign(row.private, proof_message(school_id, challenge, n)),
        "epoch": row.epoch,
    }


def secret(conn: Connection) -> bytes:
    """The server's token key, made by the first process that needs it (insert-if-absent: two
    processes starting at once agree on one), then kept by each process."""
    key = _SECRET.get("k")
    if key is not None:
        return key
    got = conn.execute(select(server_meta.c.value).where(server_meta.c.key == "token_secret")).scalar()
    if got is None:
        from tessera_server.bulk import insert_ignore

        insert_ignore(conn, server_meta, [{"key": "token_secret", "value": secrets.token_hex(32)}])
        got = conn.execute(
            select(server_meta.c.value).where(server_meta.c.key == "token_secret")
        ).scalar_one()
    return _SECRET.setdefault("k", bytes.fromhex(got))


def issue_token(conn: Connection, school_id: str, key: str, nonce_text: str, sig: str) -> dict:
    if not all(isinstance(x, str) for x in (key, nonce_text, sig)):
        raise Refused(400, "key, nonce and sig are needed.")
    used = conn.execute(update(nonce).where(
        nonce.c.school_id == school_id, nonce.c.nonce == nonce_text, nonce.c.used == False,  # noqa: E712
        nonce.c.expires >= time.time()).values(used=True))  # fmt: skip
    if used.rowcount != 1:
        raise Refused(401, "That nonce is unknown, expired or already used: ask for a new one.")
    if not ed25519.verify(key, token_message(school_id, nonce_text, key), sig):
        raise Refused(401, "The signature of the nonce does not hold.")
    d = conn.execute(select(device).where(device.c.school_id == school_id, device.c.key == key,
                                          device.c.status == "enrolled")).first()  # fmt: skip
    if d is None:
        raise Refused(403, "This device is not enrolled at this school (or was revoked).")
    if (d.expires or 0) < time.time():
        raise Refused(403, "This device's certificate has expired: ask the school's admin to renew it.")
    exp = time.time() + TOKEN_SECONDS
    body = {"s": school_id, "d": d.device_id, "k": key, "n": d.serial, "x": exp}
    return {"token": _sign(secret(conn), body), "expires": exp, "device": d.device_id}


def _sign(key: bytes, body: dict) -> str:
    raw = base64.urlsafe_b64encode(canonical(body)).decode().rstrip("=")
    mac = hmac.new(key, raw.encode(), hashlib.sha256).hexdigest()
    return f"{raw}.{mac}"


_SECRET: dict[str, bytes] = {}
_STATUS: dict[tuple[str, str], tuple[float, Caller | None]] = {}
_LOCK = threading.Lock()


def _token(school_id: str, header: str | None, key: bytes, now: float | None) -> dict:
    if not header or not header.startswith("Bearer "):
        raise Refused(401, "Sign in first: this needs a token.")
    token = header[7:].strip()
    raw, _, mac = token.partition(".")
    if not hmac.compare_digest(hmac.new(key, raw.encode(), hashlib.sha256).hexdigest(), mac):
        raise Refused(401, "That token is not one this server made.")
    try:
        body = json.loads(base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)))
    except ValueError:
        raise Refused(401, "That token is not one this server made.") from None
    if float(body["x"]) < (now or time.time()):
        raise Refused(401, "That token has expired: ask for a new one.")
    if body["s"] != school_id:
        raise Refused(403, "That token is for another school.")
    return body


def _status(school_id: str, body: dict) -> Caller | None:
    """The device's enrolment as this process last read it (less than ``schools.TTL`` ago), or
    None when it must be read again. Refused when that enrolment does not stand behind the token."""
    with _LOCK:
        hit = _STATUS.get((school_id, body["d"]))
    if hit is None or time.monotonic() - hit[0] >= schools.TTL:
        return None
    who = hit[1]
    if who is None or who.key != body["k"] or who.serial != body["n"]:
        raise Refused(403, "This device is no longer enrolled at this school (revoked or refused).")
    return who


def quick_caller(school_id: str, header: str | None, now: float | None = None) -> Caller | None:
    """``caller`` from what this process holds, without the database (on the event loop, no
    thread hop): None when the database is needed."""
    key = _SECRET.get("k")
    return None if key is None else _status(school_id, _token(school_id, header, key, now))


def caller(conn_factory, school_id: str, header: str | None, now: float | None = None) -> Caller:  # noqa: ANN001
    """The device a request's ``Authorization: Bearer`` token stands for, or Refused."""
    key = _SECRET.get("k")
    if key is None:
        with conn_factory() as conn:
            key = secret(conn)
    body = _token(school_id, header, key, now)
    who = _status(school_id, body)
    if who is not None:
        return who
    with conn_factory() as conn:
        d = conn.execute(select(device).where(device.c.school_id == school_id,
                                              device.c.device_id == body["d"])).first()  # fmt: skip
    enrolled = None
    if d is not None and d.status == "enrolled":
        enrolled = Caller(
            school_id, d.device_id, d.key, d.role, frozenset(json.loads(d.classes)), int(d.serial)
        )
    with _LOCK:
        _STATUS[(school_id, body["d"])] = (time.monotonic(), enrolled)
    who = _status(school_id, body)
    assert who is not None
    return who


def forget(school_id: str) -> None:
    """Drop cached device statuses (after approve or revoke in this process)."""
    with _LOCK:
        for k in [k for k in _STATUS if k[0] == school_id]:
            del _STATUS[k]
