"""Who still syncs through the folder, and removing batches nobody needs any more.

Three ages of a replica folder, judged by the newest file in it (its ``seen.json``, a batch, a
temporary file; the folder's own time only when it is empty: ``FolderScan.last_write``):

- **live**: its ``seen.json`` changed in the last ``LIVE_DAYS``. Live replicas decide what is
  sent and forwarded, and a batch is removed only once every live replica has seen it.
- **away**: not live, but it wrote something in the last ``ABANDONED_DAYS``. It no longer holds
  back compaction through its vector, but a folder of its without a readable ``seen.json`` still
  does (we cannot tell what it lacks), and its batches are left alone.
- **abandoned**: nothing written for ``ABANDONED_DAYS`` (a reimaged lab machine, a lost stick).
  It no longer blocks compaction in any way (a missing or damaged ``seen.json`` included), and
  its batches are compacted by the live replicas: each removes those of the abandoned replica's
  batches that every live replica has seen, exactly the rule a writer applies to its own. This
  is the one exception to "each replica writes only its own subfolder"; it is safe because the
  changes are held by every live replica (and forwarded from them to anyone who lacks them), and
  because an abandoned replica writes nothing: if it comes back, its first sync writes a fresh
  ``seen.json`` and it is live again before anyone would touch a newer file of its.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

from app.sync.folder import FolderScan, SeenInfo

if TYPE_CHECKING:
    from app.sync.place import Place
    from app.sync.report import SyncReport

log = logging.getLogger(__name__)

LIVE_DAYS = 60
ABANDONED_DAYS = 90  # days without a write before a replica's folder stops holding anything back
DAY = 86400


def live_replicas(scan: FolderScan, me: str, now: float | None = None) -> dict[str, SeenInfo]:
    """The other replicas still syncing here: ``seen.json`` changed in the last LIVE_DAYS."""
    cutoff = (now or time.time()) - LIVE_DAYS * DAY
    return {r: i for r, i in scan.seen.items() if r != me and i.updated >= cutoff}


def abandoned_replicas(
    scan: FolderScan, me: str, abandoned_days: float = ABANDONED_DAYS, now: float | None = None
) -> set[str]:
    """Replica folders with nothing written for ``abandoned_days`` (never our own)."""
    cutoff = (now or time.time()) - abandoned_days * DAY
    return {r for r in scan.replicas - {me} if scan.last_write.get(r, 0) < cutoff}


def compact(
    sf: Place,
    scan: FolderScan,
    report: SyncReport,
    written: set[str],
    own_vector: dict[str, int],
    abandoned_days: float = ABANDONED_DAYS,
) -> None:
    """Remove our batches (and abandoned replicas' batches) that every live replica has seen.
    Any doubt (a seen.json we cannot read, a recent replica folder without one) keeps
    everything. ``written``: names of files this sync wrote (kept until the next sync);
    ``own_vector``: what this database holds (an abandoned replica's batch goes only if we hold
    its changes too)."""
    me = sf.me
    now = time.time()
    live = live_replicas(scan, me, now)
    abandoned = abandoned_replicas(scan, me, abandoned_days, now)
    cutoff = now - LIVE_DAYS * DAY
    unknown = [
        r for r in scan.replicas - set(scan.seen) - {me} - abandoned if scan.folder_mtime.get(r, 0) >= cutoff
    ]
    if not live or unknown or (scan.unreadable_seen - abandoned):
        return
    for ref in scan.batches:
        if ref.writer == me:
            if ref.name in written:
                continue
        elif ref.writer not in abandoned or ref.writer in live or own_vector.get(ref.origin, 0) < ref.last:
            continue
        covered = all(i.vector.get(ref.origin, 0) >= ref.last for i in live.values())
        if not covered:
            continue
        if ref.writer == me:
            removed = sf.remove(ref)
        else:
            removed = sf.remove_abandoned(ref)
        if removed:
            report.compacted += 1
