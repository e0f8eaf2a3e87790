"""Helpers for trust tests: a school on signed sync (the teacher's laptop holds the school key, a
lab machine enrolled for one class), and batches forged with any key, as a student holding a lab
machine's key (or none) could write them into the share."""

from __future__ import annotations

import gzip
import hashlib
import json
import time
from dataclasses import dataclass
from pathlib import Path

from synchelp import Seeded, seed

from app.identity.keys import device
from app.store import capture
from app.store.hlc import Stamp
from app.sync.batchfile import FORMAT, batch_name
from app.sync.folder import ROOT
from app.sync.session import sync_once
from app.trust import school as trust_school
from app.trust.segment import make_seal
from app.trust.state import TrustState


@dataclass
class Sch:
    laptop: object
    lab: object
    sd: Seeded

    @property
    def laptop_dir(self) -> Path:
        return Path(self.laptop.path).parent

    @property
    def lab_dir(self) -> Path:
        return Path(self.lab.path).parent


def data_dir(db) -> Path:
    return Path(db.path).parent


def signed_school(make_db, share, lab_classes: list[str] | None = None, enrol_lab: bool = True) -> Sch:
    laptop = make_db("laptop")
    sd = seed(laptop)
    trust_school.create_school(data_dir(laptop), "Hill School", [sd.school], [laptop.replica_id])
    sync_once(laptop, share)
    lab = make_db("lab")
    sync_once(lab, share)  # takes the class in, learns the school, asks to join
    if enrol_lab:
        enrol(laptop, lab, share, "lab", lab_classes or [sd.klass])
    return Sch(laptop, lab, sd)


def enrol(laptop, other, share, role: str, classes: list[str]) -> None:
    sync_once(laptop, share)  # sees the request
    me = device(data_dir(other))
    trust_school.approve(data_dir(laptop), me.id, role=role, classes=classes)
    sync_once(laptop, share)  # publishes the certificate
    sync_once(other, share)


def private_of(db) -> bytes:
    return device(data_dir(db)).private


def serial_of(db) -> int:
    me = device(data_dir(db))
    st = TrustState.load(data_dir(db))
    cert = st.cert_of(me.public)
    return cert.serial if cert else 0


def now_stamp(origin: str, i: int = 0, ahead_ms: int = 0) -> str:
    return Stamp(int(time.time() * 1000) + ahead_ms + i, 0, origin).encode()


def line(origin: str, seq: int, table: str, row_id: str, fields: dict, partition: str = "//", *,
         hlc: str | None = None, op: str = "upsert") -> str:  # fmt: skip
    meta = [origin, str(seq), hlc or now_stamp(origin, seq), table, row_id, op, partition,
            str(capture.SCHEMA_VERSION)]  # fmt: skip
    return "\t".join([*meta, json.dumps(fields)])


def forge(share: Path, origin: str, first: int, lines: list[str], *, key: bytes | None, serial: int = 0,
          writer: str | None = None, seal_lines: list[str] | None = None, seal_origin: str | None = None) -> Path:  # fmt: skip
    """A batch as Tessera writes it, with the lines we like, sealed by ``key`` (None: unsigned).
    ``seal_lines``: the lines the seal was made over, when they differ (a replay with altered lines)."""
    writer = writer or origin
    folder = share / ROOT / "replicas" / writer
    folder.mkdir(parents=True, exist_ok=True)
    header = {"format": FORMAT, "v": 1, "writer": writer, "origin": origin, "first": first, "hlc_first": ""}
    changes = "".join(x + "\n" for x in lines).encode()
    body = json.dumps(header).encode() + b"\n" + changes
    last = first + len(lines) - 1
    footer = {"end": True, "count": len(lines), "last": last, "hlc_last": "",
              "sha256": hashlib.sha256(body).hexdigest()}  # fmt: skip
    if key is not None:
        signed = (
            json.dumps(header).encode() + b"\n" + "".join(x + "\n" for x in (seal_lines or lines)).encode()
        )
        footer["seal"] = make_seal(key, serial, seal_origin or origin, first, last, capture.SCHEMA_VERSION,
                                   hashlib.sha256(signed).hexdigest()).to_json()  # fmt: skip
    path = folder / batch_name(origin, first, last)
    path.write_bytes(gzip.compress(body + json.dumps(footer).encode() + b"\n"))
    return path


def quarantined(db) -> list[tuple]:
    from app.store.raw import raw_connection

    with db.read() as s:
        return (
            raw_connection(s)
            .execute(
                "SELECT replica_id, seq, code, reason, stored FROM quarantined_change ORDER BY replica_id, seq"
            )
            .fetchall()
        )


def part(sd: Seeded, student: str, klass: str | None = None) -> str:
    return f"{sd.school}/{klass or sd.klass}/{student}"


def add_work(db, sd: Seeded, n: int) -> None:
    """n attempts by the seeded students, in their own partitions (as the practice service writes)."""
    from app.models import Attempt

    with db.write() as s:
        for i in range(n):
            st = sd.students[i % len(sd.students)]
            s.add(Attempt(student_id=st, item_id=sd.items[i % len(sd.items)], skill_id=sd.skill, answer=str(i),
                          partition=part(sd, st)))  # fmt: skip


def batch_plain(db, path: Path) -> bytes:
    """A batch file's gzip-decompressed bytes, opened with ``db``'s data key when it is encrypted
    (``app/identity/datakeys.py``), as an enrolled computer reads it."""
    from app.identity.datakeys import is_sealed, local_keyring

    data = path.read_bytes()
    if is_sealed(data):
        data = local_keyring(data_dir(db)).decrypt(path.name, data)
    return gzip.decompress(data)
