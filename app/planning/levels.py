"""Shared words and scales of the planning package: the self-assessment levels, goal paths,
plan and checkpoint states. The UI translates the labels; services only store the keys."""

from __future__ import annotations

from app.i18n import _

# The level scale students assess themselves against (0 = not assessed yet).
LEVELS: dict[int, tuple[str, str]] = {
    1: (_("Beginning"), _("I am starting out and need help with most steps.")),
    2: (_("Developing"), _("I can do some of it, with help or a worked example.")),
    3: (_("Secure"), _("I can do it on my own, most of the time.")),
    4: (_("Extending"), _("I can explain it, teach it, or use it in something new.")),
}

PATHS: dict[str, str] = {
    "practice": _("Practice"),
    "project": _("A project"),
    "writing": _("Writing"),
}

PLAN_STATUSES = ("draft", "submitted", "approved", "changes_suggested")
GOAL_STATUSES = ("active", "met", "dropped")
CHECKPOINT_STATUSES = ("not_started", "in_progress", "done")
SCOPES = ("class", "grade", "school")

# Pace of a goal or a plan, as the teacher's overview shows it.
PACE_LABELS: dict[str, str] = {
    "on_track": _("On track"),
    "behind": _("Behind"),
    "done": _("Done"),
    "no_plan": _("No plan yet"),
}

# A skill counts as mastered at this predicted success; progress towards it is mastery / target.
MASTERY_TARGET = 0.85

MAX_GOALS = 5
MAX_MILESTONES = 8
MAX_TEXT = 2000
