"""Files teams attach to their challenge work: checked, then copied into the data folder by content.

A file is accepted only if its extension is on a small allow-list AND its first bytes (or, for office
documents, its zip contents) say the same thing, it is a regular file, and it is no bigger than the
limit. The copy is named by its SHA-256 (so the same file is stored once and a name from another
device can never point outside the store); the name the student sees is kept separately, cleaned.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

from app.errors import InvalidInput
from app.i18n import _
from app.store.files import KINDS, stored_path

MAX_BYTES = 20 * 1024 * 1024
CHUNK = 1024 * 1024
MAGIC = {
    "pdf": b"%PDF-",
    "png": b"\x89PNG\r\n\x1a\n",
    "jpeg": b"\xff\xd8\xff",
    "docx": b"PK\x03\x04",
    "odt": b"PK\x03\x04",
}
ODT_MIME = b"application/vnd.oasis.opendocument.text"


class AttachmentError(InvalidInput):
    """A file that cannot be attached; the message says why in plain words."""


@dataclass(frozen=True)
class StoredFile:
    name: str  # cleaned display name
    sha256: str
    size: int
    kind: str
    path: Path


def clean_name(name: str) -> str:
    """The display name: the last path part only, no control characters, no leading dots."""
    base = re.split(r"[\\/]", str(name))[-1]
    base = unicodedata.normalize("NFC", base)
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C").strip().lstrip(".").strip()
    if not base or base in {".", ".."}:
        raise AttachmentError(_("That file has no usable name."))
    stem, dot, ext = base.rpartition(".")
    if len(base) > 120:
        base = (stem[: 110 - len(ext)] + dot + ext) if dot else base[:120]
    return base


def kind_for(name: str) -> str:
    ext = Path(name).suffix.lower()
    if ext not in KINDS:
        allowed = ", ".join(sorted({e.lstrip(".") for e in KINDS}))
        raise AttachmentError(_("Tessera can attach only these kinds of file: {allowed}.", allowed=allowed))
    return KINDS[ext]


def _looks_like(kind: str, path: Path) -> bool:
    with open(path, "rb") as fh:
        head = fh.read(16)
    if kind == "text":
        return _is_text(path)
    if not head.startswith(MAGIC[kind]):
        return False
    if kind in ("docx", "odt"):
        try:
            with zipfile.ZipFile(path) as z:
                names = set(z.namelist())
                if kind == "docx":
                    return "[Content_Types].xml" in names and any(n.startswith("word/") for n in names)
                info = z.getinfo("mimetype") if "mimetype" in names else None
                return bool(info and info.file_size < 100 and z.read(info).strip() == ODT_MIME)
        except (zipfile.BadZipFile, OSError, KeyError):
            return False
    return True


def _is_text(path: Path) -> bool:
    import codecs

    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    with open(path, "rb") as fh:
        while chunk := fh.read(CHUNK):
            if b"\x00" in chunk:
                return False
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError:
                return False
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


class FileStore:
    def __init__(self, root: Path, max_bytes: int = MAX_BYTES) -> None:
        self.root = Path(root)
        self.max_bytes = max_bytes

    def path_for(self, sha256: str, name: str) -> Path:
        """Where a stored file lives. The hash is checked, so synced data cannot point elsewhere."""
        path = stored_path(self.root, sha256, name)
        if path is None:
            raise AttachmentError(_("That attachment reference is not valid."))
        return path

    def store(self, src: str | Path, display_name: str | None = None) -> StoredFile:
        src = Path(src)
        name = clean_name(display_name if display_name is not None else src.name)
        kind = kind_for(name)
        try:
            st = os.stat(src)
        except OSError as exc:
            raise AttachmentError(_("Tessera cannot read that file ({v}).", v=exc.strerror or exc)) from exc
        if not stat.S_ISREG(st.st_mode):
            raise AttachmentError(_("Only ordinary files can be attached, not folders or devices."))
        limit_mb = self.max_bytes // (1024 * 1024)
        if st.st_size > self.max_bytes:
            raise AttachmentError(_("That file is too big: the limit is {limit_mb} MB.", limit_mb=limit_mb))
        self.root.mkdir(parents=True, exist_ok=True)
        digest, size = hashlib.sha256(), 0
        fd, tmp_name = tempfile.mkstemp(prefix=".incoming-", dir=self.root)
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as out, open(src, "rb") as fh:
                while chunk := fh.read(CHUNK):
                    size += len(chunk)
                    if size > self.max_bytes:  # the file grew since we looked
                        raise AttachmentError(
                            _("That file is too big: the limit is {limit_mb} MB.", limit_mb=limit_mb)
                        )
                    digest.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            if size == 0:
                raise AttachmentError(_("That file is empty."))
            # Check the copy, not the original, so what was checked is what is kept.
            if not _looks_like(kind, tmp):
                raise AttachmentError(
                    _(
                        "{name} does not look like a real {upper} file, so it was not attached.",
                        name=name,
                        upper=kind.upper(),
                    )
                )
            sha = digest.hexdigest()
            final = self.path_for(sha, name)
            final.parent.mkdir(parents=True, exist_ok=True)
            if final.exists():
                tmp.unlink()
            else:
                os.replace(tmp, final)
            return StoredFile(name, sha, size, kind, final)
        finally:
            if tmp.exists():
                tmp.unlink()
