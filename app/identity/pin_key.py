"""The school's PIN key: a secret (HMAC key, the "pepper") mixed into every student's PIN hash.

A 4-digit PIN has 10,000 values: a copied Argon2 hash falls to an offline search in minutes. Peppered,
the hash says nothing without the key, and the key is never in the database, a batch or a backup: it
is a file in ``<data folder>/trust/pin-keys.json`` (0600), which on a lab machine only the Tessera lab
service's account can read. Every machine that checks a school's PINs holds the same key: the lab
service makes one at first start, and an admin copies it to the school's other machines with
``python -m app pin-key export|import`` (docs/installing.md). Several keys can be held (one's own and
the school's); a hash names the key it was made with; new PINs use the primary one.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from app.identity.keys import trust_dir, write_private

PIN_KEYS = "pin-keys.json"


def key_id(key: bytes) -> str:
    return hashlib.sha256(b"tessera pin key\0" + key).hexdigest()[:12]


@dataclass
class PinKeys:
    keys: dict[str, bytes] = field(default_factory=dict)
    primary: str = ""

    def pepper(self, pin: str, kid: str | None = None) -> str | None:
        """The PIN mixed with key ``kid`` (the primary if None), or None if that key is not here."""
        key = self.keys.get(kid or self.primary)
        if key is None:
            return None
        return hmac.new(key, pin.encode("utf-8"), hashlib.sha256).hexdigest()


def path(data_dir: Path) -> Path:
    return trust_dir(data_dir) / PIN_KEYS


def load(data_dir: Path, create: bool = False) -> PinKeys | None:
    """This folder's PIN keys; with ``create``, a new key is made when there is none."""
    try:
        data = json.loads(path(data_dir).read_text("ascii"))
    except FileNotFoundError:
        data = None
    if data is not None:
        keys = {k: bytes.fromhex(v) for k, v in data.get("keys", {}).items()}
        return PinKeys(keys, data.get("primary", "") if data.get("primary") in keys else next(iter(keys), ""))
    if not create:
        return None
    key = secrets.token_bytes(32)
    made = PinKeys({key_id(key): key}, key_id(key))
    save(data_dir, made)
    return made


def save(data_dir: Path, keys: PinKeys) -> None:
    write_private(
        path(data_dir),
        json.dumps({"primary": keys.primary, "keys": {k: v.hex() for k, v in keys.keys.items()}}),
    )


def export_text(keys: PinKeys) -> str:
    """The primary key, for another machine of the same school (a secret: move it as one)."""
    return json.dumps({"tessera_pin_key": keys.keys[keys.primary].hex()})


def import_text(data_dir: Path, text: str) -> PinKeys:
    """Add a school's key (from ``export_text``) and make it the primary one; keys held before stay,
    so PINs set with them still work."""
    key = bytes.fromhex(json.loads(text)["tessera_pin_key"])
    if len(key) < 16:
        raise ValueError("too short for a PIN key")
    keys = load(data_dir) or PinKeys()
    keys.keys[key_id(key)] = key
    keys.primary = key_id(key)
    save(data_dir, keys)
    return keys
