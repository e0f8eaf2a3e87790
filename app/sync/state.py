"""Sync state kept beside the database (never on the share): how far our own changes have
reached the folder, and when we last synced, so the UI can say "12 changes waiting" offline."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from app.store.raw import raw_connection

log = logging.getLogger(__name__)

STATE_FILE = "sync-state.json"


def _state_path(db) -> Path:
    return Path(db.path).parent / STATE_FILE


def load_state(db) -> dict:
    try:
        data = json.loads(_state_path(db).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def save_state(db, state: dict) -> None:
    path = _state_path(db)
    tmp = path.with_suffix(".tmp")
    try:
        tmp.write_text(json.dumps(state, indent=1), encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        log.warning("could not save sync state: %s", exc)


def pending_send(db) -> int:
    """How many of this replica's changes have not reached the folder yet (no folder needed)."""
    state = load_state(db)
    exported = int(state.get("exported", 0)) if state.get("replica_id") == db.replica_id else 0
    with db.read() as s:
        next_seq = raw_connection(s).execute("SELECT next_seq FROM replica_state").fetchone()[0]
    return max(0, next_seq - 1 - exported)
