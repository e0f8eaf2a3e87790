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
from app.sync.receive import is_set_aside
from app.sync.report import SkippedFile, SyncReport, merge_reports
from app.sync.session import sync_once
from app.sync.state import pending_send

log = logging.getLogger(__name__)

FolderSource = str | Path | Callable[[], "str | Path | None"] | None
SAFE = _("Your work is safe on this computer.")


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


def folder_from_settings(settings: Any) -> Callable[[], str | None]:
    """Read the folder each time (policy > user setting > machine default), so a change in
    Settings takes effect without restarting the agent."""
    return lambda: settings.get("sync_folder") or None


def in_words(seconds: float) -> str:
    if seconds < 55:
        n = max(1, round(seconds))
        return _("in %n second(s)", n=n)
    n = max(1, round(seconds / 60))
    return _("in %n minute(s)", n=n)


def _place(folder: str) -> str:
    return _("The school share") if folder.startswith(("\\\\", "//", "smb:")) else _("The sync folder")


def unexpected_words(exc: BaseException, folder: str, delay: float) -> str:
    """An error nothing else caught, in a teacher's words: what happened, when Tessera tries
    again, that their work is safe, and what might help. The detail goes to the log only."""
    import errno

    place = _place(folder).lower()
    again = _("Tessera will try again {in_words}.", in_words=in_words(delay))
    code = getattr(exc, "errno", None)
    if isinstance(exc, OSError) and code == errno.ENOSPC:
        return _(
            "There is no space left to write to {place}. {again} Your work is safe on this computer; ask your IT admin to free some space.",
            place=place,
            again=again,
        )
    if isinstance(exc, OSError) and code == errno.EROFS:
        return _(
            "{place} is read-only, so Tessera cannot write to it. {again} Your work is safe on this computer; ask your IT admin to make the folder writable.",
            place=_place(folder),
            again=again,
        )
    if isinstance(exc, PermissionError) or (isinstance(exc, OSError) and code in (errno.EACCES, errno.EPERM)):
        return _(
            "Tessera may not write to {place}. {again} Your work is safe on this computer; ask your IT admin to check the folder's permissions.",
            place=place,
            again=again,
        )
    if isinstance(exc, FileNotFoundError):
        return _(
            "A file in {place} went missing while Tessera was using it (another computer may have tidied it up). {again} {SAFE}",
            place=place,
            again=again,
            SAFE=SAFE,
        )
    if isinstance(exc, TimeoutError) or (isinstance(exc, OSError) and code == errno.ETIMEDOUT):
        return _(
            "{place} took too long to answer; the network may be slow. {again} {SAFE}",
            place=_place(folder),
            again=again,
            SAFE=SAFE,
        )
    if isinstance(exc, OSError):
        return _(
            "Tessera could not use {place}. {again} Your work is safe on this computer; if this keeps happening, ask your IT admin to check the folder.",
            place=place,
            again=again,
        )
    return _(
        "Sync did not finish because of an unexpected problem. {again} Your work is safe on this computer; if this keeps happening, ask your IT admin to look at Tessera's log.",
        again=again,
    )


def skipped_words(skipped: list[SkippedFile]) -> str | None:
    """What a teacher needs to know about files a sync skipped or could not apply in full."""
    if not skipped:
        return None
    aside = sum(1 for s in skipped if is_set_aside(s.reason))
    left = len(skipped) - aside
    words = []
    if left:
        words.append(
            _(
                "%n file(s) in the sync folder were incomplete or damaged and were skipped; Tessera will pick them up when they are whole.",
                n=left,
            )
        )
    if aside:
        words.append(
            _(
                "Some changes in %n file(s) from other computers could not be applied and were set aside; everything else was applied. Tessera's log names them for your IT admin.",
                n=aside,
            )
        )
    return " ".join(words + [SAFE])


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
    ) -> None:
        self.db = db
        self._folder_source = folder
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

    def stop(self, timeout: float = 10.0) -> bool:
        """Ask the agent to stop after the file it is on; True if it has stopped."""
        self._stop.set()
        self._wake.set()
        if self._thread:
            self._thread.join(timeout)
            alive = self._thread.is_alive()
            if not alive:
                self._update(state="stopped", progress=None, next_attempt_at=None)
            return not alive
        return True

    def sync_now(self) -> None:
        """Sync as soon as possible (skips any waiting or backoff)."""
        self._wake.set()

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
                        place=_place(folder),
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
                        place=_place(folder),
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
            self._update(
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

    def _sync_all(self, folder: str) -> SyncReport | None:
        """Rounds of bounded size until everything is done; None if asked to stop midway."""
        total: SyncReport | None = None
        while True:
            report = self._sync(
                self.db,
                folder,
                max_files=self.round_files,
                should_stop=self._stop.is_set,
                progress=lambda phase, done, n: self._update(progress=(phase, done, n)),
            )
            total = report if total is None else merge_reports(total, report)
            self._update(pending_send=report.pending_send)
            if report.complete:
                return total
            if self._stop.is_set():
                return None

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


def _reachable(folder: str) -> bool:
    try:
        return Path(folder).is_dir()
    except OSError:
        return False
