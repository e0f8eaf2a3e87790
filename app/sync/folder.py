"""Folder transport: exchange changes through a shared folder (school file share, USB stick).

Layout (plain files only: no symlinks, no locks, no SQLite on the share; names are short, lower
case and legal on FAT; a link, pipe or device under a batch's name is skipped, never opened)::

    <folder>/tessera-sync/replicas/<replica id>/
        chg-<first seq>-<last seq>-<origin replica id>.jsonl.gz   immutable batches of changes
        seen.json                                                 this replica's version vector

Each replica writes only inside its own subfolder. Batches (``batchfile.py``) are written to a
temporary name, fsynced, renamed, and never edited after they appear; readers check them whole
before anything in them is applied. Temporary, damaged, truncated and "conflicted copy" files are
skipped with a reason and picked up once they are whole.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import stat
import time
import uuid
from pathlib import Path

from app.i18n import _
from app.sync import faults
from app.sync.batchfile import (  # noqa: F401  (BATCH_*, Batch, BatchDamaged: imported from here too)
    BATCH_BYTES,
    BATCH_CHANGES,
    BATCH_RE,
    NOT_PLAIN,
    REPLICA_RE,
    TEMP_PREFIX,
    VERSION,
    Batch,
    BatchDamaged,
    BatchFiles,
    BatchRef,
    fsync_dir,
    read_plain,
)
from app.sync.transport import Listing, SeenInfo, TargetFull, TargetReadOnly, TargetUnavailable

log = logging.getLogger(__name__)

ROOT = "tessera-sync"
REPLICAS = "replicas"
SEEN = "seen.json"
SEEN_FORMAT = "tessera-seen"
MAX_SEEN_BYTES = 16 * 1024 * 1024  # a vector of many thousand replicas is still far smaller
_CONFLICT_RE = re.compile(r"conflict|\(\d+\)|copy", re.IGNORECASE)
# Whatever a damaged, foreign or hostile seen.json can raise while it is read and checked.
_UNREADABLE = (
    OSError,
    ValueError,
    KeyError,
    TypeError,
    AttributeError,
    OverflowError,
    RecursionError,
    BatchDamaged,
)
_TEMP_SUFFIXES = (".tmp", ".part", ".partial", ".crdownload", ".download", ".!sync", ".syncthing")


class FolderUnavailable(TargetUnavailable):
    """The sync folder cannot be reached or used; the message is for a teacher."""


class FolderFull(FolderUnavailable, TargetFull):
    """The sync folder has no space left."""


class FolderReadOnly(FolderUnavailable, TargetReadOnly):
    """The sync folder cannot be written (read-only, or no permission)."""


# The folder's listing is the transport's (``transport.py``); these names stay for the callers.
FolderScan = Listing


def classify(name: str) -> str:
    """Why a file in a replica folder is not a batch we read."""
    low = name.lower()
    if low.startswith((TEMP_PREFIX, ".~", "~$", ".syncthing.", "~")) or low.endswith(_TEMP_SUFFIXES):
        return _("temporary file (still being written, or left by an interrupted copy)")
    if low.startswith(("chg-", "seen")):
        if _CONFLICT_RE.search(low) or low.count("-") > 8:
            return _("a copy made by a file-sync program (conflicted copy); the original is used")
        return _("renamed or unknown batch file")
    if low in {"desktop.ini", ".ds_store", "thumbs.db"} or low.startswith("._"):
        return ""  # system clutter: not worth a word
    return _("not a Tessera sync file")


class SyncFolder(BatchFiles):
    """One replica's view of the shared folder (batch files: see ``batchfile.BatchFiles``)."""

    def __init__(self, folder: Path | str, me: str) -> None:
        self.folder = Path(folder)
        self.root = self.folder / ROOT
        self.replicas_dir = self.root / REPLICAS
        self.me = me
        self.mine = self.replicas_dir / me

    # -- reachability and layout ------------------------------------------------------------
    def check(self) -> None:
        """Raise FolderUnavailable unless the folder is there (we never create the folder
        itself: an unplugged USB stick's mount point must not become a local folder)."""
        try:
            if not self.folder.is_dir():
                raise FolderUnavailable(
                    _("The sync folder {folder} could not be reached.", folder=self.folder)
                )
        except OSError as exc:
            raise FolderUnavailable(
                _("The sync folder {folder} could not be reached ({exc}).", folder=self.folder, exc=exc)
            ) from exc

    def reachable(self) -> bool:
        try:
            return self.folder.is_dir()
        except OSError:
            return False

    def raise_if_unreachable(self, exc: BaseException | None) -> None:
        if not self.reachable():
            raise FolderUnavailable(
                _("The sync folder {folder} could not be reached.", folder=self.folder)
            ) from exc

    def prepare(self) -> None:
        self.check()
        try:
            self.mine.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise folder_error(exc, self.folder) from exc

    def clean_temp(self, older_than: float = 0.0) -> int:
        """Remove temporary files this replica left behind (only ever in its own folder)."""
        n = 0
        now = time.time()
        try:
            entries = list(os.scandir(self.mine))
        except OSError:
            return 0
        for e in entries:
            if e.name.startswith(TEMP_PREFIX):
                try:
                    if now - e.stat().st_mtime >= older_than:
                        os.unlink(e.path)
                        n += 1
                except OSError:
                    pass
        return n

    # -- scanning -----------------------------------------------------------------------------
    def scan(self) -> FolderScan:
        out = FolderScan()
        try:
            dirs = list(os.scandir(self.replicas_dir)) if self.replicas_dir.is_dir() else []
        except OSError as exc:
            raise folder_error(exc, self.folder) from exc
        for d in dirs:
            if not d.is_dir(follow_symlinks=False):
                continue
            if not REPLICA_RE.match(d.name):
                reason = classify(d.name) or ""
                if reason:
                    out.skipped.append((d.name, "folder " + reason.split(" (")[0]))
                continue
            out.replicas.add(d.name)
            try:
                out.folder_mtime[d.name] = d.stat().st_mtime
                entries = list(os.scandir(d.path))
                # Files only: removing an abandoned replica's batches touches its folder's mtime.
                out.last_write[d.name] = 0.0 if entries else out.folder_mtime[d.name]
            except OSError as exc:
                if not self.reachable():
                    raise folder_error(exc, self.folder) from exc
                out.skipped.append((d.name, _("could not be listed ({v})", v=exc.strerror or exc)))
                continue
            for e in entries:
                try:
                    st = e.stat(follow_symlinks=False)
                except OSError:
                    continue  # removed while we looked (compaction by its writer)
                out.last_write[d.name] = max(out.last_write[d.name], st.st_mtime)
                if not stat.S_ISREG(st.st_mode):
                    # A link could lead out of the share (to /dev/zero); a pipe would never end.
                    if e.name == SEEN or BATCH_RE.match(e.name):
                        out.skipped.append((f"{d.name}/{e.name}", NOT_PLAIN))
                        if e.name == SEEN:
                            out.unreadable_seen.add(d.name)
                    elif reason := classify(e.name):
                        out.skipped.append((f"{d.name}/{e.name}", reason))
                    continue
                if e.name == SEEN:
                    info = self._read_seen(Path(e.path), d.name)
                    if info is None:
                        out.unreadable_seen.add(d.name)
                        out.skipped.append((f"{d.name}/{e.name}", _("damaged or incomplete")))
                    else:
                        out.seen[d.name] = info
                    continue
                m = BATCH_RE.match(e.name)
                if not m:
                    reason = classify(e.name)
                    if reason and not (d.name == self.me and e.name.startswith(TEMP_PREFIX)):
                        out.skipped.append((f"{d.name}/{e.name}", reason))
                    continue
                first, last, origin = int(m.group(1)), int(m.group(2)), m.group(3)
                if last < first:
                    out.skipped.append((f"{d.name}/{e.name}", _("renamed or unknown batch file")))
                    continue
                out.batches.append(BatchRef(d.name, e.name, Path(e.path), origin, first, last, st.st_size))
        return out

    # -- seen files -----------------------------------------------------------------------------
    def _read_seen(self, path: Path, replica: str) -> SeenInfo | None:
        try:
            raw, st = read_plain(path, MAX_SEEN_BYTES, _("too large"))
            mtime = st.st_mtime
            data = json.loads(raw.decode("utf-8"))
            body = {k: v for k, v in data.items() if k != "sha256"}
            digest = hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()
            if data.get("format") != SEEN_FORMAT or data.get("sha256") != digest:
                return None
            vector = {str(k): int(v) for k, v in data["vector"].items()}
            return SeenInfo(
                replica=replica,
                vector=vector,
                updated=max(float(data.get("updated", 0)), mtime),
                schema_version=int(data.get("schema_version", 0)),
                damaged=[d for d in data.get("damaged", []) if isinstance(d, dict)],
            )
        except _UNREADABLE:
            return None

    def read_own_seen(self) -> SeenInfo | None:
        return self._read_seen(self.mine / SEEN, self.me)

    def write_seen(
        self,
        vector: dict[str, int],
        *,
        schema_version: int,
        damaged: list[dict],
        previous_ids: list[str] | None = None,
    ) -> None:
        body = {
            "format": SEEN_FORMAT,
            "v": VERSION,
            "replica": self.me,
            "vector": dict(sorted(vector.items())),
            "updated": time.time(),
            "schema_version": schema_version,
            "damaged": damaged,
            "previous_ids": previous_ids or [],
        }
        body["sha256"] = hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()
        data = json.dumps(body, indent=1, sort_keys=True).encode()
        self._atomic_write(self.mine / SEEN, data, point="seen")

    def _atomic_write(self, final: Path, data: bytes, point: str) -> None:
        tmp = self.mine / f"{TEMP_PREFIX}{uuid.uuid4().hex[:12]}.part"
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        faults.hit(f"{point}:before_rename")
        os.replace(tmp, final)
        fsync_dir(self.mine)

    # -- batches --------------------------------------------------------------------------------
    def remove(self, ref: BatchRef) -> bool:
        if ref.writer != self.me:
            raise ValueError("a replica removes files only from its own folder")
        return _unlink(ref.path)

    def remove_previous(self, ref: BatchRef, previous_ids: set[str]) -> bool:
        """Remove a batch from the folder of one of this database's previous replica ids (it wrote
        there before it took a new id; nobody else writes there)."""
        if ref.writer not in previous_ids or ref.writer == self.me:
            raise ValueError("only a previous id's own folder")
        return _unlink(ref.path)

    def remove_abandoned(self, ref: BatchRef) -> bool:
        """Remove a batch of an abandoned replica (the one exception to writing only in our own
        folder: see ``compact.py`` for when that is allowed)."""
        if ref.writer == self.me:
            raise ValueError("our own batches go through remove()")
        log.info("sync: removing %s of abandoned replica %s", ref.name, ref.writer)
        return _unlink(ref.path)


def _unlink(path: Path) -> bool:
    try:
        os.unlink(path)
        return True
    except FileNotFoundError:
        return False


def folder_error(exc: OSError, folder: Path) -> FolderUnavailable:
    """The Tessera error for an OSError met while using the folder (full, read-only, or away)."""
    import errno

    words = os_words(exc, folder)
    if exc.errno == errno.ENOSPC:
        return FolderFull(words)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return FolderReadOnly(words)
    return FolderUnavailable(words)


def os_words(exc: OSError, folder: Path) -> str:
    """What went wrong with the folder, in a teacher's words."""
    import errno

    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return _(
            "Tessera cannot write to the sync folder {folder}: it is read-only or you do not have permission.",
            folder=folder,
        )
    if exc.errno == errno.ENOSPC:
        return _("The sync folder {folder} is full.", folder=folder)
    return _("The sync folder {folder} could not be reached ({v}).", folder=folder, v=exc.strerror or exc)
