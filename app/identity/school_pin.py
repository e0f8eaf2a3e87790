"""The school's PIN key, carried by the trust work's certificates instead of copied by hand.

Every device the school approves receives the school's data keys, each sealed to that device's own key
pair, in a keys document the school key signs (app/trust/keyring.py, app/identity/datakeys.py), and the
computer that holds the school key derives them. The school's PIN key is derived from the data key of
epoch 1, which every enrolled device holds (a device approved later gets every epoch from 1, so it can
read what was written before it joined): so each approved lab machine, and the teacher's computer that
holds the school key, arrive at the same PIN key with the next sync after the approval, and nothing new
travels. A device that is not approved has no keys document and no PIN key; a student's OS account on
a lab machine cannot open the service's folder, where the device key, the keys document and
``trust/pin-keys.json`` are (0700 folder, 0600 files).

Where the key is found it is taken into ``pin-keys.json`` as the primary key; keys held before stay, so
PINs set with a machine's own key (or one copied with ``pin-key import``) keep working.

What it does not do: a revoked device keeps the PIN key it had (as it keeps the PIN hashes it synced);
changing the PIN key would mean every student choosing a new PIN.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from app.identity import pin_key
from app.identity.datakeys import local_keyring

log = logging.getLogger(__name__)

FROM_EPOCH = 1


def derive(data_key: bytes) -> bytes:
    """The school's PIN key from its epoch-1 data key (one-way: the PIN key says nothing of the data key)."""
    return hashlib.blake2b(b"tessera pin key", key=data_key, person=b"tessera-pin", digest_size=32).digest()


def school_key(data_dir: Path) -> bytes | None:
    """The school's PIN key, if this device is enrolled (or holds the school key); else None."""
    try:
        data_key = local_keyring(data_dir).keys.get(FROM_EPOCH)
    except (OSError, ValueError) as exc:  # a damaged key file: the PIN keys held so far still work
        log.warning("school PIN key: keys not readable: %s", exc)
        return None
    return derive(data_key) if data_key else None


def take_in(data_dir: Path, held: pin_key.PinKeys | None) -> pin_key.PinKeys | None:
    """``held`` with the school's PIN key added and made primary (saved to ``pin-keys.json``, 0600),
    when this device has it and does not yet use it; else ``held`` as it is."""
    key = school_key(data_dir)
    if key is None:
        return held
    kid = pin_key.key_id(key)
    if held is not None and held.primary == kid:
        return held
    keys = pin_key.load(data_dir) or pin_key.PinKeys()
    keys.keys[kid] = key
    keys.primary = kid
    pin_key.save(data_dir, keys)
    log.info("school PIN key %s taken in from the school's keys", kid)
    return keys
