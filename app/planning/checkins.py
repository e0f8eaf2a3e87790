"""Check-ins: mood and energy on friendly 1-5 scales and an optional sentence, in a few seconds.

Only the student and their teachers see them. The teacher sees the class's trend and a quiet,
private flag when a student's last few check-ins all report low mood. A school can switch
check-ins off (the school's setting, and the machine/user setting ``checkins_enabled``)."""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass

from sqlalchemy import select
from sqlmodel import Session

from app.errors import InvalidInput, NotFound, PermissionDenied
from app.i18n import _
from app.models import CheckIn, School
from app.people.actor import Actor
from app.people.permissions import require_class, require_student_access
from app.planning.queries import class_students, person
from app.store.database import Database

MOOD_WORDS = {1: _("Very low"), 2: _("Low"), 3: _("Okay"), 4: _("Good"), 5: _("Great")}
ENERGY_WORDS = {1: _("Exhausted"), 2: _("Tired"), 3: _("Steady"), 4: _("Lively"), 5: _("Full of energy")}
LOW_MOOD = 2
FLAG_STREAK = 3
CLASS_MIN_COUNT = 3  # a class trend day needs this many check-ins
DAY = 86_400.0


class CheckInsOff(PermissionDenied):
    """Check-ins are switched off by the school."""


@dataclass(frozen=True)
class CheckInView:
    id: str
    mood: int
    energy: int
    note: str
    at: float


@dataclass(frozen=True)
class DayTrend:
    day: str  # ISO date, local time
    mood: float
    energy: float
    count: int


@dataclass(frozen=True)
class Flag:
    student_id: str
    name: str
    streak: int
    last_at: float

    @property
    def message(self) -> str:
        return _(
            "{name} reported low mood in their last {streak} check-ins. It may be worth a quiet word.",
            name=self.name,
            streak=self.streak,
        )


@dataclass(frozen=True)
class StudentCheckIns:
    student_id: str
    name: str
    last: CheckInView | None
    mean_mood: float
    count: int


@dataclass(frozen=True)
class ClassCheckIns:
    class_id: str
    days: tuple[DayTrend, ...]
    flags: tuple[Flag, ...]
    students: tuple[StudentCheckIns, ...]


def low_mood_streak(moods_newest_first: list[int]) -> int:
    """How many of the latest check-ins in a row report low mood."""
    n = 0
    for m in moods_newest_first:
        if m > LOW_MOOD:
            break
        n += 1
    return n


def daily_trend(items: list[CheckInView], min_count: int = 1) -> list[DayTrend]:
    """Mean mood and energy per day. A class trend leaves out days with fewer than ``min_count``
    check-ins, so one student's answers are never shown as "the class"."""
    days: dict[str, list[CheckInView]] = {}
    for c in items:
        days.setdefault(dt.date.fromtimestamp(c.at).isoformat(), []).append(c)
    return [
        DayTrend(
            d, round(sum(c.mood for c in v) / len(v), 2), round(sum(c.energy for c in v) / len(v), 2), len(v)
        )
        for d, v in sorted(days.items())
        if len(v) >= min_count
    ]


def _view(c: CheckIn) -> CheckInView:
    return CheckInView(c.id, c.mood, c.energy, c.note, c.at)


class CheckInService:
    def __init__(self, db: Database, settings=None) -> None:
        self.db = db
        self.settings = settings

    def enabled(self, actor: Actor, session: Session | None = None) -> bool:
        """The school's policy and the machine/user setting both allow check-ins. ``session``: read
        inside the caller's unit of work instead of opening one."""
        if self.settings is not None and not self.settings.get("checkins_enabled"):
            return False
        if not actor.school_id:
            return True
        if session is not None:
            flag = session.execute(
                select(School.checkins_enabled).where(School.id == actor.school_id)
            ).scalar()
            return True if flag is None else bool(flag)
        with self.db.read() as s:
            return self.enabled(actor, s)

    def _require_enabled(self, actor: Actor) -> None:
        if not self.enabled(actor):
            raise CheckInsOff(_("Check-ins are switched off at this school."))

    def set_school_enabled(self, actor: Actor, enabled: bool) -> None:
        """The school's policy; only an administrator changes it."""
        if actor.role != "admin":
            raise PermissionDenied(_("Only a school administrator can switch check-ins on or off."))
        with self.db.write() as s:
            school = s.get(School, actor.school_id)
            if school is None:
                raise NotFound(_("That school does not exist."))
            school.checkins_enabled = bool(enabled)

    def record(
        self, actor: Actor, mood: int, energy: int, note: str = "", now: float | None = None
    ) -> CheckInView:
        if not actor.is_student:
            raise PermissionDenied(_("Check-ins are the student's own: only students check in."))
        self._require_enabled(actor)
        if mood not in MOOD_WORDS or energy not in ENERGY_WORDS:
            raise InvalidInput(_("Choose how you feel and your energy, from 1 to 5."))
        note = (note or "").strip()
        if len(note) > 280:
            raise InvalidInput(_("Keep the sentence short: 280 characters at most."))
        with self.db.write() as s:
            who = person(s, actor.person_id)
            c = CheckIn(
                student_id=who.id,
                mood=int(mood),
                energy=int(energy),
                note=note,
                at=now or time.time(),
                partition=who.partition,
            )
            s.add(c)
            return _view(c)

    def remove(self, actor: Actor, checkin_id: str) -> None:
        """A student may take back one of their check-ins (a tombstone; it is never edited)."""
        with self.db.write() as s:
            c = s.get(CheckIn, checkin_id)
            if c is None or c.deleted:
                raise NotFound(_("That check-in is no longer there."))
            if not (actor.is_student and actor.person_id == c.student_id):
                raise PermissionDenied(_("Only the student can take back their own check-in."))
            c.deleted = True

    def done_today(self, actor: Actor, now: float | None = None) -> bool:
        now = now or time.time()
        start = dt.datetime.combine(dt.date.fromtimestamp(now), dt.time()).timestamp()
        with self.db.read() as s:
            return (
                s.execute(
                    select(CheckIn.id)
                    .where(
                        CheckIn.student_id == actor.person_id, CheckIn.at >= start, CheckIn.deleted == False
                    )
                    .limit(1)
                ).first()
                is not None
            )

    def for_student(
        self, actor: Actor, student_id: str, days: int = 14, now: float | None = None
    ) -> list[CheckInView]:
        """Oldest first, the last ``days`` days."""
        self._require_enabled(actor)
        now = now or time.time()
        with self.db.read() as s:
            require_student_access(s, actor, student_id)
            rows = s.execute(
                select(CheckIn)
                .where(
                    CheckIn.student_id == student_id, CheckIn.at >= now - days * DAY, CheckIn.deleted == False
                )
                .order_by(CheckIn.at)
            ).scalars()
            return [_view(c) for c in rows]

    def class_view(
        self, actor: Actor, class_id: str, days: int = 14, now: float | None = None
    ) -> ClassCheckIns:
        self._require_enabled(actor)
        now = now or time.time()
        with self.db.read() as s:
            require_class(s, actor, class_id)
            students = class_students(s, class_id)
            ids = [p.id for p in students]
            rows = list(
                s.execute(
                    select(CheckIn)
                    .where(
                        CheckIn.student_id.in_(ids), CheckIn.at >= now - days * DAY, CheckIn.deleted == False
                    )
                    .order_by(CheckIn.at)
                ).scalars()
            )
        by_student: dict[str, list[CheckInView]] = {}
        for c in rows:
            by_student.setdefault(c.student_id, []).append(_view(c))
        flags, per = [], []
        for p in students:
            mine = by_student.get(p.id, [])
            streak = low_mood_streak([c.mood for c in reversed(mine)])
            if streak >= FLAG_STREAK:
                flags.append(Flag(p.id, p.full_name, streak, mine[-1].at))
            mean = round(sum(c.mood for c in mine) / len(mine), 2) if mine else 0.0
            per.append(StudentCheckIns(p.id, p.full_name, mine[-1] if mine else None, mean, len(mine)))
        trend = daily_trend([_view(c) for c in rows], min_count=CLASS_MIN_COUNT)
        return ClassCheckIns(class_id, tuple(trend), tuple(flags), tuple(per))
