"""Signed documents of a school's trust: the school itself, device certificates, enrolment
requests and the revocation list. Each is ``{"body": {...}, "sig": ..., "key": ...}``: the body as
canonical JSON (sorted keys, no spaces, ASCII), signed by ``key`` (the school key for the school,
certificates and revocations; the device's own key for its request, proving it holds it)."""

from __future__ import annotations

import hashlib
import json
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

from app.identity import ed25519

ROLES = ("lab", "teacher", "leader", "admin")  # role ceilings, lowest first (leader: issue 21)
ALL_CLASSES = "*"
CERT_DAYS = 3 * 365  # a certificate lasts three school years unless revoked


def canonical(body: dict) -> bytes:
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")


def seal(body: dict, private: bytes) -> dict:
    return {"body": body, "key": ed25519.public_of(private), "sig": ed25519.sign(private, canonical(body))}


def opened(doc: Any, kind: str, key: str | None = None) -> dict | None:
    """The body of a well-formed document of ``kind`` whose signature holds (by ``key`` when given,
    else by the key it names); None otherwise."""
    if not isinstance(doc, dict):
        return None
    body, sig, by = doc.get("body"), doc.get("sig"), doc.get("key")
    if not isinstance(body, dict) or body.get("kind") != kind or not isinstance(sig, str):
        return None
    if not isinstance(by, str) or (key is not None and by != key):
        return None
    try:
        ok = ed25519.verify(by, canonical(body), sig)
    except (TypeError, ValueError):
        return None
    return body if ok else None


@dataclass(frozen=True)
class Cert:
    """What the school says a device may do."""

    device: str
    key: str  # the device's public key
    name: str  # e.g. LAB-07, or the teacher's laptop name
    school: str  # the school key's fingerprint
    classes: tuple[str, ...]  # class ids whose partitions it may write ("*": every class)
    role: str  # role ceiling: lab | teacher | admin
    serial: int
    expires: float
    replicas: tuple[str, ...] = ()  # replica ids it used before it had a key (upgrade)

    @staticmethod
    def from_body(b: dict) -> Cert | None:
        try:
            cert = Cert(
                device=str(b["device"]),
                key=str(b["key"]),
                name=str(b.get("name", "")),
                school=str(b["school"]),
                classes=tuple(str(c) for c in b.get("classes", ())),
                role=str(b["role"]),
                serial=int(b["serial"]),
                expires=float(b["expires"]),
                replicas=tuple(str(r) for r in b.get("replicas", ())),
            )
        except (KeyError, TypeError, ValueError):
            return None
        return cert if cert.role in ROLES else None

    def body(self) -> dict:
        return {
            "kind": "cert",
            "device": self.device,
            "key": self.key,
            "name": self.name,
            "school": self.school,
            "classes": list(self.classes),
            "role": self.role,
            "serial": self.serial,
            "expires": self.expires,
            "replicas": list(self.replicas),
        }

    def at_least(self, role: str) -> bool:
        return ROLES.index(self.role) >= ROLES.index(role)

    def may_sign_for(self, origin: str) -> bool:
        """Whether this device may author changes under ``origin``: a replica id made from its
        key (``derived_replica_id``), or one it used before it had a key."""
        return origin in self.replicas or is_derived(self.key, origin)


@dataclass
class Request:
    device: str
    key: str
    name: str
    role: str  # asked for: lab or teacher
    classes: tuple[str, ...]
    replicas: tuple[str, ...]
    at: float
    class_names: tuple[str, ...] = ()

    @staticmethod
    def from_doc(doc: Any) -> Request | None:
        b = opened(doc, "request")
        if b is None or b.get("key") != doc.get("key"):
            return None  # a request is signed by the key it asks a certificate for
        try:
            return Request(
                device=str(b["device"]),
                key=str(b["key"]),
                name=str(b.get("name", ""))[:80],
                role=str(b.get("role", "lab")) if b.get("role") in ROLES else "lab",
                classes=tuple(str(c) for c in b.get("classes", ()))[:200],
                replicas=tuple(str(r) for r in b.get("replicas", ()))[:200],
                at=float(b.get("at", 0)),
                class_names=tuple(str(c)[:80] for c in b.get("class_names", ()))[:200],
            )
        except (TypeError, ValueError):
            return None


def request_body(device: str, key: str, name: str, role: str, classes, class_names, replicas) -> dict:
    return {
        "kind": "request",
        "device": device,
        "key": key,
        "name": name,
        "role": role,
        "classes": list(classes),
        "class_names": list(class_names),
        "replicas": list(replicas),
        "at": time.time(),
    }


@dataclass
class Revocations:
    version: int = 0
    serials: dict[int, dict] = field(default_factory=dict)  # serial -> {device, name, at, why}

    @staticmethod
    def from_body(b: dict | None) -> Revocations:
        if not b:
            return Revocations()
        out = Revocations(version=int(b.get("version", 0)))
        for k, v in dict(b.get("serials", {})).items():
            out.serials[int(k)] = dict(v) if isinstance(v, dict) else {}
        return out

    def body(self, school: str) -> dict:
        return {
            "kind": "revoked",
            "school": school,
            "version": self.version,
            "serials": {str(k): v for k, v in sorted(self.serials.items())},
        }


# -- replica ids made from a device key ----------------------------------------------------------
# An id a device takes after it has a key (a new database, a restored or cloned one) carries its
# proof: 6 random bytes and 10 bytes of SHA-256(public key + those bytes). Nobody else can make an
# id that passes for this device's, so changes under it can only be signed by this device.


def derived_replica_id(public: str) -> str:
    nonce = uuid.uuid4().bytes[:6]
    return str(uuid.UUID(bytes=nonce + _tag(public, nonce)))


def is_derived(public: str, replica: str) -> bool:
    try:
        raw = uuid.UUID(replica).bytes
    except ValueError:
        return False
    return raw[6:] == _tag(public, raw[:6])


def _tag(public: str, nonce: bytes) -> bytes:
    return hashlib.sha256(public.encode("ascii") + b"/" + nonce).digest()[:10]
