"""The overview for the school board: a CSV (one row per class, grade and the school) and the HTML a
PDF is printed from (the UI prints it with Qt's PDF writer). Aggregates only: no student's name."""

from __future__ import annotations

import csv
import html
import io

from app.school.figures import ClassFigures
from app.school.overview import SchoolOverview

COLUMNS = ["level", "name", "grade", "students", "skills_mastered_pct", "plans_approved", "plans_on_track",
           "plans_behind", "no_plan", "practice_minutes_term", "minutes_per_student_week", "feedback_days_median",
           "drafts_returned", "drafts_waiting", "checkpoints_done", "checkpoints_total"]  # fmt: skip


def _row(level: str, f: ClassFigures) -> list:
    fd = f.feedback_days
    return [level, f.name, f.grade, f.students, round(100 * f.mastery, 1), f.plans_approved, f.plans_on_track,
            f.plans_behind, f.no_plan, f.term_minutes, round(f.minutes_per_student_week, 1),
            "" if fd is None else fd, f.drafts_returned, f.drafts_waiting, f.checkpoints_done,
            f.checkpoints_total]  # fmt: skip


def board_csv(ov: SchoolOverview) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(COLUMNS + [f"domain:{d.domain}" for d in ov.school.domains])
    rows = [("class", f) for f in ov.classes] + [("grade", g) for g in ov.grades] + [("school", ov.school)]
    for level, f in rows:
        w.writerow(_row(level, f) + [round(100 * d.share, 1) for d in f.domains])
    w.writerow([])
    w.writerow(["month", "practice_minutes", "skills_mastered", "drafts_returned"])
    for m in ov.school.months:
        w.writerow([m.month, m.minutes, m.mastered, m.returned])
    return out.getvalue()


def board_html(ov: SchoolOverview, title: str) -> str:
    e = html.escape
    parts = [f"<h1>{e(title)}</h1><p>Term {e(ov.term)} &middot; {ov.school.students} students in "
             f"{len(ov.classes)} classes</p>"]  # fmt: skip
    if ov.targets:
        parts.append("<h2>Our measures</h2><table border='1' cellpadding='4'><tr><th>Measure</th><th>Target</th>"
                     "<th>School</th></tr>")  # fmt: skip
        for r in ov.results.get("", ()):
            v = "-" if r.value is None else f"{r.value:g} {r.unit}"
            mark = "" if r.met is None else (" (met)" if r.met else " (not yet)")
            parts.append(
                f"<tr><td>{e(r.label)}</td><td>{r.target:g} {e(r.unit)}</td><td>{e(v)}{mark}</td></tr>"
            )
        parts.append("</table>")
    parts.append(
        "<h2>By grade and domain</h2><table border='1' cellpadding='4'><tr><th>Grade</th><th>Students</th>"
    )
    parts.extend(f"<th>{e(d.domain)}</th>" for d in ov.school.domains)
    parts.append(
        "<th>Plans on track</th><th>Practice min/week</th><th>Feedback days</th><th>Checkpoints done</th></tr>"
    )
    for g in (*ov.grades, ov.school):
        fd = "-" if g.feedback_days is None else f"{g.feedback_days:g}"
        cells = "".join(f"<td>{100 * d.share:.0f}%</td>" for d in g.domains)
        parts.append(f"<tr><td>{e(g.name)}</td><td>{g.students}</td>{cells}<td>{g.plans_on_track}</td>"
                     f"<td>{g.minutes_per_student_week:.0f}</td><td>{fd}</td>"
                     f"<td>{100 * g.challenge_completion:.0f}%</td></tr>")  # fmt: skip
    parts.append("</table><h2>Across the year</h2><table border='1' cellpadding='4'><tr><th>Month</th>"
                 "<th>Practice minutes</th><th>Skills mastered</th><th>Drafts returned</th></tr>")  # fmt: skip
    for m in ov.school.months:
        parts.append(
            f"<tr><td>{m.month}</td><td>{m.minutes:.0f}</td><td>{m.mastered}</td><td>{m.returned}</td></tr>"
        )
    parts.append("</table>")
    return "".join(parts)
