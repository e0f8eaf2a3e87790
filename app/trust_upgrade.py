"""Moving a school to signed sync, in one step on the teacher's laptop (``school create`` or the
welcome screen's school set-up). Nothing made before is lost or applied twice: the laptop syncs
once as before so it holds everything already in the folder; its certificate names every replica
id its database used; lab machines that were syncing learn of the school at their next sync, ask
to join (their request names their replica ids), and re-send, sealed, whatever they had written
unsealed (``reseal.py``); what arrives twice is skipped by sequence number as always."""

from __future__ import annotations

from pathlib import Path

from app.trust.school import create_school, school_rows
from app.trust.state import School


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
