"""What the holder of the school key does: set the school up, approve or refuse a device, revoke
one. Each writes signed documents into the local trust folder; ``exchange.py`` carries them to the
sync folder at the next sync (or at once, when a folder is given)."""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from pathlib import Path

from app.errors import TesseraError
from app.i18n import _
from app.identity import ed25519
from app.identity.docs import ALL_CLASSES, CERT_DAYS, ROLES, Cert, Request, seal
from app.identity.keys import device, save_school_private, school_private, trust_dir
from app.store.raw import raw_connection
from app.trust.state import CERTS, REFUSED, REVOKED_DOC, SCHOOL_DOC, School, TrustState, write_doc

DAY = 86400.0


class TrustError(TesseraError):
    """A trust step that cannot be done; the message is for a teacher or an IT admin."""


def create_school(data_dir: Path, name: str, school_ids: list[str], replicas: Sequence[str] = ()) -> School:
    """Make the school key pair (kept in this data folder), the school's signed document, and a
    certificate for this device as the school's admin device. Refuses if a school key is here."""
    if school_private(data_dir) is not None:
        raise TrustError(_("This computer already holds a school key."))
    st = TrustState.load(data_dir)
    if st.school is not None:
        raise TrustError(_("This computer already belongs to a school; it cannot make another."))
    key = ed25519.new_private()
    save_school_private(data_dir, key)
    body = {"kind": "school", "key": ed25519.public_of(key), "name": name,
            "school_ids": sorted(set(school_ids)), "version": 1, "created": time.time(),
            "data_epoch": 1}  # fmt: skip
    write_doc(trust_dir(data_dir) / SCHOOL_DOC, seal(body, key))
    me = device(data_dir)
    assert me is not None
    issue(data_dir, me.id, me.public, me.name, "admin", [ALL_CLASSES], list(replicas))
    school = School.from_doc(seal(body, key))
    assert school is not None
    return school


def issue(data_dir: Path, device_id: str, public: str, name: str, role: str, classes: list[str],
          replicas: list[str], days: float = CERT_DAYS) -> Cert:  # fmt: skip
    """Sign a certificate for a device (a new one, or a renewal with a new serial)."""
    if role not in ROLES:
        raise TrustError(_("Unknown role {role!r}: use lab, teacher, leader or admin.", role=role))
    key, st = _holder(data_dir)
    cert = Cert(device_id, public, name, st.school.fingerprint, tuple(classes) or (ALL_CLASSES,), role,  # type: ignore[union-attr]
                st.next_serial(), time.time() + days * DAY, tuple(replicas))  # fmt: skip
    write_doc(trust_dir(data_dir) / CERTS / f"{device_id}.json", seal(cert.body(), key))
    from app.trust.keyring import issue_keys

    issue_keys(data_dir, cert)  # the school's data key travels with the approval
    return cert


def approve(
    data_dir: Path,
    device_id: str,
    role: str | None = None,
    classes: list[str] | None = None,
    lab_default: list[str] | None = None,
) -> Cert:
    """Approve a device's enrolment request: its certificate is written for the next sync.
    ``lab_default``: the classes a lab computer gets when neither the approver nor its request names
    any (an unenrolled computer cannot read the encrypted share, so its request names none): the
    approving teacher's, never every class of the school."""
    _x, st = _holder(data_dir)
    req = st.requests.get(device_id) or _by_prefix(st, device_id)
    if req is None:
        raise TrustError(_("No request from that device is waiting."))
    role = role or req.role
    if role == "admin" and req.role != "admin":
        role = "teacher"  # admin is given only by asking for it from the command line
    # A request names the replica ids its device used before it had a key; one that is already
    # another device's (a student editing the request to write under the teacher's id) is dropped.
    taken = {r for c in st.certs.values() if c.device != req.device for r in c.replicas}
    replicas = [r for r in req.replicas if r not in taken and not any(c.may_sign_for(r) for c in st.certs.values()
                                                                        if c.device != req.device)]  # fmt: skip
    chosen = list(classes or req.classes or [])
    if not chosen and role == "lab" and lab_default is not None:
        if not lab_default:
            raise TrustError(_("Choose the classes this lab computer may sync: you teach none yet."))
        chosen = list(lab_default)
    return issue(data_dir, req.device, req.key, req.name, role, chosen or [ALL_CLASSES], replicas)


def refuse(data_dir: Path, device_id: str) -> None:
    key, st = _holder(data_dir)
    req = st.requests.get(device_id) or _by_prefix(st, device_id)
    if req is None:
        raise TrustError(_("No request from that device is waiting."))
    body = {"kind": "refused", "device": req.device, "device_key": req.key, "at": time.time()}
    write_doc(trust_dir(data_dir) / REFUSED / f"{req.device}.json", seal(body, key))


def revoke(data_dir: Path, device_id: str, why: str = "", held: dict[str, int] | None = None) -> list[int]:
    """Revoke every certificate of a device; its later changes are refused everywhere. ``held``:
    per replica id, the last change this computer holds (its version vector); the device's
    changes up to there stay good on every peer, so all keep the same."""
    key, st = _holder(data_dir)
    certs = [c for c in st.certs.values() if c.device == device_id or c.device.startswith(device_id)]
    if not certs:
        raise TrustError(_("No device with that id is enrolled."))
    me = device(data_dir, create=False)
    if me is not None and any(c.key == me.public for c in certs):
        raise TrustError(_("This computer cannot revoke itself."))
    rev = st.revoked
    for c in certs:
        upto = {o: n for o, n in (held or {}).items() if c.may_sign_for(o) and n > 0}
        rev.serials[c.serial] = {
            "device": c.device,
            "name": c.name,
            "at": time.time(),
            "why": why,
            "upto": upto,
        }
    rev.version += 1
    write_doc(trust_dir(data_dir) / REVOKED_DOC, seal(rev.body(st.school.fingerprint), key))  # type: ignore[union-attr]
    from app.trust.keyring import rotate

    rotate(data_dir)  # a new data key the revoked device never gets: it cannot read what comes after
    return [c.serial for c in certs]


def _holder(data_dir: Path) -> tuple[bytes, TrustState]:
    key = school_private(data_dir)
    st = TrustState.load(data_dir)
    if key is None or st.school is None or st.school.key != ed25519.public_of(key):
        raise TrustError(
            _(
                "This computer does not hold the school key: approve, refuse and revoke devices on the computer where the school was set up."
            )
        )
    return key, st


def _by_prefix(st: TrustState, prefix: str) -> Request | None:
    found = [r for d, r in st.requests.items() if d.startswith(prefix)]
    return found[0] if len(found) == 1 else None


def school_rows(db) -> tuple[list[str], list[str], str]:
    """(school ids, this database's replica ids, the first school's name)."""
    with db.read() as s:
        raw = raw_connection(s)
        schools = raw.execute("SELECT id, name FROM school WHERE deleted = 0 ORDER BY created_at").fetchall()
        rid, previous = raw.execute("SELECT replica_id, previous_ids FROM replica_state").fetchone()
    return [r[0] for r in schools], [*json.loads(previous or "[]"), rid], (schools[0][1] if schools else "")


def set_up_with_school(db, name: str, folder: str | None = None) -> School | None:
    """The welcome screen's school set-up: make the school key for a brand-new school. Returns
    None (and does nothing) where the machine policy already names a school key, or the sync
    folder already holds a school's document: that school's key is elsewhere, and this computer
    asks to join it at its first sync instead (two teachers of one school who each set up a class
    must not end up as two schools that refuse each other's changes)."""
    from app.trust.run import policy_anchor, share_trust

    if policy_anchor():
        return None
    if folder and (share_trust(Path(folder)) / SCHOOL_DOC).exists():
        return None
    ids, replicas, _ = school_rows(db)
    return create_school(Path(db.path).parent, name, ids, replicas)
