"""One sync at a time per database, across threads and processes (the app's agent and a
``python -m app sync`` run may meet). The lock file lives beside the database, never on the
share; the operating system releases it if the process dies."""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path
from typing import BinaryIO, Self

from app.errors import TesseraError
from app.i18n import _

_thread_locks: dict[str, threading.Lock] = {}
_guard = threading.Lock()


class SyncBusy(TesseraError):
    """Another sync of this database is running."""


class SyncLock:
    def __init__(self, db_path: Path, wait: float = 30.0) -> None:
        self.path = Path(str(db_path) + ".sync-lock")
        self.wait = wait
        key = str(self.path.resolve())
        with _guard:
            self._tlock = _thread_locks.setdefault(key, threading.Lock())
        self._fh: BinaryIO | None = None

    def __enter__(self) -> Self:
        if not self._tlock.acquire(timeout=self.wait):
            raise SyncBusy(_("Another sync is already running on this computer; Tessera will try again."))
        try:
            self._lock_file()
        except BaseException:
            self._tlock.release()
            raise
        return self

    def _lock_file(self) -> None:
        deadline = time.monotonic() + self.wait
        self._fh = fh = open(self.path, "a+b")  # noqa: SIM115
        while True:
            try:
                if sys.platform == "win32":  # (the type checker follows sys.platform, not os.name)
                    import msvcrt

                    fh.seek(0)
                    msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
                else:
                    import fcntl

                    fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except OSError:
                if time.monotonic() >= deadline:
                    fh.close()
                    self._fh = None
                    raise SyncBusy(
                        _("Another sync is already running on this computer; Tessera will try again.")
                    ) from None
                time.sleep(0.1)

    def __exit__(self, *exc: object) -> None:
        try:
            if self._fh is not None:
                if sys.platform == "win32":
                    import msvcrt

                    self._fh.seek(0)
                    try:
                        msvcrt.locking(self._fh.fileno(), msvcrt.LK_UNLCK, 1)
                    except OSError:
                        pass
                else:
                    import fcntl

                    fcntl.flock(self._fh.fileno(), fcntl.LOCK_UN)
                self._fh.close()
                self._fh = None
        finally:
            self._tlock.release()
