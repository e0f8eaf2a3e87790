"""Text alternatives for the pictures (WCAG 2.2 SC 1.1.1): what the class heatmap, the jagged profile and
the check-in trend show, in sentences a screen reader reads as the chart's description."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from app.ui.qmodels.heatmap_model import BANDS, band

if TYPE_CHECKING:
    from app.planning.checkins import DayTrend
    from app.practice.results import Heatmap
    from app.skills.service import DomainProfile

CTX = "ChartText"


def tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate(CTX, text, "", n)


def _short(band_name: str) -> str:
    """ "Learning (50-75%)" -> "learning": the key says the ranges once."""
    return tr(band_name.split(" (")[0]).lower()


def heatmap_text(heatmap: Heatmap) -> str:
    """Per skill, how many students are in each band: "Fractions: 3 mastered, 5 learning, 2 stuck."."""
    if not heatmap.students or not heatmap.skills:
        return tr("No students or no skills yet.")
    order = [name for name, *_ in BANDS]
    lines = []
    for j, skill in enumerate(heatmap.skills):
        counts: dict[str, int] = {}
        for row in heatmap.cells:
            name = band(row[j])[0]
            counts[name] = counts.get(name, 0) + 1
        shown = sorted(
            counts, key=lambda n: (n == order[0], -order.index(n))
        )  # mastered first, not started last
        parts = [f"{counts[n]} {_short(n)}" for n in shown]
        lines.append(f"{skill.name}: {', '.join(parts)}.")
    head = tr("%n student(s)", len(heatmap.students)) + ", " + tr("%n skill(s)", len(heatmap.skills)) + ". "
    return head + " ".join(lines)


def profile_text(domains: list[DomainProfile]) -> str:
    """Per domain, each practised skill's mastery, mastered ones marked, and what is not started."""
    out = []
    for d in domains:
        seen = [
            f"{s.name} {round(s.mastery * 100)}%" + (f" ({tr('mastered')})" if s.mastered else "")
            for s in d.skills
            if s.seen
        ]
        unseen = [s.name for s in d.skills if not s.seen]
        text = f"{d.name}: " + ("; ".join(seen) if seen else tr("nothing practised yet"))
        if seen and unseen:
            text += ". " + tr("Not started: %1").replace("%1", ", ".join(unseen))
        out.append(text + ".")
    return " ".join(out) if out else tr("No skills yet.")


def _day(iso: str) -> str:
    return dt.date.fromisoformat(iso).strftime("%d %b").lstrip("0")


def trend_text(days: list[DayTrend]) -> str:
    """The trend in a sentence or two (averages, lowest and highest days, the latest), then each day."""
    if not days:
        return tr("No check-ins yet.")

    def avg(key: str) -> str:
        return f"{sum(getattr(d, key) for d in days) / len(days):.1f}"

    low = min(days, key=lambda d: d.mood)
    high = max(days, key=lambda d: d.mood)
    last = days[-1]
    summary = (
        tr("%n day(s) of check-ins", len(days))
        + " "
        + tr("from %1 to %2.").replace("%1", _day(days[0].day)).replace("%2", _day(last.day))
        + " "
        + tr("Mood averaged %1 of 5 (lowest %2 on %3, highest %4 on %5); energy averaged %6.")
        .replace("%1", avg("mood"))
        .replace("%2", f"{low.mood:g}")
        .replace("%3", _day(low.day))
        .replace("%4", f"{high.mood:g}")
        .replace("%5", _day(high.day))
        .replace("%6", avg("energy"))
        + " "
        + tr("Latest, %1: mood %2, energy %3.")
        .replace("%1", _day(last.day))
        .replace("%2", f"{last.mood:g}")
        .replace("%3", f"{last.energy:g}")
    )
    each = "; ".join(
        tr("%1: mood %2, energy %3")
        .replace("%1", _day(d.day))
        .replace("%2", f"{d.mood:g}")
        .replace("%3", f"{d.energy:g}")
        for d in days
    )
    return f"{summary} {tr('Day by day')}: {each}."
