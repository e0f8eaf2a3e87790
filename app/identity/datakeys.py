"""The school's data key: what encrypts batches on the share or a stick, and backups.

One symmetric key per *epoch* (XChaCha20-Poly1305, libsodium through PyNaCl). Epoch ``n``'s key is
derived from the school key (BLAKE2b keyed with the school's private key, salted with ``n``), so
the copy of ``school.key`` the IT admin keeps in the school safe recovers every data key ever
used, and no second secret has to be kept. Enrolled devices get the keys sealed to their own key
pair (X25519 sealed box; the X25519 pair is the device's Ed25519 pair converted, so a certificate
needs no new field) in a document the school key signs (``app/trust/keyring.py``). A revocation
starts a new epoch: the revoked device never receives its key, so it cannot read what is written
after.

Format of an encrypted file: ``MAGIC`` (4 bytes), the epoch (4 bytes, big-endian), a random
24-byte nonce, then the ciphertext with its 16-byte tag. The associated data is those 32 bytes and
the file's name, so a ciphertext moved under another name is refused like an altered one.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
from dataclasses import dataclass, field
from pathlib import Path

from nacl import bindings as sodium
from nacl.exceptions import CryptoError
from nacl.signing import SigningKey

from app.identity import ed25519
from app.identity.keys import trust_dir

MAGIC = b"TSX1"
HEADER = struct.Struct(">4sI24s")  # magic, epoch, nonce
NONCE_BYTES = 24
KEYRING = "keyring.json"  # in the trust folder: this device's keys document, as the school signed it


class SealBroken(Exception):
    """An encrypted file that cannot be opened here. ``reason`` is a short phrase."""

    def __init__(self, reason: str, no_key: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.no_key = no_key  # the file may be whole: only its epoch's key is not held here


def derive(school_private: bytes, epoch: int) -> bytes:
    """Epoch ``epoch``'s data key (32 bytes), from the school's private key."""
    return hashlib.blake2b(
        b"tessera data key", key=school_private, salt=epoch.to_bytes(16, "big"), person=b"tessera-data",
        digest_size=32,
    ).digest()  # fmt: skip


def seal_to(device_public: str, key: bytes) -> str:
    """``key`` sealed to a device (only its private key opens it)."""
    pk = sodium.crypto_sign_ed25519_pk_to_curve25519(ed25519.unb64(device_public))
    return ed25519.b64(sodium.crypto_box_seal(key, pk))


def unseal(device_private: bytes, sealed: str) -> bytes | None:
    sk_full = SigningKey(device_private)
    try:
        sk = sodium.crypto_sign_ed25519_sk_to_curve25519(device_private + bytes(sk_full.verify_key))
        pk = sodium.crypto_sign_ed25519_pk_to_curve25519(bytes(sk_full.verify_key))
        key = sodium.crypto_box_seal_open(ed25519.unb64(sealed), pk, sk)
    except (CryptoError, ValueError, TypeError):
        return None
    return key if len(key) == 32 else None


def is_sealed(data: bytes) -> bool:
    return data[:4] == MAGIC


def epoch_of(data: bytes) -> int | None:
    if len(data) < HEADER.size or not is_sealed(data):
        return None
    return HEADER.unpack_from(data)[1]


def encrypt(key: bytes, epoch: int, name: str, plain: bytes) -> bytes:
    head = HEADER.pack(MAGIC, epoch, os.urandom(NONCE_BYTES))
    nonce = head[8:]
    return head + sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(plain, head + name.encode(), nonce, key)


def decrypt(keys: dict[int, bytes], name: str, data: bytes) -> bytes:
    """The plain bytes of an encrypted file; SealBroken before anything in it is parsed."""
    if len(data) < HEADER.size + 16 or not is_sealed(data):
        raise SealBroken("damaged (not an encrypted Tessera file)")
    _, epoch, nonce = HEADER.unpack_from(data)
    key = keys.get(epoch)
    if key is None:
        raise SealBroken("encrypted with a school data key this computer does not hold (another school, "
                         "or this computer is not enrolled yet)", no_key=True)  # fmt: skip
    head = data[: HEADER.size]
    try:
        return sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
            data[HEADER.size :], head + name.encode(), nonce, key
        )
    except CryptoError as exc:
        raise SealBroken("damaged or not of this school (its encryption does not check)") from exc


@dataclass
class Keyring:
    """The data keys this device holds, by epoch, and the school's current epoch (0: the school does
    not encrypt yet)."""

    keys: dict[int, bytes] = field(default_factory=dict)
    epoch: int = 0

    @property
    def current(self) -> bytes | None:
        return self.keys.get(self.epoch)

    def encrypt(self, name: str, plain: bytes) -> bytes:
        key = self.current
        if key is None:
            raise SealBroken("this computer does not hold the school's current data key")
        return encrypt(key, self.epoch, name, plain)

    def decrypt(self, name: str, data: bytes) -> bytes:
        return decrypt(self.keys, name, data)


def school_ring(school_private: bytes, upto: int) -> Keyring:
    """A keyring of the school key's epochs 1..upto (derived lazily: ``keys`` looks them up)."""
    return Keyring(_Derived(school_private, upto), upto)


class _Derived(dict):
    def __init__(self, school_private: bytes, upto: int) -> None:
        super().__init__()
        self._school, self._upto = school_private, upto

    def get(self, epoch, default=None):  # noqa: ANN001, ANN201
        if isinstance(epoch, int) and 1 <= epoch <= self._upto:
            return derive(self._school, epoch)
        return default


def opened_keys(body: dict, device_private: bytes) -> dict[int, bytes]:
    """The keys in a keys document's body that open with this device's private key."""
    out: dict[int, bytes] = {}
    for epoch, sealed in dict(body.get("keys") or {}).items():
        try:
            n = int(epoch)
        except (TypeError, ValueError):
            continue
        key = unseal(device_private, str(sealed))
        if key is not None:
            out[n] = key
    return out


def local_keyring(data_dir: Path) -> Keyring:
    """This device's keys from its own trust folder (checked against the school key when they were
    taken in; see ``app/trust/keyring.py``), or from the school key itself on the computer that holds
    it. Used where no sync runs (backups)."""
    from app.identity.keys import device, school_private

    folder = trust_dir(data_dir)
    try:
        doc = json.loads((folder / KEYRING).read_text("utf-8"))
        body = doc["body"]
        epoch = int(body.get("epoch", 0))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        body, epoch = {}, 0
    ring = Keyring({}, epoch)
    school = school_private(data_dir)
    if school is not None:
        top = max(epoch, _school_epoch(folder))
        ring = Keyring({n: derive(school, n) for n in range(1, top + 1)}, top)
        return ring
    me = device(data_dir, create=False)
    if me is not None and body:
        ring.keys = opened_keys(body, me.private)
    return ring


def _school_epoch(folder: Path) -> int:
    try:
        doc = json.loads((folder / "school.json").read_text("utf-8"))
        return int(doc["body"].get("data_epoch", 0))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return 0
