"""The running state of sync, per target, as the UI shows it (plain data, no Qt).

Words on screen come from these fields, and these fields come from what the place acknowledged
(its listing of our batches and the peers' seen vectors, or the server's answers): a change
counts as sent when the place lists it, and as confirmed when the others' seen vectors hold it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.sync.state import load_state


@dataclass(frozen=True)
class SyncProgress:
    phase: str  # "send" | "receive"
    done: int
    total: int


@dataclass(frozen=True)
class TargetStatus:
    key: str  # "folder" | "server"
    address: str  # the folder's path or the server's URL ("" when not set)
    state: str = "off"  # "off" | "idle" | "syncing" | "unreachable" | "error" | "unavailable" | "stopped"
    last_success_at: float | None = None  # the last sync with this place that finished completely
    last_attempt_at: float | None = None
    waiting_to_send: int = 0  # our changes the place does not hold yet
    unacknowledged: int = 0  # ours at the place that another computer has not confirmed yet
    refused: int = 0  # changes and files refused at the last sync (kept aside, never applied)
    refused_reasons: tuple[str, ...] = ()
    files_waiting: int = 0  # attached files named here that have not arrived yet
    problem: str | None = None  # for a teacher, None when all is well
    progress: SyncProgress | None = None
    cancelled: bool = False  # the last sync was cancelled (what arrived before stays)
    extra: dict = field(default_factory=dict)


def saved_target(db, key: str) -> dict:
    """What the last sync with a target left in the sync state (``session._target_state``)."""
    try:
        got = load_state(db).get("targets", {}).get(key, {})
    except (AttributeError, TypeError):
        return {}
    return got if isinstance(got, dict) else {}


def saved_for(db, address: str) -> dict:
    """What the last sync with the place at ``address`` left in the sync state ({} if none)."""
    try:
        targets = load_state(db).get("targets", {})
        found = [t for t in targets.values() if isinstance(t, dict) and t.get("address") == address]
    except (AttributeError, TypeError):
        return {}
    return max(found, key=lambda t: t.get("last_attempt_at") or 0, default={})
