"""Send xAPI statements to a Learning Record Store (the one named by machine policy), in batches,
with the standard library only (no new dependency in the installer).

The queue is durable: a cursor file in the data folder holds the last attempt rowid the LRS
acknowledged, moved only after an acknowledged batch (written to a temporary file, then renamed).
A crash or a dead LRS mid-batch means that batch is sent again; the LRS keeps one copy per
statement id (xAPI: a statement id is unique), so nothing is doubled."""

from __future__ import annotations

import base64
import json
import os
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.errors import TesseraError

VERSION = "1.0.3"


class LrsUnavailable(TesseraError):
    """The LRS did not answer or refused the batch; the queue keeps everything for next time."""


@dataclass
class LrsClient:
    endpoint: str  # ".../xapi/" (statements are at endpoint + "statements")
    auth: str = ""  # "user:password" for Basic auth, or a ready "Basic ..." header
    timeout: float = 20.0

    def _request(self, method: str, path: str, body: bytes | None = None) -> tuple[int, bytes]:
        url = self.endpoint.rstrip("/") + "/" + path
        if not url.startswith(("http://", "https://")):
            raise LrsUnavailable(f"The LRS address {self.endpoint!r} is not an http(s) address.")
        req = urllib.request.Request(url, data=body, method=method)
        req.add_header("X-Experience-API-Version", VERSION)
        req.add_header("Content-Type", "application/json")
        if self.auth:
            header = (
                self.auth
                if self.auth.startswith("Basic ")
                else "Basic " + base64.b64encode(self.auth.encode()).decode()
            )
            req.add_header("Authorization", header)
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                return resp.status, resp.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read()
        except (urllib.error.URLError, OSError, TimeoutError) as exc:
            raise LrsUnavailable(f"The LRS at {self.endpoint} did not answer ({exc}).") from None

    def send(self, statements: list[dict]) -> None:
        status, body = self._request("POST", "statements", json.dumps(statements).encode("utf-8"))
        if status in (200, 204):
            return
        if status == 409:  # some ids were there already; send the rest one by one (PUT is idempotent)
            for st in statements:
                s, b = self._request(
                    "PUT", f"statements?statementId={st['id']}", json.dumps(st).encode("utf-8")
                )
                if s not in (200, 204, 409):
                    raise LrsUnavailable(f"The LRS refused a statement ({s}): {b[:200]!r}")
            return
        raise LrsUnavailable(f"The LRS refused the batch ({status}): {body[:200]!r}")

    def statements(self, params: str = "") -> list[dict]:
        """Read back (tests and checks): follows ``more`` links."""
        out, path = [], "statements" + (f"?{params}" if params else "")
        while path:
            status, body = self._request("GET", path)
            if status != 200:
                raise LrsUnavailable(f"The LRS did not list statements ({status}).")
            data = json.loads(body)
            out += data.get("statements", [])
            more = data.get("more") or ""
            path = more.split("/statements", 1)[-1] if more else ""
            path = ("statements" + path) if path else ""
        return out


class Cursor:
    """The queue's position, in a small file beside the database."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    def get(self) -> int:
        try:
            return int(json.loads(self.path.read_text(encoding="utf-8")).get("after_rowid", 0))
        except (OSError, ValueError, AttributeError):
            return 0

    def set(self, rowid: int) -> None:
        tmp = self.path.with_name(self.path.name + ".part")
        tmp.write_text(json.dumps({"after_rowid": rowid}), encoding="utf-8")
        with tmp.open("rb") as fh:
            os.fsync(fh.fileno())
        tmp.replace(self.path)


def push(
    fetch: Callable[[int, int], list[tuple[int, dict]]],
    client: LrsClient,
    cursor: Cursor,
    batch: int = 200,
    progress: Callable[[float, str], None] | None = None,
) -> int:
    """Send everything after the cursor in batches; returns statements sent. ``fetch(after, n)`` reads
    the next (rowid, statement) pairs. Raises LrsUnavailable (the cursor stays at the last good batch)."""
    sent = 0
    while True:
        rows = fetch(cursor.get(), batch)
        if not rows:
            return sent
        client.send([st for _, st in rows])
        cursor.set(rows[-1][0])
        sent += len(rows)
        if progress:
            progress(0.5, f"{sent} statements sent")


def client_from_settings(settings) -> LrsClient | None:
    """The LRS the machine policy (or the user's settings) names, or None."""
    url = str(settings.get("xapi_lrs_url") or "").strip()
    return LrsClient(url, str(settings.get("xapi_lrs_auth") or "")) if url else None


def cursor_path(settings, class_id: str) -> Path:
    """Where a class's queue position is kept: beside the database, never on a share."""
    folder = Path(settings.data_dir) / "xapi"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{class_id}.cursor.json"
