"""Replica identity: who this database is, and noticing when the file was copied or restored.

A database file that moves to another machine (a cloned lab image) or is put back from a backup
must not reuse sequence numbers already handed out. We keep a fingerprint of where the file lives
(host, machine id, network hardware address, path, inode); when it no longer matches, the database takes a new replica id
and starts its sequence afresh. The old id stays in ``previous_ids``: its history remains valid.
"""

from __future__ import annotations

import logging
import os
import platform
import uuid
from pathlib import Path

from sqlalchemy import select
from sqlmodel import Session

from app.ids import new_id
from app.models.sync import ReplicaState

log = logging.getLogger(__name__)


def machine_id() -> str:
    for path in ("/etc/machine-id", "/var/lib/dbus/machine-id"):
        try:
            return Path(path).read_text().strip()
        except OSError:
            continue
    if platform.system() == "Windows":
        try:
            import winreg  # type: ignore[import-not-found]

            key = winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, r"SOFTWARE\Microsoft\Cryptography")
            return str(winreg.QueryValueEx(key, "MachineGuid")[0])
        except OSError:
            pass
    return f"{uuid.getnode():012x}"


def hardware_address() -> str:
    """This machine's network hardware address, or "" when it has none to give. A lab image cloned
    block for block keeps the host name, the machine id (Windows keeps MachineGuid even through
    sysprep), the path and the inode, but every machine has its own network card."""
    node = uuid.getnode()
    if node >> 40 & 1:  # the multicast bit: Python made up a random number, different every run
        return ""
    return f"{node:012x}"


def fingerprint(db_path: Path) -> str:
    st = os.stat(db_path)
    return f"{platform.node()}|{machine_id()}|{hardware_address()}|{db_path.resolve()}|{st.st_dev}:{st.st_ino}"


def _fingerprint_v1(db_path: Path) -> str:
    """The fingerprint before the hardware address was part of it (databases made until 2026-12)."""
    st = os.stat(db_path)
    return f"{platform.node()}|{machine_id()}|{db_path.resolve()}|{st.st_dev}:{st.st_ino}"


def ensure_replica(session: Session, db_path: Path) -> tuple[ReplicaState, bool]:
    """The replica row, created or renewed. Returns (state, renewed)."""
    state = session.exec(select(ReplicaState)).scalars().first()  # type: ignore[call-overload]
    fp = fingerprint(db_path)
    if state is None:
        state = ReplicaState(replica_id=new_id(), next_seq=1, fingerprint=fp)
        session.add(state)
        return state, False
    if state.fingerprint != fp:
        if state.fingerprint == _fingerprint_v1(db_path):
            state.fingerprint = fp  # same machine, older kind of fingerprint: nothing was copied
            return state, False
        _renew(state, fp, "database was copied or restored")
        return state, True
    return state, False


def renew_replica(session: Session, db_path: Path, reason: str) -> ReplicaState:
    """Take a new replica id now. Sync calls this when the shared folder holds changes of this
    replica beyond what the database has: the file was rolled back in place (a virtual-machine
    snapshot, a backup restored over the same file), so its fingerprint still matches."""
    state = session.exec(select(ReplicaState)).scalars().one()  # type: ignore[call-overload]
    _renew(state, fingerprint(db_path), reason)
    return state


def _renew(state: ReplicaState, fp: str, reason: str) -> None:
    old = state.replica_id
    state.previous_ids = [*state.previous_ids, old]
    state.replica_id = new_id()
    state.next_seq = 1
    state.fingerprint = fp
    log.warning("%s: replica %s is now %s", reason, old, state.replica_id)
