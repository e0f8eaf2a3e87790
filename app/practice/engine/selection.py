"""Choosing the next item: near a target success rate, mixing focus, review and a little variety.

The index buckets items by skill and keeps each bucket sorted by the item's offset from its skill's
typical difficulty. For a learner and skill the learner model gives the offset at which the predicted
success equals the target (``target_offset``), and a bisect finds the nearest items, so a choice costs
O(log n) whatever the size of the bank.

Which skill: a weighted draw between *review* (a practised skill whose spacing interval has run out,
most overdue first), *focus* (the learner's plan; a focus skill whose prerequisites are not yet in
place is approached through them) and *variety* (another skill whose prerequisites are in place).
With no plan, the focus share goes to the *next step*: a ready skill not yet mastered (by the mastery
rule teacher and student see, so a skill the student has just mastered is not one) whose predicted success
is closest to the target (class data sets a new skill's difficulty, prerequisites the start).
The same item is never given twice in a row, and recent items are avoided while others exist.
"""

from __future__ import annotations

import bisect
import random
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from app.i18n import _
from app.practice.engine.learner_model import ModelState, predict, target_offset
from app.practice.engine.mastery import rule_holds
from app.practice.engine.memory import due_info
from app.practice.engine.tracking import RULE

__all__ = ["IndexedItem", "ItemIndex", "Mix", "Selection", "SelectionRequest", "select_next", "skill_ready"]

READY_PROBABILITY = 0.70  # a prerequisite counts as in place at this predicted success ...
READY_ATTEMPTS = 3  # ... after at least this many answers
REVIEW_MIN_ATTEMPTS = 3
NEAREST = 2  # choose between this many items nearest the target


@dataclass(frozen=True, slots=True)
class Mix:
    """Shares of the draw; a share whose pool is empty passes to the others."""

    focus: float = 0.6
    review: float = 0.3
    variety: float = 0.1


@dataclass(frozen=True, slots=True)
class SelectionRequest:
    student_id: str
    now: float
    focus_skills: Mapping[str, float] = field(default_factory=dict)  # skill id -> weight, from the plan
    target: float = 0.75
    recent_item_ids: Sequence[str] = ()  # most recent last
    allowed_skills: Collection[str] | None = None  # None: every skill in the index
    skill_names: Mapping[str, str] = field(default_factory=dict)
    mix: Mix = field(default_factory=Mix)
    seed: int = 0  # same request and seed, same choice


@dataclass(frozen=True, slots=True)
class Selection:
    item_id: str
    skill_id: str
    purpose: str  # "review" | "focus" | "prerequisite" | "variety" | "next step"
    predicted: float  # predicted chance of a right answer
    reason: str  # plain words for the student and teacher


@dataclass(frozen=True, slots=True)
class IndexedItem:
    item_id: str
    skill_id: str
    offset: float  # difficulty relative to the skill's typical item


class ItemIndex:
    """Items bucketed by skill, each bucket sorted by offset. Rebuild it when estimates move a lot."""

    def __init__(self, items: Iterable[IndexedItem]):
        buckets: dict[str, list[tuple[float, str]]] = {}
        self.skill_of: dict[str, str] = {}
        for it in items:
            buckets.setdefault(it.skill_id, []).append((it.offset, it.item_id))
            self.skill_of[it.item_id] = it.skill_id
        self._offsets: dict[str, list[float]] = {}
        self._ids: dict[str, list[str]] = {}
        for skill, rows in buckets.items():
            rows.sort()
            self._offsets[skill] = [r[0] for r in rows]
            self._ids[skill] = [r[1] for r in rows]
        self.skills: tuple[str, ...] = tuple(sorted(buckets))

    @classmethod
    def from_state(cls, state: ModelState, item_ids: Iterable[str] | None = None) -> ItemIndex:
        ids = state.items.keys() if item_ids is None else item_ids
        return cls(
            IndexedItem(i, state.items[i].skill_id, state.items[i].offset) for i in ids if i in state.items
        )

    def __len__(self) -> int:
        return len(self.skill_of)

    def put(self, item_id: str, skill_id: str, offset: float) -> None:
        """Add an item, or move it to its new offset (O(bucket size): an answer moves one item)."""
        if item_id in self.skill_of:
            self.remove(item_id)
        offs = self._offsets.setdefault(skill_id, [])
        ids = self._ids.setdefault(skill_id, [])
        at = bisect.bisect_left(offs, offset)
        while at < len(offs) and offs[at] == offset and ids[at] < item_id:
            at += 1  # the same order a fresh index gives: by offset, then id
        offs.insert(at, offset)
        ids.insert(at, item_id)
        self.skill_of[item_id] = skill_id
        if skill_id not in self.skills:
            self.skills = tuple(sorted((*self.skills, skill_id)))

    def remove(self, item_id: str) -> None:
        skill_id = self.skill_of.pop(item_id, None)
        if skill_id is None:
            return
        ids = self._ids[skill_id]
        at = ids.index(item_id)
        del ids[at]
        del self._offsets[skill_id][at]
        if not ids:
            del self._ids[skill_id], self._offsets[skill_id]
            self.skills = tuple(s for s in self.skills if s != skill_id)

    def count(self, skill_id: str) -> int:
        return len(self._ids.get(skill_id, ()))

    def nearest(
        self, skill_id: str, offset: float, avoid: Collection[str], last: str | None, k: int
    ) -> list[str]:
        """Up to ``k`` items of the skill nearest ``offset``; ``avoid`` only if nothing else, never ``last``."""
        offs = self._offsets.get(skill_id)
        if not offs:
            return []
        ids = self._ids[skill_id]
        lo = bisect.bisect_left(offs, offset)
        hi = lo
        found: list[str] = []
        fallback: list[str] = []
        while (lo > 0 or hi < len(offs)) and len(found) < k:
            # step towards whichever neighbour is nearer the target; ends within len(avoid) + k + 1 steps
            if hi < len(offs) and (lo == 0 or offs[hi] - offset <= offset - offs[lo - 1]):
                cand = ids[hi]
                hi += 1
            else:
                lo -= 1
                cand = ids[lo]
            if cand == last:
                continue
            if cand in avoid:
                if len(fallback) < k:
                    fallback.append(cand)
                continue
            found.append(cand)
        return found or fallback


def _in_place(state: ModelState, student_id: str, skill_id: str, now: float | None) -> bool:
    learner = state.learners.get(student_id)
    ls = learner.skills.get(skill_id) if learner is not None else None
    return (
        ls is not None
        and ls.n >= READY_ATTEMPTS
        and predict(state, student_id, skill_id, None, now) >= READY_PROBABILITY
    )


def skill_ready(
    state: ModelState,
    student_id: str,
    skill_id: str,
    now: float | None = None,
    among: Collection[str] | None = None,
) -> bool:
    """Every prerequisite practised enough and predicted right at least ``READY_PROBABILITY``.

    Prerequisites outside ``among`` (skills with no items to practise) are not asked for.
    """
    return all(
        _in_place(state, student_id, pre, now)
        for pre in state.prerequisites.get(skill_id, ())
        if among is None or pre in among
    )


class _Memo:
    """One learner's predictions within one selection: each skill is predicted at most once (a choice
    over a hundred skills asks for the same prerequisites many times)."""

    __slots__ = ("among", "learner", "now", "p", "readiness", "state", "student")

    def __init__(self, state: ModelState, student_id: str, now: float, among: Collection[str]) -> None:
        self.state, self.student, self.now, self.among = state, student_id, now, among
        self.learner = state.learners.get(student_id)
        self.p: dict[str, float] = {}
        self.readiness: dict[str, bool] = {}

    def predict(self, skill_id: str) -> float:
        v = self.p.get(skill_id)
        if v is None:
            v = self.p[skill_id] = predict(self.state, self.student, skill_id, None, self.now)
        return v

    def in_place(self, skill_id: str) -> bool:
        ls = self.learner.skills.get(skill_id) if self.learner is not None else None
        return ls is not None and ls.n >= READY_ATTEMPTS and self.predict(skill_id) >= READY_PROBABILITY

    def ready(self, skill_id: str) -> bool:
        v = self.readiness.get(skill_id)
        if v is None:
            among = self.among
            v = self.readiness[skill_id] = all(
                self.in_place(pre) for pre in self.state.prerequisites.get(skill_id, ()) if pre in among
            )
        return v


def _name(req: SelectionRequest, skill_id: str) -> str:
    return req.skill_names.get(skill_id, skill_id)


def _days(d: float) -> str:
    n = round(d)
    return _("yesterday") if n <= 1 else _("%n days ago", n=n)


def _review_pool(
    state: ModelState, req: SelectionRequest, skills: Collection[str]
) -> list[tuple[float, str, float]]:
    learner = state.learners.get(req.student_id)
    if learner is None:
        return []
    pool = []
    for skill_id, ls in learner.skills.items():
        if ls.n < REVIEW_MIN_ATTEMPTS or skill_id not in skills:
            continue
        due = due_info(ls.last_at, ls.review_interval_days, req.now)
        if due.is_due:
            pool.append((due.overdue_ratio, skill_id, due.days_since))
    pool.sort(key=lambda r: (-r[0], r[1]))
    return pool


def _approach(
    state: ModelState, req: SelectionRequest, skill_id: str, skills: Collection[str], memo: _Memo
) -> str:
    """A focus skill itself, or (for a learner who has not started it) its first prerequisite not in place."""
    learner = state.learners.get(req.student_id)
    seen = {skill_id}
    current = skill_id
    for _x in range(6):
        started = learner is not None and current in learner.skills
        if started or memo.ready(current):
            return current
        nxt = next(
            (
                pre
                for pre in state.prerequisites.get(current, ())
                if pre in skills and pre not in seen and not memo.in_place(pre)
            ),
            None,
        )
        if nxt is None:
            return current
        seen.add(nxt)
        current = nxt
    return current


def _pick_weighted(rng: random.Random, options: list[tuple[str, float]]) -> str | None:
    total = sum(w for _, w in options)
    if total <= 0:
        return None
    r = rng.random() * total
    for key, w in options:
        r -= w
        if r < 0:
            return key
    return options[-1][0]


def select_next(state: ModelState, index: ItemIndex, req: SelectionRequest) -> Selection | None:
    """The next item for the learner, or None when the index has nothing but the last item."""
    rng = random.Random(req.seed)
    allowed = None if req.allowed_skills is None else set(req.allowed_skills)
    skills = [s for s in index.skills if allowed is None or s in allowed]
    last = req.recent_item_ids[-1] if req.recent_item_ids else None
    avoid = set(req.recent_item_ids)
    for purpose, skill_id, reason in _plans(state, index, req, skills, rng, last):
        offset = target_offset(state, req.student_id, skill_id, req.target, req.now)
        cands = index.nearest(skill_id, offset, avoid, last, NEAREST)
        if not cands:
            continue
        item_id = cands[0] if len(cands) == 1 or rng.random() < 0.6 else cands[1]
        return Selection(
            item_id, skill_id, purpose, predict(state, req.student_id, skill_id, item_id, req.now), reason
        )
    return None


def _plans(
    state: ModelState,
    index: ItemIndex,
    req: SelectionRequest,
    skills: list[str],
    rng: random.Random,
    last: str | None,
) -> Iterator[tuple[str, str, str]]:
    """(purpose, skill, reason) in the order to try; lazy, so fallbacks cost nothing when not needed."""
    skill_set = set(skills)
    memo = _Memo(state, req.student_id, req.now, skill_set)
    last_skill = index.skill_of.get(last) if last is not None else None
    focus = [(s, w) for s, w in sorted(req.focus_skills.items()) if s in skill_set and w > 0]
    mix = req.mix
    draw = rng.random() * (mix.focus + mix.review + mix.variety)
    if draw < mix.review:
        order = ("review", "focus", "variety")
    elif draw < mix.review + mix.focus:
        order = ("focus", "review", "variety")
    else:
        order = ("variety", "focus", "review")
    for kind in order:
        if kind == "review":
            review = _review_pool(state, req, skill_set)
            if review:
                pick = (
                    review[1]
                    if review[0][1] == last_skill and len(review) > 1 and rng.random() < 0.5
                    else review[0]
                )
                _x, s, days = pick
                yield (
                    "review",
                    s,
                    _("Review: {name} was last practised {days}.", name=_name(req, s), days=_days(days)),
                )
        elif kind == "focus" and focus:
            weighted = [(s, w * (0.5 if s == last_skill and len(focus) > 1 else 1.0)) for s, w in focus]
            chosen = _pick_weighted(rng, weighted)
            if chosen is not None:
                step = _approach(state, req, chosen, skill_set, memo)
                if step == chosen:
                    yield "focus", chosen, _("Your focus: {name} is in your plan.", name=_name(req, chosen))
                else:
                    yield (
                        "prerequisite",
                        step,
                        (
                            _(
                                "Building up: {name} comes before {name2}, which is in your plan.",
                                name=_name(req, step),
                                name2=_name(req, chosen),
                            )
                        ),
                    )
        elif kind == "focus":
            nxt = _next_step(state, req, skills, rng, memo)
            if nxt is not None:
                yield nxt
        else:
            fset = {s for s, _x in focus}
            pool = [s for s in skills if s not in fset and s != last_skill and memo.ready(s)]
            if pool:
                s = pool[rng.randrange(len(pool))]
                yield "variety", s, _("Variety: a change to {name}.", name=_name(req, s))
    nxt = _next_step(state, req, skills, rng, memo)
    if nxt is not None:
        yield nxt
    for s in skills:
        yield "variety", s, _("Variety: a change to {name}.", name=_name(req, s))


def _next_step(
    state: ModelState, req: SelectionRequest, skills: Sequence[str], rng: random.Random, memo: _Memo
):
    """Without a plan: a ready skill not yet secure, predicted closest to the target (top three, drawn).

    Secure means mastered by the rule that teacher and student see (``RULE``: predicted success, answers
    and recent ones right), so a skill shown as mastered is not offered as a next step, and one that looks
    easy but has too little evidence (a skill the class finds easy, not yet tried) still is."""
    learner = state.learners.get(req.student_id)
    scored = []
    for s in skills:
        if not memo.ready(s):
            continue
        p = memo.predict(s)
        ls = learner.skills.get(s) if learner is not None else None
        if ls is not None and rule_holds(RULE, p, ls.n, ls.recent):
            continue  # mastered: review brings it back when due
        scored.append((abs(p - req.target), s))
    if not scored:
        return None
    scored.sort()
    s = scored[rng.randrange(min(3, len(scored)))][1]
    started = learner is not None and s in learner.skills
    if started:
        return ("next step", s, _("Next step: {name} is ready for more practice.", name=_name(req, s)))
    if state.prerequisites.get(s):
        return ("next step", s, _("Next step: the skills before {name} are in place.", name=_name(req, s)))
    return ("next step", s, _("Starting point: {name} needs no earlier skills.", name=_name(req, s)))
