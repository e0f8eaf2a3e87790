"""Opening the school server for one database (``targets.py`` finds ``open_server`` here): this
computer's device key, the school key it pins, its cursor file, and the hooks a sync runs
(enrolment, the vector, the end-of-sync check). One ``ServerSession`` per device and server is
shared by every transport made for it, so a token and the last hello outlive one sync."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from app.i18n import _
from app.sync.http_transport import PIPELINE, HttpTransport, ServerSession
from app.sync.transport import TargetRefused

_SESSIONS: dict[tuple[str, str, str], ServerSession] = {}


def open_server(url: str, db) -> Callable[[str], HttpTransport]:  # noqa: ANN001
    """The school server at ``url`` for this database (``targets.py``): this computer's device key,
    the school key it pins (the machine policy's ``school_key``, else the school it already
    belongs to), and its cursor kept in the data folder. Raises TargetRefused with no school key."""
    from app.identity.keys import device
    from app.sync import http_enrol
    from app.trust.run import policy_anchor
    from app.trust.state import TrustState

    data_dir = Path(db.path).parent
    st = TrustState.load(data_dir)
    anchor = policy_anchor() or (st.school.fingerprint if st.school else "")
    if not anchor:
        raise TargetRefused(
            _(
                "Tessera needs the school key's fingerprint to trust the school server: set school_key in the machine policy (the installer's SCHOOLKEY)."
            )
        )
    me = device(data_dir)
    if me is None:
        raise TargetRefused(
            _("This computer's key cannot be read, so it cannot sign in to the school server.")
        )
    key = hashlib.sha256(url.encode()).hexdigest()[:12]

    session = _SESSIONS.setdefault((url, anchor, me.public), ServerSession())

    def make(replica: str) -> HttpTransport:
        t = HttpTransport(url, anchor, replica, me.id, me.private, data_dir / f"server-{key}.json")
        t.session = session
        t.pipeline = PIPELINE
        t.on_prepare = lambda tr: http_enrol.prepare(tr, db, data_dir)
        t.vector_of = lambda: _vector(db)
        t.after_sync = lambda tr: _check(tr, db)
        return t

    return make


def _vector(db) -> dict[str, int]:  # noqa: ANN001
    from app.store.raw import raw_connection
    from app.sync import vector

    with db.read() as s:
        return vector.load(raw_connection(s))


def _check(t: HttpTransport, db) -> None:  # noqa: ANN001
    from app.sync import http_check

    st = t._state()
    t.last_check = http_check.check_and_repair(t, db, st.setdefault("check", {}))
    t._save_state(st)
