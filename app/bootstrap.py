"""Composition root: paths -> policy -> database -> services -> (sync agent) -> UI.

``open_context`` is headless (the CLI, benchmarks and tests use it); ``run_gui`` adds the UI.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.config import Settings, load_settings
from app.evidence.derived import install_sync_hook as install_judgement_rebuild
from app.evidence.service import JudgementService
from app.interop.export_service import ExportService
from app.interop.roster_service import RosterImportService
from app.people import AccountService, ProfileService, RosterService
from app.people.celebrations import CelebrationService
from app.people.class_pins import ClassPinService
from app.people.machine_settings import MachineSettingsService
from app.people.privacy import PrivacyService
from app.planning.attention import AttentionService
from app.planning.challenges import ChallengeService
from app.planning.checkins import CheckInService
from app.planning.plans import PlanService
from app.planning.reports import ReportService
from app.planning.team_work import TeamWorkService
from app.planning.what_next import WhatNextService
from app.practice.services import ClassPracticeService, PracticeService, practice_services
from app.school.services import SchoolServices, make_school_services
from app.skills import FrameworkService
from app.store.database import Database
from app.sync.service import SyncService
from app.trust.service import TrustService
from app.writing.service import WritingService

log = logging.getLogger(__name__)


@dataclass
class Services:
    """Every service the app offers, one typed field each; the UI reaches them as
    ``ctx.services.<name>``. A new service: a field here and a line in ``make_services``."""

    accounts: AccountService
    roster: RosterService
    profiles: ProfileService
    framework: FrameworkService
    celebrations: CelebrationService
    privacy: PrivacyService
    plans: PlanService
    challenges: ChallengeService
    team_work: TeamWorkService
    checkins: CheckInService
    what_next: WhatNextService
    reports: ReportService
    attention: AttentionService
    practice: PracticeService  # a student's practice sessions
    practice_class: ClassPracticeService  # the teacher's views of practice
    writing: WritingService
    sync: SyncService
    roster_import: RosterImportService  # class lists in (issue 17)
    exports: ExportService  # results out: gradebook, skills CSV, xAPI, QTI, CASE
    judgements: JudgementService  # teachers' levels from work (issue 16)
    class_pins: ClassPinService  # PINs for a whole class at once, for sign-in cards
    trust: TrustService  # signed sync: devices, enrolment, refused changes (issue 13)
    machine: MachineSettingsService  # this computer's settings a teacher may change (not students)
    school: SchoolServices  # the school as a whole: leaders, co-teachers, library, framework (issue 21)


@dataclass
class AppContext:
    settings: Settings
    db: Database
    services: Services
    agent: Any = None  # the sync agent, once started

    def start_sync(self) -> Any:
        """Start the background sync agent (folder and school server from policy > user setting >
        machine default)."""
        from app.sync.agent import SyncAgent, folder_from_settings
        from app.sync.targets import server_from_settings

        if self.agent is None:
            self.agent = SyncAgent(
                self.db, folder_from_settings(self.settings), server=server_from_settings(self.settings)
            )
            self.agent.start()
        return self.agent

    def close(self) -> None:
        if self.agent is not None:
            self.agent.stop()
        self.db.close()


def make_services(db: Database, settings: Settings | None = None) -> Services:
    profiles, framework, celebrations = ProfileService(db), FrameworkService(db), CelebrationService(db)
    plans = PlanService(db)
    checkins = CheckInService(db, settings)
    practice, practice_class = practice_services(db)  # also subscribes the learner model to changes
    install_judgement_rebuild()  # levels are combined again when judgements arrive by sync
    machine = MachineSettingsService(db, settings)  # before anything reads a setting
    return Services(
        accounts=AccountService(db, settings),
        roster=RosterService(db),
        profiles=profiles,
        framework=framework,
        celebrations=celebrations,
        privacy=PrivacyService(db),
        plans=plans,
        challenges=ChallengeService(db),
        team_work=TeamWorkService(db, settings.files_dir if settings is not None else None),
        checkins=checkins,
        what_next=WhatNextService(db, checkins),
        reports=ReportService(db, plans, profiles, framework, celebrations),
        attention=AttentionService(db, plans),
        practice=practice,
        practice_class=practice_class,
        writing=WritingService(db),
        sync=SyncService(db, settings),
        roster_import=RosterImportService(db),
        exports=ExportService(db),
        judgements=JudgementService(db),
        class_pins=ClassPinService(db),
        trust=TrustService(db, settings),
        machine=machine,
        school=make_school_services(db),
    )


def setup_logging(data_dir: Path | None) -> None:
    handlers: list[logging.Handler] = [logging.StreamHandler()]
    if data_dir is not None:
        try:
            (data_dir / "logs").mkdir(parents=True, exist_ok=True)
            handlers.append(logging.FileHandler(data_dir / "logs" / "tessera.log", encoding="utf-8"))
        except OSError:
            pass  # a read-only folder is reported by the database check, not here
    logging.basicConfig(
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        handlers=handlers,
        force=True,
    )


def open_context(data_dir: str | Path | None = None, settings: Settings | None = None) -> AppContext:
    """Open the data folder: check the database, migrate with a backup, set up services."""
    settings = settings or load_settings(str(data_dir) if data_dir else None)
    db = Database.open(settings.database_path, settings.backups_dir)
    from app.identity import pin_key

    # PINs peppered with the school's key (issue 19); a lab machine makes one at its first start.
    db.pin_keys = pin_key.load(settings.data_dir, create=settings.lab_mode)
    services = make_services(db, settings)  # registers derived-state rebuilds before any sync work
    from app.sync.apply import apply_pending

    apply_pending(db)  # changes held back (newer schema, missing parents) that this version can now apply
    from app.evidence.derived import pay_owed

    pay_owed(db)  # a sync committed changes but died before rebuilding derived state: rebuild it now
    return AppContext(settings=settings, db=db, services=services)
