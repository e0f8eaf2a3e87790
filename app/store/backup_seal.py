"""Backups encrypted with the school's data key, and put back from it.

Which key, and why: the school's data key (``app/identity/datakeys.py``), the current epoch's, not
a key of this machine's own. A backup is for the day the laptop dies or its database is damaged;
a key that lived only on that laptop would die with it. The school's key is held by every enrolled
computer of the school and, for every epoch, recovered from the copy of ``school.key`` in the school
safe; so a backup copied off a dead laptop is restored on any enrolled computer of the school, or
on the computer holding the school key (``python -m app backup restore``). A school that has not
set up its key yet (an older install, one teacher alone) keeps plain backups, as before, and the
Sync page asks it to set the school up.

Format: ``MAGIC`` (4 bytes), the epoch (4 bytes), then libsodium's secretstream (XChaCha20-Poly1305)
header and 1 MiB chunks, each with its length (4 bytes): the database is never held whole in
memory, and a cut or altered file is refused (the last chunk carries the final tag).
"""

from __future__ import annotations

import hashlib
import os
import struct
from pathlib import Path

from nacl import bindings as sodium
from nacl.exceptions import CryptoError

from app.errors import StorageError
from app.identity.datakeys import Keyring, local_keyring

MAGIC = b"TSB1"
CHUNK = 1 << 20
_HEAD = struct.Struct(">4sI")
_LEN = struct.Struct(">I")
_FINAL = sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL
_MESSAGE = sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE
NO_KEY = (
    "This backup is encrypted with the school's data key, which this computer does not hold. Restore "
    "it on a computer of the school (enrolled), or on the computer that holds the school key."
)


def backup_key(data_key: bytes) -> bytes:
    """The backups' own key, derived from the data key (a key is used for one kind of file)."""
    return hashlib.blake2b(data_key, person=b"tessera-backup", digest_size=32).digest()


def is_sealed_backup(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(4) == MAGIC
    except OSError:
        return False


def seal_into(plain: Path, target: Path, ring: Keyring) -> None:
    """Encrypt ``plain`` into ``target`` (written whole under another name, then renamed)."""
    key = ring.current
    assert key is not None
    part = target.with_name(target.name + ".sealing")
    state = sodium.crypto_secretstream_xchacha20poly1305_state()
    header = sodium.crypto_secretstream_xchacha20poly1305_init_push(state, backup_key(key))
    try:
        with open(plain, "rb") as src, open(part, "wb") as out:
            os.chmod(part, 0o600)
            out.write(_HEAD.pack(MAGIC, ring.epoch) + header)
            chunk = src.read(CHUNK)
            while True:
                nxt = src.read(CHUNK)
                tag = _MESSAGE if nxt else _FINAL
                ct = sodium.crypto_secretstream_xchacha20poly1305_push(state, chunk, None, tag)
                out.write(_LEN.pack(len(ct)) + ct)
                if not nxt:
                    break
                chunk = nxt
            out.flush()
            os.fsync(out.fileno())
        os.replace(part, target)
    finally:
        part.unlink(missing_ok=True)


def open_into(sealed: Path, target: Path, ring: Keyring) -> None:
    """Decrypt a sealed backup into ``target``; StorageError (plain words) when it cannot be."""
    part = target.with_name(target.name + ".opening")
    try:
        with open(sealed, "rb") as src, open(part, "wb") as out:
            magic, epoch = _HEAD.unpack(src.read(_HEAD.size))
            key = ring.keys.get(epoch)
            if magic != MAGIC or key is None:
                raise StorageError(NO_KEY)
            state = sodium.crypto_secretstream_xchacha20poly1305_state()
            header = src.read(sodium.crypto_secretstream_xchacha20poly1305_HEADERBYTES)
            sodium.crypto_secretstream_xchacha20poly1305_init_pull(state, header, backup_key(key))
            tag = None
            while tag != _FINAL:
                size = src.read(_LEN.size)
                if len(size) < _LEN.size:
                    raise StorageError("This backup is incomplete (the file was cut short).")
                ct = src.read(_LEN.unpack(size)[0])
                plain, tag = sodium.crypto_secretstream_xchacha20poly1305_pull(state, ct, None)
                out.write(plain)
            if src.read(1):
                raise StorageError("This backup is damaged (extra data after its end).")
        os.replace(part, target)
    except (CryptoError, struct.error, ValueError) as exc:
        raise StorageError("This backup is damaged or altered; it cannot be restored.") from exc
    finally:
        part.unlink(missing_ok=True)


def seal_backup(plain: Path, target: Path, data_dir: Path) -> bool:
    """Move the plain copy ``plain`` to ``target``, encrypted when this computer holds the school's
    current data key (True), else plain as before (False)."""
    ring = local_keyring(data_dir)
    if ring.current is None:
        os.replace(plain, target)
        return False
    try:
        seal_into(plain, target, ring)
    finally:
        plain.unlink(missing_ok=True)
    return True


def restore_backup(backup: Path, db_path: Path, data_dir: Path | None = None) -> None:
    """Put ``backup`` in place of the database: decrypted with this computer's keys when sealed."""
    import shutil

    if not is_sealed_backup(backup):
        shutil.copy2(backup, db_path)
        return
    open_into(backup, db_path, local_keyring(data_dir or db_path.parent))
