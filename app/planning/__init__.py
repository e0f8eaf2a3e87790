"""Plans, goals, challenges, check-ins, celebrations and "what next".

Services (each takes the acting user first, checks permission, does one unit of work):
- ``PlanService``: a student's plan, goal suggestions, self-assessment, evidence; the teacher's
  feedback, approval and class overview (on track / behind / done).
- ``ChallengeService``: challenges from scratch or a template, teams (with suggestions), the board.
- ``TeamWorkService``: checkpoint status, progress notes, reflections, attached files, rubric scores.
- ``CheckInService``: mood and energy check-ins, the class trend and the quiet low-mood flag.
- ``WhatNextService``: the student's ranked "what next", each with its reason.
- ``ReportService``: a student's progress report (data for the PDF) and the class summary CSV.
- ``CelebrationService``: wins, automatic and by hand.
- ``AttentionService``: for the roster, who is stuck in practice, behind on their plan, or waiting
  for feedback on an essay.

Pure functions with no database: ``progress`` (goal progress and pace), ``suggest`` (goal ideas),
``teams`` (team suggestions), ``next_steps`` (the ranking rules), ``attachments`` (file checks).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.store.database import Database


def planning_services(db: Database, settings: Any = None, profiles: Any = None, framework: Any = None,
                      celebrations: Any = None) -> dict[str, Any]:
    """The planning services for ``Services.extra``, keyed "plans", "challenges", "team_work",
    "checkins", "what_next", "reports" and "attention"."""
    from app.people.profiles import ProfileService
    from app.planning.attention import AttentionService
    from app.planning.celebrations import CelebrationService
    from app.planning.challenges import ChallengeService
    from app.planning.checkins import CheckInService
    from app.planning.plans import PlanService
    from app.planning.reports import ReportService
    from app.planning.team_work import TeamWorkService
    from app.planning.what_next import WhatNextService
    from app.skills import FrameworkService

    plans = PlanService(db)
    checkins = CheckInService(db, settings)
    files_dir = getattr(settings, "files_dir", None) if settings is not None else None
    return {
        "plans": plans,
        "challenges": ChallengeService(db),
        "team_work": TeamWorkService(db, files_dir),
        "checkins": checkins,
        "what_next": WhatNextService(db, checkins),
        "reports": ReportService(db, plans, profiles or ProfileService(db), framework or FrameworkService(db),
                                 celebrations or CelebrationService(db)),
        "attention": AttentionService(db, plans),
    }
