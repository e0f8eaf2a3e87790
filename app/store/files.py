"""Where attachment files live in a data folder: ``files/<first two hex digits>/<sha256><ext>``.

One rule for the planning service that stores a file (``app/planning/attachments.py``) and the
sync that brings it from another computer (``app/sync/blobs.py``). The name is the SHA-256 of the
bytes, checked here, so synced data can never point outside the store."""

from __future__ import annotations

import re
from pathlib import Path

FILES_DIR = "files"
KINDS = {
    ".pdf": "pdf",
    ".png": "png",
    ".jpg": "jpeg",
    ".jpeg": "jpeg",
    ".txt": "text",
    ".docx": "docx",
    ".odt": "odt",
}
_SHA = re.compile(r"^[0-9a-f]{64}$")


def files_root(db_path: Path | str) -> Path:
    return Path(db_path).parent / FILES_DIR


def stored_path(root: Path, sha256: str, name: str) -> Path | None:
    """The file's place in the store, or None when ``sha256`` is not a SHA-256 in hex."""
    if not _SHA.match(sha256 or ""):
        return None
    ext = Path(name).suffix.lower()
    ext = ext if ext in KINDS else ""
    return Path(root) / sha256[:2] / f"{sha256}{ext}"
