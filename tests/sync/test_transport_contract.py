"""The transport contract (``app/sync/transport.py``), checked on every transport: the folder and
memory here (the HTTP transport joins by adding a case to the ``place`` fixture)."""

from __future__ import annotations

import hashlib
import shutil

import pytest

from app.sync.batchfile import decode_batch, encode_batch, parse_batch
from app.sync.changes import ChangeRec
from app.sync.folder_transport import FolderTransport
from app.sync.memory import MemoryPlace, MemoryTransport
from app.sync.transport import MAX_BLOB_BYTES, BlobRefused, SeenDoc, TargetUnavailable

A = "00000000-0000-7000-8000-00000000000a"
B = "00000000-0000-7000-8000-00000000000b"


def _changes(origin: str, first: int, n: int) -> list[ChangeRec]:
    from synchelp import change

    return [change(origin, first + i, "school", f"row-{i}", {"name": f"n{i}"}, counter=i) for i in range(n)]


@pytest.fixture(params=["folder", "memory"])
def place(request, tmp_path):
    """A factory (me -> transport) over one shared place, and a way to take the place away."""
    if request.param == "folder":
        root = tmp_path / "share"
        root.mkdir()

        def away() -> None:
            shutil.rmtree(root)

        return (lambda me: FolderTransport(root, me)), away
    mem = MemoryPlace()

    def gone() -> None:
        mem.reachable = False

    return (lambda me: MemoryTransport(mem, me)), gone


def test_batches_are_opaque_idempotent_and_listed_whole(place):
    make, _ = place
    a, b = make(A), make(B)
    a.prepare()
    b.prepare()
    data, first, last, n = encode_batch(A, A, _changes(A, 1, 3))
    ref = a.put_batch(A, first, last, data)
    again = a.put_batch(A, first, last, data)  # the same range again: harmless
    assert (ref.origin, ref.first, ref.last, n) == (A, 1, 3, 3) and again.name == ref.name
    listed = [r for r in b.scan().batches if r.origin == A]
    assert len(listed) == 1 and (listed[0].writer, listed[0].first, listed[0].last) == (A, 1, 3)
    got = b.fetch_batch(listed[0])
    assert got == data  # byte for byte
    batch = parse_batch(listed[0], *decode_batch(got))
    assert [c.seq for c in batch.changes] == [1, 2, 3]
    assert b.batch_header(listed[0])["hlc_first"] == batch.changes[0].hlc
    assert a.remove_batch(ref) is True and a.remove_batch(ref) is False
    with pytest.raises(FileNotFoundError):
        b.fetch_batch(listed[0])  # compacted after it was listed


def test_seen_vectors_are_published_and_replaced(place):
    make, _ = place
    a, b = make(A), make(B)
    a.prepare()
    b.prepare()
    a.publish_seen(SeenDoc({A: 3}, 1))
    a.publish_seen(SeenDoc({A: 5, B: 2}, 1, damaged=[{"writer": B, "name": "x", "size": 1}]))
    seen = b.scan().seen[A]
    assert seen.vector == {A: 5, B: 2} and seen.damaged[0]["name"] == "x" and seen.updated > 0


def test_blobs_are_content_addressed_and_checked(place):
    make, _ = place
    a, b = make(A), make(B)
    a.prepare()
    data = b"%PDF-1.4 a small file"
    sha = hashlib.sha256(data).hexdigest()
    assert not b.has_blob(sha) and b.get_blob(sha) is None
    a.put_blob(sha, data)
    a.put_blob(sha, data)  # idempotent
    assert b.has_blob(sha) and b.get_blob(sha) == data
    with pytest.raises(BlobRefused):
        a.put_blob(hashlib.sha256(b"other").hexdigest(), data)  # bytes not matching the name
    with pytest.raises(BlobRefused):
        a.get_blob("../../etc/passwd")
    big = b"x" * (MAX_BLOB_BYTES + 1)
    with pytest.raises(BlobRefused):
        a.put_blob(hashlib.sha256(big).hexdigest(), big)


def test_trust_documents_round_trip(place):
    make, _ = place
    a = make(A)
    a.prepare()
    a.put_doc("certs/one.json", b"{}")
    assert a.get_doc("certs/one.json") == b"{}" and a.get_doc("certs/two.json") is None
    assert a.list_docs("certs") == ["one.json"]


def test_an_unreachable_place_raises_target_unavailable(place):
    make, away = place
    a = make(A)
    a.prepare()
    away()
    assert a.reachable() is False
    with pytest.raises(TargetUnavailable):
        a.prepare()
    assert a.describe().kind in ("folder", "memory")
