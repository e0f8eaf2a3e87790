"""The lab service as a Windows service (``TesseraLab``, installed by the MSI's ServiceInstall as
``tessera-lab.exe lab-service --windows-service``, running as the virtual account
``NT SERVICE\\TesseraLab``).

Why pywin32's ServiceFramework and not a plain console program: the service control manager waits
for a started program to call ``StartServiceCtrlDispatcher`` and report SERVICE_RUNNING; a console
program that only listens is killed after 30 s with error 1053, and it would never hear "stop" (no
SIGTERM on Windows), so the database would not be closed cleanly. The framework gives both, and the
same bundle serves: ``servicemanager.PrepareToHostSingle`` hosts the class in tessera.exe itself.

Not tried on Windows: this machine cannot run it (docs/lab-privacy.md).
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from app.lab.pipe import SERVICE_NAME

log = logging.getLogger(__name__)


def run(data_dir: Any, address: str) -> int:  # pragma: no cover  (Windows only)
    import servicemanager
    import win32event
    import win32service
    import win32serviceutil

    class LabWinService(win32serviceutil.ServiceFramework):
        _svc_name_ = SERVICE_NAME
        _svc_display_name_ = "Tessera lab service"

        def __init__(self, args: Any) -> None:
            super().__init__(args)
            self.stopped = win32event.CreateEvent(None, 0, 0, None)
            self.server: Any = None

        def SvcStop(self) -> None:  # noqa: N802  (the framework's name)
            self.ReportServiceStatus(win32service.SERVICE_STOP_PENDING)
            if self.server is not None:
                self.server.shutdown()
            win32event.SetEvent(self.stopped)

        def SvcDoRun(self) -> None:  # noqa: N802
            from app.lab.server import start

            self.server = start(data_dir, address)
            thread = threading.Thread(target=self.server.serve_forever, name="tessera-lab-pipe", daemon=True)
            thread.start()
            self.ReportServiceStatus(win32service.SERVICE_RUNNING)
            win32event.WaitForSingleObject(self.stopped, win32event.INFINITE)
            thread.join(15)
            self.server.server_close()
            self.server.service.close()  # the database closed cleanly before the process ends
            log.info("lab service stopped")

    servicemanager.Initialize()
    servicemanager.PrepareToHostSingle(LabWinService)
    servicemanager.StartServiceCtrlDispatcher()
    return 0
