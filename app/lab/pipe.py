"""The lab channel on Windows: a named pipe, ``\\\\.\\pipe\\tessera-lab`` (pywin32). channel.py
imports this module only for a pipe address, and pywin32 is imported inside the functions, so the
pure parts (the service account's SID, the pipe's security descriptor) load and are tested anywhere.

*Server.* Each connection gets its own instance of the pipe. The first is created with
``FILE_FLAG_FIRST_PIPE_INSTANCE``: if another process already holds the name (a student's program
started before the service, waiting to collect PINs), the service fails to start, loudly, instead of
sharing the name. Every instance has ``PIPE_REJECT_REMOTE_CLIENTS`` and the DACL ``pipe_sddl()``:
SYSTEM and the service's own account full control, signed-in users read and write *data* only,
without ``FILE_CREATE_PIPE_INSTANCE`` (so no one else can add an instance of the name), network
logons denied. The caller's account is its token's user SID, read while impersonating it
(``ImpersonateNamedPipeClient``, identification is enough; Windows allows it only once data has been
read from the pipe, so the first byte is read first): what ``SO_PEERCRED`` is on Linux.

*Client.* Before sending anything (a PIN), it asks whose process serves the pipe
(the pipe object's owner, which is whoever created it) and refuses any account but the service's
(``NT SERVICE\\TesseraLab``, whose SID follows from the service's name), SYSTEM or Administrators.

Not tried on Windows: this machine cannot run it (docs/lab-privacy.md).
"""

from __future__ import annotations

import hashlib
import logging
import struct
import threading
from typing import Any

from app.lab.channel import Handler, Untrusted

log = logging.getLogger(__name__)

SERVICE_NAME = "TesseraLab"
BUFFER = 64 * 1024
FILE_CREATE_PIPE_INSTANCE = 0x0004
FILE_WRITE_DATA = 0x0002
# Users' access: FILE_GENERIC_READ (0x120089) | FILE_WRITE_DATA (0x2). Not GENERIC_WRITE, which
# carries FILE_APPEND_DATA, the same bit as FILE_CREATE_PIPE_INSTANCE.
USERS_ACCESS = 0x0012008B
SYSTEM_SID, ADMINS_SID = "S-1-5-18", "S-1-5-32-544"


def pipe_sddl(name: str = SERVICE_NAME) -> str:
    """The pipe's DACL: SYSTEM, the owner and the service's own SID (it must create more instances
    whoever Windows made the owner), every signed-in account read and write *data* only."""
    return (
        "D:P"
        "(D;;GA;;;NU)"  # network logons: never
        "(A;;GA;;;SY)"  # SYSTEM
        "(A;;GA;;;OW)"  # the pipe's owner
        f"(A;;GA;;;{service_sid(name)})"  # the service's account
        f"(A;;0x{USERS_ACCESS:08x};;;AU)"  # every signed-in account: read and write, not create
    )


def service_sid(name: str = SERVICE_NAME) -> str:
    """The SID of the virtual account ``NT SERVICE\\<name>``: S-1-5-80- and the SHA-1 of the
    service's name in upper case (UTF-16LE), read as five little-endian 32-bit numbers."""
    digest = hashlib.sha1(name.upper().encode("utf-16-le")).digest()  # noqa: S324  (Windows' own rule)
    return "S-1-5-80-" + "-".join(str(n) for n in struct.unpack("<5I", digest))


def trusted_server(sid: str, name: str = SERVICE_NAME) -> bool:
    """Whether a pipe owned by ``sid`` can be the service's: its account, SYSTEM, or Administrators
    (the owner Windows gives objects made by some service tokens). A student's account is none."""
    return sid in (SYSTEM_SID, ADMINS_SID, service_sid(name))


# --- Windows only below ------------------------------------------------------------------------


def _user_sid_of_token(token: Any) -> str:
    import win32security

    sid, _attrs = win32security.GetTokenInformation(token, win32security.TokenUser)
    return str(win32security.ConvertSidToStringSid(sid))


def client_sid(handle: Any) -> str | None:
    """The account of the process at the client end of a pipe instance, or None."""
    import win32api
    import win32pipe
    import win32security

    try:
        win32pipe.ImpersonateNamedPipeClient(handle)
    except Exception as exc:  # noqa: BLE001  (pywin32 raises pywintypes.error)
        log.warning("lab pipe: cannot identify the client: %s", exc)
        return None
    try:
        token = win32security.OpenThreadToken(win32api.GetCurrentThread(), win32security.TOKEN_QUERY, True)
        return _user_sid_of_token(token)
    finally:
        win32security.RevertToSelf()


def owner_sid(handle: Any) -> str:
    """The account that owns the pipe the client opened: the one that created it (the handle has
    READ_CONTROL through GENERIC_READ; no need to open the server's process, which a student's account
    may not be allowed to)."""
    import win32security

    sd = win32security.GetSecurityInfo(
        handle, win32security.SE_KERNEL_OBJECT, win32security.OWNER_SECURITY_INFORMATION
    )
    return str(win32security.ConvertSidToStringSid(sd.GetSecurityDescriptorOwner()))


class PipeConnection:
    """One end of a pipe instance, with the socket calls the protocol uses (recv, sendall, close)."""

    def __init__(self, handle: Any, server_end: bool) -> None:
        self.handle, self.server_end = handle, server_end
        self.pending = b""  # read before the client could be identified (PipeListener._serve)

    def recv(self, n: int) -> bytes:
        if self.pending:
            data, self.pending = self.pending[:n], self.pending[n:]
            return data
        import pywintypes
        import win32file

        try:
            _hr, data = win32file.ReadFile(self.handle, n)
        except pywintypes.error as exc:
            if exc.winerror in (109, 232):  # ERROR_BROKEN_PIPE, ERROR_NO_DATA: the other end left
                return b""
            raise OSError(exc.winerror, exc.strerror) from exc
        return bytes(data)

    def sendall(self, data: bytes) -> None:
        import pywintypes
        import win32file

        view = memoryview(data)
        try:
            while view:
                _hr, written = win32file.WriteFile(self.handle, view[:BUFFER].tobytes())
                view = view[written:]
        except pywintypes.error as exc:
            raise OSError(exc.winerror, exc.strerror) from exc

    def close(self) -> None:
        import win32file
        import win32pipe

        try:
            if self.server_end:
                win32file.FlushFileBuffers(self.handle)
                win32pipe.DisconnectNamedPipe(self.handle)
            win32file.CloseHandle(self.handle)
        except Exception:  # noqa: BLE001  (already closed by the other end)
            pass


def connect(address: str, timeout: float | None) -> PipeConnection:
    import pywintypes
    import win32file
    import win32pipe

    wait_ms = int((timeout or 5.0) * 1000)
    try:
        win32pipe.WaitNamedPipe(address, min(wait_ms, 5000))
        # Read, and write *data* only: GENERIC_WRITE would ask for FILE_APPEND_DATA too, which the
        # pipe's DACL keeps from users (it is FILE_CREATE_PIPE_INSTANCE on a pipe).
        access = win32file.GENERIC_READ | FILE_WRITE_DATA
        handle = win32file.CreateFile(address, access, 0, None, win32file.OPEN_EXISTING, 0, None)
    except pywintypes.error as exc:
        raise OSError(exc.winerror, exc.strerror) from exc
    conn = PipeConnection(handle, server_end=False)
    sid = owner_sid(handle)
    if not trusted_server(sid):
        conn.close()
        raise Untrusted(f"the lab pipe is served by account {sid}, not the Tessera lab service")
    return conn


class PipeListener:
    """Accepts connections on the pipe, one thread each (``serve_forever``); ``shutdown`` ends it."""

    service: Any

    def __init__(self, address: str, handle: Handler) -> None:
        import win32security

        self.address, self.handle_connection = address, handle
        self._stopping = threading.Event()
        self._done = threading.Event()
        self._sa = win32security.SECURITY_ATTRIBUTES()
        self._sa.SECURITY_DESCRIPTOR = win32security.ConvertStringSecurityDescriptorToSecurityDescriptor(
            pipe_sddl(), win32security.SDDL_REVISION_1
        )
        self._next = self._instance(first=True)  # fails now if another process holds the name

    def _instance(self, first: bool = False) -> Any:
        import win32file
        import win32pipe

        mode = win32pipe.PIPE_ACCESS_DUPLEX | (win32file.FILE_FLAG_FIRST_PIPE_INSTANCE if first else 0)
        kind = win32pipe.PIPE_TYPE_BYTE | win32pipe.PIPE_READMODE_BYTE | win32pipe.PIPE_WAIT
        kind |= 0x00000008  # PIPE_REJECT_REMOTE_CLIENTS
        return win32pipe.CreateNamedPipe(
            self.address, mode, kind, win32pipe.PIPE_UNLIMITED_INSTANCES, BUFFER, BUFFER, 0, self._sa
        )

    def serve_forever(self) -> None:
        import pywintypes
        import win32pipe

        try:
            while not self._stopping.is_set():
                handle = self._next
                try:
                    win32pipe.ConnectNamedPipe(handle, None)
                except pywintypes.error as exc:
                    if exc.winerror != 535:  # ERROR_PIPE_CONNECTED: the client came first, fine
                        log.warning("lab pipe: connect failed: %s", exc)
                        PipeConnection(handle, server_end=True).close()
                        self._next = self._instance()
                        continue
                self._next = self._instance()
                if self._stopping.is_set():
                    PipeConnection(handle, server_end=True).close()
                    break
                threading.Thread(target=self._serve, args=(handle,), daemon=True).start()
        finally:
            self._done.set()

    def _serve(self, handle: Any) -> None:
        conn = PipeConnection(handle, server_end=True)
        try:
            first = conn.recv(1)  # ImpersonateNamedPipeClient fails until something has been read
            if not first:
                return
            conn.pending = first
            self.handle_connection(conn, client_sid(handle))
        except OSError as exc:
            log.warning("lab pipe: connection ended: %s", exc)
        finally:
            conn.close()

    def shutdown(self) -> None:
        """Stop accepting: wake the waiting ConnectNamedPipe with a connection of our own."""
        import win32file

        self._stopping.set()
        try:
            h = win32file.CreateFile(
                self.address, win32file.GENERIC_READ, 0, None, win32file.OPEN_EXISTING, 0, None
            )
            win32file.CloseHandle(h)
        except Exception:  # noqa: BLE001
            pass
        self._done.wait(10)

    def server_close(self) -> None:
        PipeConnection(self._next, server_end=True).close()
