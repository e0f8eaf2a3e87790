"""Batch files: immutable, checksummed files of changes in a replica's folder of the share.

A batch is gzip-compressed JSON lines: a header, one change per line (``changes.ChangeRec``), and
a footer with the count, the last sequence number and the SHA-256 of everything before it. It is
written to a temporary name, fsynced, then renamed, and never edited after it appears. Readers
check name, header, footer, sequence numbers and checksum before anything in the file is applied.
Where the school encrypts (``docs/trust.md``, "Encryption"), the whole gzip file is encrypted with
the school's data key after it is made, and decrypted (its tag checked) before it is decompressed:
this module is the one place batch bytes are made and read.
``SyncFolder`` (``folder.py``) gets these methods from ``BatchFiles``.
"""

from __future__ import annotations

import errno
import gzip
import hashlib
import io
import json
import os
import re
import stat
import time
import uuid
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from app.i18n import _
from app.identity.datakeys import SealBroken, is_sealed
from app.sync import faults
from app.sync.changes import BadChange, ChangeRec

FORMAT = "tessera-changes"
VERSION = 1
TEMP_PREFIX = ".tmp-"
MAX_FILE_BYTES = 64 * 1024 * 1024  # compressed; a batch is far smaller (see BATCH_BYTES)
MAX_RAW_BYTES = 256 * 1024 * 1024  # decompressed, guards against a runaway file
NOT_PLAIN = _("not a plain file (a link, pipe or device); ignored")
TOO_LARGE = _("too large to be a Tessera batch")
# No O_NOFOLLOW or O_NONBLOCK on Windows: there ``folder.scan`` lists plain files only (lstat).
_PLAIN_FLAGS = (
    os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
)
BATCH_CHANGES = 5000
BATCH_BYTES = 4 * 1024 * 1024  # uncompressed bytes per batch, so readers' memory stays flat

_UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
BATCH_RE = re.compile(rf"^chg-(\d{{12}})-(\d{{12}})-({_UUID})\.jsonl\.gz$")
REPLICA_RE = re.compile(rf"^{_UUID}$")


# The cipher each (folder, replica) writes and reads batches with, set by signed sync at the start
# of a sync (``app/trust/keyring.py``: the school's data key); None: plain gzip, as before. Kept
# here, not on a SyncFolder, so every SyncFolder made for that folder and replica (by a sync step,
# a transport, a check) uses it: batch bytes are made and read in this module only.
_CIPHERS: dict[tuple[str, str], object] = {}


def use_cipher(folder: Path | str, me: str, cipher) -> None:  # noqa: ANN001
    """Encrypt what ``me`` writes to ``folder`` with ``cipher`` (``encrypt(name, bytes)``,
    ``decrypt(name, bytes)``, ``check_writable()``), and open encrypted batches with it; None: off."""
    key = (_folder_key(folder), me)
    if cipher is None:
        _CIPHERS.pop(key, None)
    else:
        _CIPHERS[key] = cipher


def _folder_key(folder: Path | str) -> str:
    # One spelling of a folder however it was given (relative, with "..", a trailing slash).
    return os.path.normcase(os.path.abspath(str(folder)))


class BatchDamaged(Exception):
    """A batch file that cannot be trusted (yet). ``reason`` is a short phrase."""

    def __init__(self, reason: str, no_key: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        # Encrypted with a data key this computer does not hold (not enrolled yet, or revoked): not
        # damaged for its writer or anyone else, so it is not reported as damaged in seen.json.
        self.no_key = no_key


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
class Batch:
    ref: BatchRef
    header: dict
    changes: list[ChangeRec]


def batch_name(origin: str, first: int, last: int) -> str:
    return f"chg-{first:012d}-{last:012d}-{origin}.jsonl.gz"


def fsync_dir(path: Path) -> None:
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


class BatchFiles:
    """Batch files in the folder, stored and read (a batch is encoded in ``Place.write_batch`` only);
    mixed into ``SyncFolder``, which provides ``me``, ``mine`` (our own subfolder) and
    ``raise_if_unreachable()`` (FolderUnavailable when the folder is gone)."""

    me: str
    mine: Path
    folder: Path

    @property
    def cipher(self):  # noqa: ANN201
        return _CIPHERS.get((_folder_key(getattr(self, "folder", "")), self.me)) if _CIPHERS else None

    def _seal(self, name: str, data: bytes) -> bytes:
        cipher = self.cipher
        return data if cipher is None else cipher.encrypt(name, data)

    def open_sealed(self, name: str, data: bytes) -> bytes:
        """The gzip bytes of a batch file: decrypted (and its tag checked, before anything in it is
        parsed) when it is encrypted. Plain batches (written before the school encrypted, or by an
        older Tessera) are still read: the trust gate decides whether their changes count."""
        if not is_sealed(data):
            return data
        cipher = self.cipher
        if cipher is None:
            raise BatchDamaged(
                "encrypted with a school's data key, and this computer holds none", no_key=True
            )
        try:
            return cipher.decrypt(name, data)
        except SealBroken as exc:
            raise BatchDamaged(exc.reason, no_key=exc.no_key) from exc

    def raise_if_unreachable(self, exc: BaseException | None) -> None:  # pragma: no cover
        raise NotImplementedError

    def seal_batch(self, origin: str, first: int, last: int, data: bytes) -> bytes:
        """A batch's bytes as they go into the folder: encrypted with the school's data key where the
        school encrypts (the file's name is authenticated with them); as they are otherwise."""
        if self.cipher is not None:
            self.cipher.check_writable()  # no data key: nothing leaves this computer unencrypted
        return self._seal(batch_name(origin, first, last), data)

    def put_batch_file(self, origin: str, first: int, last: int, data: bytes) -> BatchRef:
        """Put a batch's bytes into our own subfolder: temporary name, fsync, rename (the same
        range again replaces the file whole: a reader sees one or the other, never a mix)."""
        name = batch_name(origin, first, last)
        final = self.mine / name
        tmp = self.mine / f"{TEMP_PREFIX}{uuid.uuid4().hex[:12]}.part"
        try:
            with open(tmp, "wb") as fh:
                fh.write(data)
                fh.flush()
                faults.hit("batch:before_fsync")
                os.fsync(fh.fileno())
            faults.hit("batch:before_rename")
            os.replace(tmp, final)
            fsync_dir(self.mine)
            faults.hit("batch:after_rename")
        except BaseException:
            try:
                tmp.unlink()
            except OSError:
                pass
            raise
        st = final.stat()
        return BatchRef(self.me, name, final, origin, first, last, st.st_size)

    def read_header(self, ref: BatchRef) -> dict:
        """The first line only (cheap): used to order files before reading them whole."""
        try:
            with open_plain(ref.path) as fh:
                if is_sealed(fh.read(4)):
                    fh.seek(0)
                    data = fh.read(MAX_FILE_BYTES + 1)
                    if len(data) > MAX_FILE_BYTES:
                        raise BatchDamaged(TOO_LARGE)
                    data = self.open_sealed(ref.name, data)
                    gz_in = gzip.GzipFile(fileobj=io.BytesIO(data), mode="rb")
                else:
                    fh.seek(0)
                    gz_in = gzip.GzipFile(fileobj=fh, mode="rb")
                with gz_in as gz:
                    line = gz.readline(64 * 1024)
            header = json.loads(line)
            if not isinstance(header, dict) or header.get("format") != FORMAT:
                raise BatchDamaged(_("not a Tessera batch"))
            return header
        except FileNotFoundError:
            raise
        except (OSError, EOFError, zlib.error, ValueError, RecursionError) as exc:
            raise BatchDamaged(_damage_words(exc)) from exc

    def read_batch(self, ref: BatchRef) -> Batch:
        """Read and check a whole batch. Raises BatchDamaged (with a reason) or FileNotFoundError."""
        return self.parse_batch(ref, *self.fetch_batch(ref))

    def fetch_batch(self, ref: BatchRef) -> tuple[bytes, dict]:
        """Read, decompress and verify a batch: (body, footer). Mostly I/O, zlib and hashlib,
        which let other threads run, so it can go ahead on a reading thread."""
        try:
            data, _x = read_plain(ref.path, MAX_FILE_BYTES, TOO_LARGE)
        except FileNotFoundError:
            self.raise_if_unreachable(None)
            raise
        except OSError as exc:
            self.raise_if_unreachable(exc)
            raise BatchDamaged(_("could not be read ({v})", v=exc.strerror or exc)) from exc
        return decode_batch(self.open_sealed(ref.name, data))

    def parse_batch(self, ref: BatchRef, body: bytes, footer: dict) -> Batch:
        return parse_batch(ref, body, footer)


def parse_batch(ref: BatchRef, body: bytes, footer: dict) -> Batch:
    """The changes of a fetched batch, after checking they are the ones its name promises.
    Raises BatchDamaged for a file that cannot be used; a line that is not a well-formed
    change (bad text, stamp or metadata) becomes a stand-in with a ``problem`` instead."""
    try:
        lines: list = body.decode("utf-8").split("\n")
    except UnicodeDecodeError:
        lines = body.split(b"\n")  # some line is not UTF-8: decode them one by one below
    lines.pop()  # the final newline
    try:
        header = json.loads(lines[0])
    except (ValueError, RecursionError, IndexError) as exc:
        raise BatchDamaged(_("damaged (no header)")) from exc
    if not isinstance(header, dict):
        raise BatchDamaged(_("damaged (no header)"))
    if (
        header.get("format") != FORMAT
        or header.get("origin") != ref.origin
        or header.get("first") != ref.first
        or footer.get("last") != ref.last
        or footer.get("count") != ref.last - ref.first + 1
        or len(lines) - 1 != footer.get("count")
    ):
        raise BatchDamaged(_("damaged (contents do not match its name)"))
    version = header.get("v", 0)
    if not isinstance(version, int):
        raise BatchDamaged(_("damaged (unreadable header)"))
    if version > VERSION:
        raise BatchDamaged(_("written by a newer Tessera (format version); update Tessera to read it"))
    changes = []
    expected = ref.first
    for line in lines[1:]:
        c = _change(line, ref.origin, expected)
        if c.replica_id != ref.origin or c.seq != expected:
            raise BatchDamaged(_("damaged (sequence numbers out of order)"))
        expected += 1
        changes.append(c)
    return Batch(ref, header, changes)


def encode_batch(
    writer: str,
    origin: str,
    changes: Iterable[ChangeRec],
    *,
    max_changes: int = BATCH_CHANGES,
    max_bytes: int = BATCH_BYTES,
    sealer: Callable[[str, int, int, str], dict] | None = None,
    header_line: str | None = None,
) -> tuple[bytes, int, int, int] | None:
    """A batch's bytes from changes (contiguous sequence numbers of one origin, ascending), up to
    a limit: (data, first, last, count), or None if there were none. Consumes from ``changes``
    only what fits. ``sealer(origin, first, last, sha256 of the batch before its footer)`` gives
    the footer's ``seal`` (signed sync, ``app/trust``). ``header_line``: the header to write as it
    is (a segment passed on with its author's seal keeps its author's header)."""
    it = iter(changes)
    first_change = next(it, None)
    if first_change is None:
        return None
    digest = hashlib.sha256()
    count = 0
    size = 0
    last = first_change
    buf = io.BytesIO()
    lines: list[bytes] = []  # compressed and hashed at once: per-line calls cost more than both
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=1, mtime=0) as gz:

        def put(text: str) -> None:
            nonlocal size
            b = text.encode("utf-8") + b"\n"
            lines.append(b)
            size += len(b)

        put(
            header_line
            or json.dumps(
                {
                    "format": FORMAT,
                    "v": VERSION,
                    "writer": writer,
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
        body = b"".join(lines)
        lines.clear()
        digest.update(body)
        gz.write(body)
        del body
        footer = {
            "end": True,
            "count": count,
            "last": last.seq,
            "hlc_last": last.hlc,
            "sha256": digest.hexdigest(),
        }
        if sealer is not None:
            footer["seal"] = sealer(origin, first_change.seq, last.seq, str(footer["sha256"]))
        gz.write(json.dumps(footer, separators=(",", ":")).encode() + b"\n")
    return buf.getvalue(), first_change.seq, last.seq, count


def decode_batch(data: bytes) -> tuple[bytes, dict]:
    """Decompress and verify a batch's stored bytes: (body, footer). Raises BatchDamaged. With
    ``encode_batch``, the one place batch bytes are made and read (whatever the transport)."""
    d = zlib.decompressobj(wbits=31)
    try:
        raw = d.decompress(data, MAX_RAW_BYTES)
    except zlib.error as exc:
        raise BatchDamaged(_damage_words(exc)) from exc
    if d.unconsumed_tail:
        raise BatchDamaged(TOO_LARGE)
    if not d.eof:
        raise BatchDamaged(_("truncated (the file is incomplete)"))
    if d.unused_data.strip(b"\0"):
        raise BatchDamaged(_("damaged (extra data after the end)"))
    del data
    end = raw.rfind(b"\n", 0, len(raw) - 1)
    if end < 0 or not raw.endswith(b"\n"):
        raise BatchDamaged(_("truncated (no footer)"))
    body, footer_line = raw[: end + 1], raw[end + 1 :]
    try:
        footer = json.loads(footer_line)
    except (ValueError, RecursionError) as exc:
        raise BatchDamaged(_("truncated (no footer)")) from exc
    if not isinstance(footer, dict) or not footer.get("end"):
        raise BatchDamaged(_("truncated (no footer)"))
    if hashlib.sha256(body).hexdigest() != footer.get("sha256"):
        raise BatchDamaged(_("damaged (checksum does not match)"))
    return body, footer


def _change(line: str | bytes, origin: str, seq: int) -> ChangeRec:
    if isinstance(line, bytes):
        try:
            line = line.decode("utf-8")
        except UnicodeDecodeError:
            return ChangeRec.salvage(b"", origin, seq, _("it is not valid text (UTF-8)"))
    try:
        return ChangeRec.decode(line)
    except BadChange as exc:
        return ChangeRec.salvage(line, origin, seq, str(exc))


def open_plain(path: Path):  # -> BinaryIO
    """Open a plain file for reading, never following a link nor waiting on a pipe or device
    (a batch name in the share could be any of those). Raises BatchDamaged(NOT_PLAIN)."""
    try:
        fd = os.open(path, _PLAIN_FLAGS)
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # O_NOFOLLOW met a link
            raise BatchDamaged(NOT_PLAIN) from exc
        raise
    fh = os.fdopen(fd, "rb")
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise BatchDamaged(NOT_PLAIN)
    except BaseException:
        fh.close()
        raise
    return fh


def read_plain(path: Path, cap: int, too_large: str) -> tuple[bytes, os.stat_result]:
    """A plain file's bytes and status, reading at most ``cap`` + 1 bytes whatever its size
    claims (a file can grow while it is read). Raises BatchDamaged(``too_large``) beyond ``cap``."""
    with open_plain(path) as fh:
        st = os.fstat(fh.fileno())
        data = fh.read(cap + 1)
    if len(data) > cap:
        raise BatchDamaged(too_large)
    return data, st


def _damage_words(exc: BaseException) -> str:
    if isinstance(exc, EOFError):
        return _("truncated (the file is incomplete)")
    if isinstance(exc, gzip.BadGzipFile):
        return _("damaged (not a valid compressed file)")
    if isinstance(exc, zlib.error):
        return _("damaged (not a valid compressed file)")
    if isinstance(exc, ValueError):
        return _("damaged (unreadable header)")
    return _("could not be read ({exc})", exc=exc)
