"""The one rule that turns practice answers and teacher judgements into a learner's level on a skill.

In words (docs/levels.md says the same, for teachers):

1. Only *live* judgements count: not withdrawn, not deleted. With none, the level is what practice
   says (the learner model's prediction and the mastery rule of ``app.practice.engine.mastery``), unchanged.
2. Of the live judgements, the most recent one (by when it was given; ties by id, so every machine
   picks the same) is the teacher's current view: it *decides*. Earlier ones are superseded, so two
   teachers who disagree are settled by who judged last, and a teacher changes a level by judging again.
3. A judgement's level (1 Beginning, 2 Developing, 3 Secure, 4 Extending) stands for a chance of
   success on typical work: ``LEVEL_MASTERY``. Secure is exactly the mastery threshold.
4. Practice answers on the skill made *after* the deciding judgement move the level toward what
   practice says, each answer worth ``1 / JUDGEMENT_WEIGHT`` of the judgement:
   ``mastery = (W * m_judged + k * m_practice) / (W + k)`` for ``k`` answers since. With ``k = 0`` the
   judgement's own figure stands. So a fresh judgement wins over older practice, and enough new
   practice outweighs a stale judgement: the most recent evidence counts most.
5. Mastered when the combined figure reaches the mastery threshold. ``mastered_at`` (when the skill
   was first mastered) is the earliest of: practice first meeting the rule, and any live judgement at
   Secure or above.
6. A student erased has no rows at all: their answers and judgements are purged, and so are the
   derived rows (``app.practice.live.forget_student``).

Pure functions only: no database, so the rule is tested at its edges directly (tests/evidence).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = [
    "JUDGEMENT_WEIGHT",
    "LEVEL_MASTERY",
    "MASTERY_THRESHOLD",
    "Combined",
    "JudgementFact",
    "PracticeFact",
    "combine",
    "deciding",
    "level_from_score",
]

MASTERY_THRESHOLD = 0.85  # the same threshold as practice's mastery rule (app.practice.engine.mastery)
LEVEL_MASTERY: dict[int, float] = {1: 0.4, 2: 0.7, 3: MASTERY_THRESHOLD, 4: 0.95}
JUDGEMENT_WEIGHT = 5.0  # a judgement counts as much as this many practice answers made after it


@dataclass(frozen=True, slots=True)
class PracticeFact:
    """What practice alone says about one learner and skill (the practice columns of the row)."""

    mastery: float
    mastered: bool
    mastered_at: float


@dataclass(frozen=True, slots=True)
class JudgementFact:
    id: str
    level: int
    at: float
    withdrawn: bool = False
    deleted: bool = False

    @property
    def live(self) -> bool:
        return not (self.withdrawn or self.deleted) and self.level in LEVEL_MASTERY


@dataclass(frozen=True, slots=True)
class Combined:
    mastery: float
    mastered: bool
    mastered_at: float
    judged_level: int = 0  # 0: no live judgement, practice alone
    judgement_id: str = ""
    judged_at: float = 0.0


def deciding(judgements: Iterable[JudgementFact]) -> JudgementFact | None:
    """The judgement that decides: the most recent live one (ties broken by id)."""
    live = [j for j in judgements if j.live]
    return max(live, key=lambda j: (j.at, j.id)) if live else None


def combine(
    practice: PracticeFact | None, judgements: Iterable[JudgementFact], answers_after: int = 0
) -> Combined | None:
    """The level from practice and judgements; ``answers_after``: practice answers on the skill made
    after the deciding judgement. None when there is no evidence at all (no row)."""
    judgements = list(judgements)
    j = deciding(judgements)
    if j is None:
        if practice is None:
            return None
        return Combined(practice.mastery, practice.mastered, practice.mastered_at)
    m = LEVEL_MASTERY[j.level]
    k = max(0, answers_after) if practice is not None else 0
    if k and practice is not None:
        m = (JUDGEMENT_WEIGHT * m + k * practice.mastery) / (JUDGEMENT_WEIGHT + k)
    firsts = [x.at for x in judgements if x.live and LEVEL_MASTERY[x.level] >= MASTERY_THRESHOLD]
    if practice is not None and practice.mastered_at > 0:
        firsts.append(practice.mastered_at)
    return Combined(m, m >= MASTERY_THRESHOLD, min(firsts, default=0.0), j.level, j.id, j.at)


def level_from_score(score: float, score_max: float) -> int:
    """A rubric score as a level 1-4: the share of the row's points, in quarters rounded up (a 4-point
    rubric maps one to one; no points is still Beginning)."""
    if score_max <= 0:
        raise ValueError("a rubric score needs the most points the row can give")
    frac = min(max(score / score_max, 0.0), 1.0)
    return max(1, min(4, math.ceil(frac * 4 - 1e-9)))
