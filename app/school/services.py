"""The school's services as one group: ``ctx.services.school.<name>`` (one field in bootstrap)."""

from __future__ import annotations

from dataclasses import dataclass

from app.planning.challenges import ChallengeService
from app.school.framework import FrameworkVersionService
from app.school.library import LibraryService
from app.school.measures import MeasureService
from app.school.notes import NoteService
from app.school.overview import OverviewService
from app.school.staff import StaffService
from app.school.teams import SchoolTeamService
from app.store.database import Database


@dataclass
class SchoolServices:
    staff: StaffService  # leaders' and teachers' accounts, co-teachers
    notes: NoteService  # each teacher's own notes, shared by choice
    measures: MeasureService  # the school's success measures and their targets per term
    overview: OverviewService  # the leader's school overview; a teacher's class against the measures
    library: LibraryService  # tasks, challenges, rubrics, question sets shared with colleagues
    teams: SchoolTeamService  # teams across classes for a school-wide challenge
    frameworks: FrameworkVersionService  # versions, adoption by domain, local skills, roll-up reports


def make_school_services(db: Database) -> SchoolServices:
    measures = MeasureService(db)
    return SchoolServices(
        staff=StaffService(db),
        notes=NoteService(db),
        measures=measures,
        overview=OverviewService(db, measures),
        library=LibraryService(db, ChallengeService(db)),  # stateless: copies of challenges go through it
        teams=SchoolTeamService(db),
        frameworks=FrameworkVersionService(db),
    )
