"""Schema migrations (Alembic), applied at start with a backup taken first."""

from __future__ import annotations

import logging
import shutil
import sqlite3
import time
from pathlib import Path

from sqlalchemy import Engine, text

from app.errors import DatabaseTooNew
from app.i18n import _
from app.store.schema import SCHEMA_HEAD

log = logging.getLogger(__name__)
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config():  # noqa: ANN201
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()  # type: ignore[return-value]


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {r.revision for r in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        try:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except Exception:  # noqa: BLE001  no table yet: an empty database
            return None


def backup_database(db_path: Path, backups_dir: Path, label: str, keep: int = 7) -> Path:
    """A consistent copy through SQLite's backup API (safe while the app has it open)."""
    backups_dir.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = backups_dir / f"tessera-{stamp}-{label}.db"
    # Written under another name and renamed when whole: a copy cut short (the app closed, the power
    # went) must never pass for the latest backup.
    part = target.with_suffix(".part")
    src = sqlite3.connect(str(db_path))
    try:
        dst = sqlite3.connect(str(part))
        try:
            with dst:
                src.backup(dst)
        finally:
            dst.close()
        from app.store.backup_seal import seal_backup

        seal_backup(part, target, db_path.parent)  # encrypted with the school's data key, when held
    finally:
        src.close()
        part.unlink(missing_ok=True)
    old = sorted(backups_dir.glob("tessera-*.db"))
    for path in old[:-keep]:
        path.unlink(missing_ok=True)
    return target


def latest_backup(backups_dir: Path) -> Path | None:
    found = sorted(backups_dir.glob("tessera-*.db")) if backups_dir.exists() else []
    return found[-1] if found else None


def refuse_if_newer(revision: str | None) -> None:
    if revision is not None and revision != SCHEMA_HEAD and revision not in known_revisions():
        raise DatabaseTooNew(
            _(
                "This data was saved by a newer version of Tessera. Please update Tessera on this computer; nothing has been changed."
            )
        )


def upgrade(engine: Engine, db_path: Path, backups_dir: Path, target: str = "head") -> str | None:
    """Bring the schema to ``target``. Returns the backup path when one was taken.
    Refuses a database whose revision this Tessera does not know (made by a newer version)."""
    current = current_revision(engine)
    if current == SCHEMA_HEAD:
        return None
    refuse_if_newer(current)
    backup = None
    if current is not None and current != head_revision() and db_path.exists():
        backup = str(backup_database(db_path, backups_dir, f"before-{head_revision()}"))
        log.info("backed up to %s before migrating from %s", backup, current)
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
    return backup


def copy_aside(path: Path, reason: str) -> Path:
    """Keep a damaged file: rename it (and its WAL) aside, never delete it."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.stem}-{reason}-{stamp}{path.suffix}")
    shutil.move(str(path), str(aside))
    for ext in ("-wal", "-shm"):
        side = Path(str(path) + ext)
        if side.exists():
            shutil.move(str(side), str(aside) + ext)
    return aside
