"""Start the GUI. The window goes on screen first; the data folder is opened off the UI thread
(checking, migrating with a backup) and the window fills in when it is ready. Damaged, too-new or
read-only data is explained in plain words. ``--self-test`` drives the main screens offscreen and
exits 0 only if all went well."""

from __future__ import annotations

import logging
import os
import sys
import time

log = logging.getLogger(__name__)


def run_gui(
    data_dir: str | None,
    demo: bool = False,
    self_test: bool = False,
    lang: str | None = None,
    look: dict | None = None,
) -> int:
    if self_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        if data_dir is None:
            import tempfile  # here: only the self-test needs it

            data_dir = tempfile.mkdtemp(prefix="tessera-selftest-")
    from app.ui.qt_preflight import preflight_message

    problem = preflight_message()  # Qt would abort, naming the wrong library: say what is missing
    if problem:
        print(problem, file=sys.stderr)
        return 1
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from app.ui.plurals import install_plurals

    install_plurals(app)  # before any window: "%n student(s)" reads "1 student", "3 students"
    from app.config import load_settings
    from app.ui.language import chosen_language, setup_language

    # Before the pages are imported: tables of labels below the UI are translated as they load.
    setup_language(app, chosen_language(load_settings(data_dir), lang))

    from app.ui import a11y

    a11y.install(app)  # type: ignore[arg-type]  # a QApplication (made above); 24 px targets and a visible focus ring, whatever the style (docs/accessibility.md)
    from app.ui.collector import collect_on_ui_thread
    from app.ui.main_window import MainWindow

    collect_on_ui_thread(app)  # background tasks must never free widgets: see collector.py
    app.setApplicationName("Tessera")
    app.setOrganizationName("Tessera")
    from app.config import load_settings
    from app.ui.theme.prefs import apply_look

    apply_look(app, load_settings(data_dir), look or {})  # type: ignore[arg-type]  # before any window
    if self_test:
        return _self_test(app, data_dir)

    from app.store.quick_read import sign_in_lists

    settings = load_settings(data_dir)
    if settings.lab_mode and data_dir is None and not os.environ.get("TESSERA_HOME"):
        from app.ui.lab_client import run_lab_client  # the lab service holds the data (issue 19)

        return run_lab_client(app, settings)
    from app.lab.folder import folder_problem

    wrong = folder_problem(settings.data_dir, settings.lab_mode)  # said plainly, before anything fails
    if wrong:
        from PySide6.QtWidgets import QMessageBox

        print(f"tessera: {wrong}", file=sys.stderr)
        QMessageBox.warning(None, "Tessera", wrong)
        if settings.lab_mode:
            return 2
    window = MainWindow(quick=sign_in_lists(settings.database_path))
    from app.ui import window_state

    window_state.restore_and_show(window, settings.data_dir)  # fits 1366x768; maximized if it was
    bench = os.environ.get("TESSERA_BENCH")
    if bench:
        from app.ui.bench_hooks import on_shown

        on_shown(app, window, bench)
    opener = _Opener(app, window, settings, demo, bench)
    # Open the data folder from the running event loop, so the window's first paint comes before
    # the opener's imports compete with it for the interpreter.
    QTimer.singleShot(0, opener.start)
    code = app.exec()
    from app.ui.tasks import wait_idle

    wait_idle()  # let background work finish its transaction before the database closes
    if window.ctx is not None:
        window.ctx.close()
    return code


class _Opener:
    """Opens the data folder on a worker thread, then attaches it to the window."""

    def __init__(self, app, window, settings, demo: bool, bench: str | None) -> None:  # noqa: ANN001
        self.app, self.window, self.settings, self.demo, self.bench = app, window, settings, demo, bench

    def start(self) -> None:
        from app.ui.tasks import run_task

        run_task(self._open, self._opened, self._failed, writes=True)

    def _open(self, _progress):  # noqa: ANN001, ANN202
        from app.bootstrap import open_context, setup_logging

        setup_logging(self.settings.data_dir)
        ctx = open_context(settings=self.settings)
        if self.demo and not ctx.services.accounts.has_teacher():
            from app.demo import create_demo

            create_demo(ctx.db)
        return ctx

    def _opened(self, ctx) -> None:  # noqa: ANN001
        if not self.bench:
            ctx.start_sync()
        self.window.attach(ctx)
        self.window.prepare_practice()
        self.window.schedule_backups()
        self.app.installEventFilter(self.window.idle)
        if self.bench:
            from app.ui.bench_hooks import on_ready

            on_ready(self.app, self.window, self.bench)

    def _failed(self, exc: BaseException) -> None:
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QMessageBox

        from app.errors import DatabaseCorrupt, TesseraError
        from app.ui.messages import error_text

        if isinstance(exc, DatabaseCorrupt):
            self._recover(exc)
            return
        text = (
            error_text(exc)
            if isinstance(exc, TesseraError)
            else QCoreApplication.translate("Launch", "Tessera could not start: %1").replace("%1", str(exc))
        )
        print(f"tessera: {text}", file=sys.stderr)
        QMessageBox.critical(self.window, "Tessera", text)
        self.app.exit(2)

    def _recover(self, exc: BaseException) -> None:
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QMessageBox

        from app.errors import StorageError
        from app.store.migrate import latest_backup
        from app.store.recovery import restore_latest, set_aside

        backup = latest_backup(self.settings.backups_dir)
        synced = self.settings.get("sync_folder")  # policy > user setting > machine default
        if backup is not None:
            from app.ui.locale_format import day_year

            mtime = backup.stat().st_mtime
            taken = f"{day_year(mtime)}, {time.strftime('%H:%M', time.localtime(mtime))}"
            choice = QCoreApplication.translate(
                "Launch", "You can go back to the copy of %1 or start with an empty class."
            ).replace("%1", taken)
        else:
            choice = QCoreApplication.translate(
                "Launch", "There is no backup on this computer yet: you can start with an empty class."
            )
        if synced:  # the share holds every change this computer sent: they come back at the next sync
            choice += " " + QCoreApplication.translate(
                "Launch", "This computer syncs with a school folder: the class comes back at the next sync."
            )
        kept = QCoreApplication.translate(
            "Launch", "Tessera keeps the damaged file aside, so nothing is thrown away."
        )
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Tessera",
            f"{exc}\n\n" + kept + f" {choice}",
            parent=self.window,
        )
        restore = box.addButton(
            QCoreApplication.translate("Launch", "Restore last backup"), QMessageBox.ButtonRole.AcceptRole
        )
        restore.setEnabled(backup is not None)
        fresh = box.addButton(
            QCoreApplication.translate("Launch", "Start fresh"), QMessageBox.ButtonRole.DestructiveRole
        )
        box.addButton(QCoreApplication.translate("Launch", "Quit"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() not in (restore, fresh):
            self.app.exit(2)
            return
        db_path = self.settings.database_path
        aside = set_aside(db_path)
        log.warning("damaged database kept at %s", aside)
        if box.clickedButton() is restore:
            try:
                restore_latest(db_path, self.settings.backups_dir)
            except StorageError as exc2:
                QMessageBox.information(
                    self.window,
                    "Tessera",
                    f"{exc2} "
                    + QCoreApplication.translate(
                        "Launch", "Starting with an empty class; the damaged file is kept at %1."
                    ).replace("%1", str(aside)),
                )
        self.start()


def _self_test(app, data_dir: str | None) -> int:  # noqa: ANN001
    from app.bootstrap import open_context, setup_logging
    from app.config import load_settings
    from app.errors import TesseraError
    from app.ui.self_test import run_self_test

    settings = load_settings(data_dir)
    setup_logging(settings.data_dir)
    try:
        ctx = open_context(settings=settings)
    except TesseraError as exc:
        print(f"tessera: {exc}", file=sys.stderr)
        return 2
    code = run_self_test(app, ctx)
    ctx.close()
    return code
