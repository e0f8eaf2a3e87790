"""Replica identity: who this database is, and noticing when the file was copied or restored.

A database file that moves to another machine (a cloned lab image) or is put back from a backup
must not reuse sequence numbers already handed out. We keep a fingerprint of where the file lives
(host, machine id, path, inode, and the network cards it has seen); when it no longer matches, the
database takes a new replica id and starts its sequence afresh. The old id stays in ``previous_ids``:
its history remains valid.
"""

from __future__ import annotations

import functools
import logging
import os
import platform
import sys
import uuid
from pathlib import Path

from sqlalchemy import select
from sqlmodel import Session

from app.i18n import _
from app.ids import new_id
from app.models.sync import ReplicaState

log = logging.getLogger(__name__)


def machine_id() -> str:
    for path in ("/etc/machine-id", "/var/lib/dbus/machine-id"):
        try:
            return Path(path).read_text().strip()
        except OSError:
            continue
    if platform.system() == "Darwin":
        return _mac_platform_uuid()
    if sys.platform == "win32":
        try:
            import winreg

            key = winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, r"SOFTWARE\Microsoft\Cryptography")
            return str(winreg.QueryValueEx(key, "MachineGuid")[0])
        except OSError:
            pass
    return _legacy_machine_id()


def _legacy_machine_id() -> str:
    """What stood for the machine id where the system gives none (macOS until 2026-12): a network
    card's address from uuid.getnode(), or "" when Python made one up (the multicast bit), which would
    differ at every start."""
    node = uuid.getnode()
    return "" if node >> 40 & 1 else f"{node:012x}"


@functools.cache
def _mac_platform_uuid() -> str:
    """The Mac's own hardware UUID (not copied with a disk image; a network address may rotate)."""
    import subprocess

    try:
        out = subprocess.run(["/usr/sbin/ioreg", "-rd1", "-c", "IOPlatformExpertDevice"], capture_output=True,
                             text=True, timeout=5).stdout  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return ""
    for line in out.splitlines():
        if '"IOPlatformUUID"' in line:
            return line.split("=", 1)[1].strip().strip('"')
    return ""


HW = "|hw="  # between the place part of the fingerprint and the hardware addresses
MAX_ADDRESSES = 8  # addresses remembered: cards seen on this machine over time
NET = Path("/sys/class/net")  # Linux: a folder per network card


def hardware_addresses() -> frozenset[str]:
    """The network hardware addresses of this machine's own cards, or none when it has none to give.
    A lab image cloned block for block keeps the host name, the machine id (Windows keeps MachineGuid
    even through sysprep), the path and the inode, but every machine has its own network cards. A set,
    compared by overlap: a card may be switched off or a USB adapter plugged in between two starts."""
    if NET.is_dir():  # Linux: every card, connected or not (uuid.getnode() varies with that)
        found = set()
        for card in NET.iterdir():
            if not (card / "device").exists():
                continue  # virtual (loopback, bridges, VPNs, containers): made up per boot or per host
            try:
                if (card / "addr_assign_type").read_text().strip() != "0":
                    continue  # a random or set address (Wi-Fi privacy), not the card's own
                if (card / "device" / "subsystem").resolve().name == "usb":
                    continue  # a USB adapter goes from machine to machine (imaging laptops with no port)
                address = (card / "address").read_text().strip().lower().replace(":", "")
            except OSError:
                continue
            if address and address.strip("0"):
                found.add(address)
        return frozenset(found)
    return frozenset({_legacy_machine_id()} - {""})  # elsewhere one card, as uuid.getnode() finds it


def place(db_path: Path, machine: str | None = None) -> str:
    """Where the file lives: host, machine id, path and inode (the whole fingerprint until 2026-12)."""
    st = os.stat(db_path)
    machine = machine_id() if machine is None else machine
    return f"{platform.node()}|{machine}|{db_path.resolve()}|{st.st_dev}:{st.st_ino}"


def fingerprint(db_path: Path, seen: frozenset[str] = frozenset(), machine: str | None = None) -> str:
    here = hardware_addresses()
    addresses = [*sorted(here), *sorted(seen - here)][:MAX_ADDRESSES]  # this start's cards first
    return f"{place(db_path, machine)}{HW}{','.join(addresses)}"


def _parts(stored: str) -> tuple[str, frozenset[str]]:
    """(place, addresses) of a stored fingerprint. Read also: the place alone (until 2026-12), and a
    short-lived form with one address between machine id and path."""
    if HW in stored:
        where, _, addresses = stored.partition(HW)
        return where, frozenset(a for a in addresses.split(",") if a)
    fields = stored.split("|")
    if len(fields) == 5 and len(fields[2]) in (0, 12):
        return "|".join(fields[:2] + fields[3:]), frozenset({fields[2]} - {""})
    return stored, frozenset()


def ensure_replica(session: Session, db_path: Path) -> tuple[ReplicaState, bool]:
    """The replica row, created or renewed. Returns (state, renewed)."""
    state = session.exec(select(ReplicaState)).scalars().first()  # type: ignore[call-overload]
    if state is None:
        state = ReplicaState(replica_id=new_replica_id(db_path), next_seq=1, fingerprint=fingerprint(db_path))
        session.add(state)
        return state, False
    where, seen = _parts(state.fingerprint)
    fields = where.split("|")
    # A machine id that could not be read this time (a Mac's ioreg failing) is unknown, not different.
    machine = machine_id() or (fields[1] if len(fields) >= 4 else "")
    if where not in (place(db_path, machine), place(db_path, _legacy_machine_id())):
        _renew(state, fingerprint(db_path, machine=machine), _("database was copied or restored"), db_path)
        return state, True
    here = hardware_addresses()
    if seen and here and not seen & here:  # not one card in common: the same disk in another machine
        _renew(
            state,
            fingerprint(db_path, machine=machine),
            _("database was cloned onto another machine"),
            db_path,
        )
        return state, True
    fp = fingerprint(db_path, seen, machine)  # cards are remembered as they come (a new adapter is fine)
    if state.fingerprint != fp:
        state.fingerprint = fp
    return state, False


def renew_replica(session: Session, db_path: Path, reason: str) -> ReplicaState:
    """Take a new replica id now. Sync calls this when the shared folder holds changes of this
    replica beyond what the database has: the file was rolled back in place (a virtual-machine
    snapshot, a backup restored over the same file), so its fingerprint still matches."""
    state = session.exec(select(ReplicaState)).scalars().one()  # type: ignore[call-overload]
    _renew(state, fingerprint(db_path), reason, db_path)
    return state


def new_replica_id(db_path: Path) -> str:
    """A new replica id: made from this device's key when it has one (signed sync, ``app/trust``:
    the id then proves which device's changes it carries), else a plain UUIDv7."""
    from app.identity.keys import device, has_device_key

    data_dir = Path(db_path).parent
    if has_device_key(data_dir):
        me = device(data_dir, create=False)
        if me is not None:
            from app.identity.docs import derived_replica_id

            return derived_replica_id(me.public)
    return new_id()


def _renew(state: ReplicaState, fp: str, reason: str, db_path: Path | None = None) -> None:
    old = state.replica_id
    state.previous_ids = [*state.previous_ids, old]
    state.replica_id = new_replica_id(db_path) if db_path is not None else new_id()
    state.next_seq = 1
    state.fingerprint = fp
    log.warning("%s: replica %s is now %s", reason, old, state.replica_id)
