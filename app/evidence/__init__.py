"""Evidence of learning beyond practice: teacher judgements of skills from work, and the one rule that
combines them with practice answers into the level teachers and students see.

- ``combine``: the rule (pure; docs/levels.md says it in words).
- ``levels``: the derived rows in ``learner_skill_state``, written from practice rows and judgements.
- ``derived``: rebuilding all derived state from synced rows, and paying a rebuild owed after a crash.
- ``service``: giving, withdrawing and reading judgements, with permission checks.
"""
