"""The figures of one class, computed one way for everyone: the leader's overview adds classes up, and
each teacher's "my class against the school's measures" shows the same numbers for their class.

Each figure uses the rule of the teacher screen it summarises:
- a skill counts as mastered where the class heatmap shows it mastered (``practice.standing``: a
  saved state with answers or a judgement, and the mastery rule holding);
- plans are the Plans page's rows (``planning.plan_data.load_plans``: approved, on track, behind);
- practice minutes are the answers' response times, as a plan's minutes a week count them;
- writing feedback turnaround is the days from a draft handed in to it handed back;
- challenge completion is the share of the class's teams' checkpoints marked done.

Terms are month-aligned: T1 September-December, T2 January-March, T3 April-August; the school year
is named by the year it starts (``2026-T1``).
"""

from __future__ import annotations

import functools
import sqlite3
import statistics
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone

DAY = 86400.0
TERM_MONTHS = {1: (9, 10, 11, 12), 2: (1, 2, 3), 3: (4, 5, 6, 7, 8)}


def month_of(ts: float) -> str:
    return _month_of_day(int(ts // DAY))


@functools.lru_cache(maxsize=4096)
def _month_of_day(day: int) -> str:
    return datetime.fromtimestamp(day * DAY, timezone.utc).strftime("%Y-%m")


def term_of(ts: float) -> str:
    d = datetime.fromtimestamp(ts, timezone.utc)
    n = next(k for k, months in TERM_MONTHS.items() if d.month in months)
    return f"{d.year if d.month >= 9 else d.year - 1}-T{n}"


def term_months(term: str) -> tuple[str, ...]:
    """The calendar months ("YYYY-MM") of a term such as ``2026-T1``."""
    year, _, n = term.partition("-T")
    y, k = int(year), int(n)
    return tuple(f"{y if m >= 9 else y + 1}-{m:02d}" for m in TERM_MONTHS[k])


def year_months(ts: float) -> tuple[str, ...]:
    """The school year's months up to the month of ``ts``."""
    d = datetime.fromtimestamp(ts, timezone.utc)
    start = d.year if d.month >= 9 else d.year - 1
    out = []
    for i in range(12):
        y, m = start + (8 + i) // 12, (8 + i) % 12 + 1
        out.append(f"{y}-{m:02d}")
        if (y, m) == (d.year, d.month):
            break
    return tuple(out)


@dataclass(frozen=True)
class DomainFigure:
    domain: str
    mastered: int  # (student, skill) pairs shown mastered
    possible: int  # students x skills of the domain

    @property
    def share(self) -> float:
        return self.mastered / self.possible if self.possible else 0.0


@dataclass(frozen=True)
class MonthFigure:
    month: str  # "YYYY-MM"
    minutes: float  # practice minutes of the class
    mastered: int  # skills first mastered that month
    returned: int  # drafts handed back that month


@dataclass(frozen=True)
class ClassFigures:
    class_id: str
    name: str
    grade: str
    students: int
    domains: tuple[DomainFigure, ...]
    plans_approved: int
    plans_on_track: int
    plans_behind: int
    no_plan: int
    term_minutes: float  # practice minutes in the current term
    term_weeks: float  # weeks of the term so far
    turnarounds: tuple[float, ...]  # days from handed in to handed back, each draft returned this term
    drafts_returned: int
    drafts_waiting: int
    checkpoints_done: int
    checkpoints_total: int
    months: tuple[MonthFigure, ...]

    @property
    def mastery(self) -> float:
        possible = sum(d.possible for d in self.domains)
        return sum(d.mastered for d in self.domains) / possible if possible else 0.0

    @property
    def minutes_per_student_week(self) -> float:
        return (
            self.term_minutes / self.students / self.term_weeks if self.students and self.term_weeks else 0.0
        )

    @property
    def feedback_days(self) -> float | None:
        """Median days from a draft handed in to handed back, this term."""
        return round(statistics.median(self.turnarounds), 2) if self.turnarounds else None

    @property
    def challenge_completion(self) -> float:
        return self.checkpoints_done / self.checkpoints_total if self.checkpoints_total else 0.0

    @property
    def plans_on_track_share(self) -> float:
        return self.plans_on_track / self.students if self.students else 0.0


class PracticeMonths:
    """Practice minutes per student and month. Kept in the database (``practice_month_cache``, local,
    never synced) with the highest attempt rowid counted (``figure_mark``): attempts are append-only
    events, so rowids only grow and each call reads only the answers stored since. The first call on
    a database reads every answer once; an erasure (a purge removes rows) or a tombstone starts over
    (``reset``), as does a rowid below the mark (rows went away)."""

    def __init__(self) -> None:
        self.mark = -1  # -1: not read from the database yet
        self.ms: dict[tuple[str, str], int] = {}
        self._months: dict[int, str] = {}
        self._wipe = False

    def reset(self) -> None:
        self.mark, self.ms, self._wipe = -1, {}, True

    def stale(self, conn: sqlite3.Connection) -> bool:
        """Whether ``update`` has anything to do (a read: the caller then opens a write)."""
        return self._wipe or self.mark < 0 or _top(conn) != self.mark

    def update(self, conn: sqlite3.Connection) -> None:
        """Bring the counts up to date; ``conn`` is in a write transaction."""
        if self._wipe:
            conn.execute("DELETE FROM practice_month_cache")
            conn.execute("DELETE FROM figure_mark WHERE name = 'attempt'")
            self._wipe = False
        if self.mark < 0:
            row = conn.execute("SELECT value FROM figure_mark WHERE name = 'attempt'").fetchone()
            self.mark = row[0] if row else 0
            self.ms = {
                (s, m): v
                for s, m, v in conn.execute("SELECT student_id, month, ms FROM practice_month_cache")
            }
        top = _top(conn)
        if top < self.mark:
            self._wipe, self.mark, self.ms = True, -1, {}
            self.update(conn)
            return
        if top == self.mark:
            return
        # Grouped by UTC day (integer arithmetic, cheap per row), then days to months here: a date
        # function per answer costs more than the rest of the query.
        rows = conn.execute(
            "SELECT student_id, CAST(at / 86400 AS INTEGER), SUM(response_ms) FROM attempt "
            "WHERE rowid > ? AND rowid <= ? AND deleted = 0 GROUP BY 1, 2",
            (self.mark, top),
        )
        ms, months = self.ms, self._months
        touched = set()
        for sid, day, total in rows:
            month = months.get(day)
            if month is None:
                month = months[day] = month_of(day * DAY)
            ms[(sid, month)] = ms.get((sid, month), 0) + (total or 0)
            touched.add((sid, month))
        conn.executemany(
            "INSERT OR REPLACE INTO practice_month_cache (student_id, month, ms) VALUES (?, ?, ?)",
            [(s, m, ms[(s, m)]) for s, m in touched],
        )
        conn.execute("INSERT OR REPLACE INTO figure_mark (name, value) VALUES ('attempt', ?)", (top,))
        self.mark = top


def _top(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT MAX(rowid) FROM attempt").fetchone()[0] or 0


@dataclass(frozen=True)
class Roster:
    class_id: str
    name: str
    grade: str
    student_ids: tuple[str, ...]


def rosters(conn: sqlite3.Connection, class_ids: Iterable[str]) -> list[Roster]:
    ids = list(class_ids)
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    classes = conn.execute(
        f"SELECT id, name, grade FROM school_class WHERE id IN ({marks}) ORDER BY grade, name", ids
    ).fetchall()
    members: dict[str, list[str]] = {}
    for cid, sid in conn.execute(
        "SELECT e.class_id, p.id FROM enrollment e JOIN person p ON p.id = e.person_id "
        f"WHERE e.class_id IN ({marks}) AND e.role = 'student' AND e.deleted = 0 AND p.deleted = 0 "
        "AND p.archived = 0",
        ids,
    ):
        members.setdefault(cid, []).append(sid)
    return [Roster(c, n, g or "", tuple(members.get(c, ()))) for c, n, g in classes]


def class_figures(conn: sqlite3.Connection, classes: list[Roster], plans: dict[str, tuple[str, str]],
                  practice: PracticeMonths, now: float | None = None) -> list[ClassFigures]:  # fmt: skip
    """Figures for these classes. ``plans``: student -> (plan status, pace) as the Plans page shows
    them (``pace`` "no_plan" when there is none); ``practice`` is up to date (``PracticeMonths``)."""
    now = time.time() if now is None else now
    term = term_of(now)
    t_months = set(term_months(term))
    y_months = year_months(now)
    first = datetime.strptime(min(t_months) + "-01", "%Y-%m-%d").replace(tzinfo=timezone.utc).timestamp()
    weeks = max(1.0, (now - first) / (7 * DAY))
    students = sorted({s for c in classes for s in c.student_ids})
    skills = conn.execute(
        "SELECT k.id, d.name FROM skill k JOIN domain d ON d.id = k.domain_id "
        "WHERE k.deleted = 0 AND d.deleted = 0 ORDER BY d.sort, k.sort"
    ).fetchall()
    domain_of = dict(skills)
    domain_names = list(dict.fromkeys(d for _k, d in skills))
    per_domain = {d: sum(1 for _k, dd in skills if dd == d) for d in domain_names}
    mastered: dict[str, dict[str, int]] = {}
    firsts: dict[tuple[str, str], int] = {}
    returned: dict[str, list[tuple[float, str]]] = {}  # student -> (days to hand back, month)
    waiting: dict[str, int] = {}
    if students:
        marks = ",".join("?" * len(students))
        for sid, kid, at in conn.execute(
            "SELECT student_id, skill_id, mastered_at FROM learner_skill_state WHERE mastered = 1 "
            f"AND (attempts > 0 OR judged_level > 0) AND student_id IN ({marks})",
            students,
        ):
            dom = domain_of.get(kid)
            if dom is not None:
                per = mastered.setdefault(sid, {})
                per[dom] = per.get(dom, 0) + 1
                if at:
                    key = (sid, month_of(at))
                    firsts[key] = firsts.get(key, 0) + 1
        for sid, status, sub, ret in conn.execute(
            "SELECT d.student_id, d.status, d.submitted_at, d.returned_at FROM draft d "
            f"JOIN writing_task t ON t.id = d.task_id WHERE d.deleted = 0 AND t.deleted = 0 AND d.student_id IN ({marks})",
            students,
        ):
            if status == "returned" and sub and ret >= sub:
                returned.setdefault(sid, []).append(((ret - sub) / DAY, month_of(ret)))
            elif status == "submitted":
                waiting[sid] = waiting.get(sid, 0) + 1
    done, total = _checkpoints(conn, [c.class_id for c in classes])
    out = []
    for c in classes:
        n = len(c.student_ids)
        doms = tuple(
            DomainFigure(d, sum(mastered.get(s, {}).get(d, 0) for s in c.student_ids), per_domain[d] * n)
            for d in domain_names
        )
        paces = [plans.get(s, ("", "no_plan")) for s in c.student_ids]
        turn = [days for sid in c.student_ids for days, m in returned.get(sid, ()) if m in t_months]
        months = tuple(
            MonthFigure(
                m,
                round(sum(practice.ms.get((s, m), 0) for s in c.student_ids) / 60_000, 1),
                sum(firsts.get((s, m), 0) for s in c.student_ids),
                sum(1 for s in c.student_ids for _d, rm in returned.get(s, ()) if rm == m),
            )
            for m in y_months
        )
        out.append(
            ClassFigures(
                c.class_id,
                c.name,
                c.grade,
                n,
                doms,
                sum(1 for st, _p in paces if st == "approved"),
                sum(1 for _st, p in paces if p == "on_track"),
                sum(1 for _st, p in paces if p == "behind"),
                sum(1 for _st, p in paces if p == "no_plan"),
                round(sum(m.minutes for m in months if m.month in t_months), 1),
                round(weeks, 2),
                tuple(sorted(round(x, 3) for x in turn)),
                sum(len(returned.get(s, ())) for s in c.student_ids),
                sum(waiting.get(s, 0) for s in c.student_ids),
                done.get(c.class_id, 0),
                total.get(c.class_id, 0),
                months,
            )
        )
    return out


def combine(name: str, grade: str, parts: list[ClassFigures]) -> ClassFigures:
    """Several classes as one (a grade, the school): sums, and the median over every draft."""
    domains = tuple(
        DomainFigure(
            d.domain, sum(p.domains[i].mastered for p in parts), sum(p.domains[i].possible for p in parts)
        )
        for i, d in enumerate(parts[0].domains if parts else ())
    )
    months = tuple(
        MonthFigure(m.month, round(sum(p.months[i].minutes for p in parts), 1), sum(p.months[i].mastered for p in parts),
                    sum(p.months[i].returned for p in parts))
        for i, m in enumerate(parts[0].months if parts else ())
    )  # fmt: skip
    return ClassFigures(
        "", name, grade, sum(p.students for p in parts), domains,
        sum(p.plans_approved for p in parts), sum(p.plans_on_track for p in parts),
        sum(p.plans_behind for p in parts), sum(p.no_plan for p in parts),
        round(sum(p.term_minutes for p in parts), 1), parts[0].term_weeks if parts else 1.0,
        tuple(sorted(x for p in parts for x in p.turnarounds)),
        sum(p.drafts_returned for p in parts), sum(p.drafts_waiting for p in parts),
        sum(p.checkpoints_done for p in parts), sum(p.checkpoints_total for p in parts), months,
    )  # fmt: skip


def _checkpoints(conn: sqlite3.Connection, class_ids: list[str]) -> tuple[dict[str, int], dict[str, int]]:
    """Per class: its teams' checkpoints done, and all of them (teams are formed within a class: the
    class is the middle part of the team's partition; a cross-class team counts in each class by its
    members there, ``team_member``)."""
    done: dict[str, int] = {}
    total: dict[str, int] = {}
    for part, status in conn.execute(
        "SELECT t.partition, tc.status FROM team_checkpoint tc JOIN team t ON t.id = tc.team_id "
        "JOIN challenge ch ON ch.id = t.challenge_id "
        "WHERE tc.deleted = 0 AND t.deleted = 0 AND ch.deleted = 0"
    ):
        cid = (part or "//").split("/")[1]
        if cid:
            total[cid] = total.get(cid, 0) + 1
            done[cid] = done.get(cid, 0) + (status == "done")
    for cid, status in conn.execute(
        "SELECT DISTINCT tm.class_id, tc.status || ':' || tc.id FROM team_member tm "
        "JOIN team_checkpoint tc ON tc.team_id = tm.team_id WHERE tm.deleted = 0 AND tc.deleted = 0"
    ):
        total[cid] = total.get(cid, 0) + 1
        done[cid] = done.get(cid, 0) + status.startswith("done:")
    wanted = set(class_ids)
    return ({k: v for k, v in done.items() if k in wanted}, {k: v for k, v in total.items() if k in wanted})
