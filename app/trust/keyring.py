"""The school data key's travels: who gets which epoch's key, and the cipher a sync uses.

The holder of the school key writes, for every enrolled device, a *keys document* signed by the
school key: ``trust/keys/<device id>.json`` with every epoch's data key sealed to that device's key
pair (``app/identity/datakeys.py``). Approval writes one with the certificate; a revocation starts
a new epoch and writes them again for every device still enrolled, so a revoked device cannot read
what is written after. The school's document names the current epoch (``data_epoch``; 0 or missing
for a school set up before batches were encrypted: ``ensure_encrypted`` moves it on at the
holder's next sync). The documents travel through the share like certificates; each device takes in
its own, checked against the school key, as ``trust/keyring.json``.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from app.i18n import _
from app.identity import ed25519
from app.identity.datakeys import KEYRING, Keyring, SealBroken, derive, local_keyring, seal_to
from app.identity.docs import Cert, opened, seal
from app.identity.keys import Device, school_private, trust_dir
from app.trust.run import Unsealable
from app.trust.state import SCHOOL_DOC, TrustState, read_doc, write_doc

log = logging.getLogger(__name__)

KEYS = "keys"
KIND = "datakeys"


class NoDataKey(Unsealable):
    """This device has no key for the school's current epoch (not enrolled yet, or revoked): what
    it made stays in its database, unsent, until it has one."""


class ShareCipher(Keyring):
    def check_writable(self) -> None:
        if self.current is None:
            raise NoDataKey(_("this computer does not hold the school's data key yet (it is sent with the approval of its enrolment)"))  # fmt: skip

    def encrypt(self, name: str, plain: bytes) -> bytes:
        try:
            return super().encrypt(name, plain)
        except SealBroken as exc:
            raise NoDataKey(exc.reason) from exc


def keys_doc(school_key: bytes, st: TrustState, cert: Cert, epoch: int) -> dict:
    body = {
        "kind": KIND,
        "device": cert.device,
        "device_key": cert.key,
        "school": st.school.fingerprint,  # type: ignore[union-attr]
        "epoch": epoch,
        "keys": {str(n): seal_to(cert.key, derive(school_key, n)) for n in range(1, epoch + 1)},
        "at": time.time(),
    }
    return seal(body, school_key)


def issue_keys(data_dir: Path, cert: Cert) -> None:
    """The keys document of a device just approved (or renewed): every epoch so far, so it reads
    what was written before it joined too."""
    key = school_private(data_dir)
    st = TrustState.load(data_dir)
    if key is None or st.school is None or st.school.data_epoch <= 0:
        return
    write_doc(
        trust_dir(data_dir) / KEYS / f"{cert.device}.json", keys_doc(key, st, cert, st.school.data_epoch)
    )


def rotate(data_dir: Path) -> int:
    """A new epoch (a revocation, or a school that starts encrypting): the school's document names
    it, and every device enrolled and not revoked gets its key. Returns the new epoch."""
    key = school_private(data_dir)
    st = TrustState.load(data_dir)
    if key is None or st.school is None or st.school_doc is None or st.school.key != ed25519.public_of(key):
        return 0
    body = dict(st.school_doc["body"])
    epoch = int(body.get("data_epoch", 0) or 0) + 1
    body.update(data_epoch=epoch, version=int(body.get("version", 0)) + 1)
    write_doc(trust_dir(data_dir) / SCHOOL_DOC, seal(body, key))
    st = TrustState.load(data_dir)
    now = time.time()
    for cert in st.certs.values():
        if not st.is_revoked(cert) and cert.expires > now:
            write_doc(trust_dir(data_dir) / KEYS / f"{cert.device}.json", keys_doc(key, st, cert, epoch))
    log.info("trust: the school's data key is now at epoch %d", epoch)
    return epoch


def ensure_encrypted(data_dir: Path) -> bool:
    """On the computer holding the school key: a school set up before batches were encrypted starts
    encrypting (epoch 1). True when it did."""
    key = school_private(data_dir)
    if key is None:
        return False
    st = TrustState.load(data_dir)
    if st.school is None or st.school.data_epoch > 0 or st.school.key != ed25519.public_of(key):
        return False
    return rotate(data_dir) > 0


def exchange(data_dir: Path, st: TrustState, share: Path | None, me: Device | None) -> None:
    """Keys documents: ours out to the share (the holder writes everyone's), this device's own in
    (checked against the school key, and that it is for this device's key)."""
    if st.school is None:
        return
    local = trust_dir(data_dir) / KEYS
    if share is not None:
        for path in _listing(local):
            doc = read_doc(path)
            there = read_doc(share / KEYS / path.name)
            if doc is not None and _epoch(st, there) < _epoch(st, doc):
                write_doc(share / KEYS / path.name, doc)
    if me is None:
        return
    best, best_epoch = None, _epoch(st, read_doc(trust_dir(data_dir) / KEYRING), me)
    for folder in (local, share / KEYS if share is not None else None):
        if folder is None:
            continue
        doc = read_doc(folder / f"{me.id}.json")
        if _epoch(st, doc, me) > best_epoch:
            best, best_epoch = doc, _epoch(st, doc, me)
    if best is not None:
        write_doc(trust_dir(data_dir) / KEYRING, best)


def cipher_for(data_dir: Path, st: TrustState) -> ShareCipher | None:
    """The cipher of this sync: None while the school does not encrypt (epoch 0: plain batches, as
    before); else the keys this device holds, writing under the school's current epoch."""
    if st.school is None or st.school.data_epoch <= 0:
        return None
    ring = local_keyring(data_dir)
    return ShareCipher(ring.keys, st.school.data_epoch)


def _epoch(st: TrustState, doc: dict | None, me: Device | None = None) -> int:
    """The epoch of a keys document that holds (signed by the school key, for this school, and for
    ``me`` when given); -1 otherwise."""
    b = opened(doc, KIND, st.school.key) if doc is not None and st.school is not None else None
    if b is None or b.get("school") != st.school.fingerprint:  # type: ignore[union-attr]
        return -1
    if me is not None and (b.get("device_key") != me.public or b.get("device") != me.id):
        return -1
    try:
        return int(b.get("epoch", 0))
    except (TypeError, ValueError):
        return -1


def _listing(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.suffix == ".json" and not p.name.startswith("."))[
            :5000
        ]
    except OSError:
        return []
