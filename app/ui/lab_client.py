"""The app on a lab computer (policy ``lab_mode``): it does not open the data folder, which belongs to
the Tessera lab service; it connects to the service's socket and gets a ``Services``-shaped proxy
(app/lab/client.py). Sign-in is checked by the service; what each call changed comes back with its
reply and reaches the pages through the change bus, as a local commit would; what the service's sync
brings in is polled for (``LabContext.watch_changes``) and reaches them the same way. The service syncs
and backs up; the app shows no sync agent of its own."""

from __future__ import annotations

import logging
import sys
from typing import Any

log = logging.getLogger(__name__)


def run_lab_client(app: Any, settings: Any) -> int:
    from PySide6.QtWidgets import QMessageBox

    from app.errors import TesseraError
    from app.lab.client import connect
    from app.store.what_changed import Kind
    from app.ui import window_state
    from app.ui.main_window import MainWindow
    from app.ui.messages import error_text

    try:
        ctx = connect(settings)
    except TesseraError as exc:
        text = error_text(exc)
        print(f"tessera: {text}", file=sys.stderr)
        QMessageBox.critical(None, "Tessera", text)
        return 2
    window = MainWindow()
    # What a call changed, told by the service: the pages of this window refresh as after a local save.
    ctx.client.on_change = lambda kinds: window.bus.announce(Kind(kinds))
    window.attach(ctx)  # type: ignore[arg-type]  # a LabContext has AppContext's shape
    ctx.watch_changes()  # what the service's sync brings in refreshes the pages too
    from app.ui.welcome import WelcomeScreen

    if isinstance(window.centralWidget(), WelcomeScreen):  # a new class is made on the teacher's computer
        window.show_sign_in(
            window.tr(
                "This lab computer has no class yet. It arrives with the next sync from your teacher's "
                "computer, or a teacher can sign in here once it has."
            )
        )
    import platformdirs

    # The window's size is the user's own (the lab folder is the service's, not this account's).
    window_state.restore_and_show(window, platformdirs.user_data_dir("Tessera", "Tessera"))
    app.installEventFilter(window.idle)
    code = app.exec()
    from app.ui.tasks import wait_idle

    wait_idle()
    ctx.close()
    return code
