"""Frames on the lab channel (a Unix socket or a named pipe, app/lab/channel.py): a 4-byte big-endian length, then the body.

Requests (client -> service) are UTF-8 JSON and nothing else: the service never unpickles what a
client sends. Replies (service -> client) are pickled plain dataclasses: the client trusts the
service (it checks the peer is the socket's owner before reading anything, ``client.py``).
"""

from __future__ import annotations

import json
import struct
from typing import Any

from app.lab.channel import Connection

MAX_REQUEST = 4 * 1024 * 1024  # a draft is at most 1 MB of text (writing/drafts.py); JSON escapes it
MAX_REPLY = 256 * 1024 * 1024
_HEADER = struct.Struct(">I")


class WireError(Exception):
    """A frame that is cut short, too large or not JSON: the connection is closed."""


def _read_exact(sock: Connection, n: int) -> bytes:
    chunks: list[bytes] = []
    while n:
        chunk = sock.recv(min(n, 1 << 20))
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


def read_frame(sock: Connection, limit: int) -> bytes:
    (size,) = _HEADER.unpack(_read_exact(sock, _HEADER.size))
    if size > limit:
        raise WireError(f"a message of {size:,} bytes is over the limit of {limit:,}")
    return _read_exact(sock, size)


def write_frame(sock: Connection, body: bytes) -> None:
    sock.sendall(_HEADER.pack(len(body)) + body)


def decode_request(body: bytes) -> dict[str, Any]:
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise WireError("a request that is not JSON") from exc
    if not isinstance(data, dict):
        raise WireError("a request that is not a JSON object")
    return data


def encode_request(data: dict[str, Any]) -> bytes:
    return json.dumps(data, separators=(",", ":")).encode("utf-8")
