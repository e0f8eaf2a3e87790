"""Recovering from a damaged database: keep the damaged file aside, then start fresh or restore."""

from __future__ import annotations

from pathlib import Path

from app.errors import StorageError
from app.i18n import _
from app.store.backup_seal import restore_backup
from app.store.migrate import copy_aside, latest_backup


def set_aside(db_path: Path) -> Path:
    """Rename the damaged file (and its WAL) aside; never delete it."""
    return copy_aside(db_path, "damaged")


def restore_latest(db_path: Path, backups_dir: Path) -> Path:
    """Put the newest backup in place of the (already set aside) database."""
    backup = latest_backup(backups_dir)
    if backup is None:
        raise StorageError(_("There is no backup to restore yet."))
    restore_backup(backup, db_path)  # decrypted with the school's data key when it was encrypted
    return backup
