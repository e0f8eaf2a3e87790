"""Headless roster import and exports, for a school's data manager and scripts:

    python -m app roster import PATH --data-dir DIR [--dry-run] [--json] [--classes ID,ID] [--report]
    python -m app export gradebook|skills|qti|case|xapi --data-dir DIR --out PATH [--class NAME_OR_ID]

Runs as the machine itself (an admin's rights); works on an empty data folder: the import makes the
school, classes, teachers (who set their password at first sign-in) and students."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from app.errors import TesseraError


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="tessera")
    sub = p.add_subparsers(dest="area", required=True)
    r = sub.add_parser("roster", help="import class lists").add_subparsers(dest="action", required=True)
    imp = r.add_parser("import", help="import a OneRoster, School Data Sync, Clever or name/class CSV roster")
    imp.add_argument("path")
    imp.add_argument("--data-dir", required=True)
    imp.add_argument("--dry-run", action="store_true", help="show what would change; write nothing")
    imp.add_argument("--json", action="store_true", help="print the result as JSON")
    imp.add_argument(
        "--classes", default="", help="only these classes (their ids in the file, comma-separated)"
    )
    imp.add_argument(
        "--system", default=None, help="name of the system the ids come from (default: by format)"
    )
    imp.add_argument("--school-name", default="", help="name for a new school when the file names none")
    imp.add_argument("--report", action="store_true", help="save a CSV report beside the file")
    ex = sub.add_parser("export", help="export results")
    ex.add_argument("what", choices=["gradebook", "skills", "qti", "case", "xapi"])
    ex.add_argument("--data-dir", required=True)
    ex.add_argument("--out", default="", help="file or folder to write")
    ex.add_argument("--class", dest="klass", default="", help="class name or id (default: every class)")
    ex.add_argument("--lrs", action="store_true", help="xapi: send to the LRS named by policy (xapi_lrs_url)")
    return p


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    from app.bootstrap import open_context

    try:
        ctx = open_context(args.data_dir)
    except TesseraError as exc:
        print(f"tessera: {exc}", file=sys.stderr)
        return 2
    try:
        if args.area == "roster":
            return _import(ctx, args)
        from app.interop.export_cli import run_export

        return run_export(ctx, args)
    except TesseraError as exc:
        print(f"tessera: {exc}", file=sys.stderr)
        return 2
    finally:
        ctx.close()


def _import(ctx, args) -> int:
    from app.interop.roster_service import RosterImportService, save_report
    from app.people.actor import SYSTEM

    svc = RosterImportService(ctx.db)
    selection = {c.strip() for c in args.classes.split(",") if c.strip()} or None
    roster = svc.read(args.path, args.system)
    if args.dry_run:
        plan = svc.preview(SYSTEM, roster, selection, args.school_name)
    else:
        plan = svc.apply(SYSTEM, roster, selection, args.school_name)
    report = save_report(plan, args.path) if args.report else None
    if args.json:
        out = plan.to_dict()
        out["dry_run"] = args.dry_run
        out["report"] = str(report) if report else None
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    c = plan.counts
    verb = "Would change" if args.dry_run else "Imported"
    print(
        f"{verb} {Path(args.path).name} ({plan.format}, {plan.mode}): {c['created']} created, "
        f"{c['updated']} updated, {c['archived']} archived, {c['unchanged']} unchanged, {c['rejected']} rejected."
    )
    for r in plan.rejects:
        print(f"  rejected: {r}")
    for note in plan.notes:
        print(f"  note: {note}")
    for why, n in plan.ignored.items():
        print(f"  left out: {n} ({why})")
    teachers = [e for e in plan.entries if e.kind == "teacher" and e.action == "created"]
    if teachers and not args.dry_run:
        print("New teachers set their password the first time they sign in with their sign-in name:")
        for e in teachers:
            print(f"  {e.name}: {e.detail}")
    if report:
        print(f"Report saved: {report}")
    return 0
