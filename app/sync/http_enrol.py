"""Signed sync with the school server: what the folder's trust exchange does through the share
(``app/trust/run.py``), done over HTTPS before each sync (``HttpTransport.prepare``).

- The school document the server proved it holds the key of, the certificates and the revocation
  list are written into this computer's trust folder, so the sync's trust run signs our segments
  and checks everyone else's (including the server's relays of redacted segments).
- A computer the server does not know yet sends its enrolment request (signed with its own key, as
  for the folder) and is told, in words, that an admin must approve it.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from app.identity.docs import request_body, seal
from app.identity.keys import device
from app.store.raw import raw_connection
from app.sync.transport import TargetRefused
from app.trust.state import CERTS, REVOKED_DOC, SCHOOL_DOC, TrustState, write_doc

WAITING = (
    "This computer has asked to join the school server and waits for approval: an admin approves it "
    "on the server (tessera-server devices approve) or on the Sync page. Its work is safe here meanwhile."
)


def take_trust(data_dir: Path, anchor: str, trust: dict) -> None:
    """Keep the school's documents the server gave (each checked against the school key)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if isinstance(trust.get("school"), dict):
            write_doc(folder / SCHOOL_DOC, trust["school"])
        for i, doc in enumerate(trust.get("certs") or []):
            if isinstance(doc, dict):
                write_doc(folder / CERTS / f"{i}.json", doc)
        if isinstance(trust.get("revoked"), dict):
            write_doc(folder / REVOKED_DOC, trust["revoked"])
        st = TrustState.load(data_dir)
        st.read(folder, anchor)
        if st.school is not None:
            st.write(st.folder)


def request_doc(db) -> dict:
    """This computer's signed enrolment request (the same document the folder carries)."""
    from app.config import load_settings

    data_dir = Path(db.path).parent
    me = device(data_dir)
    assert me is not None
    with db.read() as s:
        raw = raw_connection(s)
        rid, previous = raw.execute("SELECT replica_id, previous_ids FROM replica_state").fetchone()
        classes = raw.execute(
            "SELECT id, name FROM school_class WHERE deleted = 0 AND archived = 0 ORDER BY name"
        ).fetchall()
    lab = bool(load_settings(str(data_dir)).get("lab_mode"))
    body = request_body(me.id, me.public, me.name, "lab" if lab else "teacher", [c[0] for c in classes],
                        [c[1] for c in classes], [*json.loads(previous or "[]"), rid])  # fmt: skip
    return seal(body, me.private)


def prepare(transport, db, data_dir: Path) -> None:  # noqa: ANN001
    """Before a sync: the school's documents in, and a request out when we are not enrolled."""
    if transport.signed_in():  # a token from an earlier sync: it proved the school key then
        take_trust(data_dir, transport.school, transport._trust())
        return
    hello = transport.hello()
    take_trust(data_dir, transport.school, {"school": hello.get("school")})
    try:
        transport._bearer()
    except TargetRefused:
        transport._json("POST", transport._s("/enrol"), request_doc(db), auth=False)
        raise TargetRefused(WAITING) from None
    take_trust(data_dir, transport.school, transport._trust())
