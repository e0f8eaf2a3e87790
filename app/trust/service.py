"""Signed sync as the Sync page sees it: what was refused and why, which devices ask to join,
which are enrolled; approve, refuse, revoke. Teachers only; approving, refusing and revoking need
the school key, which only the computer where the school was set up holds."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from app.errors import PermissionDenied
from app.i18n import _
from app.people.actor import Actor
from app.people.permissions import require_teacher, teacher_class_ids
from app.store.raw import raw_connection
from app.trust import quarantine, school
from app.trust.devices import DeviceRow, device_list, holds_school_key
from app.trust.state import TrustState

if TYPE_CHECKING:
    from app.trust.server_asks import ServerAskService


@dataclass
class RefusedChange:
    origin: str
    seq: int
    table: str
    code: str
    reason: str
    device: str
    at: float


@dataclass
class TrustOverview:
    signed: bool  # this computer syncs signed (it knows its school's key)
    holds_key: bool  # it holds the school key: it may approve, refuse, revoke
    school: str
    waiting: list[DeviceRow] = field(default_factory=list)
    devices: list[DeviceRow] = field(default_factory=list)  # enrolled, revoked, expired, refused
    refused: list[quarantine.Group] = field(default_factory=list)

    @property
    def refused_total(self) -> int:
        return sum(g.count for g in self.refused)


def held_vector(db) -> dict[str, int]:
    """This database's version vector: what it holds of each replica."""
    from app.sync import vector

    with db.read() as s:
        return vector.load(raw_connection(s))


class TrustService:
    def __init__(self, db, settings=None) -> None:
        self.db = db
        self.settings = settings
        self.data_dir = Path(db.path).parent
        self._server: ServerAskService | None = None

    @property
    def server(self) -> ServerAskService:
        """Asks to join through the school server (``server_asks.py``); made on first use, so the
        HTTP client is not imported at start-up."""
        if self._server is None:
            from app.trust.server_asks import ServerAskService

            self._server = ServerAskService(self.db, self.settings)
        return self._server

    def _refresh(self) -> None:
        folder = self.settings.get("sync_folder") if self.settings is not None else ""
        if folder:
            from app.trust.run import refresh_trust

            try:
                refresh_trust(self.data_dir, folder)
            except OSError:
                pass  # the folder is away: what we knew at the last sync is shown

    def overview(self, actor: Actor) -> TrustOverview:
        require_teacher(actor)
        self._refresh()
        st = TrustState.load(self.data_dir)
        rows = device_list(self.data_dir)
        return TrustOverview(
            signed=st.school is not None,
            holds_key=holds_school_key(self.data_dir),
            school=st.school.name if st.school else "",
            waiting=[r for r in rows if r.status == "waiting"],
            devices=[r for r in rows if r.status != "waiting"],
            refused=quarantine.summary(self.db),
        )

    def refused_changes(self, actor: Actor, limit: int = 500) -> list[RefusedChange]:
        require_teacher(actor)
        with self.db.read() as s:
            rows = (
                raw_connection(s)
                .execute(
                    "SELECT replica_id, seq, line, code, reason, device_name, at FROM quarantined_change "
                    "ORDER BY at DESC, replica_id, seq LIMIT ?",
                    (limit,),
                )
                .fetchall()
            )
        out = []
        for origin, seq, line, code, reason, device, at in rows:
            parts = line.split("\t", 4)
            out.append(
                RefusedChange(origin, seq, parts[3] if len(parts) > 3 else "", code, reason, device, at)
            )
        return out

    def synced_actions(self, actor: Actor) -> list:
        """Deletions, erasures and role changes that came from other computers, newest first."""
        from app.trust.actions import recent

        require_teacher(actor)
        return recent(self.db)

    def set_up_school(self, actor: Actor, name: str) -> None:
        """The welcome screen's first class: make the new school's key (``school.set_up_with_school``), unless
        the machine policy or the sync folder already names a school, which this computer joins instead."""
        from app.trust.school import set_up_with_school

        require_teacher(actor)
        folder = self.settings.get("sync_folder") if self.settings is not None else ""
        set_up_with_school(self.db, name.strip(), folder or None)

    def undo_action(self, actor: Actor, origin: str, seq: int) -> None:
        """Undo one of the synced actions listed (``synced_actions``) that can be undone; any other
        change (one made on this computer, a new row) is not this page's to reverse."""
        from app.trust.actions import recent, undo

        require_teacher(actor)
        if not any(a.undo and (a.origin, a.seq) == (origin, seq) for a in recent(self.db, limit=2**31)):
            raise PermissionDenied(
                _("Only a deletion or role change from another computer can be undone here.")
            )
        undo(self.db, origin, seq)

    def approve(
        self, actor: Actor, device: str, role: str | None = None, classes: list[str] | None = None
    ) -> None:
        require_teacher(actor)
        with self.db.read() as s:
            mine = sorted(teacher_class_ids(s, actor))
        school.approve(self.data_dir, device, role, classes, lab_default=mine)
        self._refresh()

    def refuse(self, actor: Actor, device: str) -> None:
        require_teacher(actor)
        school.refuse(self.data_dir, device)
        self._refresh()

    def revoke(self, actor: Actor, device: str) -> None:
        require_teacher(actor)
        school.revoke(self.data_dir, device, f"revoked by {actor.name or 'a teacher'}", held_vector(self.db))
        self._refresh()
