"""Composition root: paths -> policy -> database -> services -> (sync agent) -> UI.

``open_context`` is headless (the CLI, benchmarks and tests use it); ``run_gui`` adds the UI.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.config import Settings, load_settings
from app.people import AccountService, ProfileService, RosterService
from app.people.machine_settings import MachineSettingsService
from app.people.privacy import PrivacyService
from app.planning import planning_services
from app.planning.celebrations import CelebrationService
from app.practice.services import practice_services
from app.skills import FrameworkService
from app.store.database import Database
from app.sync.service import SyncService
from app.writing.service import writing_services

log = logging.getLogger(__name__)


@dataclass
class Services:
    accounts: AccountService
    roster: RosterService
    profiles: ProfileService
    framework: FrameworkService
    celebrations: CelebrationService
    privacy: PrivacyService
    extra: dict = field(default_factory=dict)  # capability services added by their packages
    machine: MachineSettingsService | None = None  # this computer's settings a teacher may change


@dataclass
class AppContext:
    settings: Settings
    db: Database
    services: Services
    agent: Any = None  # the sync agent, once started

    def start_sync(self) -> Any:
        """Start the background sync agent (folder from policy > user setting > machine default)."""
        from app.sync.agent import SyncAgent, folder_from_settings

        if self.agent is None:
            self.agent = SyncAgent(self.db, folder_from_settings(self.settings))
            self.agent.start()
        return self.agent

    def close(self) -> None:
        if self.agent is not None:
            self.agent.stop()
        self.db.close()


def make_services(db: Database, settings: Settings | None = None) -> Services:
    services = Services(
        accounts=AccountService(db, settings),
        roster=RosterService(db),
        profiles=ProfileService(db),
        framework=FrameworkService(db),
        celebrations=CelebrationService(db),
        privacy=PrivacyService(db),
    )
    services.machine = MachineSettingsService(db, settings)  # before anything reads a setting
    services.extra.update(planning_services(db, settings, services.profiles, services.framework,
                                            services.celebrations))
    services.extra.update(practice_services(db))
    services.extra.update(writing_services(db))
    services.extra["sync"] = SyncService(db, settings)
    return services


def setup_logging(data_dir: Path | None) -> None:
    handlers: list[logging.Handler] = [logging.StreamHandler()]
    if data_dir is not None:
        try:
            (data_dir / "logs").mkdir(parents=True, exist_ok=True)
            handlers.append(logging.FileHandler(data_dir / "logs" / "tessera.log", encoding="utf-8"))
        except OSError:
            pass  # a read-only folder is reported by the database check, not here
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s",
                        handlers=handlers, force=True)


def open_context(data_dir: str | Path | None = None, settings: Settings | None = None) -> AppContext:
    """Open the data folder: check the database, migrate with a backup, set up services."""
    settings = settings or load_settings(str(data_dir) if data_dir else None)
    db = Database.open(settings.database_path, settings.backups_dir)
    services = make_services(db, settings)  # registers derived-state rebuilds before any sync work
    from app.sync.apply import apply_pending

    apply_pending(db)  # changes held back (newer schema, missing parents) that this version can now apply
    return AppContext(settings=settings, db=db, services=services)

