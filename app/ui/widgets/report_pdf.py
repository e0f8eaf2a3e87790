"""A student's progress report printed to PDF with Qt's own PDF writer: plan, goals with evidence,
the jagged profile (drawn) and celebrations. Runs on a worker thread (QImage, QTextDocument and
QPdfWriter are safe off the UI thread)."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QRectF, Qt, QUrl
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QTextDocument

from app.i18n import N_
from app.planning.reports import StudentReport
from app.skills import DomainProfile
from app.ui.locale_format import day, long_day
from app.ui.theme.tokens import PRINT
from app.ui.widgets.pdf_file import write_pdf_file

PALETTE = PRINT.series  # printed on white paper whatever the screen shows
BOX = {True: "\u2611", False: "\u2610"}
STATUS = {
    "": "No plan yet",
    "draft": "Draft",
    "submitted": N_("Waiting for approval"),
    "approved": "Approved",
    "changes_suggested": "Changes suggested",
}


# The picture's width on the page (px at 96 dpi): A4 less the 15 mm page margins and the 2 cm that
# QTextDocument.print_ adds on each side is ~529 px; at 640 the picture ran into the margin and its
# last bars and names were cut off.
IMAGE_WIDTH = 520
LABEL_ANGLE = 60  # degrees: skill names slant down to the right under their bars
LABEL_MAX = 230  # px: a longer name is cut with "…"


def jagged_image(
    domains: tuple[DomainProfile, ...] | list[DomainProfile], width: int = 1100, drawn: list | None = None
) -> QImage:
    """A skyline of mastery bars, one per skill, coloured by domain, each labelled with the skill's name
    (as teachers and parents know it, not its code). The picture grows to hold the slanted names, and
    keeps room on the right for the last one, so no bar or name is cut off. ``drawn`` (for tests)
    receives the bounding box of every bar, star and name drawn."""
    import math

    skills = [(i, s) for i, d in enumerate(domains) for s in d.skills]
    small = QFont("DejaVu Sans", 11)  # printed at IMAGE_WIDTH: about 5 pt, as small print on a chart
    font = QFont("DejaVu Sans", 14)
    probe = QImage(1, 1, QImage.Format.Format_ARGB32)
    measure = QPainter(probe)
    measure.setFont(small)
    fm = measure.fontMetrics()
    names = [fm.elidedText(s.name or s.code, Qt.TextElideMode.ElideRight, LABEL_MAX) for _i, s in skills]
    longest = max((fm.horizontalAdvance(n) for n in names), default=0) + 6
    measure.end()
    angle = math.radians(LABEL_ANGLE)
    left, top, plot = 60, 34, 290  # room above 100% for a mastered skill's star
    right = 10 + int(longest * math.cos(angle))  # the last name runs on past the last bar
    bottom = top + plot
    height = bottom + 12 + int(longest * math.sin(angle)) + fm.height()
    img = QImage(width, height, QImage.Format.Format_ARGB32)
    img.fill(QColor(PRINT.surface))
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    p.setPen(QColor(PRINT.border))
    p.setFont(font)
    for pct in (0, 50, 100):
        y = bottom - plot * pct / 100
        p.drawLine(left, int(y), width - right, int(y))
        p.drawText(QRectF(0, y - 10, left - 8, 20), Qt.AlignmentFlag.AlignRight, f"{pct}%")
    n = max(1, len(skills))
    slot = (width - left - right) / n
    for k, (i, s) in enumerate(skills):
        x = left + k * slot
        h = plot * (s.mastery if s.seen else 0)
        bar = QRectF(x + 2, bottom - max(h, 2), slot - 4, max(h, 2))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(PALETTE[i % len(PALETTE)]) if s.seen else QColor(PRINT.surface_alt))
        p.drawRect(bar)
        if drawn is not None:
            drawn.append(("bar", bar))
        if s.mastered:
            p.setPen(QColor(PRINT.text))
            p.setFont(font)
            star = QRectF(x, bottom - h - 24, slot, 22)
            p.drawText(star, Qt.AlignmentFlag.AlignCenter, "\u2605")
            if drawn is not None:
                drawn.append(("star", star))
        p.save()
        p.translate(x + slot / 2, bottom + 8)
        p.rotate(LABEL_ANGLE)
        p.setPen(QColor(PRINT.muted))
        p.setFont(small)
        label = QRectF(0, -fm.height() / 2, fm.horizontalAdvance(names[k]) + 4, fm.height())
        p.drawText(label, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, names[k])
        if drawn is not None:
            drawn.append(("name", p.transform().mapRect(label), names[k]))
        p.restore()
    p.end()
    return img


def _e(text: str) -> str:
    return html.escape(text or "")


def _iso(text: str) -> str:
    """Escaped, and isolated from the text around it in either direction (Unicode FSI ... PDI)."""
    return f"\u2068{_e(text)}\u2069"


def report_html(r: StudentReport) -> str:
    when = long_day(r.generated_at)
    # A name in a right-to-left script is isolated (FSI ... PDI) in a left-to-right line, so
    # "ليلى حسن: progress report" keeps its order instead of the colon and words jumping around it.
    out = [
        f"<h1 dir='ltr'>{_iso(r.student_name)}: progress report</h1>",
        f"<p dir='ltr' style='color:{PRINT.muted}'>{_iso(r.class_name)} \u00b7 {when}</p>",
        "<h2>About me</h2><table cellpadding='3'>",
    ]
    for label, items in (
        (N_("Strengths"), r.strengths),
        (N_("Interests"), r.interests),
        ("Values", r.values),
    ):
        out.append(f"<tr><td><b>{label}</b></td><td>{_e(', '.join(items)) or '-'}</td></tr>")
    out.append("</table>")
    if r.about_me:
        out.append(f"<p><i>\u201c{_e(r.about_me)}\u201d</i></p>")
    out.append(f"<h2>Plan: {_e(r.plan_title) or 'no plan yet'}</h2>")
    out.append(
        f"<p>Status: <b>{STATUS.get(r.plan_status, r.plan_status)}</b>"
        + (f" \u00b7 Teacher's note: {_e(r.teacher_note)}" if r.teacher_note else "")
        + "</p>"
    )
    for g in r.goals:
        done = " \u2714 met" if g.status == "met" else ""
        out.append(f"<h3>{_e(g.title)}{done}</h3>")
        out.append(
            f"<p>{_e(g.why)}<br><i>{_e(g.path)} \u00b7 {_e(', '.join(g.skills)) or 'no particular skill'}"
            f" \u00b7 {_e(g.target)}</i></p>"
        )
        out.append(
            f"<p><b>Progress {round(g.progress * 100)}%</b> \u00b7 {_e(g.pace)}: {_e(g.pace_reason)}</p>"
        )
        if g.milestones:
            listed = "".join(f"<li>{BOX[done_]} {_e(t)} ({_e(due)})</li>" for t, due, done_ in g.milestones)
            out.append(f"<p><b>Milestones</b></p><ul>{listed}</ul>")
        if g.evidence:
            listed = "".join(f"<li>{_e(e)}</li>" for e in g.evidence)
            out.append(f"<p><b>Evidence</b></p><ul>{listed}</ul>")
        out.append(
            f"<p><b>Self-assessment:</b> {_e(g.self_level)}"
            + (f" \u2014 \u201c{_e(g.self_reflection)}\u201d" if g.self_reflection else "")
            + "</p>"
        )
        if g.teacher_feedback:
            out.append(f"<p><b>Teacher feedback:</b> {_e(g.teacher_feedback)}</p>")
    out.append("<h2>Jagged profile</h2><p>Mastery per skill (bars), coloured by domain; \u2605 mastered.</p>")
    key = " &nbsp; ".join(
        f"<span style='color:{PALETTE[i % len(PALETTE)]}'>\u25a0</span> {_e(d.name)}"
        for i, d in enumerate(r.domains)
    )
    out.append(f"<p>{key}</p><p><img src='jagged.png' width='{IMAGE_WIDTH}'></p>")
    top = sorted((s for d in r.domains for s in d.skills if s.seen), key=lambda s: -s.mastery)[:5]
    if top:
        out.append(
            "<p><b>Peaks:</b> " + ", ".join(f"{_e(s.name)} ({round(s.mastery * 100)}%)" for s in top) + "</p>"
        )
    out.append("<h2>Celebrations</h2>")
    if r.celebrations:
        out.append(
            "<ul>" + "".join(f"<li>{_e(c.title)} ({day(c.at)})</li>" for c in r.celebrations) + "</ul>"
        )
    else:
        out.append("<p>None yet.</p>")
    return "".join(out)


def write_student_pdf(report: StudentReport, path: str | Path) -> Path:
    doc = QTextDocument()
    doc.setDefaultFont(QFont("DejaVu Sans", 10))
    doc.setDefaultStyleSheet(
        f"h1 {{ font-size: 20pt; }} h2 {{ font-size: 14pt; color: {PRINT.text}; }}"
        f"h3 {{ font-size: 12pt; color: {PRINT.accent}; }}"
    )
    doc.addResource(
        QTextDocument.ResourceType.ImageResource, QUrl("jagged.png"), jagged_image(report.domains)
    )
    doc.setHtml(report_html(report))
    return write_pdf_file(path, doc.print_, title=f"\u2068{report.student_name}\u2069: progress report",
                          what="The report")  # fmt: skip
