"""What this device knows of its school's trust, kept in ``<data folder>/trust/``: the school's
signed document (the trust anchor), the certificates and revocation list the school signed, the
enrolment requests seen, and the requests refused here. The same layout sits in the sync folder
under ``tessera-sync/trust/`` (``exchange.py`` copies between the two)."""

from __future__ import annotations

import json
import logging
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from app.identity import ed25519
from app.identity.docs import Cert, Request, Revocations, opened
from app.identity.keys import trust_dir

log = logging.getLogger(__name__)

SCHOOL_DOC = "school.json"
REVOKED_DOC = "revoked.json"
CERTS = "certs"
REQUESTS = "requests"
REFUSED = "refused"
MAX_DOC_BYTES = 256 * 1024


def read_doc(path: Path) -> dict | None:
    try:
        if path.is_symlink() or not path.is_file() or path.stat().st_size > MAX_DOC_BYTES:
            return None
        doc = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    return doc if isinstance(doc, dict) else None


def write_doc(path: Path, doc: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".tmp-{uuid.uuid4().hex[:8]}.part")
    tmp.write_text(json.dumps(doc, sort_keys=True), "utf-8")
    tmp.replace(path)


@dataclass
class School:
    key: str  # the school's public key
    name: str
    school_ids: tuple[str, ...]  # the school rows (partitions' first part) that are this school's
    version: int
    data_epoch: int = 0  # the data key's current epoch (app/trust/keyring.py); 0: batches are plain

    @property
    def fingerprint(self) -> str:
        return ed25519.fingerprint(self.key)

    @staticmethod
    def from_doc(doc: dict | None) -> School | None:
        if doc is None:
            return None
        b = opened(doc, "school")
        if b is None or b.get("key") != doc.get("key"):
            return None  # a school document is signed by the key it names
        try:
            return School(str(b["key"]), str(b.get("name", "")), tuple(map(str, b.get("school_ids", ()))),
                          int(b.get("version", 0)), int(b.get("data_epoch", 0) or 0))  # fmt: skip
        except (KeyError, TypeError, ValueError):
            return None


@dataclass
class TrustState:
    """A snapshot of the trust files, loaded once per sync."""

    folder: Path
    school: School | None = None
    school_doc: dict | None = None
    certs: dict[str, Cert] = field(default_factory=dict)  # device public key -> its newest cert
    cert_docs: dict[str, dict] = field(default_factory=dict)  # device id -> doc
    revoked: Revocations = field(default_factory=Revocations)
    revoked_doc: dict | None = None
    requests: dict[str, Request] = field(default_factory=dict)  # device id -> request
    refused: dict[str, dict] = field(default_factory=dict)  # device id -> {"at", "key"}
    docs: dict[str, dict] = field(default_factory=dict)  # "requests/<id>" or "refused/<id>" -> doc

    @staticmethod
    def load(data_dir: Path) -> TrustState:
        st = TrustState(trust_dir(data_dir))
        st.read(st.folder)
        return st

    def read(self, folder: Path, anchor: str = "") -> None:
        """Take in the documents of ``folder`` that hold: a school document only when none is known
        yet (and, when ``anchor`` is set, only the school whose fingerprint it is)."""
        if self.school is None:
            doc = read_doc(folder / SCHOOL_DOC)
            school = School.from_doc(doc)
            if school is not None and (not anchor or school.fingerprint == anchor):
                self.school, self.school_doc = school, doc
        elif (doc := read_doc(folder / SCHOOL_DOC)) is not None:
            newer = School.from_doc(doc)
            if newer is not None and newer.key == self.school.key and newer.version > self.school.version:
                self.school, self.school_doc = newer, doc
        if self.school is None:
            return
        key = self.school.key
        for path in _listing(folder / CERTS):
            doc = read_doc(path)
            b = opened(doc, "cert", key)
            cert = Cert.from_body(b) if b else None
            if cert is None or cert.school != self.school.fingerprint:
                continue
            old = self.certs.get(cert.key)
            if old is None or cert.serial > old.serial:
                self.certs[cert.key] = cert
                self.cert_docs[cert.device] = doc  # type: ignore[assignment]
        doc = read_doc(folder / REVOKED_DOC)
        b = opened(doc, "revoked", key)
        if b is not None and b.get("school") == self.school.fingerprint:
            rev = Revocations.from_body(b)
            if rev.version > self.revoked.version:
                self.revoked, self.revoked_doc = rev, doc
        for path in _listing(folder / REQUESTS):
            req = Request.from_doc(read_doc(path))
            if req is not None and path.stem == req.device:
                old_req = self.requests.get(req.device)
                if old_req is None or req.at > old_req.at:
                    self.requests[req.device] = req
                    self.docs[f"{REQUESTS}/{req.device}"] = read_doc(path)  # type: ignore[assignment]
        for path in _listing(folder / REFUSED):
            doc = read_doc(path)
            b = opened(doc, "refused", key)
            if b is not None and path.stem == b.get("device"):
                self.refused[str(b["device"])] = {"at": b.get("at", 0), "key": b.get("device_key", "")}
                self.docs[f"{REFUSED}/{b['device']}"] = doc  # type: ignore[assignment]

    def write(self, folder: Path) -> None:
        """Write what we hold into ``folder`` where it is missing or older there."""
        if self.school_doc is None:
            return
        there = School.from_doc(read_doc(folder / SCHOOL_DOC))
        if there is None or (there.key == self.school.key and there.version < self.school.version):  # type: ignore[union-attr]
            write_doc(folder / SCHOOL_DOC, self.school_doc)
        for device, doc in self.cert_docs.items():
            path = folder / CERTS / f"{device}.json"
            old = read_doc(path)
            ob = opened(old, "cert", self.school.key) if old else None  # type: ignore[union-attr]
            if ob is None or int(ob.get("serial", 0)) < int(doc["body"]["serial"]):
                write_doc(path, doc)
        for name, doc in self.docs.items():
            path = folder / f"{name}.json"
            if read_doc(path) != doc:
                write_doc(path, doc)
        if self.revoked_doc is not None:
            b = opened(read_doc(folder / REVOKED_DOC), "revoked", self.school.key)  # type: ignore[union-attr]
            if b is None or int(b.get("version", 0)) < self.revoked.version:
                write_doc(folder / REVOKED_DOC, self.revoked_doc)

    # -- questions the gate and the pages ask ----------------------------------------------
    def cert_of(self, key: str) -> Cert | None:
        return self.certs.get(key)

    def is_revoked(self, cert: Cert) -> bool:
        return cert.serial in self.revoked.serials

    def next_serial(self) -> int:
        used = [c.serial for c in self.certs.values()] + list(self.revoked.serials)
        return max(used, default=0) + 1

    def pending_requests(self) -> list[Request]:
        """Requests of devices with no certificate for the key they asked with and not refused."""
        out = []
        for r in self.requests.values():
            cert = self.certs.get(r.key)
            if cert is not None and not self.is_revoked(cert):
                continue
            if cert is not None:
                continue  # revoked: it must ask again with a new key
            refused = self.refused.get(r.device)
            if refused is not None and refused.get("key") == r.key:
                continue
            out.append(r)
        return sorted(out, key=lambda r: r.at)

    def now(self) -> float:
        return time.time()


def _listing(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.suffix == ".json" and not p.name.startswith("."))[
            :5000
        ]
    except OSError:
        return []
