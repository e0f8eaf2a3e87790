"""Shared words and scales of the planning package: the self-assessment levels, goal paths,
plan and checkpoint states. The UI translates the labels; services only store the keys."""

from __future__ import annotations

# The level scale students assess themselves against (0 = not assessed yet).
LEVELS: dict[int, tuple[str, str]] = {
    1: ("Beginning", "I am starting out and need help with most steps."),
    2: ("Developing", "I can do some of it, with help or a worked example."),
    3: ("Secure", "I can do it on my own, most of the time."),
    4: ("Extending", "I can explain it, teach it, or use it in something new."),
}

PATHS: dict[str, str] = {
    "practice": "Practice",
    "project": "A project",
    "writing": "Writing",
}

PLAN_STATUSES = ("draft", "submitted", "approved", "changes_suggested")
GOAL_STATUSES = ("active", "met", "dropped")
CHECKPOINT_STATUSES = ("not_started", "in_progress", "done")
SCOPES = ("class", "grade", "school")

# Pace of a goal or a plan, as the teacher's overview shows it.
PACE_LABELS: dict[str, str] = {
    "on_track": "On track",
    "behind": "Behind",
    "done": "Done",
    "no_plan": "No plan yet",
}

# A skill counts as mastered at this predicted success; progress towards it is mastery / target.
MASTERY_TARGET = 0.85

MAX_GOALS = 5
MAX_MILESTONES = 8
MAX_TEXT = 2000
