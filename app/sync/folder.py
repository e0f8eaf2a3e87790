"""Folder transport: exchange changes through a shared folder (school file share, USB stick).

Layout (plain files only: no symlinks, no locks, no SQLite on the share; names are short, lower
case and legal on FAT)::

    <folder>/tessera-sync/replicas/<replica id>/
        chg-<first seq>-<last seq>-<origin replica id>.jsonl.gz   immutable batches of changes
        seen.json                                                 this replica's version vector

Each replica writes only inside its own subfolder. A batch is written to a temporary name,
fsynced, then renamed, and never edited after it appears. It is gzip-compressed JSON lines: a
header, one change per line (``changes.ChangeRec``), and a footer with the count, the last sequence
number and the SHA-256 of everything before it. Readers check name, header, footer, sequence
numbers and checksum before anything in the file is applied; temporary, damaged, truncated and
"conflicted copy" files are skipped with a reason and picked up once they are whole.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import os
import re
import time
import uuid
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from app.errors import TesseraError
from app.sync import faults
from app.sync.changes import BadChange, ChangeRec

log = logging.getLogger(__name__)

ROOT = "tessera-sync"
REPLICAS = "replicas"
SEEN = "seen.json"
FORMAT = "tessera-changes"
SEEN_FORMAT = "tessera-seen"
VERSION = 1
TEMP_PREFIX = ".tmp-"
MAX_FILE_BYTES = 64 * 1024 * 1024  # compressed; a batch is far smaller (see BATCH_BYTES)
MAX_RAW_BYTES = 256 * 1024 * 1024  # decompressed, guards against a runaway file
BATCH_CHANGES = 5000
BATCH_BYTES = 4 * 1024 * 1024  # uncompressed bytes per batch, so readers' memory stays flat

_UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
BATCH_RE = re.compile(rf"^chg-(\d{{12}})-(\d{{12}})-({_UUID})\.jsonl\.gz$")
REPLICA_RE = re.compile(rf"^{_UUID}$")
_CONFLICT_RE = re.compile(r"conflict|\(\d+\)|copy", re.IGNORECASE)
_TEMP_SUFFIXES = (".tmp", ".part", ".partial", ".crdownload", ".download", ".!sync", ".syncthing")


class FolderUnavailable(TesseraError):
    """The sync folder cannot be reached or used; the message is for a teacher."""


class BatchDamaged(Exception):
    """A batch file that cannot be trusted (yet). ``reason`` is a short phrase."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class BatchRef:
    writer: str  # the replica whose folder holds the file
    name: str
    path: Path
    origin: str  # the replica that made the changes
    first: int
    last: int
    size: int

    @property
    def rel(self) -> str:
        return f"{self.writer}/{self.name}"


@dataclass
class SeenInfo:
    replica: str
    vector: dict[str, int]
    updated: float  # the later of what the writer wrote and the file's modification time
    schema_version: int = 0
    damaged: list[dict] = field(default_factory=list)


@dataclass
class FolderScan:
    replicas: set[str] = field(default_factory=set)  # every replica folder present
    seen: dict[str, SeenInfo] = field(default_factory=dict)
    unreadable_seen: set[str] = field(default_factory=set)
    folder_mtime: dict[str, float] = field(default_factory=dict)
    batches: list[BatchRef] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (relative path, reason)


@dataclass
class Batch:
    ref: BatchRef
    header: dict
    changes: list[ChangeRec]


def batch_name(origin: str, first: int, last: int) -> str:
    return f"chg-{first:012d}-{last:012d}-{origin}.jsonl.gz"


def classify(name: str) -> str:
    """Why a file in a replica folder is not a batch we read."""
    low = name.lower()
    if low.startswith((TEMP_PREFIX, ".~", "~$", ".syncthing.", "~")) or low.endswith(_TEMP_SUFFIXES):
        return "temporary file (still being written, or left by an interrupted copy)"
    if low.startswith(("chg-", "seen")):
        if _CONFLICT_RE.search(low) or low.count("-") > 8:
            return "a copy made by a file-sync program (conflicted copy); the original is used"
        return "renamed or unknown batch file"
    if low in {"desktop.ini", ".ds_store", "thumbs.db"} or low.startswith("._"):
        return ""  # system clutter: not worth a word
    return "not a Tessera sync file"


def _fsync_dir(path: Path) -> None:
    if os.name == "nt":
        return  # directories cannot be opened for fsync on Windows; rename is durable enough
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class SyncFolder:
    """One replica's view of the shared folder."""

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
                raise FolderUnavailable(f"The sync folder {self.folder} could not be reached.")
        except OSError as exc:
            raise FolderUnavailable(f"The sync folder {self.folder} could not be reached ({exc}).") from exc

    def reachable(self) -> bool:
        try:
            return self.folder.is_dir()
        except OSError:
            return False

    def prepare(self) -> None:
        self.check()
        try:
            self.mine.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise FolderUnavailable(os_words(exc, self.folder)) from exc

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
            raise FolderUnavailable(os_words(exc, self.folder)) from exc
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
            except OSError as exc:
                if not self.reachable():
                    raise FolderUnavailable(os_words(exc, self.folder)) from exc
                out.skipped.append((d.name, f"could not be listed ({exc.strerror or exc})"))
                continue
            for e in entries:
                if e.name == SEEN:
                    info = self._read_seen(Path(e.path), d.name)
                    if info is None:
                        out.unreadable_seen.add(d.name)
                        out.skipped.append((f"{d.name}/{e.name}", "damaged or incomplete"))
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
                    out.skipped.append((f"{d.name}/{e.name}", "renamed or unknown batch file"))
                    continue
                try:
                    size = e.stat().st_size
                except OSError:
                    continue  # removed while we looked (compaction by its writer)
                out.batches.append(BatchRef(d.name, e.name, Path(e.path), origin, first, last, size))
        return out

    # -- seen files -----------------------------------------------------------------------------
    def _read_seen(self, path: Path, replica: str) -> SeenInfo | None:
        try:
            text = path.read_text(encoding="utf-8")
            mtime = path.stat().st_mtime
            data = json.loads(text)
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
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
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
        _fsync_dir(self.mine)

    # -- batches --------------------------------------------------------------------------------
    def write_batch(
        self,
        origin: str,
        changes: Iterable[ChangeRec],
        *,
        max_changes: int = BATCH_CHANGES,
        max_bytes: int = BATCH_BYTES,
    ) -> tuple[BatchRef, int] | None:
        """Write the changes (contiguous sequence numbers of one origin, ascending) until a limit;
        returns the new file and how many changes it holds, or None if there were none.
        Consumes from ``changes`` only what fits."""
        it = iter(changes)
        first_change = next(it, None)
        if first_change is None:
            return None
        tmp = self.mine / f"{TEMP_PREFIX}{uuid.uuid4().hex[:12]}.part"
        digest = hashlib.sha256()
        count = 0
        size = 0
        last = first_change
        try:
            with open(tmp, "wb") as fh:
                with gzip.GzipFile(filename="", mode="wb", fileobj=fh, compresslevel=1, mtime=0) as gz:

                    def put(text: str) -> None:
                        nonlocal size
                        b = text.encode("utf-8") + b"\n"
                        digest.update(b)
                        gz.write(b)
                        size += len(b)

                    put(
                        json.dumps(
                            {
                                "format": FORMAT,
                                "v": VERSION,
                                "writer": self.me,
                                "origin": origin,
                                "first": first_change.seq,
                                "hlc_first": first_change.hlc,
                                "created": time.time(),
                            },
                            separators=(",", ":"),
                        )
                    )
                    c: ChangeRec | None = first_change
                    expected = first_change.seq
                    while c is not None:
                        if c.replica_id != origin or c.seq != expected:
                            raise ValueError(f"batch of {origin} is not contiguous at {c.replica_id}/{c.seq}")
                        put(c.encode())
                        last = c
                        count += 1
                        expected += 1
                        if count >= max_changes or size >= max_bytes:
                            break
                        c = next(it, None)
                    footer = {
                        "end": True,
                        "count": count,
                        "last": last.seq,
                        "hlc_last": last.hlc,
                        "sha256": digest.hexdigest(),
                    }
                    gz.write(json.dumps(footer, separators=(",", ":")).encode() + b"\n")
                fh.flush()
                faults.hit("batch:before_fsync")
                os.fsync(fh.fileno())
            faults.hit("batch:before_rename")
            name = batch_name(origin, first_change.seq, last.seq)
            final = self.mine / name
            os.replace(tmp, final)
            _fsync_dir(self.mine)
            faults.hit("batch:after_rename")
        except BaseException:
            try:
                tmp.unlink()
            except OSError:
                pass
            raise
        st = final.stat()
        return BatchRef(self.me, name, final, origin, first_change.seq, last.seq, st.st_size), count

    def read_header(self, ref: BatchRef) -> dict:
        """The first line only (cheap): used to order files before reading them whole."""
        try:
            with gzip.open(ref.path, "rb") as gz:
                line = gz.readline(64 * 1024)
            header = json.loads(line)
            if not isinstance(header, dict) or header.get("format") != FORMAT:
                raise BatchDamaged("not a Tessera batch")
            return header
        except FileNotFoundError:
            raise
        except (OSError, EOFError, zlib.error, ValueError) as exc:
            raise BatchDamaged(_damage_words(exc)) from exc

    def read_batch(self, ref: BatchRef) -> Batch:
        """Read and check a whole batch. Raises BatchDamaged (with a reason) or FileNotFoundError."""
        return self.parse_batch(ref, *self.fetch_batch(ref))

    def fetch_batch(self, ref: BatchRef) -> tuple[bytes, dict]:
        """Read, decompress and verify a batch: (body, footer). Mostly I/O, zlib and hashlib,
        which let other threads run, so it can go ahead on a reading thread."""
        try:
            if ref.path.stat().st_size > MAX_FILE_BYTES:
                raise BatchDamaged("too large to be a Tessera batch")
            data = ref.path.read_bytes()
        except FileNotFoundError:
            if not self.reachable():
                raise FolderUnavailable(f"The sync folder {self.folder} could not be reached.") from None
            raise
        except OSError as exc:
            if not self.reachable():
                raise FolderUnavailable(f"The sync folder {self.folder} could not be reached.") from exc
            raise BatchDamaged(f"could not be read ({exc.strerror or exc})") from exc
        d = zlib.decompressobj(wbits=31)
        try:
            raw = d.decompress(data, MAX_RAW_BYTES)
        except zlib.error as exc:
            raise BatchDamaged(_damage_words(exc)) from exc
        if d.unconsumed_tail:
            raise BatchDamaged("too large to be a Tessera batch")
        if not d.eof:
            raise BatchDamaged("truncated (the file is incomplete)")
        if d.unused_data.strip(b"\0"):
            raise BatchDamaged("damaged (extra data after the end)")
        del data
        end = raw.rfind(b"\n", 0, len(raw) - 1)
        if end < 0 or not raw.endswith(b"\n"):
            raise BatchDamaged("truncated (no footer)")
        body, footer_line = raw[: end + 1], raw[end + 1 :]
        try:
            footer = json.loads(footer_line)
        except ValueError as exc:
            raise BatchDamaged("truncated (no footer)") from exc
        if not isinstance(footer, dict) or not footer.get("end"):
            raise BatchDamaged("truncated (no footer)")
        if hashlib.sha256(body).hexdigest() != footer.get("sha256"):
            raise BatchDamaged("damaged (checksum does not match)")
        return body, footer

    def parse_batch(self, ref: BatchRef, body: bytes, footer: dict) -> Batch:
        """The changes of a fetched batch, after checking they are the ones its name promises."""
        lines = body.decode("utf-8").split("\n")
        lines.pop()  # the final newline
        try:
            header = json.loads(lines[0])
        except (ValueError, IndexError) as exc:
            raise BatchDamaged("damaged (no header)") from exc
        if (
            header.get("format") != FORMAT
            or header.get("origin") != ref.origin
            or header.get("first") != ref.first
            or footer.get("last") != ref.last
            or footer.get("count") != ref.last - ref.first + 1
            or len(lines) - 1 != footer.get("count")
        ):
            raise BatchDamaged("damaged (contents do not match its name)")
        if header.get("v", 0) > VERSION:
            raise BatchDamaged("written by a newer Tessera (format version); update Tessera to read it")
        changes = []
        expected = ref.first
        try:
            for line in lines[1:]:
                c = ChangeRec.decode(line)
                if c.replica_id != ref.origin or c.seq != expected:
                    raise BatchDamaged("damaged (sequence numbers out of order)")
                expected += 1
                changes.append(c)
        except BadChange as exc:
            raise BatchDamaged(f"damaged ({exc})") from exc
        return Batch(ref, header, changes)

    def remove(self, ref: BatchRef) -> bool:
        if ref.writer != self.me:
            raise ValueError("a replica removes files only from its own folder")
        try:
            os.unlink(ref.path)
            return True
        except FileNotFoundError:
            return False


def iter_chunks(rows: Iterator[ChangeRec], n: int) -> Iterator[list[ChangeRec]]:
    chunk: list[ChangeRec] = []
    for r in rows:
        chunk.append(r)
        if len(chunk) >= n:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _damage_words(exc: BaseException) -> str:
    if isinstance(exc, EOFError):
        return "truncated (the file is incomplete)"
    if isinstance(exc, gzip.BadGzipFile):
        return "damaged (not a valid compressed file)"
    if isinstance(exc, zlib.error):
        return "damaged (not a valid compressed file)"
    if isinstance(exc, ValueError):
        return "damaged (unreadable header)"
    return f"could not be read ({exc})"


def os_words(exc: OSError, folder: Path) -> str:
    """What went wrong with the folder, in a teacher's words."""
    import errno

    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (
            f"Tessera cannot write to the sync folder {folder}: it is read-only or you do not "
            "have permission."
        )
    if exc.errno == errno.ENOSPC:
        return f"The sync folder {folder} is full."
    return f"The sync folder {folder} could not be reached ({exc.strerror or exc})."
