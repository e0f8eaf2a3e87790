"""The school's success measures: leaders pick measures and set a target per term; every teacher sees
their class against them. The measures read a class's figures (``figures.py``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select

from app.errors import InvalidInput
from app.i18n import N_, _
from app.models import SuccessMeasure
from app.models.base import partition_key
from app.people.actor import Actor
from app.school.access import require_leader, require_staff
from app.school.figures import ClassFigures
from app.store.database import Database


@dataclass(frozen=True)
class MeasureDef:
    key: str
    label: str
    unit: str
    higher_is_better: bool
    value: Callable[[ClassFigures], float | None]


def _pct(x: float) -> float:
    return round(100 * x, 1)


MEASURES: dict[str, MeasureDef] = {
    m.key: m
    for m in (
        MeasureDef("mastery", N_("Skills mastered"), "%", True, lambda f: _pct(f.mastery)),
        MeasureDef("plans_on_track", N_("Plans on track"), "%", True, lambda f: _pct(f.plans_on_track_share)),
        MeasureDef(
            "practice_minutes",
            N_("Practice a week"),
            "min",
            True,
            lambda f: round(f.minutes_per_student_week, 1),
        ),
        MeasureDef(
            "feedback_days", N_("Writing feedback within"), N_("days"), False, lambda f: f.feedback_days
        ),
        MeasureDef(
            "challenge_completion",
            N_("Challenge checkpoints done"),
            "%",
            True,
            lambda f: _pct(f.challenge_completion),
        ),  # fmt: skip
    )
}


@dataclass(frozen=True)
class Target:
    id: str
    measure: str
    label: str
    unit: str
    term: str
    target: float
    higher_is_better: bool


@dataclass(frozen=True)
class MeasureResult:
    measure: str
    label: str
    unit: str
    target: float
    value: float | None
    met: bool | None  # None: no value yet


def result(t: Target, f: ClassFigures) -> MeasureResult:
    v = MEASURES[t.measure].value(f)
    met = None if v is None else (v >= t.target if t.higher_is_better else v <= t.target)
    return MeasureResult(t.measure, t.label, t.unit, t.target, v, met)


class MeasureService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def set_target(self, actor: Actor, measure: str, term: str, target: float) -> Target:
        """Pick a measure for a term (or change its target): one target per measure and term."""
        require_leader(actor)
        if measure not in MEASURES:
            raise InvalidInput(_("Pick one of the school's measures."))
        if not term or "-T" not in term:
            raise InvalidInput(_("Say which term, such as 2026-T1."))
        if not 0 <= float(target) <= 10_000:
            raise InvalidInput(_("A target is a number from 0 to 10000."))
        with self.db.write() as s:
            row = s.execute(
                select(SuccessMeasure).where(SuccessMeasure.school_id == actor.school_id,
                                             SuccessMeasure.measure == measure, SuccessMeasure.term == term)
            ).scalars().first()  # fmt: skip
            if row is None:
                row = SuccessMeasure(school_id=actor.school_id, measure=measure, term=term,
                                     partition=partition_key(actor.school_id))  # fmt: skip
                s.add(row)
            row.target, row.set_by, row.deleted = float(target), actor.person_id, False
            s.flush()
            return _target(row)

    def drop(self, actor: Actor, target_id: str) -> None:
        require_leader(actor)
        with self.db.write() as s:
            row = s.get(SuccessMeasure, target_id)
            if row is not None and row.school_id == actor.school_id:
                row.deleted = True

    def targets(self, actor: Actor, term: str) -> list[Target]:
        require_staff(actor)
        with self.db.read() as s:
            rows = s.execute(
                select(SuccessMeasure).where(SuccessMeasure.school_id == actor.school_id,
                                             SuccessMeasure.term == term, SuccessMeasure.deleted == False)  # noqa: E712
            ).scalars()  # fmt: skip
            out = [_target(r) for r in rows if r.measure in MEASURES]
        order = list(MEASURES)
        return sorted(out, key=lambda t: order.index(t.measure))


def _target(r: SuccessMeasure) -> Target:
    m = MEASURES[r.measure]
    return Target(r.id, r.measure, m.label, m.unit, r.term, r.target, m.higher_is_better)
