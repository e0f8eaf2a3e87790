"""The lab channel's seam (app/lab/channel.py): the protocol above it is the same over any connection
with ``recv``/``sendall`` (a Unix socket here; a named pipe on Windows, app/lab/pipe.py), and the
pipe's parts that do not need Windows: the service account's SID, the pipe's DACL, and pywin32 loaded
only for a pipe address. The Windows code itself is untried (no Windows here)."""

from __future__ import annotations

import os
import pickle
import re
import shutil
import socket
import sys
import threading

import pytest

from app.lab import channel, pipe
from app.lab.server import LabService, Sessions
from app.lab.wire import MAX_REPLY, encode_request, read_frame, write_frame


class Counted:
    """A connection as the pipe gives one: short reads (at most ``chunk`` bytes a recv)."""

    def __init__(self, sock: socket.socket, chunk: int) -> None:
        self.sock, self.chunk, self.reads = sock, chunk, 0

    def recv(self, n: int) -> bytes:
        self.reads += 1
        return self.sock.recv(min(n, self.chunk))

    def sendall(self, data: bytes) -> None:
        self.sock.sendall(data)

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def service(demo_template, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy2(demo_template[0] / "tessera.db", data / "tessera.db")
    svc = LabService(data)
    yield svc, demo_template[1]
    svc.close()


def _ask(conn, call: str, *args):  # noqa: ANN001, ANN202
    write_frame(conn, encode_request({"call": call, "args": list(args), "kwargs": {}}))
    return pickle.loads(read_frame(conn, MAX_REPLY))


def test_the_shared_protocol_serves_any_connection_with_short_reads(service):
    """Sessions (sign-in bound to the connection, refusals, the per-account limit) know nothing of
    sockets: a connection that reads 7 bytes at a time, as a pipe may, gets the same service."""
    svc, info = service
    sessions = Sessions(svc)
    ours, theirs = socket.socketpair()
    conn = Counted(ours, 7)
    worker = threading.Thread(target=sessions, args=(conn, "S-1-5-21-1-2-3-1001"), daemon=True)
    worker.start()
    try:
        assert "sign in first" in _ask(theirs, "writing.my_tasks")["error"]["message"]
        klass = _ask(theirs, "accounts.sign_in_classes")["ok"][0]
        student = info.student_ids[3]
        signed = _ask(theirs, "accounts.sign_in_student", klass.id, student, info.pin)
        assert signed["ok"].person_id == student
        assert _ask(theirs, "session.who")["ok"].person_id == student
        assert _ask(theirs, "writing.my_tasks")["ok"]  # a list of the student's tasks
        assert sessions._open == {"S-1-5-21-1-2-3-1001": 1}  # counted by the peer's SID
    finally:
        theirs.close()
        worker.join(20)
    assert not worker.is_alive() and sessions._open == {"S-1-5-21-1-2-3-1001": 0}
    assert conn.reads > 20  # the frames really arrived in pieces


def test_a_unix_peer_is_named_by_its_uid():
    a, b = socket.socketpair()
    try:
        assert channel.peer_uid(a) == os.getuid()
        assert channel.peer_uid(a, platform="win32") is None  # no peer credentials on a socket there
        # macOS's way, through libc: glibc has no getpeereid (None); a libc that has it names us
        assert channel._getpeereid(a.fileno()) in (None, os.getuid())
    finally:
        a.close()
        b.close()


def test_the_virtual_service_account_sid_follows_windows_rule():
    # NT SERVICE\TrustedInstaller's SID, as every Windows shows it (icacls, whoami /groups)
    assert (
        pipe.service_sid("TrustedInstaller")
        == "S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464"
    )
    assert pipe.service_sid("trustedinstaller") == pipe.service_sid(
        "TrustedInstaller"
    )  # names are case-blind
    assert pipe.trusted_server(pipe.service_sid()) and pipe.trusted_server("S-1-5-18")
    assert pipe.trusted_server("S-1-5-32-544")  # Administrators: the owner some service tokens give
    assert not pipe.trusted_server("S-1-5-21-1004336348-1177238915-682003330-1001")  # a student's account


def test_the_pipe_lets_users_connect_but_not_create_instances():
    sddl = pipe.pipe_sddl()
    aces = re.findall(r"\(([AD]);;([^;]+);;;([A-Z]{2}|S-[0-9-]+)\)", sddl)
    rights = {sid: (kind, mask) for kind, mask, sid in aces}
    assert len(aces) == sddl.count("(") == 5
    assert rights["NU"] == ("D", "GA")  # no network logons at all
    assert rights[pipe.service_sid()] == ("A", "GA")  # the service adds instances, whoever owns the pipe
    kind, mask = rights["AU"]
    users = int(mask, 16)
    assert kind == "A" and not users & pipe.FILE_CREATE_PIPE_INSTANCE  # no squatting instances
    generic_read = 0x00120089
    assert (
        users & (generic_read | pipe.FILE_WRITE_DATA) == generic_read | pipe.FILE_WRITE_DATA
    )  # what connect asks
    assert sddl.startswith("D:P")  # protected: nothing inherited


@pytest.mark.skipif(sys.platform == "win32", reason="checks that pywin32 is imported only for a pipe")
def test_pywin32_is_loaded_only_for_a_pipe_address(tmp_path):
    assert "win32pipe" not in sys.modules and "win32security" not in sys.modules
    with pytest.raises(ImportError):  # the pipe path is taken, and needs Windows
        channel.listen(r"\\.\pipe\tessera-lab", lambda conn, peer: None)
    with pytest.raises(ImportError):
        channel.connect(r"\\.\pipe\tessera-lab", 1.0)
    listener = channel.listen(tmp_path / "lab.sock", lambda conn, peer: None)  # a path is a Unix socket
    listener.server_close()
    assert channel.is_pipe(r"\\.\PIPE\x") and not channel.is_pipe("/run/tessera/lab.sock")
