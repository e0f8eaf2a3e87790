"""The lab service's local channel: how the app reaches the service, and how each end learns which OS
account is at the other. One seam, two kinds:

- a **Unix socket** (Linux, macOS), here: the peer's account from ``SO_PEERCRED`` (Linux) or
  ``getpeereid`` (macOS and the BSDs, from libc through ctypes);
- a **Windows named pipe** (``\\\\.\\pipe\\...``), in ``app/lab/pipe.py``, which imports pywin32 and is
  imported only on Windows.

Everything above the seam (frames, sessions, the allow-list, replies) is shared: ``server.py`` and
``client.py`` speak to a ``Connection`` (``recv``/``sendall``/``close``) and never to a socket or
a pipe. A peer is named by an ``int`` uid on Unix, a SID string (``S-1-5-21-...``) on Windows.
"""

from __future__ import annotations

import os
import socket
import socketserver
import stat
import struct
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

PIPE_PREFIX = "\\\\.\\pipe\\"
Peer = int | str | None


class Connection(Protocol):
    def recv(self, n: int) -> bytes: ...

    def sendall(self, data: bytes) -> None: ...

    def close(self) -> None: ...


Handler = Callable[[Connection, Peer], None]


class Listener(Protocol):
    service: Any

    def serve_forever(self) -> None: ...

    def shutdown(self) -> None: ...

    def server_close(self) -> None: ...


class Untrusted(OSError):
    """The other end of the channel is not the lab service (another account made the socket or pipe).
    ``open_folder``: the socket is where others could have made it."""

    def __init__(self, message: str, open_folder: bool = False) -> None:
        super().__init__(message)
        self.open_folder = open_folder


def is_pipe(address: str | Path) -> bool:
    return str(address).lower().startswith(PIPE_PREFIX)


def listen(address: str | Path, handle: Handler) -> Listener:
    """Serve ``address``; ``handle(connection, peer)`` runs in a thread per connection."""
    if is_pipe(address):
        from app.lab import pipe  # pywin32: Windows only

        return pipe.PipeListener(str(address), handle)
    return UnixListener(Path(address), handle)


def connect(address: str | Path, timeout: float | None) -> Connection:
    """A connection to the lab service at ``address``, after checking that it is the service."""
    if is_pipe(address):
        from app.lab import pipe

        return pipe.connect(str(address), timeout)
    return connect_unix(str(address), timeout)


# --- Unix sockets ---------------------------------------------------------------------------


def peer_uid(sock: socket.socket, platform: str = sys.platform) -> int | None:
    """The OS user at the other end of a Unix socket, or None where the platform cannot say."""
    if platform.startswith("linux"):
        _pid, uid, _gid = struct.unpack("3i", sock.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, 12))
        return int(uid)
    if platform == "darwin" or "bsd" in platform:  # not tried: no Mac or BSD on the build machine
        return _getpeereid(sock.fileno())
    return None


def _getpeereid(fd: int) -> int | None:
    """libc's ``getpeereid(fd, &uid, &gid)`` (macOS, FreeBSD, OpenBSD; glibc lacks it)."""
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("c")
    libc = ctypes.CDLL(name, use_errno=True)
    func = getattr(libc, "getpeereid", None)
    if func is None:
        return None
    uid, gid = ctypes.c_uint32(), ctypes.c_uint32()
    if func(fd, ctypes.byref(uid), ctypes.byref(gid)) != 0:
        raise OSError(ctypes.get_errno(), "getpeereid failed")
    return int(uid.value)


class _UnixHandler(socketserver.BaseRequestHandler):
    server: UnixListener

    def handle(self) -> None:
        sock: socket.socket = self.request
        self.server.handle_connection(sock, peer_uid(sock))


class UnixListener(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
    """The service's socket. World-connectable (0666): who may connect is not the question, what a
    connection may do is (the sign-in binds it); the folder it is in must be the service's."""

    daemon_threads = True
    service: Any

    def __init__(self, path: Path, handle: Handler) -> None:
        if path.exists() or path.is_symlink():
            path.unlink()
        self.handle_connection = handle
        super().__init__(str(path), _UnixHandler)
        os.chmod(path, 0o666)


def check_socket_place(path: str) -> None:
    """Only the service's account may have made the socket: its folder must not be writable by
    others (else a student could put a socket of their own there and collect PINs)."""
    folder = os.stat(os.path.dirname(path) or ".")
    if stat.S_IMODE(folder.st_mode) & 0o022 and not folder.st_mode & stat.S_ISVTX:
        raise Untrusted(f"the lab socket {path} is in a folder others can write to", open_folder=True)


def connect_unix(path: str, timeout: float | None) -> socket.socket:
    check_socket_place(path)
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(timeout)
    try:
        sock.connect(path)
        uid = peer_uid(sock)
        if uid is not None and uid not in (0, os.stat(path).st_uid):
            raise Untrusted("the lab socket is answered by another account")
    except OSError:
        sock.close()
        raise
    return sock
