"""Moving a school to signed sync, in one step on the teacher's laptop (``school create`` or the
welcome screen's school set-up). Nothing made before is lost or applied twice: the laptop syncs
once as before so it holds everything already in the folder; its certificate names every replica
id its database used; lab machines that were syncing learn of the school at their next sync, ask
to join (their request names their replica ids), and re-send, sealed, whatever they had written
unsealed (``reseal.py``); what arrives twice is skipped by sequence number as always."""

from __future__ import annotations

import json
from pathlib import Path

from app.store.raw import raw_connection
from app.trust.school import create_school
from app.trust.state import School


def school_rows(db) -> tuple[list[str], list[str], str]:
    """(school ids, this database's replica ids, the first school's name)."""
    with db.read() as s:
        raw = raw_connection(s)
        schools = raw.execute("SELECT id, name FROM school WHERE deleted = 0 ORDER BY created_at").fetchall()
        rid, previous = raw.execute("SELECT replica_id, previous_ids FROM replica_state").fetchone()
    return [r[0] for r in schools], [*json.loads(previous or "[]"), rid], (schools[0][1] if schools else "")


def move_to_signed_sync(settings, folder: str | None, name: str = "") -> School:
    from app.bootstrap import open_context
    from app.sync.session import sync_once

    ctx = open_context(settings=settings)
    try:
        db = ctx.db
        if folder:
            sync_once(db, folder)  # everything already in the folder, taken in unsigned as before
        ids, replicas, first_name = school_rows(db)
        school = create_school(Path(db.path).parent, name or first_name, ids, replicas)
        if folder:
            sync_once(db, folder)  # publishes the school and this laptop's certificate
        return school
    finally:
        ctx.close()


def set_up_with_school(db, name: str, folder: str | None = None) -> School | None:
    """The welcome screen's school set-up: make the school key for a brand-new school. Returns
    None (and does nothing) where the machine policy already names a school key, or the sync
    folder already holds a school's document: that school's key is elsewhere, and this computer
    asks to join it at its first sync instead (two teachers of one school who each set up a class
    must not end up as two schools that refuse each other's changes)."""
    from app.trust.run import policy_anchor, share_trust
    from app.trust.state import SCHOOL_DOC

    if policy_anchor():
        return None
    if folder and (share_trust(Path(folder)) / SCHOOL_DOC).exists():
        return None
    ids, replicas, _ = school_rows(db)
    return create_school(Path(db.path).parent, name, ids, replicas)
