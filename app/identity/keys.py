"""Key files in the data folder: this device's key pair and, on the computer that set up the
school, the school key.

Kept as files in ``<data folder>/trust/`` readable by their owner only (0600), not in the OS
keystore: on a lab machine the data folder is one machine-wide folder shared by every student's OS
account, and Tessera runs as whichever student is signed in, so a per-user keystore (Windows DPAPI,
the macOS login keychain, the Secret Service) would give each account its own key and the machine
no single identity; a machine keystore needs administrator rights Tessera does not run with. The
key proves *which machine* wrote, and the write policy limits what a lab machine may write at all,
because whoever uses a lab machine can use its key (docs/trust.md).
"""

from __future__ import annotations

import json
import logging
import os
import socket
import uuid
from dataclasses import dataclass
from pathlib import Path

from app.identity import ed25519

log = logging.getLogger(__name__)

TRUST_DIR = "trust"
DEVICE_KEY = "device.key"
DEVICE_INFO = "device.json"
SCHOOL_KEY = "school.key"


def trust_dir(data_dir: Path) -> Path:
    return Path(data_dir) / TRUST_DIR


def write_private(path: Path, text: str) -> None:
    """Write a secret readable by its owner only (written whole under another name first)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, text.encode("ascii"))
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)
    try:
        os.chmod(path, 0o600)
    except OSError:  # pragma: no cover  (Windows: the folder's ACL applies)
        pass


def read_private(path: Path) -> bytes | None:
    try:
        raw = ed25519.unb64(path.read_text("ascii").strip())
    except (OSError, ValueError):
        return None
    return raw if len(raw) == 32 else None


@dataclass(frozen=True)
class Device:
    id: str
    name: str
    private: bytes

    @property
    def public(self) -> str:
        return ed25519.public_of(self.private)


def device(data_dir: Path, create: bool = True) -> Device | None:
    """This device's key pair and id, made on first use."""
    folder = trust_dir(data_dir)
    key = read_private(folder / DEVICE_KEY)
    info: dict = {}
    try:
        info = json.loads((folder / DEVICE_INFO).read_text("utf-8"))
    except (OSError, ValueError):
        info = {}
    if key is None and (folder / DEVICE_KEY).exists():
        # There, but not readable by this OS account (a lab machine's folder shared by several):
        # never make a second identity over it; this computer's changes wait until it can sign.
        log.error("trust: this computer's key %s cannot be read by this account", folder / DEVICE_KEY)
        return None
    if key is None or not isinstance(info, dict) or not info.get("device"):
        if not create:
            return None
        key = ed25519.new_private()
        info = {"device": str(uuid.uuid4()), "name": socket.gethostname()[:60] or "computer"}
        folder.mkdir(parents=True, exist_ok=True)
        write_private(folder / DEVICE_KEY, ed25519.b64(key))
        (folder / DEVICE_INFO).write_text(json.dumps(info), "utf-8")
        log.info("trust: this device's key pair was made (device %s)", info["device"])
    return Device(str(info["device"]), str(info.get("name", "")), key)


def has_device_key(data_dir: Path) -> bool:
    return (trust_dir(data_dir) / DEVICE_KEY).exists()


def school_private(data_dir: Path) -> bytes | None:
    return read_private(trust_dir(data_dir) / SCHOOL_KEY)


def save_school_private(data_dir: Path, key: bytes) -> None:
    write_private(trust_dir(data_dir) / SCHOOL_KEY, ed25519.b64(key))
