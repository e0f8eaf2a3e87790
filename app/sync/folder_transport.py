"""The folder as a transport (``transport.py``): a school share or a USB stick.

Batches and seen vectors keep the layout of ``folder.py``. Blobs (attachment files) sit in a
shared, content-addressed area, ``tessera-sync/blobs/<first two hex digits>/<sha256>``: any replica
may add one (the name is the hash of the bytes, so two writers of one blob write the same bytes),
and a blob whose bytes do not match its name (damaged, or planted by a hostile writer) is replaced
when a replica holding the right bytes puts it again; readers check the hash whatever they find.
Trust documents sit in ``tessera-sync/trust/`` (``app/trust``).
"""

from __future__ import annotations

import hashlib
import os
import stat
import uuid
from pathlib import Path

from app.i18n import _
from app.sync.batchfile import MAX_FILE_BYTES, TOO_LARGE, BatchDamaged, BatchRef, fsync_dir, read_plain
from app.sync.folder import ROOT, SyncFolder, folder_error
from app.sync.transport import (
    MAX_BLOB_BYTES,
    BlobRefused,
    Listing,
    SeenDoc,
    TargetInfo,
    Transport,
    check_blob,
    is_sha256,
)

BLOBS = "blobs"
TRUST = "trust"


def place_words(folder: str) -> str:
    return "The school share" if folder.startswith(("\\\\", "//", "smb:")) else "The sync folder"


def _blob_name(sha256: str) -> str:
    return f"blob-{sha256}"


class FolderTransport(Transport):
    """One replica's view of a sync folder."""

    def __init__(self, folder: Path | str, me: str) -> None:
        self.folder = Path(folder)
        self.me = me
        self.sf = SyncFolder(self.folder, me)
        self.blobs = self.folder / ROOT / BLOBS
        self.trust = self.folder / ROOT / TRUST

    def describe(self) -> TargetInfo:
        return TargetInfo("folder", place_words(str(self.folder)), str(self.folder), compacts=True)

    def reachable(self) -> bool:
        return self.sf.reachable()

    def prepare(self) -> None:
        self.sf.prepare()
        self.sf.clean_temp()

    # -- batches --------------------------------------------------------------------------------
    def scan(self) -> Listing:
        return self.sf.scan()

    def fetch_batch(self, ref: BatchRef) -> bytes:
        try:
            data, _size = read_plain(ref.path, MAX_FILE_BYTES, TOO_LARGE)
        except FileNotFoundError:
            self.sf.raise_if_unreachable(None)
            raise
        except OSError as exc:
            self.sf.raise_if_unreachable(exc)
            raise BatchDamaged(_("could not be read ({v})", v=exc.strerror or exc)) from exc
        return self.sf.open_sealed(ref.name, data)  # the share's batches may be encrypted (docs/trust.md)

    def batch_header(self, ref: BatchRef) -> dict:
        return self.sf.read_header(ref)

    def put_batch(self, origin: str, first: int, last: int, data: bytes) -> BatchRef:
        return self.sf.put_batch_file(origin, first, last, self.sf.seal_batch(origin, first, last, data))

    def remove_batch(self, ref: BatchRef) -> bool:
        # Who may remove what is compact.py's rule (ours, our previous ids', an abandoned one's).
        try:
            os.unlink(ref.path)
            return True
        except FileNotFoundError:
            return False

    def publish_seen(self, doc: SeenDoc) -> None:
        self.sf.write_seen(
            doc.vector, schema_version=doc.schema_version, damaged=doc.damaged, previous_ids=doc.previous_ids
        )

    # -- blobs ----------------------------------------------------------------------------------
    def _blob_path(self, sha256: str) -> Path:
        if not is_sha256(sha256):
            raise BlobRefused(_("That file reference is not valid."))
        return self.blobs / sha256[:2] / sha256

    def put_blob(self, sha256: str, data: bytes) -> None:
        check_blob(sha256, data)
        path = self._blob_path(sha256)
        if self._holds(path, sha256):
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.parent / f".tmp-{uuid.uuid4().hex[:12]}.part"
            with open(tmp, "wb") as fh:
                fh.write(self._seal_blob(sha256, data))
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
            fsync_dir(path.parent)
        except OSError as exc:
            raise folder_error(exc, self.folder) from exc

    def get_blob(self, sha256: str) -> bytes | None:
        path = self._blob_path(sha256)
        try:
            data, _size = read_plain(path, MAX_BLOB_BYTES, "too large")
        except FileNotFoundError:
            return None
        except BatchDamaged as exc:
            raise BlobRefused(
                _("The file {file} in the sync folder is {reason}.", file=sha256[:12], reason=exc.reason)
            ) from exc
        except OSError as exc:
            raise folder_error(exc, self.folder) from exc
        try:
            return self.sf.open_sealed(_blob_name(sha256), data)
        except BatchDamaged as exc:
            raise BlobRefused(
                _("The file {file} in the sync folder is {reason}.", file=sha256[:12], reason=exc.reason)
            ) from exc

    def _seal_blob(self, sha256: str, data: bytes) -> bytes:
        # Attachments on the share are encrypted like batches (a stick found in a corridor shows no
        # student's file); the name binds the ciphertext to its hash, so files cannot be swapped.
        if self.sf.cipher is not None:
            self.sf.cipher.check_writable()
        return self.sf._seal(_blob_name(sha256), data)

    def has_blob(self, sha256: str) -> bool:
        try:
            st = os.lstat(self._blob_path(sha256))
        except OSError:
            return False
        return stat.S_ISREG(st.st_mode)

    def _holds(self, path: Path, sha256: str) -> bool:
        """Whether a plain file with the right bytes is already there (a wrong one is replaced)."""
        try:
            data, _size = read_plain(path, MAX_BLOB_BYTES, "too large")
            data = self.sf.open_sealed(_blob_name(sha256), data)
        except (OSError, BatchDamaged):
            return False
        return hashlib.sha256(data).hexdigest() == sha256

    # -- trust documents ------------------------------------------------------------------------
    def _doc_path(self, path: str) -> Path:
        parts = Path(path).parts
        if not parts or any(p in ("..", "") or p.startswith(".") for p in parts) or Path(path).is_absolute():
            raise ValueError(f"not a trust document path: {path!r}")
        return self.trust.joinpath(*parts)

    def get_doc(self, path: str) -> bytes | None:
        try:
            data, _size = read_plain(self._doc_path(path), 1024 * 1024, "too large")
        except (FileNotFoundError, BatchDamaged):
            return None
        except OSError as exc:
            raise folder_error(exc, self.folder) from exc
        return data

    def put_doc(self, path: str, data: bytes) -> None:
        final = self._doc_path(path)
        try:
            final.parent.mkdir(parents=True, exist_ok=True)
            tmp = final.with_name(f".tmp-{uuid.uuid4().hex[:8]}.part")
            tmp.write_bytes(data)
            tmp.replace(final)
        except OSError as exc:
            raise folder_error(exc, self.folder) from exc

    def list_docs(self, folder: str) -> list[str]:
        try:
            return sorted(
                e.name
                for e in os.scandir(self._doc_path(folder))
                if e.is_file(follow_symlinks=False) and not e.name.startswith(".")
            )
        except OSError:
            return []
