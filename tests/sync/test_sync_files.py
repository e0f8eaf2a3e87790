"""Attachment files travel with the sync (``app/sync/blobs.py``): two data folders and a real sync
folder; the file arrives byte for byte, and a blob tampered with in the folder is refused and
reported, never stored."""

from __future__ import annotations

import hashlib
import shutil
import time

import pytest

from app.errors import NotFound
from app.sync.folder_transport import BLOBS
from app.sync.memory import MemoryPlace, MemoryTransport
from app.sync.session import sync_once
from tests.conftest import student_actor

DAY = 86400


@pytest.fixture
def two(demo_template, tmp_path):
    from app.bootstrap import open_context

    src, info = demo_template
    ctxs = []
    for name in ("a", "b"):
        d = tmp_path / name
        d.mkdir()
        shutil.copy2(src / "tessera.db", d / "tessera.db")
        ctxs.append(open_context(d))
    yield ctxs[0], ctxs[1], info
    for c in ctxs:
        c.close()


def _team_with_file(ctx, info, tmp_path, text: str):
    teacher = ctx.services.accounts.sign_in_teacher(info.username, info.password)
    svc = ctx.services.challenges
    view = svc.create(teacher, svc.draft_from_template("fair-game", info.class_id, time.time() - 14 * DAY))
    teams = svc.suggest_teams(teacher, view.id, info.class_id, 5)
    svc.set_teams(teacher, view.id, info.class_id, [(t.name, list(t.member_ids)) for t in teams])
    team = svc.board(teacher, view.id, info.class_id).teams[0]
    member = student_actor(info, info.student_ids.index(team.member_ids[0]))
    path = tmp_path / "rules.txt"
    path.write_text(text, encoding="utf-8")
    log = ctx.services.team_work.attach(member, team.id, path, "Our rules")
    return teacher, log, path.read_bytes()


def test_an_attachment_reaches_the_other_computer_byte_for_byte(two, tmp_path):
    a, b, info = two
    share = tmp_path / "share"
    share.mkdir()
    teacher, log, data = _team_with_file(a, info, tmp_path, "Roll two dice; add them. " * 400)
    teacher_b = b.services.accounts.sign_in_teacher(info.username, info.password)
    sa = sync_once(a.db, share)
    assert sa.files_sent == 1
    sha = hashlib.sha256(data).hexdigest()
    assert (share / "tessera-sync" / BLOBS / sha[:2] / sha).read_bytes() == data
    sb = sync_once(b.db, share)
    assert sb.files_received == 1 and sb.files_refused == 0
    got = b.services.team_work.file_path(teacher_b, log.id)
    assert got.read_bytes() == data
    # Nothing new: a second sync asks the place for nothing and puts nothing.
    assert sync_once(a.db, share).files_sent == 0
    assert sync_once(b.db, share).files_received == 0


def test_a_tampered_blob_is_refused_and_reported(two, tmp_path):
    a, b, info = two
    share = tmp_path / "share"
    share.mkdir()
    _teacher, log, data = _team_with_file(a, info, tmp_path, "Our secret rules.")
    sync_once(a.db, share)
    sha = hashlib.sha256(data).hexdigest()
    blob = share / "tessera-sync" / BLOBS / sha[:2] / sha
    blob.write_bytes(b"MZ\x90\x00 something else entirely")  # planted on the share
    teacher_b = b.services.accounts.sign_in_teacher(info.username, info.password)
    sb = sync_once(b.db, share)
    assert sb.files_refused == 1 and sb.files_received == 0
    assert any("refused" in s.reason and sha[:12] in s.name for s in sb.skipped)
    with pytest.raises(NotFound):
        b.services.team_work.file_path(teacher_b, log.id)  # never stored
    # The refusal is published with b's seen vector: the author's next sync puts the right bytes
    # back, and then the file arrives.
    assert sync_once(a.db, share).files_sent == 1
    assert blob.read_bytes() == data
    assert sync_once(b.db, share).files_received == 1
    assert b.services.team_work.file_path(teacher_b, log.id).read_bytes() == data


def test_files_travel_through_memory_too(two, tmp_path):
    a, b, info = two
    place = MemoryPlace()
    _teacher, log, data = _team_with_file(a, info, tmp_path, "Memory rules.")
    sync_once(a.db, lambda me: MemoryTransport(place, me))
    sha = hashlib.sha256(data).hexdigest()
    place.blobs[sha] = b"tampered"
    teacher_b = b.services.accounts.sign_in_teacher(info.username, info.password)
    sb = sync_once(b.db, lambda me: MemoryTransport(place, me))
    assert sb.files_refused == 1
    place.blobs[sha] = data
    sb = sync_once(b.db, lambda me: MemoryTransport(place, me))
    assert sb.files_received == 1
    assert b.services.team_work.file_path(teacher_b, log.id).read_bytes() == data
