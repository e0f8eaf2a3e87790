"""Hooks for benchmarks/startup.py (enabled by the TESSERA_BENCH environment variable only):
say when the window is on screen and when it shows the class, report memory, then quit."""

from __future__ import annotations

import resource

from PySide6.QtCore import QTimer


def on_shown(app, window, mode: str) -> None:  # noqa: ANN001
    QTimer.singleShot(0, lambda: print("TESSERA_SHOWN", flush=True))


def on_ready(app, window, mode: str) -> None:  # noqa: ANN001
    def ready() -> None:
        print("TESSERA_READY", flush=True)
        if mode == "roster":
            from app.demo import DEMO_PASSWORD, DEMO_USERNAME
            from app.ui.tasks import wait_idle

            window.signed_in(window.ctx.services.accounts.sign_in_teacher(DEMO_USERNAME, DEMO_PASSWORD))
            for _ in range(20):
                app.processEvents()
                wait_idle()
            peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            print(f"TESSERA_RSS_KB {current_rss_kb()} {peak_kb}", flush=True)
        app.quit()

    QTimer.singleShot(0, ready)


def current_rss_kb() -> int:
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0
