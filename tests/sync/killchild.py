"""Run one sync in a child process and die by SIGKILL at a chosen point (used by
test_sync_kill.py). Usage: killchild.py DB SHARE POINT K [BATCH [GROUP]]

POINT is a fault point name (``apply:before_commit``...) and the process kills itself the K-th
time it passes there, or ``none`` to run normally (the parent may kill it at any moment)."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path


def main() -> None:
    db_path, share, point, k = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    batch = int(sys.argv[5]) if len(sys.argv) > 5 else 10
    group = int(sys.argv[6]) if len(sys.argv) > 6 else batch
    from app.store.database import Database
    from app.sync import faults
    from app.sync.session import sync_once

    hits = [0]

    def hook(p: str) -> None:
        if p == point:
            hits[0] += 1
            if hits[0] > k:
                os.kill(os.getpid(), signal.SIGKILL)

    db = Database.open(Path(db_path))
    if point != "none":
        faults.set_hook(hook)
    print("ready", flush=True)
    sync_once(db, share, batch_changes=batch, apply_group=group)
    db.close()
    print("done", flush=True)


if __name__ == "__main__":
    main()
