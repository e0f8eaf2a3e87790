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

from app.store.backup_seal import is_sealed_backup
from app.store.migrate import backup_database

log = logging.getLogger(__name__)

LABEL = "daily"
KEEP = 2  # today's and the one before: enough to step back past a bad day
SPARE = 3  # free space must stay above this many times the database's size after the copy


def take_daily_backup(db_path: Path, backups_dir: Path) -> Path | None:
    """Today's copy, unless one was taken today or the disk is too full. Returns the new file.
    After an erasure (made here or arrived by sync) every older backup goes, replaced by a fresh
    copy: the app checks hourly, so a backup holds an erased student at most about an hour after
    the erasure reached this computer (``docs/trust.md``, "Erasure")."""
    day = time.strftime("%Y%m%d")
    marks = _purge_marks(db_path)
    erased = marks > _seen_marks(backups_dir) and bool(_all(backups_dir))
    # Once the school's data key is here, plain copies (from before it) are replaced at once too.
    erased = erased or (_holds_key(db_path) and any(not is_sealed_backup(p) for p in _all(backups_dir)))
    if not erased and backups_dir.exists() and any(backups_dir.glob(f"tessera-{day}-*-{LABEL}.db")):
        _save_marks(backups_dir, marks)
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
    if erased:  # every copy before the erasure holds the erased student (or is plain): only the new one stays
        for old in backups_dir.glob("tessera-*.db"):
            if old != target:
                old.unlink(missing_ok=True)
        log.info("backups: copies from before an erasure removed; a fresh one taken")
    _save_marks(backups_dir, marks)
    return target


def _all(backups_dir: Path) -> list[Path]:
    return sorted(backups_dir.glob("tessera-*.db")) if backups_dir.exists() else []


def _holds_key(db_path: Path) -> bool:
    from app.identity.datakeys import local_keyring

    return local_keyring(db_path.parent).current is not None


MARKS = "erasures.json"  # in the backups folder: purge markers the backups were last checked against


def _purge_marks(db_path: Path) -> int:
    import sqlite3

    from app.store.scrub import PURGE_MARK

    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            return int(
                conn.execute("SELECT COUNT(*) FROM field_clock WHERE field = ?", (PURGE_MARK,)).fetchone()[0]
            )
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def _seen_marks(backups_dir: Path) -> int:
    import json

    try:
        return int(json.loads((backups_dir / MARKS).read_text("utf-8"))["purged"])
    except (OSError, ValueError, KeyError, TypeError):
        return 0


def _save_marks(backups_dir: Path, marks: int) -> None:
    import json

    if backups_dir.exists() and marks != _seen_marks(backups_dir):
        (backups_dir / MARKS).write_text(json.dumps({"purged": marks}), "utf-8")
