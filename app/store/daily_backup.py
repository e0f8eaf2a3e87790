"""A copy of the database once a day, so "Restore last backup" after a damaged file (a laptop that
died mid-write, a bad disk) brings back yesterday's class, not an empty one.

Taken off the UI thread through SQLite's backup API (safe while the app writes: WAL readers do not
block writers). Only the newest ``KEEP`` daily copies stay (a class-year is hundreds of MB), and none
is taken when the disk would be left nearly full: a full disk costs more than a missing copy.
"""

from __future__ import annotations

import logging
import shutil
import time
from pathlib import Path

from app.store.migrate import backup_database

log = logging.getLogger(__name__)

LABEL = "daily"
KEEP = 2  # today's and the one before: enough to step back past a bad day
SPARE = 3  # free space must stay above this many times the database's size after the copy


def take_daily_backup(db_path: Path, backups_dir: Path) -> Path | None:
    """Today's copy, unless one was taken today or the disk is too full. Returns the new file."""
    day = time.strftime("%Y%m%d")
    if backups_dir.exists() and any(backups_dir.glob(f"tessera-{day}-*-{LABEL}.db")):
        return None
    size = db_path.stat().st_size
    free = shutil.disk_usage(db_path.parent).free
    if free < SPARE * size + size:
        log.warning("no daily backup: %d MB free for a %d MB database", free >> 20, size >> 20)
        return None
    target = backup_database(db_path, backups_dir, LABEL, keep=10_000)  # pruned below, by kind
    dailies = sorted(backups_dir.glob(f"tessera-*-{LABEL}.db"))
    for old in dailies[:-KEEP]:
        old.unlink(missing_ok=True)
    return target
