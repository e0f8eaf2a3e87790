"""The learner model: on-the-fly estimates of ability, difficulty and success, from attempts alone.

Two layers, both updated after every answer:

1. An Elo-style rating model in the spirit of Math Garden (Klinkenberg, Straatemeier & van der Maas
   2011) and Pelanek's Elo variants. Its logit is ``x = ability + local - skill_difficulty - item_offset``:
   ``ability`` is the learner's general level, ``local`` is the learner-by-skill term (so a jagged
   profile is modelled, not averaged away), ``skill_difficulty`` is the class-wide difficulty of the
   skill and ``item_offset`` how much harder an item is than its skill. Every step size follows the
   uncertainty function ``K / (1 + a * n)``: it shrinks as evidence grows, so new items calibrate
   themselves from use.
2. A small logistic calibration on top (PFA-like): the probability is ``sigmoid(sum((w + w_skill) * f))``
   over features of the learner-skill history (the Elo logit, first try, last two answers, right and
   wrong streaks capped at five, practice count, and the signed length of the current run of equal
   answers on a log scale, so a long run keeps counting). Global weights learn slowly from everybody's
   answers, per-skill weights a little faster from that skill's answers. After every step the weights
   are kept where a right answer can never lower a prediction (``_keep_monotone``): a student who
   answers right must not see their figure fall. That costs about 0.002 AUC on ASSISTments 2009.

State is plain dataclasses. ``update`` mutates it in place (microseconds) and ``rebuild`` replays an
ordered list of attempts: order is ``(at, attempt_id)``, and the same ordered attempts always give
bit-identical numbers. Nothing here touches the database.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from app.practice.engine.memory import next_interval

__all__ = [
    "Attempt",
    "ItemPrior",
    "ItemState",
    "LearnerSkillState",
    "LearnerState",
    "ModelParams",
    "ModelState",
    "SkillState",
    "hshs_score",
    "is_in_order",
    "new_state",
    "order_key",
    "predict",
    "rebuild",
    "register_item",
    "target_offset",
    "update",
]

DAY = 86400.0
N_FEATURES = 9
RECENT_KEPT = 20  # answers per learner-skill kept for the mastery rule and the features (runs up to 20)


@dataclass(frozen=True, slots=True)
class Attempt:
    """One answer, as the learner model needs it. ``at`` is epoch seconds (UTC)."""

    attempt_id: str
    student_id: str
    skill_id: str
    correct: bool
    at: float
    item_id: str | None = None
    response_ms: int = 0
    time_limit_s: float = 0.0  # 0 = untimed


@dataclass(frozen=True, slots=True)
class ItemPrior:
    """An item known before it is used: its authored level (1-5) sets the starting difficulty."""

    item_id: str
    skill_id: str
    level: int = 3


@dataclass(frozen=True, slots=True)
class ModelParams:
    """Step sizes and rates. Defaults were chosen with ``benchmarks/learner_model.py`` on ASSISTments 2009.

    That data has no item ids, so ``item_k``/``item_a`` and ``level_step`` are set by judgement, not fit.
    ``initial_weights`` are where the calibration layer ends after the benchmark's training students
    (nine numbers, fitted with ``--fit-weights`` on the training students only; it keeps learning from the
    class's own answers).
    """

    ability_k: float = 0.8
    ability_a: float = 0.05
    local_k: float = 0.2
    local_a: float = 0.1
    skill_k: float = 0.1
    skill_a: float = 0.01
    item_k: float = 0.4
    item_a: float = 0.05
    calibration_rate: float = 0.001
    skill_calibration_rate: float = 0.005
    # Starting weights of the calibration layer, in feature order (see ``_features``).
    initial_weights: tuple[float, ...] = (0.24, 0.607, -0.251, 0.02, 0.006, 0.008, -0.617, 0.045, 0.013)
    level_step: float = 0.5  # prior item offset per authored level away from 3
    prerequisite_transfer: float = 0.5  # share of prerequisite skills' local terms a new skill starts with
    scoring: str = "accuracy"  # or "speed_accuracy" (Maris & van der Maas high-speed high-stakes)
    forgetting_half_life_days: float | None = None  # None: local gains do not fade with time


@dataclass(slots=True)
class LearnerSkillState:
    local: float = 0.0
    n: int = 0
    correct: int = 0
    recent: str = ""  # last answers, oldest first, "1" right "0" wrong
    first_at: float = 0.0
    last_at: float = 0.0
    review_interval_days: float = 1.0  # spacing state, see ``memory.py``


@dataclass(slots=True)
class LearnerState:
    ability: float = 0.0
    n: int = 0
    skills: dict[str, LearnerSkillState] = field(default_factory=dict)


@dataclass(slots=True)
class SkillState:
    difficulty: float = 0.0
    n: int = 0
    weights: list[float] = field(default_factory=lambda: [0.0] * N_FEATURES)


@dataclass(slots=True)
class ItemState:
    skill_id: str
    offset: float = 0.0
    n: int = 0


@dataclass(slots=True)
class ModelState:
    params: ModelParams = field(default_factory=ModelParams)
    learners: dict[str, LearnerState] = field(default_factory=dict)
    skills: dict[str, SkillState] = field(default_factory=dict)
    items: dict[str, ItemState] = field(default_factory=dict)
    weights: list[float] = field(default_factory=lambda: list(ModelParams().initial_weights))
    prerequisites: dict[str, tuple[str, ...]] = field(default_factory=dict)
    last_key: tuple[float, str] | None = None
    count: int = 0


def new_state(
    params: ModelParams | None = None, prerequisites: Mapping[str, Sequence[str]] | None = None
) -> ModelState:
    params = params or ModelParams()
    return ModelState(
        params=params,
        weights=list(params.initial_weights),
        prerequisites={k: tuple(v) for k, v in (prerequisites or {}).items()},
    )


def register_item(state: ModelState, item_id: str, skill_id: str, level: int = 3) -> ItemState:
    """Make an item known before its first use; its authored level (1-5) is the prior offset."""
    item = state.items.get(item_id)
    if item is None:
        item = state.items[item_id] = ItemState(skill_id, (level - 3) * state.params.level_step)
    return item


def order_key(attempt: Attempt) -> tuple[float, str]:
    """The one order in which attempts are applied: by time, then by id (ids break ties)."""
    return (attempt.at, attempt.attempt_id)


def is_in_order(state: ModelState, attempt: Attempt) -> bool:
    """False when the attempt sorts before one already applied (e.g. it arrived by sync): rebuild then."""
    return state.last_key is None or order_key(attempt) > state.last_key


def hshs_score(correct: bool, response_ms: int, time_limit_s: float) -> float:
    """High-speed high-stakes score (Maris & van der Maas 2012): fast right +1, fast wrong -1, slow 0."""
    limit = time_limit_s * 1000.0
    remaining = min(max(limit - response_ms, 0.0), limit)
    return (1.0 if correct else -1.0) * remaining / limit


def _sigmoid(z: float) -> float:
    if z < -35.0:
        z = -35.0
    elif z > 35.0:
        z = 35.0
    return 1.0 / (1.0 + math.exp(-z))


def _expected_hshs(x: float) -> float:
    """Expected HSHS score for logit x: coth(x) - 1/x (Langevin function), ~x/3 near 0."""
    if abs(x) < 1e-4:
        return x / 3.0
    if abs(x) > 35.0:
        return math.copysign(1.0, x) - 1.0 / x
    return 1.0 / math.tanh(x) - 1.0 / x


def _start_local(state: ModelState, learner: LearnerState | None, skill_id: str) -> float:
    """Cold start of a learner-skill term: a share of the learner's local terms on the prerequisites."""
    if learner is None:
        return 0.0
    pre = state.prerequisites.get(skill_id)
    if not pre:
        return 0.0
    seen = [learner.skills[p].local for p in pre if p in learner.skills]
    if not seen:
        return 0.0
    return state.params.prerequisite_transfer * sum(seen) / len(seen)


def _local_now(state: ModelState, ls: LearnerSkillState, now: float | None) -> float:
    hl = state.params.forgetting_half_life_days
    if hl is None or now is None or ls.n == 0 or now <= ls.last_at:
        return ls.local
    return ls.local * 0.5 ** ((now - ls.last_at) / (hl * DAY))


def _run_log(right: int, wrong: int) -> float:
    """The current run of equal answers, signed and on a log scale: +log(1 + rights), -log(1 + wrongs)."""
    return math.log1p(right) if right else -math.log1p(wrong)


def _features(x: float, ls: LearnerSkillState | None) -> list[float]:
    # Feature order is part of the model: [bias, elo logit, first try, last, second last,
    # right streak (capped 5)/5, wrong streak (capped 5)/5, log(1 + practice count),
    # signed log(1 + current run length) (runs seen up to RECENT_KEPT answers)].
    if ls is None or ls.n == 0:
        return [1.0, x, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]
    r = ls.recent
    last1 = 1.0 if r[-1] == "1" else -1.0
    last2 = (1.0 if r[-2] == "1" else -1.0) if len(r) > 1 else 0.0
    right = len(r) - len(r.rstrip("1"))
    wrong = len(r) - len(r.rstrip("0"))
    return [
        1.0, x, 0.0, last1, last2, min(right, 5) / 5.0, min(wrong, 5) / 5.0, math.log1p(ls.n), _run_log(right, wrong)
    ]  # fmt: skip


def _parts(state: ModelState, student_id: str, skill_id: str, item_id: str | None, now: float | None):
    learner = state.learners.get(student_id)
    ls = learner.skills.get(skill_id) if learner is not None else None
    skill = state.skills.get(skill_id)
    item = state.items.get(item_id) if item_id is not None else None
    ability = learner.ability if learner is not None else 0.0
    local = _local_now(state, ls, now) if ls is not None else _start_local(state, learner, skill_id)
    difficulty = skill.difficulty if skill is not None else 0.0
    offset = item.offset if item is not None else 0.0
    return learner, ls, skill, item, ability + local - difficulty - offset


def _calibrated(state: ModelState, skill: SkillState | None, f: list[float]) -> float:
    w = state.weights
    if skill is None:
        return _sigmoid(sum(w[j] * f[j] for j in range(N_FEATURES)))
    v = skill.weights
    return _sigmoid(sum((w[j] + v[j]) * f[j] for j in range(N_FEATURES)))


def predict(
    state: ModelState, student_id: str, skill_id: str, item_id: str | None = None, now: float | None = None
) -> float:
    """Probability that the learner answers right. Without ``item_id``: an item of typical difficulty.

    The hot path of selection (a hundred calls per choice), so ``_parts``, ``_features`` and
    ``_calibrated`` are written out here: same terms, added in the same order, so the result is
    bit-identical to theirs (terms whose feature is 0 are skipped: adding 0.0 changes nothing).
    """
    learner = state.learners.get(student_id)
    ls = learner.skills.get(skill_id) if learner is not None else None
    skill = state.skills.get(skill_id)
    if ls is not None:
        local = ls.local if state.params.forgetting_half_life_days is None else _local_now(state, ls, now)
    else:
        local = _start_local(state, learner, skill_id)
    x = (
        (learner.ability if learner is not None else 0.0)
        + local
        - (skill.difficulty if skill is not None else 0.0)
    )
    if item_id is not None:
        item = state.items.get(item_id)
        x -= item.offset if item is not None else 0.0
    w = state.weights
    if skill is not None:
        v = skill.weights
        c = [w[0] + v[0], w[1] + v[1], w[2] + v[2], w[3] + v[3], w[4] + v[4], w[5] + v[5], w[6] + v[6], w[7] + v[7],
             w[8] + v[8]]  # fmt: skip
    else:
        c = w
    if ls is None or ls.n == 0:
        z = c[0] * 1.0 + c[1] * x + c[2] * 1.0
    else:
        r = ls.recent
        last1 = 1.0 if r[-1] == "1" else -1.0
        last2 = (1.0 if r[-2] == "1" else -1.0) if len(r) > 1 else 0.0
        right = len(r) - len(r.rstrip("1"))
        wrong = len(r) - len(r.rstrip("0"))
        z = c[0] * 1.0 + c[1] * x
        z += c[3] * last1
        if last2:
            z += c[4] * last2
        if right:
            z += c[5] * (min(right, 5) / 5.0)
        if wrong:
            z += c[6] * (min(wrong, 5) / 5.0)
        z += c[7] * math.log1p(ls.n)
        z += c[8] * (math.log1p(right) if right else -math.log1p(wrong))
    return _sigmoid(z)


def target_offset(
    state: ModelState, student_id: str, skill_id: str, target: float, now: float | None = None
) -> float:
    """The item offset at which the predicted success equals ``target`` (selection bisects to it)."""
    _, ls, skill, _, x = _parts(state, student_id, skill_id, None, now)
    f = _features(x, ls)
    w = state.weights
    v = skill.weights if skill is not None else [0.0] * N_FEATURES
    slope = w[1] + v[1]
    if slope < 0.05:  # a degenerate calibration must not fling the target to the end of the scale
        slope = 1.0
    rest = sum((w[j] + v[j]) * f[j] for j in range(N_FEATURES) if j != 1)
    target = min(max(target, 0.01), 0.99)
    # sigmoid(rest + slope * (x - offset)) == target, solved for offset.
    return x - (math.log(target / (1.0 - target)) - rest) / slope


# Signs that make a right answer never lower the prediction (and a wrong one lower it), whatever the
# history: with them every feature moves the right way when "1" is appended (see ``_features``).
_AT_LEAST_0 = (1, 4, 5, 7, 8)  # elo logit, second last, right streak, practice count, run length
_AT_MOST_0 = (2, 6)  # first try, wrong streak


def _keep_monotone(w: list[float], v: list[float]) -> None:
    """Project the global weights ``w`` and the skill's combined weights ``w + v`` onto the monotone
    region: the signs above, and last >= second last (a right answer after a wrong one turns
    ``last`` up by two and may turn ``second last`` down by two). Fitted freely, the weights
    trade the streak and run features against each other and a student could see their mastery
    fall after a right answer."""
    for j in _AT_LEAST_0:
        w[j] = max(w[j], 0.0)
        if w[j] + v[j] < 0.0:
            v[j] = -w[j]
    for j in _AT_MOST_0:
        w[j] = min(w[j], 0.0)
        if w[j] + v[j] > 0.0:
            v[j] = -w[j]
    w[3] = max(w[3], w[4])
    if w[3] + v[3] < w[4] + v[4]:
        v[3] = w[4] + v[4] - w[3]


def update(state: ModelState, attempt: Attempt) -> float:
    """Apply one attempt in place; return the prediction made *before* seeing it."""
    p = state.params
    sid, kid, iid = attempt.student_id, attempt.skill_id, attempt.item_id
    learner, ls, skill, item, x = _parts(state, sid, kid, iid, attempt.at)
    if learner is None:
        learner = state.learners[sid] = LearnerState()
    if skill is None:
        skill = state.skills[kid] = SkillState()
    if ls is None:
        ls = learner.skills[kid] = LearnerSkillState(
            local=_start_local(state, learner, kid), first_at=attempt.at
        )
    elif p.forgetting_half_life_days is not None:
        ls.local = _local_now(state, ls, attempt.at)
    if iid is not None and item is None:
        item = state.items[iid] = ItemState(kid)

    f = _features(x, ls)
    prob = _calibrated(state, skill, f)
    y = 1.0 if attempt.correct else 0.0

    # Calibration layer: one SGD step on the log-loss.
    g = y - prob
    w, v = state.weights, skill.weights
    gr, sr = p.calibration_rate * g, p.skill_calibration_rate * g
    for j in range(N_FEATURES):
        w[j] += gr * f[j]
        v[j] += sr * f[j]
    _keep_monotone(w, v)

    # Rating layer: Elo steps with uncertainty-shrinking K.
    if p.scoring == "speed_accuracy" and attempt.time_limit_s > 0 and attempt.response_ms > 0:
        e = hshs_score(attempt.correct, attempt.response_ms, attempt.time_limit_s) - _expected_hshs(x)
    else:
        e = y - _sigmoid(x)
    learner.ability += p.ability_k / (1.0 + p.ability_a * learner.n) * e
    learner.n += 1
    ls.local += p.local_k / (1.0 + p.local_a * ls.n) * e
    skill.difficulty -= p.skill_k / (1.0 + p.skill_a * skill.n) * e
    skill.n += 1
    if item is not None:
        item.offset -= p.item_k / (1.0 + p.item_a * item.n) * e
        item.n += 1

    ls.review_interval_days = next_interval(
        ls.review_interval_days, ls.last_at if ls.n else None, attempt.at, attempt.correct
    )
    ls.n += 1
    ls.correct += attempt.correct
    ls.recent = (ls.recent + ("1" if attempt.correct else "0"))[-RECENT_KEPT:]
    ls.last_at = attempt.at
    key = order_key(attempt)
    if state.last_key is None or key > state.last_key:
        state.last_key = key
    state.count += 1
    return prob


def rebuild(
    attempts: Iterable[Attempt],
    items: Iterable[ItemPrior] = (),
    prerequisites: Mapping[str, Sequence[str]] | None = None,
    params: ModelParams | None = None,
) -> ModelState:
    """Derive the whole state from the attempt log. Items are registered first so priors apply."""
    state = new_state(params, prerequisites)
    for it in sorted(items, key=lambda i: i.item_id):
        register_item(state, it.item_id, it.skill_id, it.level)
    for a in sorted(attempts, key=order_key):
        update(state, a)
    return state
