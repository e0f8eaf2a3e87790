"""A tiny real LRS for tests: an HTTP server on 127.0.0.1 implementing xAPI's statements resource
(POST a batch, PUT one by id, GET with paging) with statement-id idempotence, storing every statement
durably in a JSON-lines file as it arrives. ``--die-after N`` kills the process (os._exit) after the
N-th stored statement, mid-batch, to test resuming.

Run: python lrs_standin.py STORE PORTFILE [--die-after N]"""

from __future__ import annotations

import json
import os
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

LOCK = threading.Lock()


class Store:
    def __init__(self, path: str, die_after: int = 0) -> None:
        self.path = path
        self.die_after = die_after
        self.stored = 0
        self.by_id: dict[str, dict] = {}
        if os.path.exists(path):
            with open(path, encoding="utf-8") as fh:
                for line in fh:
                    if line.strip():
                        st = json.loads(line)
                        self.by_id[st["id"]] = st

    def put(self, st: dict) -> bool:
        """Store one statement; False if that id holds a different statement (a conflict)."""
        with LOCK:
            have = self.by_id.get(st["id"])
            if have is not None:
                return have == st
            self.by_id[st["id"]] = st
            with open(self.path, "a", encoding="utf-8") as fh:
                fh.write(json.dumps(st, sort_keys=True) + "\n")
                fh.flush()
                os.fsync(fh.fileno())
            self.stored += 1
            if self.die_after and self.stored >= self.die_after:
                os._exit(9)  # the LRS dies in the middle of a batch
            return True


def make_handler(store: Store):
    class H(BaseHTTPRequestHandler):
        def log_message(self, *a):
            pass

        def _send(self, code: int, body: object = None) -> None:
            data = b"" if body is None else json.dumps(body).encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("X-Experience-API-Version", "1.0.3")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _body(self):
            n = int(self.headers.get("Content-Length") or 0)
            return json.loads(self.rfile.read(n) or b"null")

        def _ok(self) -> bool:
            if self.headers.get("X-Experience-API-Version", "").startswith("1.0"):
                return True
            self._send(400, {"error": "missing X-Experience-API-Version"})
            return False

        def do_POST(self) -> None:
            if not self._ok() or urlparse(self.path).path != "/xapi/statements":
                return None if self.wfile.closed else self._send(404)
            body = self._body()
            batch = body if isinstance(body, list) else [body]
            if any(not isinstance(s, dict) or "id" not in s for s in batch):
                return self._send(400, {"error": "statements need ids"})
            if not all([store.put(s) for s in batch]):  # noqa: C419  store every one, no short cut
                return self._send(409, {"error": "an id holds a different statement"})
            return self._send(200, [s["id"] for s in batch])

        def do_PUT(self) -> None:
            q = parse_qs(urlparse(self.path).query)
            st = self._body()
            if not self._ok() or "statementId" not in q or not isinstance(st, dict):
                return self._send(400)
            st.setdefault("id", q["statementId"][0])
            return self._send(204 if store.put(st) else 409)

        def do_GET(self) -> None:
            u = urlparse(self.path)
            if u.path != "/xapi/statements":
                return self._send(404)
            q = parse_qs(u.query)
            start, limit = int(q.get("from", ["0"])[0]), int(q.get("limit", ["100"])[0])
            with LOCK:
                items = list(store.by_id.values())
            page = items[start : start + limit]
            more = (
                f"/xapi/statements?from={start + limit}&limit={limit}" if start + limit < len(items) else ""
            )
            return self._send(200, {"statements": page, "more": more})

    return H


def main(argv: list[str]) -> None:
    store_path, port_file = argv[0], argv[1]
    die = int(argv[argv.index("--die-after") + 1]) if "--die-after" in argv else 0
    port = int(argv[argv.index("--port") + 1]) if "--port" in argv else 0
    server = ThreadingHTTPServer(("127.0.0.1", port), make_handler(Store(store_path, die)))
    tmp = port_file + ".part"
    with open(tmp, "w") as fh:
        fh.write(str(server.server_address[1]))
    os.replace(tmp, port_file)
    server.serve_forever()


if __name__ == "__main__":
    main(sys.argv[1:])
