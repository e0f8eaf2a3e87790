"""Devices asking to join through the school server, as the Sync page sees them and answers them
(``app/sync/http_approvals.py``; the server's side is ``tessera_server/approvals.py``).

The rules are the desktop's (``service.py``, ``school.approve``): teachers only; a lab machine
that names no class gets the approving teacher's classes (a teacher's computer too); admin is never given here. A teacher
approves only for classes they teach; a school admin for any. The server checks the same against
the approving computer's certificate, so a changed desktop cannot give more."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app.errors import PermissionDenied
from app.i18n import _
from app.identity.docs import Cert
from app.people.actor import Actor
from app.people.permissions import require_teacher, teacher_class_ids
from app.sync.http_approvals import ServerApprovals, ServerAsk, open_approvals
from app.sync.transport import TargetError
from app.trust.school import TrustError
from app.trust.state import TrustState


@dataclass
class ServerAsksView:
    """What the server says is waiting. ``url`` is empty when no server is set; ``error`` holds
    the words when the server could not be asked (it is away, or refused this computer)."""

    url: str
    asks: list[ServerAsk] = field(default_factory=list)
    error: str = ""


class ServerAskService:
    def __init__(
        self, db, settings=None, opener: Callable[[str, object], ServerApprovals] | None = None
    ) -> None:  # noqa: ANN001
        self.db = db
        self.settings = settings
        self.opener = opener or open_approvals

    def _url(self) -> str:
        return str((self.settings.get("server_url") if self.settings is not None else "") or "").strip()

    def _client(self) -> ServerApprovals:
        url = self._url()
        if not url:
            raise TrustError(_("No school server is set for this computer."))
        return self.opener(url, self.db)

    def pending(self, actor: Actor) -> ServerAsksView:
        require_teacher(actor)
        url = self._url()
        if not url:
            return ServerAsksView("")
        try:
            return ServerAsksView(url, self._client().pending().asks)
        except TargetError as exc:
            return ServerAsksView(url, [], str(exc))

    def _find(self, client: ServerApprovals, device: str) -> tuple[ServerAsk, int]:
        got = client.pending()
        found = [a for a in got.asks if a.device == device] or [
            a for a in got.asks if a.device.startswith(device)
        ]
        if len(found) != 1:
            raise TrustError(_("No request from that device is waiting on the school server."))
        return found[0], got.next_serial

    def approve(
        self, actor: Actor, device: str, role: str | None = None, classes: list[str] | None = None
    ) -> Cert:
        require_teacher(actor)
        with self.db.read() as s:
            mine = teacher_class_ids(s, actor)
        client = self._client()
        ask, serial = self._find(client, device)
        role = role or ask.role
        if role not in ("lab", "teacher"):
            role = "teacher"  # admin is given only with the school key, from the command line
        chosen = list(classes or ask.classes)
        if not classes and actor.role != "admin":
            # A teacher gives the classes asked for that they teach; a new computer cannot read the
            # school's classes yet, so its ask often names none: it gets the teacher's (never
            # every class of the school, which only an admin gives).
            if not mine:
                raise TrustError(_("Choose the classes this computer may sync: you teach none yet."))
            chosen = [c for c in chosen if c in mine] or sorted(mine)
        if actor.role != "admin" and not set(chosen) <= mine:
            raise PermissionDenied(_("You can approve a device only for the classes you teach."))
        local = TrustState.load(Path(self.db.path).parent)
        return client.approve(ask, role, chosen or ["*"], max(serial, local.next_serial()))

    def refuse(self, actor: Actor, device: str) -> None:
        require_teacher(actor)
        client = self._client()
        ask, _serial = self._find(client, device)
        client.refuse(ask)

    def revoke(self, actor: Actor, device: str) -> None:
        require_teacher(actor)
        self._client().revoke(device, f"revoked by {actor.name or 'a teacher'}")
