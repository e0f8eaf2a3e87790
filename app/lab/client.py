"""The desktop app's side of the lab service: a ``Services``-shaped proxy over the lab socket.

In lab mode the app does not open the database (it cannot: the folder is the service's). Each call
``services.<name>.<method>(actor, ...)`` is sent as JSON without the actor (the service acts for
whoever signed in on this connection); the reply comes back as the same plain dataclasses the desktop
gets, or the same Tessera error. Calls the service does not offer on a lab computer fail with a plain
message. One connection per app, one call at a time on it (the UI's workers share it under a lock).
"""

from __future__ import annotations

import logging
import pickle
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app import errors
from app.i18n import _
from app.lab import calls, channel
from app.lab.wire import MAX_REPLY, encode_request, read_frame, write_frame
from app.people.actor import Actor
from app.writing.journal import JournalEntry

log = logging.getLogger(__name__)

DEFAULT_SOCKET = {
    "linux": "/run/tessera/lab.sock",
    "darwin": "/Library/Application Support/Tessera/Run/lab.sock",  # /var/run is root's and cleared at boot
    "win32": r"\\.\pipe\tessera-lab",
}


def default_socket() -> str:
    return DEFAULT_SOCKET.get(sys.platform, DEFAULT_SOCKET["linux"])


POLL_S = 3.0  # how often the app asks the service what its sync changed (a tiny local request)


class LabUnavailable(errors.StorageError):
    """The lab service cannot be reached (not installed, not running, or not the real one)."""


def _error_classes() -> dict[str, type[errors.TesseraError]]:
    found: dict[str, type[errors.TesseraError]] = {}
    todo: list[type[errors.TesseraError]] = [errors.TesseraError]
    while todo:
        cls = todo.pop()
        found.setdefault(cls.__name__, cls)
        todo.extend(cls.__subclasses__())
    return found


def _rebuild_error(info: dict[str, Any]) -> errors.TesseraError:
    cls = _error_classes().get(str(info.get("cls")), errors.TesseraError)
    exc = cls.__new__(cls)
    Exception.__init__(exc, str(info.get("message", "")))
    if issubclass(cls, errors.SignInError):
        exc.reason = str(info.get("reason") or "wrong")  # type: ignore[attr-defined]
        exc.wait_s = float(info.get("wait_s") or 0.0)  # type: ignore[attr-defined]
    return exc


class LabClient:
    """One session with the lab service. ``on_change(kinds)`` hears what each call changed."""

    def __init__(self, socket_path: str | Path, timeout: float | None = 120.0) -> None:
        self.path = str(socket_path)
        self.on_change: Callable[[int], None] | None = None
        self.on_sign_in: Callable[[], None] | None = None
        self._lock = threading.Lock()
        try:
            self.sock = channel.connect(self.path, timeout)
        except channel.Untrusted as exc:
            if exc.open_folder:
                raise LabUnavailable(
                    _("The lab service's socket {path} is in a folder others can write to.", path=self.path)
                ) from exc
            raise LabUnavailable(
                _("The lab service's socket is answered by another account: not trusted.")
            ) from exc
        except OSError as exc:
            raise LabUnavailable(
                _(
                    "This lab computer's Tessera service is not running (or not installed), so Tessera cannot open the class. Ask the school's IT to start the Tessera lab service (docs/installing.md)."
                )
            ) from exc
        self.changes_seen: int | None = None  # the service's change count when last asked (poll_changes)

    def call(self, name: str, *args: Any, **kwargs: Any) -> Any:
        args = tuple(a for a in args if not isinstance(a, Actor))  # the service knows who is signed in
        kwargs.pop("actor", None)
        kwargs.pop("now", None)
        request = encode_request(
            {"call": name, "args": calls.encode(list(args)), "kwargs": calls.encode(kwargs)}
        )
        with self._lock:
            try:
                write_frame(self.sock, request)
                reply = pickle.loads(read_frame(self.sock, MAX_REPLY))  # noqa: S301  from the trusted service
            except (OSError, EOFError) as exc:
                raise LabUnavailable(
                    _("The connection to this lab computer's Tessera service was lost.")
                ) from exc
        if "error" in reply:
            raise _rebuild_error(reply["error"])
        if reply.get("kinds") and self.on_change is not None:
            self.on_change(int(reply["kinds"]))
        if name in calls.SIGN_INS and self.on_sign_in is not None:
            self.on_sign_in()
        return reply.get("ok")

    def poll_changes(self) -> int:
        """What the service's sync (or another session) changed since the last poll, as Kind bits,
        told to ``on_change`` as well; 0 when nothing did, or when the connection is busy with a call
        (the next poll asks again: nothing is lost, the service counts)."""
        if not self._lock.acquire(blocking=False):
            return 0
        try:
            write_frame(self.sock, encode_request({"call": "session.changes", "args": [self.changes_seen]}))
            reply = pickle.loads(read_frame(self.sock, MAX_REPLY))  # noqa: S301  from the trusted service
        except (OSError, EOFError) as exc:
            raise LabUnavailable(
                _("The connection to this lab computer's Tessera service was lost.")
            ) from exc
        finally:
            self._lock.release()
        if "error" in reply:
            raise _rebuild_error(reply["error"])
        self.changes_seen, kinds = int(reply["ok"]["count"]), int(reply["ok"]["kinds"])
        if kinds and self.on_change is not None:
            self.on_change(kinds)
        return kinds

    def close(self) -> None:
        try:
            self.sock.close()
        except OSError:
            pass


class RemoteService:
    """One service's calls, sent to the lab service."""

    def __init__(self, client: LabClient, name: str) -> None:
        self._client, self._name = client, name

    def __getattr__(self, method: str) -> Callable[..., Any]:
        if method.startswith("_"):
            raise AttributeError(method)
        call = f"{self._name}.{method}"
        if not calls.allowed(call, True):
            return _not_on_lab(call)
        return lambda *a, **k: self._client.call(call, *a, **k)

    def prepare(self, progress: Any = None) -> int:
        """Practice's estimates are loaded by the service, not here."""
        return 0


def _not_on_lab(call: str) -> Callable[..., Any]:
    def refuse(*_a: Any, **_k: Any) -> Any:
        raise errors.PermissionDenied(
            _("This is not available on a lab computer. Use Tessera on the teacher's computer for it.")
        )

    refuse.__name__ = call
    return refuse


class RemoteServices:
    """``ctx.services`` in lab mode: every attribute a RemoteService."""

    def __init__(self, client: LabClient) -> None:
        self._client = client

    def __getattr__(self, name: str) -> RemoteService:
        if name.startswith("_"):
            raise AttributeError(name)
        return RemoteService(self._client, name)


class RemoteJournal:
    """``TextJournal``'s calls, kept by the service in its own folder (app/lab/journal.py)."""

    def __init__(self, client: LabClient) -> None:
        self.client = client

    def write(self, student_id: str, task_id: str, text: str, saved_text: str | None) -> None:
        self.client.call("journal.write", student_id, task_id, text, saved_text)

    def read(self, student_id: str, task_id: str) -> JournalEntry | None:
        return self.client.call("journal.read", student_id, task_id)

    def clear(self, student_id: str, task_id: str) -> None:
        self.client.call("journal.clear", student_id, task_id)

    def tasks_of(self, student_id: str) -> list[str]:
        return list(self.client.call("journal.tasks_of", student_id))


@dataclass
class LabContext:
    """``AppContext``'s shape for the app in lab mode: no database here, services over the socket."""

    settings: Any
    client: LabClient
    services: RemoteServices = field(init=False)
    journal: RemoteJournal = field(init=False)
    db: Any = None
    agent: Any = None  # the service syncs; the app does not
    # The service syncs, and a teacher sets sync and devices up on their own computer: no Sync page here.
    hidden_pages: tuple[str, ...] = ("sync",)

    def __post_init__(self) -> None:
        self.services = RemoteServices(self.client)
        self.journal = RemoteJournal(self.client)
        self.client.on_sign_in = self.read_machine_settings
        self.read_machine_settings()
        self._stop = threading.Event()
        self._poller: threading.Thread | None = None

    def watch_changes(self, every_s: float = POLL_S) -> None:
        """Ask the service every ``every_s`` what its sync changed, so the pages refresh as on a
        desktop after a sync (``client.on_change`` reaches the window's change bus)."""
        try:
            self.client.poll_changes()  # start counting from now
        except errors.TesseraError as exc:  # the next call says so in words; the poll tries again
            log.warning("lab changes not polled: %s", exc)
        self._poller = threading.Thread(
            target=self._poll, args=(every_s,), name="tessera-lab-poll", daemon=True
        )
        self._poller.start()

    def _poll(self, every_s: float) -> None:
        while not self._stop.wait(every_s):
            try:
                self.client.poll_changes()
            except errors.TesseraError as exc:  # the service restarted or stopped: the next call says so
                log.warning("lab changes not polled: %s", exc)
                self._stop.wait(30)

    def read_machine_settings(self) -> None:
        """A teacher's choices for this computer (idle sign-out, check-ins) live in the service's
        database: read them at start and at each sign-in (the policy still wins, as everywhere)."""
        try:
            self.settings.teacher = dict(self.client.call("session.settings"))
        except errors.TesseraError as exc:
            log.warning("this computer's settings not read from the lab service: %s", exc)

    def start_sync(self) -> Any:
        return None

    def end_session(self) -> None:
        """Signed out (or idle): the service unbinds this connection's sign-in."""
        try:
            self.client.call("session.sign_out")
        except errors.TesseraError as exc:
            log.warning("lab sign-out not told to the service: %s", exc)

    def close(self) -> None:
        self._stop.set()
        if self._poller is not None:
            self._poller.join(5)
        self.client.close()


def connect(settings: Any, socket_path: str | None = None) -> LabContext:
    path = socket_path or settings.get("lab_socket") or default_socket()
    return LabContext(settings=settings, client=LabClient(path))
