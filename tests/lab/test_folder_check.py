"""The app says plainly when its folder's permissions are wrong (issue 19, item 5): a lab folder other
accounts can open, a database or backups left readable, a folder it cannot write; and a lab computer
whose service is not running, or whose socket sits where anyone could have made it."""

from __future__ import annotations

import json
import os
import socket

import pytest

from app.errors import TesseraError
from app.lab.client import LabClient, LabUnavailable
from app.lab.folder import folder_problem, secure_folder


def test_a_lab_folder_others_can_open_is_named_with_its_permissions(tmp_path):
    d = tmp_path / "lab"
    d.mkdir()
    os.chmod(d, 0o755)
    words = folder_problem(d, lab_mode=True)
    assert words and str(d) in words and "755" in words and "docs/installing.md" in words
    assert folder_problem(d, lab_mode=False) is None  # a teacher's own folder: their business


def test_a_readable_database_or_backups_folder_in_a_private_folder_is_found(tmp_path):
    d = tmp_path / "lab"
    (d / "backups").mkdir(parents=True)
    (d / "tessera.db").write_bytes(b"x")
    os.chmod(d, 0o700)
    os.chmod(d / "backups", 0o700)
    os.chmod(d / "tessera.db", 0o644)  # what the old Linux recipe left after the first student
    assert "tessera.db" in folder_problem(d, lab_mode=True)
    assert secure_folder(d) >= 1
    assert folder_problem(d, lab_mode=True) is None
    assert oct(os.stat(d / "tessera.db").st_mode & 0o777) == "0o600"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can write anywhere")
def test_a_folder_it_cannot_write_is_said(tmp_path):
    d = tmp_path / "ro"
    d.mkdir()
    os.chmod(d, 0o500)
    try:
        assert "cannot write" in folder_problem(d, lab_mode=False)
    finally:
        os.chmod(d, 0o700)


def test_no_service_running_is_said_in_words(tmp_path):
    with pytest.raises(LabUnavailable) as caught:
        LabClient(tmp_path / "nothing.sock")
    assert "not running" in str(caught.value) and isinstance(caught.value, TesseraError)


def test_a_socket_in_a_folder_anyone_can_write_is_not_trusted(tmp_path):
    d = tmp_path / "open"
    d.mkdir()
    os.chmod(d, 0o777)  # a student could have put a socket of their own here to collect PINs
    path = d / "lab.sock"
    s = socket.socket(socket.AF_UNIX)
    s.bind(str(path))
    s.listen(1)
    try:
        with pytest.raises(LabUnavailable) as caught:
            LabClient(path)
        assert "others can write" in str(caught.value)
    finally:
        s.close()
    assert json.dumps(str(caught.value))
