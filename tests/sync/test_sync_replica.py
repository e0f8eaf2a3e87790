"""Replica identity: copies and restores get a new id, sequence numbers are never reused, and
history made under the old id stays valid without being sent again as new."""

from __future__ import annotations

import shutil

from sqlalchemy import text
from synchelp import converge, count, dump, seed

from app.models import Profile
from app.store.database import Database
from app.sync.session import sync_once


def _pairs(db):
    with db.read() as s:
        from app.store.raw import raw_connection

        return {(r, q): h for r, q, h in raw_connection(s).execute("SELECT replica_id, seq, hlc FROM change")}


def test_copied_database_takes_a_new_id_and_never_reuses_sequence_numbers(make_db, share, tmp_path):
    a = make_db("a")
    sd = seed(a, students=1)
    sync_once(a, share)
    old_id, path = a.replica_id, a.path
    a.close()
    (tmp_path / "lab2").mkdir()
    shutil.copy(path, tmp_path / "lab2" / "tessera.db")
    orig = Database.open(path)
    clone = Database.open(tmp_path / "lab2" / "tessera.db")
    try:
        assert orig.replica_id == old_id and not orig.renewed_replica
        assert clone.replica_id != old_id and clone.renewed_replica
        assert old_id in clone.replica_state().previous_ids
        for db, text in ((orig, "orig"), (clone, "clone")):
            with db.write() as s:
                s.get(Profile, sd.profiles[sd.students[0]]).about_me = text
        p1, p2 = _pairs(orig), _pairs(clone)
        shared = set(p1) & set(p2)
        assert all(p1[k] == p2[k] for k in shared)  # same (replica, seq) means the same change
        assert count(clone, "SELECT MIN(seq) FROM change WHERE replica_id = ?", clone.replica_id) == 1
        r = sync_once(clone, share)
        assert r.sent == 1  # only its new change; the old id's history is not sent again as new
        assert r.forwarded == 0  # the folder still carries it
        r = sync_once(orig, share)
        assert r.received == 1
        converge([orig, clone], share)
        assert dump(orig) == dump(clone)
    finally:
        orig.close()
        clone.close()


def test_restored_backup_gets_back_what_it_had_sent_since(make_db, share, tmp_path):
    a, b = make_db("a"), make_db("b")
    sd = seed(a, students=1)
    prof = sd.profiles[sd.students[0]]
    converge([a, b], share)
    path = a.path
    a.close()
    shutil.copy(path, tmp_path / "backup.db")
    a = Database.open(path)
    old = a.replica_id
    with a.write() as s:
        s.get(Profile, prof).about_me = "written after the backup"
    converge([a, b], share)
    a.close()
    (path.parent / "tessera.db-wal").unlink(missing_ok=True)
    path.unlink()
    shutil.copy(tmp_path / "backup.db", path)  # the teacher restores last week's backup
    a = Database.open(path)
    try:
        r = sync_once(a, share)
        # A new id either at open (new inode) or, when the file system reused the inode (it often
        # does), at the first sync, which finds this replica's later changes in the folder.
        assert (a.renewed_replica or r.renewed_replica) and a.replica_id != old
        # Its own change under the old id comes back as history. That batch was compacted once B
        # had seen it, so B forwards it when A's seen.json says A lacks it.
        r = sync_once(b, share)
        assert r.forwarded >= 1
        r = sync_once(a, share)
        assert r.received >= 1
        with a.read() as s:
            assert s.get(Profile, prof).about_me == "written after the backup"
        with a.write() as s:
            s.get(Profile, prof).about_me = "new work"
        assert count(a, "SELECT seq FROM change WHERE replica_id = ?", a.replica_id) == 1
        converge([a, b], share)
        assert dump(a) == dump(b)
    finally:
        a.close()


def test_rollback_in_place_is_detected_by_sync(make_db, share, tmp_path):
    """A virtual-machine snapshot puts the same file back: same path and inode, so the fingerprint
    matches; sync sees its own changes in the folder beyond what it has and takes a new id."""
    a, b = make_db("a"), make_db("b")
    sd = seed(a, students=1)
    prof = sd.profiles[sd.students[0]]
    converge([a, b], share)
    path = a.path
    a.close()
    snapshot = path.read_bytes()
    a = Database.open(path)
    old = a.replica_id
    with a.write() as s:
        s.get(Profile, prof).about_me = "before the snapshot was restored"
    sync_once(a, share)
    a.close()
    (path.parent / "tessera.db-wal").unlink(missing_ok=True)
    with open(path, "r+b") as fh:  # same inode
        fh.write(snapshot)
        fh.truncate()
    a = Database.open(path)
    try:
        assert a.replica_id == old and not a.renewed_replica
        r = sync_once(a, share)
        assert r.renewed_replica and a.replica_id != old
        with a.read() as s:
            assert s.get(Profile, prof).about_me == "before the snapshot was restored"
        with a.write() as s:
            s.get(Profile, prof).about_me = "after"
        assert count(a, "SELECT COUNT(*) FROM change WHERE replica_id = ?", a.replica_id) == 1
        converge([a, b], share)
        assert dump(a) == dump(b)
    finally:
        a.close()


def test_a_block_clone_booted_on_another_machine_takes_a_new_id(make_db, share, monkeypatch):
    """A lab image cloned block for block keeps host name, machine id, path and inode; only the
    network cards differ. Each machine must still take its own id, or two of them would hand out
    the same sequence numbers for different answers and receivers would keep only one."""
    from app.store import replica

    monkeypatch.setattr(replica, "hardware_addresses", lambda: frozenset({"00163e000001"}))
    a = make_db("a")
    seed(a, students=1)
    sync_once(a, share)
    old, path = a.replica_id, a.path
    a.close()
    monkeypatch.setattr(replica, "hardware_addresses", lambda: frozenset({"0a1b2c3d4e5f"}))  # another PC
    b = Database.open(path)
    try:
        assert b.renewed_replica and b.replica_id != old
        assert old in b.replica_state().previous_ids
    finally:
        b.close()


def test_cards_switched_off_or_plugged_in_on_the_same_machine_keep_the_id(make_db, monkeypatch):
    """Wi-Fi off, no cable, a USB adapter plugged in and the old card gone later: still this machine."""
    from app.store import replica

    cards = {"now": frozenset({"00163e000001"})}
    monkeypatch.setattr(replica, "hardware_addresses", lambda: cards["now"])
    a = make_db("a")
    old, path = a.replica_id, a.path
    a.close()
    for now in ({"00163e000001", "00163e0000aa"}, set(), {"00163e0000aa"}, {"00163e000001"}):
        cards["now"] = frozenset(now)
        b = Database.open(path)
        try:
            assert b.replica_id == old and not b.renewed_replica, now
        finally:
            b.close()


def test_older_fingerprints_on_the_same_machine_keep_their_id(make_db, monkeypatch):
    """Databases made before the hardware addresses were part of the fingerprint are not taken for
    copies on the first start after the update (that would retire every replica id at once)."""
    import platform

    from app.store import replica

    monkeypatch.setattr(replica, "hardware_addresses", lambda: frozenset({"00163e000001"}))
    a = make_db("a")
    old, path = a.replica_id, a.path
    a.close()
    st = path.stat()
    one_address = (f"{platform.node()}|{replica.machine_id()}|00163e000001|{path.resolve()}|"
                   f"{st.st_dev}:{st.st_ino}")  # fmt: skip
    for stored in (replica.place(path), one_address):
        a = Database.open(path)
        with a.write() as s:
            s.exec(text("UPDATE replica_state SET fingerprint = :fp"), params={"fp": stored})
        a.close()
        b = Database.open(path)
        try:
            assert b.replica_id == old and not b.renewed_replica
            assert b.replica_state().fingerprint == replica.fingerprint(path)
        finally:
            b.close()


def test_only_a_machines_own_built_in_cards_count(tmp_path, monkeypatch):
    """Linux: virtual cards, random (privacy) addresses and USB adapters, which go from machine to
    machine, are left out; a built-in card counts whether connected or not."""
    from app.store import replica

    bus = tmp_path / "bus"
    for name in ("pci", "usb"):
        (bus / name).mkdir(parents=True)
    net = tmp_path / "net"

    def card(name, address, assign="0", subsystem="pci", device=True):
        folder = net / name
        folder.mkdir(parents=True)
        (folder / "address").write_text(address + "\n")
        (folder / "addr_assign_type").write_text(assign + "\n")
        if device:
            (folder / "device").mkdir()
            (folder / "device" / "subsystem").symlink_to(bus / subsystem)

    card("eth0", "00:16:3e:00:00:01")
    card("wlan0", "00:16:3e:00:00:02")
    card("wlan1", "3a:11:22:33:44:55", assign="3")  # a random address
    card("usb0", "00:16:3e:00:00:03", subsystem="usb")
    card("docker0", "02:42:ac:11:00:02", device=False)
    card("lo", "00:00:00:00:00:00", device=False)
    monkeypatch.setattr(replica, "NET", net)
    assert replica.hardware_addresses() == {"00163e000001", "00163e000002"}


def test_a_mac_keeps_its_id_when_its_machine_id_becomes_the_hardware_uuid(make_db, monkeypatch):
    """Macs used the network address as machine id (it may rotate); now the hardware UUID. The first
    start after the update is not taken for a copy."""
    from app.store import replica

    monkeypatch.setattr(replica, "_legacy_machine_id", lambda: "00163e000001")
    monkeypatch.setattr(replica, "machine_id", lambda: "00163e000001")
    a = make_db("a")
    old, path = a.replica_id, a.path
    a.close()
    monkeypatch.setattr(replica, "machine_id", lambda: "564D1234-ABCD-4321-9876-0123456789AB")
    b = Database.open(path)
    try:
        assert b.replica_id == old and not b.renewed_replica
        assert "564D1234" in b.replica_state().fingerprint
    finally:
        b.close()
    monkeypatch.setattr(replica, "_legacy_machine_id", lambda: "00163e0000ff")  # another Mac, same image
    monkeypatch.setattr(replica, "machine_id", lambda: "11111111-2222-3333-4444-555555555555")
    c = Database.open(path)
    try:
        assert c.renewed_replica and c.replica_id != old
    finally:
        c.close()


def test_a_machine_id_that_cannot_be_read_this_time_is_not_a_new_machine(make_db, monkeypatch):
    """A Mac's ioreg failing at one start gives no machine id: unknown, not different."""
    from app.store import replica

    monkeypatch.setattr(replica, "hardware_addresses", lambda: frozenset({"00163e000001"}))
    a = make_db("a")
    old, path = a.replica_id, a.path
    a.close()
    before = replica.machine_id()
    monkeypatch.setattr(replica, "machine_id", lambda: "")
    for _ in range(2):
        b = Database.open(path)
        try:
            assert b.replica_id == old and not b.renewed_replica
            assert f"|{before}|" in b.replica_state().fingerprint  # the known id is kept
        finally:
            b.close()
