"""The HTTP face of the server (Starlette). Routes live under ``/v1/schools/{school}``; the
OpenAPI document is ``/openapi.json`` (``openapi.py``). Every route but ``hello``, ``token`` and
enrolment needs a device token (``auth.py``).

- Plain HTTP is refused unless the caller is on loopback (a reverse proxy that terminates TLS sets
  ``X-Forwarded-Proto``; uvicorn trusts it from ``--forwarded-allow-ips``).
- Overload: at most ``max_busy`` requests are worked on at once; the next is answered 429 with
  ``Retry-After`` at once rather than queued (clients back off with jitter).
- Responses are gzipped (fastest level: pages are mostly base64 of gzip data) when the client
  accepts it and they are over 1 KB.
"""

from __future__ import annotations

import ipaddress
import json
import logging

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from tessera_server import __version__, approvals, auth, devices, ingest, pull, schools
from tessera_server import snapshot as snap
from tessera_server.auth import Refused
from tessera_server.db import make_engine, retrying, upgrade
from tessera_server.openapi import document
from tessera_server.schema import blob
from tessera_server.schools import ServerError

log = logging.getLogger("tessera_server")
MAX_BLOB = 64 * 1024 * 1024


def _loopback(host: str | None) -> bool:
    if not host:
        return False
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


class Guard:
    """HTTPS outside loopback, and the 429 valve."""

    def __init__(self, app: ASGIApp, max_busy: int) -> None:
        self.app = app
        self.busy = 0
        self.max_busy = max_busy

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        client = scope.get("client")
        if scope.get("scheme") != "https" and not _loopback(client[0] if client else None):
            await JSONResponse({"error": "Use HTTPS: plain HTTP is only served on this computer itself."},
                               status_code=403)(scope, receive, send)  # fmt: skip
            return
        if self.busy >= self.max_busy and scope["path"] != "/v1/health":
            await JSONResponse({"error": "The server is busy: try again shortly."}, status_code=429,
                               headers={"Retry-After": "1"})(scope, receive, send)  # fmt: skip
            return
        self.busy += 1
        try:
            await self.app(scope, receive, send)
        finally:
            self.busy -= 1


def create_app(url: str, *, migrate: bool = True, max_busy: int = 64, pool_size: int = 10) -> Starlette:
    engine: Engine = make_engine(url, pool_size=pool_size)
    if migrate:
        upgrade(engine)

    def tx(fn, *args):  # noqa: ANN001, ANN202
        def once():  # noqa: ANN202
            with engine.begin() as conn:
                return fn(conn, *args)

        return retrying(once)

    async def run(fn, *args):  # noqa: ANN001, ANN202
        return await run_in_threadpool(tx, fn, *args)

    def rtx(fn, *args):  # noqa: ANN001, ANN202
        if engine.dialect.name != "postgresql":
            return tx(fn, *args)

        def once():  # noqa: ANN202
            # Reads without BEGIN and COMMIT: two round trips fewer for most requests of a sync.
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                return fn(conn, *args)

        return retrying(once)

    async def read(fn, *args):  # noqa: ANN001, ANN202
        return await run_in_threadpool(rtx, fn, *args)

    async def who(request: Request) -> auth.Caller:
        sid = request.path_params["school"]
        header = request.headers.get("authorization")
        return auth.quick_caller(sid, header) or await run_in_threadpool(
            retrying, lambda: auth.caller(engine.begin, sid, header)
        )

    async def body_json(request: Request, limit: int = 1024 * 1024) -> dict:
        raw = await read_body(request, limit)
        try:
            doc = json.loads(raw)
        except ValueError:
            raise Refused(400, "The body is not JSON.") from None
        if not isinstance(doc, dict):
            raise Refused(400, "The body must be a JSON object.")
        return doc

    async def health(request: Request) -> Response:
        return JSONResponse({"ok": True, "version": __version__})

    async def openapi(request: Request) -> Response:
        return JSONResponse(document())

    async def hello(request: Request) -> Response:
        doc = await body_json(request)
        return JSONResponse(await run(auth.hello, request.path_params["school"], doc.get("challenge")))

    async def token(request: Request) -> Response:
        d = await body_json(request)
        out = await run(
            auth.issue_token, request.path_params["school"], d.get("key"), d.get("nonce"), d.get("sig")
        )
        return JSONResponse(out)

    async def enrol(request: Request) -> Response:
        d = await body_json(request)
        sid = request.path_params["school"]
        if await run(schools.load, sid) is None:
            raise Refused(404, "No such school on this server.")
        return JSONResponse({"status": await run(devices.enrol, sid, d)})

    async def enrolment(request: Request) -> Response:
        status, cert = await run(devices.status, request.path_params["school"], request.path_params["device"])
        return JSONResponse({"status": status, "cert": cert})

    async def trust(request: Request) -> Response:
        w = await who(request)
        st, row = await read(schools.trust, w.school_id)
        version = schools.version_of(w.school_id)
        if request.query_params.get("version") == str(version):
            return JSONResponse({"version": version, "unchanged": True, "epoch": row.epoch})
        certs = list(st.cert_docs.values())
        return JSONResponse({"school": st.school_doc, "certs": certs, "revoked": st.revoked_doc, "epoch": row.epoch,
                             "version": version})  # fmt: skip

    async def vector(request: Request) -> Response:
        w = await who(request)
        origins = [o for o in request.query_params.get("origins", "").split(",") if o]
        vec, epoch = await read(_vector, w.school_id, origins or None)
        return JSONResponse({"vector": vec, "epoch": epoch})

    async def push(request: Request) -> Response:
        w = await who(request)
        data = await read_body(request, ingest_max())
        try:
            res = await run(ingest.push, w, data)
        except IntegrityError:  # the same batch committed by another request meanwhile: now a duplicate
            res = await run(ingest.push, w, data)
        return JSONResponse({"status": res.status, "cursor": res.cursor, "refused": res.refused,
                             "words": res.words, "codes": res.codes})  # fmt: skip

    async def changes(request: Request) -> Response:
        w = await who(request)
        q = request.query_params
        try:
            after, limit = int(q.get("after", "0")), int(q.get("limit", str(pull.MAX_PAGE_COUNT)))
            max_bytes = int(q.get("max_bytes", str(pull.MAX_PAGE_BYTES)))
        except ValueError:
            raise Refused(400, "after, limit and max_bytes are whole numbers.") from None
        vec = None
        if request.method == "POST":
            d = await body_json(request, 8 * 1024 * 1024)
            raw = d.get("vector") or {}
            if not isinstance(raw, dict) or not all(isinstance(v, int) for v in raw.values()):
                raise Refused(400, "vector maps replica ids to whole numbers.")
            vec = raw
        p = await read(pull.page, w, after, limit, max_bytes, vec, q.get("meta") == "1")
        return Response(p.body(), media_type="application/json")

    async def one_segment(request: Request) -> Response:
        w = await who(request)
        data = await read(pull.one, w, int(request.path_params["cursor"]))
        if data is None:
            raise Refused(404, "No such segment.")
        return Response(data, media_type="application/gzip")

    async def seen(request: Request) -> Response:
        w = await who(request)
        d = await body_json(request, 8 * 1024 * 1024)
        await run(_seen, w, d.get("vector"))
        return JSONResponse({"ok": True})

    async def check(request: Request) -> Response:
        w = await who(request)
        return JSONResponse({"partitions": await read(pull.check, w)})

    async def partition(request: Request) -> Response:
        w = await who(request)
        return JSONResponse(
            {"segments": await read(pull.partition_segments, w, request.query_params.get("part", ""))}
        )

    async def snapshot(request: Request) -> Response:
        w = await who(request)
        return JSONResponse(await run(pull.snapshot, w))

    async def snapshot_stream(request: Request) -> Response:
        """The scope's signed segments, streamed (``snapshot.py``): what a new device starts from."""
        w = await who(request)
        q = request.query_params
        try:
            after, upto = int(q.get("after", "0")), int(q.get("upto", "-1"))
            max_bytes = int(q.get("max_bytes", str(snap.DEFAULT_BYTES)))
        except ValueError:
            raise Refused(400, "after, upto and max_bytes are whole numbers.") from None
        h = await run(snap.head, w)
        after = max(0, min(after, h["upto"]))
        upto = h["upto"] if upto < 0 or upto > h["upto"] else upto
        return StreamingResponse(snap.stream(engine.begin, w, after, upto, max_bytes), media_type=snap.MEDIA_TYPE,
                                 headers={"X-Tessera-Epoch": h["epoch"], "X-Tessera-Upto": str(upto)})  # fmt: skip

    async def blob(request: Request) -> Response:
        return await (blob_put(request) if request.method == "PUT" else blob_get(request))

    async def blob_put(request: Request) -> Response:
        w = await who(request)
        data = await read_body(request, MAX_BLOB)
        sha = request.path_params["sha"]
        import hashlib

        if hashlib.sha256(data).hexdigest() != sha:
            raise Refused(409, "The file's content does not match its name (SHA-256).")
        await run(_put_blob, w.school_id, sha, data)
        return JSONResponse({"ok": True})

    async def blob_get(request: Request) -> Response:
        w = await who(request)
        data = await run(_get_blob, w.school_id, request.path_params["sha"])
        if data is None:
            raise Refused(404, "No such file.")
        return Response(data, media_type="application/octet-stream")

    async def docs(request: Request) -> Response:
        w = await who(request)
        d = await body_json(request)
        await run(devices.accept_doc, w, str(d.get("path", "")), d.get("doc"))
        return JSONResponse({"ok": True})

    async def asks(request: Request) -> Response:
        """Approving from a desktop (``approvals.py``): the asks waiting, or an approval."""
        w = await who(request)
        if request.method == "GET":
            return JSONResponse(await run(approvals.pending, w))
        return JSONResponse(await run(approvals.approve, w, (await body_json(request)).get("doc")))

    async def answer_ask(request: Request) -> Response:
        w = await who(request)
        act = approvals.refuse if request.url.path.endswith("/refuse") else approvals.revoke
        return JSONResponse(await run(act, w, (await body_json(request)).get("doc")))

    async def refused(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, Refused)
        return JSONResponse({"error": exc.words}, status_code=exc.status)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        return JSONResponse({"error": exc.detail}, status_code=exc.status_code, headers=exc.headers)

    async def server_error(request: Request, exc: Exception) -> Response:
        return JSONResponse({"error": str(exc)}, status_code=400)

    s = "/v1/schools/{school}"
    routes = [
        Route("/v1/health", health),
        Route("/openapi.json", openapi),
        Route(f"{s}/hello", hello, methods=["POST"]),
        Route(f"{s}/token", token, methods=["POST"]),
        Route(f"{s}/enrol", enrol, methods=["POST"]),
        Route(f"{s}/enrol/{{device}}", enrolment),
        Route(f"{s}/trust", trust),
        Route(f"{s}/docs", docs, methods=["POST"]),
        Route(f"{s}/approvals", asks, methods=["GET", "POST"]),
        Route(f"{s}/approvals/refuse", answer_ask, methods=["POST"]),
        Route(f"{s}/approvals/revoke", answer_ask, methods=["POST"]),
        Route(f"{s}/vector", vector),
        Route(f"{s}/batches", push, methods=["POST"]),
        Route(f"{s}/changes", changes, methods=["GET", "POST"]),
        Route(f"{s}/segments/{{cursor:int}}", one_segment),
        Route(f"{s}/seen", seen, methods=["POST"]),
        Route(f"{s}/check", check),
        Route(f"{s}/partition", partition),
        Route(f"{s}/snapshot", snapshot),
        Route(f"{s}/snapshot/segments", snapshot_stream),
        Route(f"{s}/blobs/{{sha:str}}", blob, methods=["GET", "PUT"]),
    ]
    app = Starlette(
        routes=routes,
        middleware=[
            Middleware(Guard, max_busy=max_busy),
            Middleware(GZipMiddleware, minimum_size=1024, compresslevel=1),
        ],
        exception_handlers={Refused: refused, ServerError: server_error, HTTPException: http_error},
    )
    app.state.engine = engine
    return app


def ingest_max() -> int:
    from tessera_server.wire import MAX_PUSH_BYTES

    return MAX_PUSH_BYTES


async def read_body(request: Request, limit: int) -> bytes:
    """The body, refusing more than ``limit`` bytes without reading it all."""
    n = request.headers.get("content-length")
    if n is not None and n.isdigit() and int(n) > limit:
        raise Refused(413, "Too large.")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise Refused(413, "Too large.")
        chunks.append(chunk)
    return b"".join(chunks)


def _seen(conn, who: auth.Caller, vec) -> None:  # noqa: ANN001
    from sqlalchemy import update

    from tessera_server.schema import device

    if not isinstance(vec, dict):
        raise Refused(400, "vector maps replica ids to whole numbers.")
    conn.execute(update(device).where(device.c.school_id == who.school_id, device.c.device_id == who.device_id)
                 .values(seen=json.dumps(vec)))  # fmt: skip


def _put_blob(conn, school_id: str, sha: str, data: bytes) -> None:  # noqa: ANN001
    from sqlalchemy import select

    if conn.execute(select(blob.c.sha256).where(blob.c.school_id == school_id, blob.c.sha256 == sha)).first():
        return
    conn.execute(blob.insert().values(school_id=school_id, sha256=sha, data=data, size=len(data)))


def _get_blob(conn, school_id: str, sha: str) -> bytes | None:  # noqa: ANN001
    from sqlalchemy import select

    r = conn.execute(select(blob.c.data).where(blob.c.school_id == school_id, blob.c.sha256 == sha)).first()
    return None if r is None else bytes(r.data)


def app_from_env() -> Starlette:
    """The app uvicorn's workers make (``cli.serve``): the database from the environment."""
    import os

    return create_app(os.environ["TESSERA_SERVER_DATABASE"], migrate=False,
                      max_busy=int(os.environ.get("TESSERA_SERVER_MAX_BUSY", "64")))  # fmt: skip


def _vector(conn, school_id: str, origins: list[str] | None) -> tuple[dict[str, int], str]:  # noqa: ANN001
    return pull.vector_and_epoch(conn, school_id, origins)
