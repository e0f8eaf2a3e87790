"""Roster import for the app and the command line: preview, then import in one transaction. A teacher
brings in only the classes they teach; an admin (or the machine itself, on the command line) picks
the classes or takes them all."""

from __future__ import annotations

import csv
import time
from collections.abc import Callable
from pathlib import Path

from app.i18n import _
from app.interop.roster_apply import apply_ops, audit
from app.interop.roster_data import RosterFile
from app.interop.roster_db import load
from app.interop.roster_plan import Planner, RosterPlan
from app.interop.roster_read import read_roster
from app.people.actor import Actor
from app.people.permissions import require_teacher, teacher_class_ids
from app.store.database import Database

ProgressFn = Callable[[float, str], None]


class RosterImportService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def read(self, path: str | Path, system: str | None = None) -> RosterFile:
        """Parse a roster (no database access). Raises InvalidInput only if it is no roster at all."""
        return read_roster(path, system)

    def preview(
        self,
        actor: Actor,
        roster: RosterFile | str | Path,
        selection: set[str] | None = None,
        school_name: str = "",
        progress: ProgressFn | None = None,
    ) -> RosterPlan:
        require_teacher(actor)
        pkg, source = self._roster(roster, progress)
        with self.db.read() as s:
            mine = teacher_class_ids(s, actor) if actor.person_id != "system" else set()
            if progress:
                progress(0.5, _("Comparing with the classes in Tessera..."))
            return Planner(pkg, load(s, pkg.system), actor, mine, selection, source, school_name).run()

    def apply(
        self,
        actor: Actor,
        roster: RosterFile | str | Path,
        selection: set[str] | None = None,
        school_name: str = "",
        progress: ProgressFn | None = None,
    ) -> RosterPlan:
        """Import: the plan is worked out again inside the transaction (nothing changed since the
        preview can be overwritten) and written whole, or not at all."""
        require_teacher(actor)
        pkg, source = self._roster(roster, progress)
        with self.db.write() as s:
            mine = teacher_class_ids(s, actor) if actor.person_id != "system" else set()
            plan = Planner(pkg, load(s, pkg.system), actor, mine, selection, source, school_name).run()
            if progress:
                progress(0.1, _("Saving the class lists..."))
            if plan.ops:
                apply_ops(s, plan.ops, progress)
                audit(
                    s,
                    actor.person_id,
                    plan.counts,
                    source,
                    "//" if not actor.school_id else f"{actor.school_id}//",
                )
        if progress:
            progress(1.0, "Done.")
        return plan

    def _roster(self, roster: RosterFile | str | Path, progress: ProgressFn | None) -> tuple[RosterFile, str]:
        if isinstance(roster, RosterFile):
            return roster, roster.source or roster.format
        if progress:
            progress(0.05, _("Reading the file..."))
        return read_roster(roster), Path(roster).name


def save_report(plan: RosterPlan, beside: str | Path) -> Path | None:
    """The import report as CSV beside the imported file (or None if that folder is read-only):
    every change and every refused row with its reason, for the school's data manager."""
    src = Path(beside)
    folder = src.parent  # beside the zip, the CSV or the folder
    out = folder / f"{src.stem}-tessera-import-{time.strftime('%Y%m%d-%H%M%S')}.csv"
    try:
        with out.open("w", newline="", encoding="utf-8-sig") as fh:
            w = csv.writer(fh)
            w.writerow(["result", "kind", "id", "name", "detail", "file", "row"])
            for e in plan.entries:
                w.writerow([e.action, e.kind, e.external_id, e.name, e.detail, "", ""])
            for r in plan.rejects:
                w.writerow(["rejected", "", r.ident, "", r.reason, r.file, r.row])
            for n in plan.notes:
                w.writerow(["note", "", n.ident, "", n.reason, n.file, n.row])
            for why, count in plan.ignored.items():
                w.writerow([_("left out"), "", "", _("{count} rows", count=count), why, "", ""])
    except OSError:
        return None
    return out
