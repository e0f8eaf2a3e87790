"""The sync agent: a background thread that syncs whenever the folder is reachable.

Plain Python (no Qt): the UI adapts ``add_listener`` to a signal (deliver it with a queued
connection: listeners are called on the agent's thread) and reads ``snapshot()`` whenever it likes.

- Notices when the folder appears (checked every ``poll`` seconds while it is missing) and when
  it vanishes mid-sync (whatever was applied stays applied; the rest follows next time).
- Syncs in rounds of at most ``round_files`` batch files, so it can stop promptly and memory
  stays flat however large the backlog.
- Backs off after failures: ``backoff_base`` doubling up to ``backoff_cap``.
- Says what is wrong in words a teacher understands; ``problem_code`` lets the UI translate.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from app.errors import StorageError
from app.i18n import _
from app.sync.folder import FolderUnavailable
from app.sync.lock import SyncBusy
from app.sync.report import SyncReport, merge_reports
from app.sync.session import sync_once
from app.sync.state import pending_send
from app.sync.status import SyncProgress, TargetStatus, saved_for
from app.sync.sync_words import SAFE, in_words, place_words, skipped_words, unexpected_words
from app.sync.targets import server_opener
from app.sync.transport import TargetBusy, TargetError, TargetRefused, TargetUnavailable

log = logging.getLogger(__name__)

FolderSource = str | Path | Callable[[], "str | Path | None"] | None


@dataclass(frozen=True)
class SyncSnapshot:
    state: str = "off"  # "off" | "idle" | "syncing" | "unreachable" | "error" | "stopped"
    folder: str = ""
    last_sync_at: float | None = None  # last sync that finished completely
    last_attempt_at: float | None = None
    next_attempt_at: float | None = None
    pending_send: int = 0  # our changes not yet in the folder
    unacknowledged: int = 0  # ours in the folder that another computer syncing here has not confirmed
    problem: str | None = None  # for a teacher, None when all is well
    problem_code: str | None = None  # "unreachable" | "folder" | "storage" | "busy" | "error"
    notice: str | None = None  # worth knowing, not a failure (e.g. skipped damaged files)
    progress: tuple[str, int, int] | None = None  # (phase, done, total) while syncing
    last_report: dict[str, Any] | None = None
    failures: int = 0
    server: TargetStatus | None = None  # the school server, when one is set (``targets.py``)
    cancelled: bool = False  # the last folder sync was cancelled at a safe point
    folder_refused: tuple[int, tuple[str, ...]] = (0, ())  # refused at the last folder sync, and why

    @property
    def targets(self) -> tuple[TargetStatus, ...]:
        """One status per place this computer syncs with (the folder first), for the Sync page."""
        out = []
        if self.folder or self.state != "off":
            p = self.progress
            out.append(
                TargetStatus(
                    key="folder",
                    address=self.folder,
                    state=self.state,
                    last_success_at=self.last_sync_at,
                    last_attempt_at=self.last_attempt_at,
                    waiting_to_send=self.pending_send,
                    unacknowledged=self.unacknowledged,
                    refused=self.folder_refused[0],
                    refused_reasons=self.folder_refused[1],
                    files_waiting=int((self.last_report or {}).get("files_waiting", 0)),
                    problem=self.problem,
                    progress=SyncProgress(*p) if p else None,
                    cancelled=self.cancelled,
                )
            )
        if self.server is not None:
            out.append(self.server)
        return tuple(out)


def folder_from_settings(settings: Any) -> Callable[[], str | None]:
    """Read the folder each time (policy > user setting > machine default), so a change in
    Settings takes effect without restarting the agent."""
    return lambda: settings.get("sync_folder") or None


class SyncAgent:
    def __init__(
        self,
        db: Any,
        folder: FolderSource,
        *,
        interval: float = 60.0,
        poll: float = 5.0,
        backoff_base: float = 15.0,
        backoff_cap: float = 600.0,
        round_files: int = 20,
        sync: Callable[..., SyncReport] = sync_once,
        server: FolderSource = None,
        open_server: Callable[[str, Any], Callable] = server_opener,
    ) -> None:
        self.db = db
        self._folder_source = folder
        self._server_source = server
        self._open_server = open_server
        self._server_next = 0.0  # monotonic time of the next server sync
        self._server_failures = 0
        self._cancel = threading.Event()  # the folder's sync under way
        self._server_cancel = threading.Event()
        self._server_wake = threading.Event()
        self._server_thread: threading.Thread | None = None
        self.interval = interval
        self.poll = poll
        self.backoff_base = backoff_base
        self.backoff_cap = backoff_cap
        self.round_files = round_files
        self._sync = sync
        self._lock = threading.Lock()
        self._snap = SyncSnapshot()
        self._listeners: list[Callable[[SyncSnapshot], None]] = []
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None

    # -- public ------------------------------------------------------------------------------
    def start(self) -> None:
        if self._thread and self._thread.is_alive():
            return
        self._stop.clear()
        self._update(pending_send=self._pending())
        self._thread = threading.Thread(target=self._run, name="tessera-sync", daemon=True)
        self._thread.start()
        # The server has its own loop, so an unplugged stick's backoff never delays it (one sync
        # at a time still: the sync lock).
        self._server_thread = threading.Thread(
            target=self._run_server, name="tessera-sync-server", daemon=True
        )
        self._server_thread.start()

    def stop(self, timeout: float = 10.0) -> bool:
        """Ask the agent to stop after the file it is on; True if it has stopped."""
        self._stop.set()
        self._wake.set()
        self._server_wake.set()
        if self._thread:
            end = time.monotonic() + timeout
            self._thread.join(timeout)
            if self._server_thread:
                self._server_thread.join(max(0.0, end - time.monotonic()))
            alive = self._thread.is_alive() or bool(self._server_thread and self._server_thread.is_alive())
            if not alive:
                self._update(state="stopped", progress=None, next_attempt_at=None)
            return not alive
        return True

    def sync_now(self) -> None:
        """Sync as soon as possible (skips any waiting or backoff)."""
        self._server_next = 0.0
        self._wake.set()
        self._server_wake.set()

    def cancel(self) -> None:
        """Stop the sync under way at the next safe point (between batches: a batch is applied
        whole or not at all); what arrived stays, the rest follows at the next sync."""
        self._cancel.set()
        if self._snap.server is not None and self._snap.server.state == "syncing":
            self._server_cancel.set()

    def set_server(self, server: FolderSource) -> None:
        self._server_source = server
        self.sync_now()

    def set_folder(self, folder: FolderSource) -> None:
        self._folder_source = folder
        self._wake.set()

    def refresh_pending(self) -> None:
        """Recount changes waiting to be sent (call after local edits if the UI shows it)."""
        self._update(pending_send=self._pending())

    def snapshot(self) -> SyncSnapshot:
        with self._lock:
            return self._snap

    def add_listener(self, callback: Callable[[SyncSnapshot], None]) -> Callable[[], None]:
        with self._lock:
            self._listeners.append(callback)

        def remove() -> None:
            with self._lock:
                if callback in self._listeners:
                    self._listeners.remove(callback)

        return remove

    # -- internals ---------------------------------------------------------------------------
    def _folder(self) -> str:
        src = self._folder_source
        try:
            value = src() if callable(src) else src
        except Exception:
            log.exception("could not read the sync folder setting")
            value = None
        return str(value) if value else ""

    def _pending(self) -> int:
        try:
            return pending_send(self.db)
        except Exception:  # noqa: BLE001
            return self._snap.pending_send

    def _update(self, **changes: Any) -> None:
        with self._lock:
            self._snap = replace(self._snap, **changes)
            snap = self._snap
            listeners = list(self._listeners)
        for cb in listeners:
            try:
                cb(snap)
            except Exception:
                log.exception("sync listener failed")

    def _wait(self, seconds: float, until_reachable: str | None = None) -> None:
        deadline = time.monotonic() + seconds
        while not self._stop.is_set():
            left = deadline - time.monotonic()
            if left <= 0:
                return
            step = min(left, self.poll) if until_reachable else left
            if self._wake.wait(step):
                self._wake.clear()
                return
            if until_reachable and _reachable(until_reachable):
                return

    def _backoff(self, failures: int) -> float:
        return min(self.backoff_cap, self.backoff_base * (2 ** max(0, failures - 1)))

    def _run(self) -> None:
        failures = 0
        while not self._stop.is_set():
            folder = self._folder()
            if not folder:
                self._update(
                    state="off",
                    folder="",
                    problem=None,
                    problem_code=None,
                    next_attempt_at=None,
                    progress=None,
                    pending_send=self._pending(),
                )
                self._wait(self.interval)
                continue
            if not _reachable(folder):
                failures += 1
                delay = self._backoff(failures)
                self._fail(
                    folder,
                    failures,
                    delay,
                    "unreachable",
                    _(
                        "{place} could not be reached. Tessera will try again {in_words}. {SAFE}",
                        place=place_words(folder),
                        in_words=in_words(delay),
                        SAFE=SAFE,
                    ),
                )
                self._wait(delay, until_reachable=folder)
                continue
            self._update(state="syncing", folder=folder, last_attempt_at=time.time(), progress=None)
            try:
                report = self._sync_all(folder)
            except FolderUnavailable as exc:
                failures += 1
                delay = self._backoff(failures)
                if _reachable(folder):
                    code, text = (
                        "folder",
                        _(
                            "{exc} Tessera will try again {in_words}. {SAFE}",
                            exc=exc,
                            in_words=in_words(delay),
                            SAFE=SAFE,
                        ),
                    )
                else:
                    code = "unreachable"
                    text = _(
                        "{place} could not be reached. Tessera will try again {in_words}. {SAFE}",
                        place=place_words(folder),
                        in_words=in_words(delay),
                        SAFE=SAFE,
                    )
                self._fail(folder, failures, delay, code, text)
                self._wait(delay, until_reachable=folder if code == "unreachable" else None)
                continue
            except SyncBusy as exc:
                self._fail(folder, failures, self.poll, "busy", str(exc))
                self._wait(self.poll)
                continue
            except StorageError as exc:
                failures += 1
                delay = self._backoff(failures)
                self._fail(
                    folder,
                    failures,
                    delay,
                    "storage",
                    _("{exc} Tessera will try again {in_words}.", exc=exc, in_words=in_words(delay)),
                )
                self._wait(delay)
                continue
            except Exception as exc:
                failures += 1
                delay = self._backoff(failures)
                log.exception("sync failed")
                self._fail(folder, failures, delay, "error", unexpected_words(exc, folder, delay))
                self._wait(delay)
                continue
            if report is None:  # stopped
                break
            failures = 0
            notice = skipped_words(report.skipped)
            now = time.time()
            refused = _refused(report)
            if not report.complete:  # cancelled at a safe point: not a complete sync
                self._update(
                    state="idle",
                    cancelled=True,
                    next_attempt_at=now + self.interval,
                    problem=None,
                    problem_code=None,
                    notice=CANCELLED,
                    progress=None,
                    last_report=report.to_dict(),
                    pending_send=report.pending_send,
                    unacknowledged=report.unacknowledged,
                    folder_refused=refused,
                    failures=0,
                )
                self._wait(self.interval)
                continue
            self._update(
                cancelled=False,
                folder_refused=refused,
                state="idle",
                last_sync_at=now,
                next_attempt_at=now + self.interval,
                problem=None,
                problem_code=None,
                notice=notice,
                progress=None,
                last_report=report.to_dict(),
                pending_send=report.pending_send,
                unacknowledged=report.unacknowledged,
                failures=0,
            )
            self._wait(self.interval)

    def _sync_all(
        self, folder: Any, progress: Callable[[str, int, int], None] | None = None
    ) -> SyncReport | None:
        """Rounds of bounded size until everything is done; None if asked to stop midway. When
        cancelled, the report of what was done (``complete`` False)."""
        total: SyncReport | None = None
        cancel = self._cancel if progress is None else self._server_cancel
        cancel.clear()
        while True:
            report = self._sync(
                self.db,
                folder,
                max_files=self.round_files,
                should_stop=lambda: self._stop.is_set() or cancel.is_set(),
                progress=progress or (lambda phase, done, n: self._update(progress=(phase, done, n))),
            )
            total = report if total is None else merge_reports(total, report)
            if progress is None:
                self._update(pending_send=report.pending_send)
            if report.complete:
                return total
            if self._stop.is_set():
                return None
            if cancel.is_set():
                cancel.clear()
                total.complete = False
                return total

    def _run_server(self) -> None:
        while not self._stop.is_set():
            try:
                self._server_round()
            except Exception:  # a bug there must never stop sync
                log.exception("server round failed")
            wait = self._server_next - time.monotonic() if self._server() else self.interval
            if self._server_wake.wait(max(self.poll, min(wait, self.interval))):
                self._server_wake.clear()

    # -- the school server (``targets.py``) ------------------------------------------------------
    def _server(self) -> str:
        src = self._server_source
        try:
            value = src() if callable(src) else src
        except Exception:
            log.exception("could not read the server setting")
            value = None
        return str(value).strip() if value else ""

    def _server_status(self, url: str, **changes: Any) -> TargetStatus:
        old = self._snap.server
        if old is not None and old.address == url:
            return replace(old, **changes)
        # First word about this server since start: what the last sync with it left (offline too).
        saved = saved_for(self.db, url) if self.db is not None else {}
        known = bool(saved)
        base = TargetStatus(
            "server",
            url,
            last_success_at=saved.get("last_sync_at") if known else None,
            last_attempt_at=saved.get("last_attempt_at") if known else None,
            waiting_to_send=int(saved.get("pending_send", 0)) if known else 0,
        )
        return replace(base, **changes)

    def _server_round(self) -> None:
        url = self._server()
        if not url:
            if self._snap.server is not None:
                self._update(server=None)
            return
        if time.monotonic() < self._server_next:
            return
        try:
            opener = self._open_server(url, self.db)
        except TargetError as exc:  # not in this build, or a URL it refuses (plain HTTP...)
            self._update(
                server=self._server_status(url, state="unavailable", problem=str(exc), progress=None)
            )
            self._server_next = time.monotonic() + self.interval
            return
        self._update(
            server=self._server_status(url, state="syncing", last_attempt_at=time.time(), progress=None)
        )

        def progress(phase: str, done: int, n: int) -> None:
            self._update(server=self._server_status(url, progress=SyncProgress(phase, done, n)))

        try:
            report = self._sync_all(opener, progress)
        except TargetBusy as exc:
            self._server_failed(url, "unreachable", str(exc), max(exc.retry_after, self.poll))
            return
        except TargetRefused as exc:
            self._server_failed(url, "error", f"{exc} {SAFE}", self.backoff_cap)
            return
        except (TargetUnavailable, SyncBusy) as exc:
            self._server_failures += 1
            delay = self._backoff(self._server_failures)
            self._server_failed(
                url, "unreachable", f"{exc} Tessera will try again {in_words(delay)}. {SAFE}", delay
            )
            return
        except Exception as exc:  # noqa: BLE001  (the folder keeps syncing whatever happens here)
            log.exception("server sync failed")
            self._server_failures += 1
            delay = self._backoff(self._server_failures)
            self._server_failed(url, "error", unexpected_words(exc, url, delay), delay)
            return
        if report is None:
            return
        self._server_failures = 0
        self._server_next = time.monotonic() + self.interval
        refused = _refused(report)
        self._update(
            server=self._server_status(
                url,
                state="idle",
                last_success_at=report.finished_at if report.complete else self._snap_server_success(url),
                waiting_to_send=report.pending_send,
                unacknowledged=report.unacknowledged,
                refused=refused[0],
                refused_reasons=refused[1],
                files_waiting=report.files_waiting,
                problem=None,
                progress=None,
                cancelled=not report.complete,
            )
        )

    def _snap_server_success(self, url: str) -> float | None:
        s = self._snap.server
        return s.last_success_at if s is not None and s.address == url else None

    def _server_failed(self, url: str, state: str, text: str, delay: float) -> None:
        self._server_next = time.monotonic() + delay
        self._update(server=self._server_status(url, state=state, problem=text, progress=None))

    def _fail(self, folder: str, failures: int, delay: float, code: str, text: str) -> None:
        self._update(
            state="unreachable" if code == "unreachable" else "error",
            folder=folder,
            problem=text,
            problem_code=code,
            next_attempt_at=time.time() + delay,
            progress=None,
            failures=failures,
            last_attempt_at=time.time(),
            pending_send=self._pending(),
        )


CANCELLED = (
    "Sync was cancelled. Everything that arrived before is kept; the rest follows at the next sync. " + SAFE
)


def _refused(report: SyncReport) -> tuple[int, tuple[str, ...]]:
    """How many changes and files the place sent that were refused, and why (first reasons)."""
    reasons = tuple(dict.fromkeys(s.reason for s in report.skipped if "refused" in s.reason))[:10]
    return report.refused + report.files_refused, reasons


def _reachable(folder: str) -> bool:
    try:
        return Path(folder).is_dir()
    except OSError:
        return False
