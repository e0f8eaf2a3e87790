"""Approving devices through the school server from this desktop (``tessera_server/approvals.py``):
the asks waiting that this computer may act on, and the signed answers it sends.

The approval is a certificate signed here: with the school key when this computer holds it (the
server keeps it as signed), else with this computer's own key, whose certificate the server checks
before it seals the same body with the school key. Refusals and revocations are small documents
signed the same way."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from app.i18n import _
from app.identity.docs import CERT_DAYS, Cert, seal
from app.sync.http_transport import HttpTransport, open_server
from app.sync.transport import TargetRefused

DAY = 86400.0


@dataclass
class ServerAsk:
    """A device asking the school server to join."""

    device: str
    key: str
    name: str
    role: str  # asked for: lab | teacher
    classes: list[str] = field(default_factory=list)
    class_names: list[str] = field(default_factory=list)
    replicas: list[str] = field(default_factory=list)
    at: float = 0.0


@dataclass
class ServerAsks:
    asks: list[ServerAsk]
    next_serial: int


def _ask(d: dict) -> ServerAsk:
    def strings(key: str) -> list[str]:
        v = d.get(key) or []
        return [str(x) for x in v] if isinstance(v, list) else []

    return ServerAsk(str(d.get("device", "")), str(d.get("key", "")), str(d.get("name", ""))[:80],
                     str(d.get("role", "lab")), strings("classes"), strings("class_names"), strings("replicas"),
                     float(d.get("at") or 0))  # fmt: skip


class ServerApprovals:
    """The approvals of one school server, for one desktop."""

    def __init__(self, transport: HttpTransport, signer: bytes) -> None:
        self.t = transport
        self.signer = signer  # the school key when this computer holds it, else its device key

    def pending(self) -> ServerAsks:
        got = self.t._json("GET", self.t._s("/approvals"))
        asks = [_ask(a) for a in got.get("asks") or [] if isinstance(a, dict)]
        return ServerAsks(asks, int(got.get("next_serial") or 1))

    def approve(self, ask: ServerAsk, role: str, classes: list[str], serial: int,
                days: float = CERT_DAYS) -> Cert:  # fmt: skip
        cert = Cert(ask.device, ask.key, ask.name, self.t.school, tuple(classes), role, serial,
                    time.time() + days * DAY, tuple(ask.replicas))  # fmt: skip
        self.t._json("POST", self.t._s("/approvals"), {"doc": seal(cert.body(), self.signer)})
        return cert

    def refuse(self, ask: ServerAsk) -> None:
        body = {"kind": "refusal", "school": self.t.school, "device": ask.device, "device_key": ask.key,
                "at": time.time()}  # fmt: skip
        self.t._json("POST", self.t._s("/approvals/refuse"), {"doc": seal(body, self.signer)})

    def revoke(self, device_id: str, why: str) -> None:
        body = {"kind": "revoke", "school": self.t.school, "device": device_id, "why": why, "at": time.time()}
        self.t._json("POST", self.t._s("/approvals/revoke"), {"doc": seal(body, self.signer)})


def open_approvals(url: str, db) -> ServerApprovals:  # noqa: ANN001
    """The server at ``url`` as this database's computer sees it (``open_server``: its device key and
    the school key it pins). Raises TargetRefused/TargetError in words when that cannot be."""
    from app.identity.keys import device, school_private

    data_dir = Path(db.path).parent
    with db.read() as s:
        from app.store.raw import raw_connection

        replica = raw_connection(s).execute("SELECT replica_id FROM replica_state").fetchone()[0]
    t = open_server(url, db)(replica)
    me = device(data_dir, create=False)
    if me is None:
        raise TargetRefused(_("This computer's key cannot be read, so it cannot approve devices."))
    held = school_private(data_dir)
    signer = held if held is not None and _is_school(held, t.school) else me.private
    return ServerApprovals(t, signer)


def _is_school(private: bytes, fingerprint: str) -> bool:
    from app.identity import ed25519

    return ed25519.fingerprint(ed25519.public_of(private)) == fingerprint
