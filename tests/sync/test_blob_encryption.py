"""Attachments on the share are encrypted like batches (issue 19 with issue 14's blobs): the file a
student attached shows nothing readable on a stick, an enrolled computer reads it back whole, and a
tampered file or one moved to another file's name is refused. Real folders and files."""

from __future__ import annotations

import hashlib
import os

import pytest
from sealhelp import readable

from app.identity.datakeys import is_sealed
from app.sync.batchfile import use_cipher
from app.sync.folder_transport import FolderTransport
from app.sync.transport import BlobRefused
from app.trust.keyring import NoDataKey, ShareCipher

ME = "0f8e6f2c-5d43-4a51-9a0e-1c2b3d4e5f60"
SECRET = b"Class rules written by Zebediah Quuxworth: the marmalade lighthouse hums at dawn. " * 20


@pytest.fixture
def sealed_share(tmp_path):
    share = tmp_path / "share"
    share.mkdir()
    use_cipher(share, ME, ShareCipher({1: os.urandom(32)}, 1))
    yield share
    use_cipher(share, ME, None)


def test_an_attachment_on_the_share_is_encrypted_and_comes_back_whole(sealed_share):
    t = FolderTransport(sealed_share, ME)
    t.prepare()
    sha = hashlib.sha256(SECRET).hexdigest()
    t.put_blob(sha, SECRET)
    stored = [p for p in sealed_share.rglob("*") if p.is_file() and p.name == sha]
    assert len(stored) == 1 and is_sealed(stored[0].read_bytes())
    assert readable(sealed_share, [b"Zebediah", b"marmalade"]) == []
    assert t.get_blob(sha) == SECRET
    assert t._holds(stored[0], sha)  # put again: recognised as already there, not rewritten


def test_a_tampered_or_moved_attachment_is_refused(sealed_share):
    t = FolderTransport(sealed_share, ME)
    t.prepare()
    a, b = SECRET, SECRET + b"!"
    sa, sb = hashlib.sha256(a).hexdigest(), hashlib.sha256(b).hexdigest()
    t.put_blob(sa, a)
    t.put_blob(sb, b)
    pa = next(p for p in sealed_share.rglob(sa))
    pb = next(p for p in sealed_share.rglob(sb))
    data = bytearray(pa.read_bytes())
    data[-5] ^= 0x01
    pa.write_bytes(bytes(data))
    with pytest.raises(BlobRefused):
        t.get_blob(sa)
    pa.write_bytes(pb.read_bytes())  # another file's ciphertext under this name: its name is bound in
    with pytest.raises(BlobRefused):
        t.get_blob(sa)


def test_without_the_data_key_no_attachment_leaves_this_computer(tmp_path):
    share = tmp_path / "share"
    share.mkdir()
    use_cipher(share, ME, ShareCipher({}, 2))  # the school encrypts; this computer has no key yet
    try:
        t = FolderTransport(share, ME)
        t.prepare()
        with pytest.raises(NoDataKey):
            t.put_blob(hashlib.sha256(SECRET).hexdigest(), SECRET)
        assert readable(share, [b"marmalade"]) == []
    finally:
        use_cipher(share, ME, None)
