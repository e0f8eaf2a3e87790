"""The school server as a sync target: the ``Transport`` of ``transport.py`` over HTTPS (stdlib
``http.client``: nothing added to the desktop bundle). The server's protocol is described by its
OpenAPI document (``tessera_server/openapi.py``).

- Trust: the client pins the school key's fingerprint (policy ``school_key``). Before it sends
  anything it asks the server to sign a fresh random challenge with the school key; a server that
  cannot (a stolen TLS certificate alone) is refused. Plain ``http://`` only to loopback.
- Sign-in: the device signs a one-time server nonce with its own key and gets a short-lived token.
- Listing: segments after the cursor this device has durably passed (kept in ``state_path`` with
  the server's epoch). The cursor moves only when a published seen vector covers every segment up
  to it, so a crash between fetch and apply re-reads rather than skips. A new epoch (the server
  was restored from a backup) lists from the start again, skipping what the vector covers.
- Busy (429): waits ``Retry-After`` plus jitter, a few times, then ``TargetBusy``.
- Pipelined pushes (``pipeline``, the desktop's ``open_server`` sets it): ``put_batch`` hands the
  batch to a sending thread and returns, so the next batch is made while the server checks this
  one; any other request first waits for the pushes under way and raises what failed there.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import http.client
import ipaddress
import json
import random
import secrets
import ssl
import threading
import time
import zlib
from collections.abc import Callable
from concurrent import futures
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from app.i18n import _
from app.identity import ed25519
from app.identity.docs import canonical
from app.sync.batchfile import BatchRef, batch_name
from app.sync.transport import (
    BatchDamaged,
    BlobRefused,
    Listing,
    SeenDoc,
    SeenInfo,
    TargetBusy,
    TargetError,
    TargetInfo,
    TargetRefused,
    TargetUnavailable,
    Transport,
    check_blob,
)

TIMEOUT = 30.0
WINDOW = 64  # segments fetched ahead in one page
SERVER = "tessera-server"  # the writer name of the server's own seen vector in a listing
BUSY_TRIES = 5
HEADER_BYTES = 64 * 1024
PIPELINE = 2  # the desktop's pushes in flight at once: one checked by the server, one being sent


class HttpTransport(Transport):
    def __init__(self, url: str, school_key: str, me: str, device_id: str, device_private: bytes,
                 state_path: Path | None = None, *, timeout: float = TIMEOUT, cafile: str | None = None,
                 rng: random.Random | None = None, page_bytes: int = 8 * 1024 * 1024) -> None:  # fmt: skip
        parts = urlsplit(url.rstrip("/"))
        if parts.scheme not in ("https", "http") or not parts.hostname:
            raise TargetError(_("The server address {url!r} is not a web address (https://...).", url=url))
        if parts.scheme == "http" and not _loopback(parts.hostname):
            raise TargetError(
                _("The school server must be reached over HTTPS (plain http only on this computer).")
            )
        self.url = url.rstrip("/")
        self.scheme, self.host, self.port = parts.scheme, parts.hostname, parts.port
        self.base = parts.path.rstrip("/")
        self.school = school_key
        self.me = me
        self.device_id = device_id
        self.private = device_private
        self.public = ed25519.public_of(device_private)
        self.state_path = state_path
        self.timeout = timeout
        self.cafile = cafile
        self.rng = rng or random.Random()
        self.page_bytes = page_bytes
        self.session = _Session()  # token and hello, shared by the transports of one device (open_server)
        self._local = threading.local()
        self._lock = threading.Lock()
        self._cursors: dict[str, int] = {}  # batch name -> server cursor (from the last scan)
        self._heads: dict[str, str] = {}  # batch name -> its header's hlc_first (from the last scan)
        self._cache: dict[int, bytes] = {}  # cursor -> bytes fetched ahead, until read
        self._listed: list[tuple[int, str, int]] = []  # (cursor, origin, last) of the last scan
        self._scan_top = 0
        self._epoch = ""
        self.refusals: list[dict] = []  # what the server refused of our pushes, for the Sync page
        self.on_prepare: Callable[[HttpTransport], None] | None = None
        self.vector_of: Callable[[], dict[str, int]] | None = None  # this database's vector
        self.after_sync: Callable[[HttpTransport], None] | None = None
        self.last_check: Any = None  # http_check.CheckResult of the last sync
        self.pipeline = 0  # pushes in flight at once (0: ``put_batch`` waits for its answer)
        self._pushes: list[Future] = []
        self._pusher: ThreadPoolExecutor | None = None

    # -- plumbing ---------------------------------------------------------------------------
    def _conn(self) -> http.client.HTTPConnection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            if self.scheme == "https":
                ctx = ssl.create_default_context(cafile=self.cafile)
                conn = http.client.HTTPSConnection(self.host, self.port, timeout=self.timeout, context=ctx)
            else:
                conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            self._local.conn = conn
        return conn

    def _drop(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    def request(self, method: str, path: str, body: bytes | dict | None = None, *, auth: bool = True,
                ctype: str = "application/json", ok404: bool = False) -> tuple[int, bytes, str]:  # fmt: skip
        """One request, with the token, retried on a dropped keep-alive connection, on 429 after
        ``Retry-After`` and jitter, and once on an expired token. Returns (status, body, type)."""
        if self._pushes and not getattr(self._local, "pushing", False):
            self.settle()
        data = json.dumps(body).encode() if isinstance(body, dict) else body
        busy = 0
        renewed = False
        while True:
            headers = {"Accept-Encoding": "gzip", "User-Agent": "Tessera"}
            if data is not None:
                headers["Content-Type"] = ctype
            if auth:
                headers["Authorization"] = f"Bearer {self._bearer()}"
            status, raw, rtype, retry = self._once(method, self.base + path, data, headers)
            if status == 429:
                busy += 1
                if busy >= BUSY_TRIES:
                    raise TargetBusy(_("The school server is busy; Tessera will try again shortly."), retry)
                time.sleep(min(30.0, retry * (1 + self.rng.random()) + self.rng.random() * 0.2 * busy))
                continue
            if status == 401 and auth and not renewed:
                renewed = True
                self.session.token = None
                continue
            if status in (401, 403):
                raise TargetRefused(_("The school server refused this computer: {why}", why=_words(raw)))
            if status == 404 and ok404:
                return status, raw, rtype
            if status >= 500:
                raise TargetUnavailable(
                    _("The school server had a problem ({status}); try again later.", status=status)
                )
            if status >= 400:
                raise TargetError(_("The school server refused the request: {why}", why=_words(raw)))
            return status, raw, rtype

    def _once(
        self, method: str, path: str, data: bytes | None, headers: dict
    ) -> tuple[int, bytes, str, float]:
        for attempt in (0, 1):
            try:
                conn = self._conn()
                conn.request(method, path, body=data, headers=headers)
                resp = conn.getresponse()
                raw = resp.read()
                if resp.getheader("Content-Encoding") == "gzip":
                    raw = gzip.decompress(raw)
                retry = float(resp.getheader("Retry-After") or 1)
                return resp.status, raw, resp.getheader("Content-Type") or "", retry
            except ssl.SSLError as exc:
                self._drop()
                raise TargetRefused(
                    _("The school server's certificate is not trusted ({reason}).", reason=exc.reason)
                ) from exc
            except (OSError, http.client.HTTPException, EOFError, zlib.error) as exc:
                self._drop()
                if attempt == 1 or not isinstance(exc, (http.client.RemoteDisconnected, ConnectionResetError,
                                                        BrokenPipeError)):  # fmt: skip
                    raise TargetUnavailable(
                        _("The school server cannot be reached ({exc}).", exc=exc)
                    ) from exc
        raise AssertionError("unreachable")

    def _json(self, method: str, path: str, body: dict | None = None, **kw) -> dict:  # noqa: ANN003
        _status, raw, _ctype = self.request(method, path, body, **kw)
        try:
            out = json.loads(raw)
        except ValueError as exc:
            raise TargetUnavailable(_("The school server sent an answer Tessera cannot read.")) from exc
        if not isinstance(out, dict):
            raise TargetUnavailable(_("The school server sent an answer Tessera cannot read."))
        return out

    def _s(self, tail: str) -> str:
        return f"/v1/schools/{quote(self.school, safe='')}{tail}"

    # -- proving each side -----------------------------------------------------------------
    def hello(self) -> dict:
        """Ask for a nonce; check the server holds the pinned school key (raises TargetRefused)."""
        challenge = secrets.token_hex(16)
        h = self._json("POST", self._s("/hello"), {"challenge": challenge}, auth=False)
        doc = h.get("school")
        from app.trust.state import School

        school = School.from_doc(doc if isinstance(doc, dict) else None)
        if school is None or school.fingerprint != self.school:
            raise TargetRefused(
                _("This server does not belong to this computer's school (its school key differs).")
            )
        msg = canonical({"kind": "server-proof", "school": self.school, "challenge": challenge,
                         "nonce": h.get("nonce")})  # fmt: skip
        if not ed25519.verify(school.key, msg, str(h.get("proof"))):
            raise TargetRefused(
                _("This server could not prove it holds the school key: it is not the school's server.")
            )
        self.session.hello = h
        return h

    def _bearer(self) -> str:
        tok = self.session.token
        if tok is not None and tok[1] - 30 > time.time():
            return tok[0]
        h = self.hello()
        sig = ed25519.sign(self.private, canonical({"kind": "token-request", "school": self.school,
                                                     "nonce": h["nonce"], "key": self.public}))  # fmt: skip
        t = self._json(
            "POST", self._s("/token"), {"key": self.public, "nonce": h["nonce"], "sig": sig}, auth=False
        )
        self.session.token = (str(t["token"]), float(t["expires"]))
        return self.session.token[0]

    def signed_in(self) -> bool:
        tok = self.session.token
        return tok is not None and tok[1] - 30 > time.time()

    # -- Transport ---------------------------------------------------------------------------
    def describe(self) -> TargetInfo:
        return TargetInfo("server", "The school server", self.url, compacts=False)

    def reachable(self) -> bool:
        try:
            status, _raw, _ctype = self.request("GET", "/v1/health", auth=False)
            return status == 200
        except TargetError:
            return False

    def prepare(self) -> None:
        if self.on_prepare is not None:
            self.on_prepare(self)  # signed sync's documents in, enrolment out (``http_enrol``)
        else:
            self._bearer()

    def _state(self) -> dict:
        if self.state_path is None:
            return dict(getattr(self, "_mem_state", {}))
        try:
            st = json.loads(self.state_path.read_text("utf-8"))
            return st if isinstance(st, dict) else {}
        except (OSError, ValueError):
            return {}

    def _save_state(self, st: dict) -> None:
        if self.state_path is None:
            self._mem_state = dict(st)
            return
        tmp = self.state_path.with_name(self.state_path.name + ".tmp")
        tmp.write_text(json.dumps(st), "utf-8")
        tmp.replace(self.state_path)

    def scan(self, vector: dict[str, int] | None = None) -> Listing:
        """Segments after our cursor (all of them after an epoch change, less what ``vector``
        covers). Only what each segment is: its bytes come with ``fetch_batch``."""
        st = self._state()
        held = self._json("GET", self._s("/vector"))
        epoch = str(held.get("epoch", ""))
        after = int(st.get("cursor", 0)) if st.get("epoch") == epoch else 0
        if after == 0 and vector is None and self.vector_of is not None:
            vector = self.vector_of()  # a new epoch (or a first sync): skip what we hold already
        out = Listing()
        # What the server holds, as a seen vector: the steps send only what it lacks (ours, and
        # others' it lost in a restore from backup), and a server that holds more of ours than
        # this database has means this database was put back (a new replica id, ``session``).
        out.seen[SERVER] = SeenInfo(
            SERVER, {k: int(v) for k, v in held.get("vector", {}).items()}, time.time()
        )
        cursors: dict[str, int] = {}
        heads: dict[str, str] = {}
        listed: list[tuple[int, str, int]] = []
        while True:
            q = f"/changes?after={after}&meta=1&max_bytes={self.page_bytes}"
            p = self._json("POST" if vector else "GET", self._s(q), {"vector": vector} if vector else None)
            epoch = str(p.get("epoch", epoch))
            for b in p.get("batches", []):
                name = batch_name(b["origin"], b["first"], b["last"])
                cursors[name] = int(b["cursor"])
                heads[name] = str(b.get("hlc_first", ""))
                listed.append((int(b["cursor"]), b["origin"], int(b["last"])))
                out.batches.append(BatchRef("server", name, Path(name), b["origin"], b["first"], b["last"],
                                            int(b.get("size", 0))))  # fmt: skip
                out.replicas.add(b["origin"])
            after = int(p.get("cursor", after))
            if not p.get("more"):
                break
        with self._lock:
            self._cursors = cursors
            self._heads = heads
            self._cache.clear()
            self._listed = listed
            self._scan_top = after
            self._epoch = epoch
        return out

    def fetch_batch(self, ref: BatchRef) -> bytes:
        """A segment's bytes. A miss fetches a window of the segments after it in one page (the
        steps read them in order), kept until read, so a sync of many small segments is a few
        requests, not one each."""
        with self._lock:
            cursor = self._cursors.get(ref.name)
            hit = self._cache.pop(cursor, None) if cursor is not None else None
        if cursor is None:
            raise FileNotFoundError(ref.name)
        if hit is not None:
            return hit
        p = self._json(
            "GET", self._s(f"/changes?after={cursor - 1}&limit={WINDOW}&max_bytes={self.page_bytes}")
        )
        got = {int(b["cursor"]): base64.b64decode(b["data"]) for b in p.get("batches", []) if b.get("data")}
        with self._lock:
            if sum(len(v) for v in self._cache.values()) > 4 * self.page_bytes:
                self._cache.clear()
            self._cache.update(got)
            raw = self._cache.pop(cursor, None)
        if raw is None:
            raise FileNotFoundError(ref.name)
        if not raw:
            raise BatchDamaged(_("truncated (the file is incomplete)"))
        return raw

    def batch_header(self, ref: BatchRef) -> dict:
        with self._lock:
            hlc = self._heads.get(ref.name)
        if hlc:  # from the listing: only orders batches, never trusted further (the contract)
            return {"origin": ref.origin, "first": ref.first, "hlc_first": hlc}
        data = self.fetch_batch(ref)
        with self._lock:
            cursor = self._cursors.get(ref.name)
            if cursor is not None:
                self._cache[cursor] = data  # read again in a moment
        try:
            d = zlib.decompressobj(wbits=31)
            head = d.decompress(data, HEADER_BYTES)
            return json.loads(head.split(b"\n", 1)[0])
        except (zlib.error, ValueError) as exc:
            raise BatchDamaged(_("damaged (unreadable header)")) from exc

    def put_batch(self, origin: str, first: int, last: int, data: bytes) -> BatchRef:
        name = batch_name(origin, first, last)
        ref = BatchRef(self.me, name, Path(name), origin, first, last, len(data))
        if self.pipeline <= 0:
            self._push(origin, first, last, data)
            return ref
        while len(self._pushes) >= self.pipeline:
            self._reap(wait=True)
        if self._pusher is None:
            self._pusher = ThreadPoolExecutor(self.pipeline, thread_name_prefix="tessera-push")
        self._pushes.append(self._pusher.submit(self._push, origin, first, last, data))
        return ref

    def _push(self, origin: str, first: int, last: int, data: bytes) -> None:
        self._local.pushing = True  # a sending thread's requests do not wait for the pushes
        _status, raw, _ctype = self.request(
            "POST", self._s("/batches"), data, ctype="application/octet-stream"
        )
        out = json.loads(raw)
        if out.get("status") == "refused" or out.get("refused"):
            self.refusals.append({"origin": origin, "first": first, "last": last, "refused": out.get("refused"),
                                  "words": out.get("words", ""), "codes": out.get("codes", {})})  # fmt: skip

    def _reap(self, wait: bool) -> None:
        """Drop finished pushes (with ``wait``: after the oldest finishes); raise what one raised."""
        if wait and self._pushes:
            futures.wait(self._pushes, return_when=futures.FIRST_COMPLETED)
        done = [f for f in self._pushes if f.done()]
        self._pushes = [f for f in self._pushes if not f.done()]
        for f in done:
            f.result()

    def settle(self) -> None:
        """Wait for the pushes under way; raises the first failure among them."""
        pending, self._pushes = self._pushes, []
        errors = [f.exception() for f in pending]
        for exc in errors:
            if exc is not None:
                raise exc

    def remove_batch(self, ref: BatchRef) -> bool:
        return False  # the server keeps and compacts its own store

    def publish_seen(self, doc: SeenDoc) -> None:
        self._json("POST", self._s("/seen"), {"vector": doc.vector, "schema_version": doc.schema_version,
                                               "damaged": doc.damaged})  # fmt: skip
        self.advance(doc.vector)
        if self.after_sync is not None:
            self.after_sync(self)  # the per-partition check (``http_check``)

    def advance(self, vector: dict[str, int]) -> None:
        """Move the stored cursor past every listed segment the vector covers, up to the first
        that it does not (that one is listed again next time)."""
        with self._lock:
            listed, top, epoch = list(self._listed), self._scan_top, self._epoch
        if not epoch:
            return
        st = self._state()
        upto = int(st.get("cursor", 0)) if st.get("epoch") == epoch else 0
        for cursor, origin, last in sorted(listed):
            if vector.get(origin, 0) < last:
                break
            upto = cursor
        else:
            upto = max(upto, top)
        st.update(epoch=epoch, cursor=upto)
        self._save_state(st)

    def server_vector(self, origins: list[str] | None = None) -> dict[str, int]:
        q = "/vector" + (f"?origins={','.join(origins)}" if origins else "")
        return {k: int(v) for k, v in self._json("GET", self._s(q)).get("vector", {}).items()}

    def check(self) -> dict[str, dict[str, int]]:
        return self._json("GET", self._s("/check")).get("partitions", {})

    def partition_refs(self, part: str) -> list[BatchRef]:
        segs = self._json("GET", self._s(f"/partition?part={quote(part, safe='')}")).get("segments", [])
        out = []
        with self._lock:
            for b in segs:
                name = batch_name(b["origin"], b["first"], b["last"])
                self._cursors[name] = int(b["cursor"])
                out.append(BatchRef("server", name, Path(name), b["origin"], b["first"], b["last"], 0))
        return out

    # blobs
    def put_blob(self, sha256: str, data: bytes) -> None:
        check_blob(sha256, data)
        try:
            self.request("PUT", self._s(f"/blobs/{sha256}"), data, ctype="application/octet-stream")
        except TargetRefused:
            raise
        except TargetError as exc:
            if isinstance(exc, TargetUnavailable):
                raise
            raise BlobRefused(str(exc)) from exc

    def get_blob(self, sha256: str) -> bytes | None:
        status, raw, _ctype = self.request("GET", self._s(f"/blobs/{sha256}"), ok404=True)
        return None if status == 404 else raw

    def has_blob(self, sha256: str) -> bool:
        return self.get_blob(sha256) is not None

    # trust documents
    def _trust(self) -> dict:
        """The school's documents; the same dict as last time when the server says they have not
        changed since (most syncs: one small answer instead of every certificate)."""
        try:
            s = self.session
            got = self._json("GET", self._s(f"/trust?version={s.trust_version}" if s.trust else "/trust"))
            if got.get("unchanged") and s.trust is not None:
                return s.trust
            s.trust, s.trust_version = got, int(got.get("version", -1))
            return got
        except TargetRefused:
            h = self.session.hello or self.hello()
            _status, raw, _ctype = self.request(
                "GET", self._s(f"/enrol/{quote(self.device_id, safe='')}"), auth=False
            )
            cert = json.loads(raw).get("cert")
            return {"school": h.get("school"), "certs": [cert] if cert else [], "revoked": None}

    def get_doc(self, path: str) -> bytes | None:
        t = self._trust()
        if path == "school.json":
            doc = t.get("school")
        elif path == "revoked.json":
            doc = t.get("revoked")
        elif path.startswith("certs/"):
            name = path[6:].removesuffix(".json")
            doc = next((c for c in t.get("certs", []) if _cert_names(c) & {name}), None)
        else:
            doc = None
        return None if doc is None else json.dumps(doc, sort_keys=True).encode()

    def put_doc(self, path: str, data: bytes) -> None:
        try:
            doc = json.loads(data)
        except ValueError as exc:
            raise TargetError(_("That trust document is not readable.")) from exc
        if path.startswith("requests/"):
            self._json("POST", self._s("/enrol"), doc, auth=False)
        else:
            self._json("POST", self._s("/docs"), {"path": path, "doc": doc})

    def list_docs(self, folder: str) -> list[str]:
        t = self._trust()
        if folder.strip("/") == "certs":
            return sorted(f"{c['body']['device']}.json" for c in t.get("certs", []) if isinstance(c, dict))
        return []

    def close(self) -> None:
        pending, self._pushes = self._pushes, []
        futures.wait(pending)  # what they raised was the sync's to see; it has ended
        if self._pusher is not None:
            self._pusher.shutdown(wait=True)
            self._pusher = None
        self._drop()


class _Session:
    """What a device keeps between syncs with one server: its token and the last hello."""

    def __init__(self) -> None:
        self.token: tuple[str, float] | None = None
        self.hello: dict | None = None
        self.trust: dict | None = None  # the school's documents as last fetched
        self.trust_version = -1


_SESSIONS: dict[tuple[str, str, str], _Session] = {}


def _cert_names(doc: dict) -> set[str]:
    try:
        b = doc["body"]
        return {str(b["device"]), str(b["serial"])}
    except (KeyError, TypeError):
        return set()


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def _words(raw: bytes) -> str:
    try:
        return str(json.loads(raw).get("error") or "no reason given")
    except (ValueError, AttributeError):
        return raw[:200].decode("utf-8", "replace") or "no reason given"


def open_server(url: str, db) -> Callable[[str], HttpTransport]:  # noqa: ANN001
    """The school server at ``url`` for this database (``targets.py``): this computer's device key,
    the school key it pins (the machine policy's ``school_key``, else the school it already
    belongs to), and its cursor kept in the data folder. Raises TargetRefused with no school key."""
    from app.identity.keys import device
    from app.sync import http_enrol
    from app.trust.run import policy_anchor
    from app.trust.state import TrustState

    data_dir = Path(db.path).parent
    st = TrustState.load(data_dir)
    anchor = policy_anchor() or (st.school.fingerprint if st.school else "")
    if not anchor:
        raise TargetRefused(
            _(
                "Tessera needs the school key's fingerprint to trust the school server: set school_key in the machine policy (the installer's SCHOOLKEY)."
            )
        )
    me = device(data_dir)
    if me is None:
        raise TargetRefused(
            _("This computer's key cannot be read, so it cannot sign in to the school server.")
        )
    key = hashlib.sha256(url.encode()).hexdigest()[:12]

    session = _SESSIONS.setdefault((url, anchor, me.public), _Session())

    def make(replica: str) -> HttpTransport:
        t = HttpTransport(url, anchor, replica, me.id, me.private, data_dir / f"server-{key}.json")
        t.session = session
        t.pipeline = PIPELINE
        t.on_prepare = lambda tr: http_enrol.prepare(tr, db, data_dir)
        t.vector_of = lambda: _vector(db)
        t.after_sync = lambda tr: _check(tr, db)
        return t

    return make


def _vector(db) -> dict[str, int]:  # noqa: ANN001
    from app.store.raw import raw_connection
    from app.sync import vector

    with db.read() as s:
        return vector.load(raw_connection(s))


def _check(t: HttpTransport, db) -> None:  # noqa: ANN001
    from app.sync import http_check

    st = t._state()
    t.last_check = http_check.check_and_repair(t, db, st.setdefault("check", {}))
    t._save_state(st)
