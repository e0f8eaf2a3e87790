"""The database: open (checking, migrating, backing up), and short sessions for services.

Services call ``db.read()`` for a read-only unit of work and ``db.write()`` for one transaction
that commits on success. Sessions never cross threads and never outlive a service call.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import sessionmaker
from sqlmodel import Session

from app.errors import DatabaseCorrupt, StorageError
from app.i18n import _
from app.models.sync import ReplicaState
from app.store import capture, migrate, what_changed
from app.store.engine import make_engines
from app.store.hlc import HybridClock
from app.store.replica import ensure_replica

log = logging.getLogger(__name__)
QUICK_CHECK_MAX_BYTES = 200 * 1024 * 1024


def check_file(path: Path, backups_dir: Path | None = None) -> None:
    """Raise DatabaseCorrupt if the file is not a healthy SQLite database. The reason SQLite gives
    goes to the log; the teacher reads what it means."""
    if path.is_dir():
        raise StorageError(
            _("Tessera's data file {path} is a folder, not a file: move it away and restart.", path=path)
        )
    if not path.exists():
        return
    if path.stat().st_size == 0:
        # A first start cut short leaves an empty file too, but once backups exist it held a class.
        if backups_dir is not None and migrate.latest_backup(backups_dir) is not None:
            raise DatabaseCorrupt(_("The class data file is empty: its contents were lost."))
        return
    damaged = _("The class data file is damaged and cannot be opened.")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            # A full check is linear in size: big databases get the cheap header/schema read only.
            big = path.stat().st_size > QUICK_CHECK_MAX_BYTES
            row = conn.execute("PRAGMA schema_version" if big else "PRAGMA quick_check").fetchone()
            row = ("ok",) if big else row
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        log.error("%s is damaged: %s", path, exc)
        raise DatabaseCorrupt(damaged) from exc
    if not row or row[0] != "ok":
        log.error("%s failed its check: %s", path, row[0] if row else "no answer")
        raise DatabaseCorrupt(damaged)
    migrate.refuse_if_newer(_stored_revision(path))


def _stored_revision(path: Path) -> str | None:
    """Read the schema revision without opening for write (so a refused file stays byte-identical)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        return None
    finally:
        conn.close()
    return row[0] if row else None


def check_writable(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / ".write-test"
        probe.write_bytes(b"ok")
        probe.unlink()
    except OSError as exc:
        raise StorageError(
            _(
                "Tessera cannot save in {folder}: {v}. Check that the folder exists, is not read-only and the disk is not full.",
                folder=folder,
                v=exc.strerror or exc,
            )
        ) from exc


class Database:
    def __init__(self, path: Path, backups_dir: Path | None = None) -> None:
        self.path = Path(path)
        self.backups_dir = backups_dir or self.path.parent / "backups"
        self.replica_id = ""
        self.renewed_replica = False
        self.migration_backup: str | None = None
        self.read_engine, self.write_engine = make_engines(self.path)
        self._reader = sessionmaker(self.read_engine, class_=Session, expire_on_commit=False)
        self._writer = sessionmaker(self.write_engine, class_=Session, expire_on_commit=False)
        capture.install(self._writer)
        self.clock = HybridClock("")
        # The school's PIN key(s), when this folder holds them (app/identity/pin_key.py; set by bootstrap).
        self.pin_keys: Any = None

    @classmethod
    def open(cls, path: Path, backups_dir: Path | None = None) -> "Database":
        """Check, migrate (backing up first), and establish the replica identity."""
        path = Path(path)
        check_writable(path.parent)
        check_file(path, backups_dir or path.parent / "backups")
        db = cls(path, backups_dir)
        try:
            db.migration_backup = migrate.upgrade(db.write_engine, path, db.backups_dir)
            db._init_replica()
        except DatabaseError as exc:
            db.close()
            if isinstance(exc, OperationalError) and "readonly" in str(exc).lower():
                raise StorageError(
                    _("The class data file is read-only; Tessera cannot save changes.")
                ) from exc
            if "disk is full" in str(exc).lower() or "full" in str(exc.orig).lower():
                raise StorageError(_("The disk is full; free some space and start Tessera again.")) from exc
            log.error("%s could not be opened: %s", path, exc.orig)
            raise DatabaseCorrupt(_("The class data file is damaged and cannot be opened.")) from exc
        except Exception:
            db.close()
            raise
        return db

    def _init_replica(self) -> None:
        with self._writer() as session:
            session.info["remote"] = True  # bookkeeping, not a synced write
            state, renewed = ensure_replica(session, self.path)
            session.commit()
            self.replica_id = state.replica_id
            self.renewed_replica = renewed
            # The newest stamp in the change log (capture and sync keep it): the clock resumes after it.
            wall, counter = state.hlc_wall, state.hlc_counter
        self.clock = HybridClock(self.replica_id, wall, counter)

    def daily_backup(self) -> Path | None:
        """Today's copy of the database, if none was taken yet (app.store.daily_backup); slow: run it
        off the UI thread."""
        from app.store.daily_backup import take_daily_backup

        return take_daily_backup(self.path, self.backups_dir)

    @contextmanager
    def read(self) -> Iterator[Session]:
        session = self._reader()
        session.info["db"] = self
        try:
            yield session
        finally:
            session.close()  # releases the connection; loaded objects stay readable (detached)

    @contextmanager
    def write(self, remote: bool = False, purge: bool = False) -> Iterator[Session]:
        """One transaction: commits when the block ends, rolls back on any error. Once committed,
        what it wrote to synced tables is published (``app.store.what_changed``); sync, which
        writes with ``remote=True``, publishes what it applied itself."""
        session = self._writer()
        session.info.update(db=self, remote=remote, purge=purge)
        try:
            yield session
            session.commit()
            written = session.info.pop("written", None)
        except OperationalError as exc:
            session.rollback()
            msg = str(exc.orig).lower()
            if "full" in msg:
                raise StorageError(
                    _("The disk is full: your last change was not saved. Free some space.")
                ) from exc
            if "readonly" in msg or "read-only" in msg:
                raise StorageError(
                    _("The data folder is read-only: your last change was not saved.")
                ) from exc
            if "disk i/o" in msg or "unable to open" in msg:  # a USB stick pulled, a network drive gone
                raise StorageError(_("The data folder stopped answering: your last change was not saved.")
                                   ) from exc  # fmt: skip
            raise
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()
        if written:  # only reached once committed; subscribers may open sessions of their own
            source = what_changed.Source.ERASURE if purge else what_changed.Source.LOCAL
            what_changed.publish(self, written, source=source)

    def table_counts(self) -> dict[str, int]:
        from sqlmodel import SQLModel

        out = {}
        with self.read() as s:
            for name in sorted(SQLModel.metadata.tables):
                out[name] = s.execute(text(f'SELECT COUNT(*) FROM "{name}"')).scalar_one()
        return out

    def schema_revision(self) -> str | None:
        return migrate.current_revision(self.read_engine)

    def replica_state(self) -> ReplicaState:
        with self.read() as s:
            return s.exec(select(ReplicaState)).scalars().one()  # type: ignore[call-overload]

    def close(self) -> None:
        self.read_engine.dispose()
        self.write_engine.dispose()
