"""The lab service: owns the lab's data folder under its own OS account and serves signed-in sessions
over a local channel, a Unix socket or a Windows named pipe (app/lab/channel.py)
(``python -m app lab-service --data-dir DIR --socket PATH``).

A connection is one session. It starts signed out: only the sign-in screen's calls are allowed. A
successful sign-in, checked here with the PIN or password, binds the Actor to that connection; every
later call runs the same service method the desktop runs, with that Actor, so the same permission
checks apply. Nothing the client sends can name another actor: there is no actor, session id or
clock in a request (calls.py). The peer's OS account (SO_PEERCRED, getpeereid, the pipe client's
SID) is recorded with each sign-in.
"""

from __future__ import annotations

import logging
import os
import pickle
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.errors import EXPECTED, TesseraError
from app.lab import calls, channel
from app.lab.channel import Connection, Peer, peer_uid  # noqa: F401  (peer_uid: kept importable here)
from app.lab.folder import secure_folder
from app.lab.journal import LabJournal
from app.lab.wire import MAX_REQUEST, WireError, decode_request, read_frame, write_frame
from app.people.actor import Actor
from app.store.what_changed import ALL, Kind

log = logging.getLogger(__name__)

_REQUEST_KEYS = frozenset({"call", "args", "kwargs"})
CHANGES_KEPT = 1000  # commits remembered for session.changes; an app further behind refreshes all
ALL_KINDS = ALL.value
ROSTER_KIND = Kind.ROSTER.value


@dataclass
class Session:
    uid: Peer  # the OS account at the other end: a uid (Unix) or a SID (Windows)
    actor: Actor | None = None
    calls: int = field(default=0)


def error_reply(exc: BaseException) -> dict[str, Any]:
    if isinstance(exc, TesseraError):
        return {"error": {"cls": type(exc).__name__, "message": str(exc),
                          "reason": getattr(exc, "reason", ""), "wait_s": getattr(exc, "wait_s", 0.0)}}  # fmt: skip
    return {
        "error": {"cls": "TesseraError", "message": "The lab service could not do that; its log says why."}
    }


class LabService:
    """The open data folder and what one request does with it (no sockets here: tests call ``handle``)."""

    def __init__(self, data_dir: str | Path) -> None:
        from app.bootstrap import open_context

        self.data_dir = Path(data_dir)
        secure_folder(self.data_dir)
        self.ctx = open_context(self.data_dir)
        self.journal = LabJournal(self.data_dir)
        calls.load_dataclasses()
        self._heard = threading.local()  # what this thread's call changed, for the client's screens
        # Every commit's kinds, numbered, for ``session.changes``: what the service's sync (or another
        # session) changed reaches the screens of every connected app, which poll for it.
        self._changes: deque[tuple[int, int, int | None]] = deque(maxlen=CHANGES_KEPT)
        self._change_count = 0
        self._changes_lock = threading.Lock()
        from app.store.what_changed import subscribe

        self._unsubscribe = subscribe(self._on_change)

    def _on_change(self, changed: Any) -> None:
        if changed.db is not self.ctx.db:
            return
        kinds = changed.kinds.value
        if hasattr(self._heard, "kinds"):
            self._heard.kinds |= kinds
        if kinds:
            with self._changes_lock:
                self._change_count += 1
                self._changes.append((self._change_count, kinds, getattr(self._heard, "session", None)))

    def changes_since(self, session: Session, since: Any) -> dict[str, int]:
        """What changed since change number ``since`` that this session's own calls did not (their
        replies said so already): ``{"count": now, "kinds": Kind bits}``. ``since`` None: just the
        count. Signed out, only the roster shows (a class that arrived by sync, for the sign-in screen)."""
        if since is not None and (not isinstance(since, int) or isinstance(since, bool)):
            raise calls.Refused("The request is not one the lab service understands.")
        with self._changes_lock:
            count, kept = self._change_count, list(self._changes)
        kinds = 0
        if since is not None and since < count:
            oldest = kept[0][0] if kept else count + 1
            if since + 1 < oldest:  # more happened than is kept: refresh everything
                kinds = ALL_KINDS
            else:
                for n, k, owner in kept:
                    if n > since and owner != id(session):
                        kinds |= k
        if session.actor is None:
            kinds &= ROSTER_KIND
        return {"count": count, "kinds": kinds}

    def _target(self, service: str) -> Any:
        if service == "journal":
            return self.journal
        return getattr(self.ctx.services, service)

    def handle(self, session: Session, request: dict[str, Any]) -> dict[str, Any]:
        self._heard.kinds = 0
        self._heard.session = id(session)
        try:
            return {"ok": self._run(session, request), "kinds": self._heard.kinds}
        except calls.Refused as exc:  # kept in the log: hand-written requests are worth knowing about
            log.info("refused %r from OS user %s: %s", request.get("call"), session.uid, exc)
            return error_reply(exc)
        except EXPECTED as exc:
            return error_reply(exc)
        except TesseraError as exc:
            log.warning("lab request %s failed: %s", request.get("call"), exc)
            return error_reply(exc)
        except Exception as exc:  # a fault: logged with its trace here, told in words to the client
            log.exception("lab request %s failed", request.get("call"))
            return error_reply(exc)

    def _run(self, session: Session, request: dict[str, Any]) -> Any:
        if set(request) - _REQUEST_KEYS:
            raise calls.Refused("The request has fields the lab service does not take.")
        call = request.get("call")
        args, kwargs = request.get("args", []), request.get("kwargs", {})
        if not isinstance(call, str) or not isinstance(args, list) or not isinstance(kwargs, dict):
            raise calls.Refused("The request is not one the lab service understands.")
        if call == "session.sign_out":
            session.actor = None
            return None
        if call == "session.who":
            return session.actor
        if call == "session.changes":  # polled by the app (client.poll_changes)
            return self.changes_since(session, args[0] if args else None)
        if call == "session.settings":  # what the app on the machine needs: idle sign-out, check-ins
            st = self.ctx.settings
            return {k: st.teacher[k] for k in ("idle_signout_minutes", "checkins_enabled") if k in st.teacher}
        if call in ("session.sync_now", "session.sync_status"):
            if session.actor is None:
                raise calls.Refused("Please sign in first.")
            return self._sync(wait=call == "session.sync_now")
        if not calls.allowed(call, session.actor is not None):
            if calls.allowed(call, True):
                raise calls.Refused("Please sign in first.")
            raise calls.Refused(f"The lab service does not offer {call!r}.")
        service, _, method = call.partition(".")
        func = getattr(self._target(service), method)
        bound = calls.bind_arguments(func, args, kwargs)
        public = method in calls.PUBLIC.get(service, ())
        if call in calls.SIGN_INS:
            session.actor = None  # a new sign-in replaces the old one, whatever its outcome
        if public:
            result = func(**bound)
        else:
            assert session.actor is not None
            result = func(session.actor, **bound) if _takes_actor(func) else func(**bound)
        if call in calls.SIGN_INS and isinstance(result, Actor):
            session.actor = result  # bound here, by the service's own check of the PIN or password
            log.info("signed in %s (%s) from OS user %s", result.person_id, result.role, session.uid)
        return result

    def _sync(self, wait: bool, timeout: float = 120.0) -> dict[str, Any]:
        """Anyone signed in may ask for a sync now (it only wakes the service's own sync agent) and
        hear how it went, in the words the teacher's screen uses."""
        agent = self.ctx.agent
        if agent is None:
            return {"state": "off", "last_sync_at": None, "problem": "This lab computer has no sync folder."}
        started = time.time()
        if wait:
            agent.sync_now()
            while time.time() - started < timeout:
                snap = agent.snapshot()
                if (snap.last_attempt_at or 0) >= started and snap.state != "syncing":
                    break
                time.sleep(0.2)
        snap = agent.snapshot()
        return {"state": snap.state, "last_sync_at": snap.last_sync_at, "problem": snap.problem}

    def close(self) -> None:
        self._unsubscribe()
        self.ctx.close()


def _takes_actor(func: Any) -> bool:
    import inspect

    params = list(inspect.signature(func).parameters)
    return bool(params) and params[0] == "actor"


MAX_CONNECTIONS_PER_USER = 16  # an app uses one; a script opening thousands must not starve the others
IDLE_CLOSE_S = 12 * 3600  # a connection silent this long is closed (the app reconnects when asked)


class Sessions:
    """Connections as sessions: at most MAX_CONNECTIONS_PER_USER per OS account, each served by
    ``serve`` until it closes. The same over a Unix socket and a named pipe (channel.py)."""

    def __init__(self, service: LabService) -> None:
        self.service = service
        self._open: dict[Peer, int] = {}
        self._count_lock = threading.Lock()

    def admit(self, peer: Peer) -> bool:
        with self._count_lock:
            if self._open.get(peer, 0) >= MAX_CONNECTIONS_PER_USER:
                return False
            self._open[peer] = self._open.get(peer, 0) + 1
            return True

    def leave(self, peer: Peer) -> None:
        with self._count_lock:
            self._open[peer] = self._open.get(peer, 1) - 1

    def __call__(self, conn: Connection, peer: Peer) -> None:
        session = Session(uid=peer)
        if not self.admit(peer):
            log.warning("lab connection from OS user %s refused: too many at once", peer)
            try:
                write_frame(
                    conn, pickle.dumps(error_reply(calls.Refused("Too many Tessera windows are open.")))
                )
            except OSError:
                pass
            return
        try:
            self.serve(conn, session)
        finally:
            self.leave(peer)

    def serve(self, conn: Connection, session: Session) -> None:
        settimeout = getattr(conn, "settimeout", None)
        if settimeout is not None:
            settimeout(IDLE_CLOSE_S)
        while True:
            try:
                body = read_frame(conn, MAX_REQUEST)
                request = decode_request(body)
            except EOFError:
                return
            except (WireError, OSError) as exc:
                log.warning("lab connection from OS user %s closed: %s", session.uid, exc)
                try:
                    write_frame(conn, pickle.dumps(error_reply(calls.Refused(f"Refused: {exc}."))))
                except OSError:
                    pass
                return
            session.calls += 1
            reply = self.service.handle(session, request)
            try:
                data = pickle.dumps(reply, protocol=pickle.HIGHEST_PROTOCOL)
            except Exception:  # noqa: BLE001  an unpicklable result is a fault of ours
                log.exception("lab reply to %s could not be encoded", request.get("call"))
                data = pickle.dumps(error_reply(RuntimeError()))
            try:
                write_frame(conn, data)
            except OSError:
                return


def start(data_dir: str | Path, socket_path: str | Path) -> channel.Listener:
    """Open the data folder and listen on a Unix socket or a named pipe (``serve_forever`` on the
    result runs it; tests run it in a thread). Who may connect is not the question, what a
    connection may do is (see the module doc)."""
    service = LabService(data_dir)
    try:
        server = channel.listen(socket_path, Sessions(service))
    except BaseException:
        service.close()
        raise
    server.service = service
    service.ctx.start_sync()  # the service syncs the lab's data (folder from the policy), not the app
    threading.Thread(target=_backups, args=(service,), name="tessera-backups", daemon=True).start()
    log.info("lab service on %s for %s", socket_path, data_dir)
    return server


def _backups(service: LabService, every_s: float = 3600.0) -> None:
    """The daily copy for "Restore last backup", taken by the service (it owns the folder)."""
    while True:
        time.sleep(every_s)
        try:
            service.ctx.db.daily_backup()
        except Exception as exc:  # noqa: BLE001  a failed backup must never stop the lab
            log.warning("daily backup failed: %r", exc)


def serve(data_dir: str | Path, socket_path: str | Path, ready: threading.Event | None = None) -> None:
    """Run until stopped (SIGTERM from systemd ends the process)."""
    os.umask(0o077)  # everything the service writes (database, backups, logs, journal) is its own
    server = start(data_dir, socket_path)
    if ready is not None:
        ready.set()
    try:
        server.serve_forever()
    finally:
        server.server_close()
        server.service.close()
