"""Open a data folder the way the app does (services and derived-state rebuilds registered), sync once
through a folder, and die by SIGKILL right after the K-th commit of received changes: after the
changes are durable, before derived state is rebuilt. Usage: derivedchild.py DATA_DIR SHARE K"""

from __future__ import annotations

import os
import signal
import sys


def main() -> None:
    data_dir, share, k = sys.argv[1], sys.argv[2], int(sys.argv[3])
    from app.bootstrap import open_context
    from app.sync import faults
    from app.sync.session import sync_once

    hits = [0]

    def hook(point: str) -> None:
        if point == "apply:after_commit":
            hits[0] += 1
            if hits[0] > k:
                os.kill(os.getpid(), signal.SIGKILL)

    ctx = open_context(data_dir)
    faults.set_hook(hook)
    sync_once(ctx.db, share, batch_changes=500, apply_group=2000)
    ctx.close()
    print("done", flush=True)


if __name__ == "__main__":
    main()
