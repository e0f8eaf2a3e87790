"""Start the GUI: open the data folder (handling damaged, too-new or read-only data in plain
words), offer the demo on first start, show the main window. ``--self-test`` drives the main
screens offscreen and exits 0 only if all went well."""

from __future__ import annotations

import logging
import os
import sys
import tempfile

from app.bootstrap import AppContext, open_context, setup_logging
from app.config import load_settings
from app.errors import DatabaseCorrupt, DatabaseTooNew, StorageError

log = logging.getLogger(__name__)


def run_gui(data_dir: str | None, demo: bool = False, self_test: bool = False) -> int:
    if self_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        if data_dir is None:
            data_dir = tempfile.mkdtemp(prefix="tessera-selftest-")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Tessera")
    app.setOrganizationName("Tessera")
    settings = load_settings(data_dir)
    setup_logging(settings.data_dir)
    ctx = _open_with_recovery(settings, interactive=not self_test)
    if ctx is None:
        return 2
    if self_test:
        from app.ui.self_test import run_self_test

        code = run_self_test(app, ctx)
        ctx.close()
        return code
    if demo and not ctx.services.accounts.has_teacher():
        from app.demo import create_demo

        create_demo(ctx.db)
    from app.ui.main_window import MainWindow

    window = MainWindow(ctx)
    app.installEventFilter(window.idle)
    window.show()
    code = app.exec()
    from app.ui.tasks import wait_idle

    wait_idle()  # let background work finish its transaction before the database closes
    ctx.close()
    return code


def _open_with_recovery(settings, interactive: bool) -> AppContext | None:  # noqa: ANN001
    from PySide6.QtWidgets import QMessageBox

    from app.store.recovery import restore_latest, set_aside

    try:
        return open_context(settings=settings)
    except DatabaseTooNew as exc:
        _say(interactive, str(exc))
        return None
    except DatabaseCorrupt as exc:
        if not interactive:
            print(f"tessera: {exc}", file=sys.stderr)
            return None
        box = QMessageBox(QMessageBox.Icon.Warning, "Tessera",
                          f"{exc}\n\nTessera will keep the damaged file aside so nothing is thrown away. "
                          "You can restore the most recent backup or start with an empty class.")
        restore = box.addButton("Restore last backup", QMessageBox.ButtonRole.AcceptRole)
        fresh = box.addButton("Start fresh", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() not in (restore, fresh):
            return None
        aside = set_aside(settings.database_path)
        log.warning("damaged database kept at %s", aside)
        try:
            if box.clickedButton() is restore:
                restore_latest(settings.database_path, settings.backups_dir)
            return open_context(settings=settings)
        except StorageError as exc2:
            _say(True, f"{exc2}\nThe damaged file is kept at {aside}.")
            return open_context(settings=settings)
    except StorageError as exc:
        _say(interactive, str(exc))
        return None


def _say(interactive: bool, text: str) -> None:
    print(f"tessera: {text}", file=sys.stderr)
    if interactive:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, "Tessera", text)
