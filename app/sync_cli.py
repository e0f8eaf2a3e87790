"""``python -m app sync``: sync once through a folder, headless, and say what happened.

    python -m app sync --data-dir DIR [--folder PATH [--create]] [--json]

The folder defaults to the ``sync_folder`` setting (machine policy, then user setting).
Exit status: 0 done, 1 failed, 2 bad usage, 3 folder not reachable.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from app.config import load_settings
from app.errors import TesseraError
from app.sync.folder import FolderUnavailable


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m app sync", description="Sync once through a shared folder.")
    p.add_argument("--data-dir", help="Tessera's data folder (defaults as the app does)")
    p.add_argument("--folder", help="the shared folder (defaults to the sync_folder setting)")
    p.add_argument(
        "--create",
        action="store_true",
        help="make the folder first if it does not exist yet (its parent must exist)",
    )
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--max-files", type=int, default=None, help="stop after this many batch files")
    p.add_argument("-v", "--verbose", action="store_true")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args_in = list(sys.argv[1:] if argv is None else argv)
    if args_in[:1] == ["sync"]:
        args_in = args_in[1:]
    try:
        args = _parser().parse_args(args_in)
    except SystemExit as exc:
        return 0 if exc.code == 0 else 2
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        stream=sys.stderr,
        format="%(levelname)s %(name)s: %(message)s",
    )
    settings = load_settings(args.data_dir)
    folder = args.folder or settings.get("sync_folder")
    # On a lab machine a teacher's choice of folder is kept in the database: look there before giving up.
    lab_db = settings.lab_mode and settings.database_path.exists()
    if not folder and not lab_db:
        print("No sync folder: pass --folder or set sync_folder in Tessera's settings.", file=sys.stderr)
        return 2
    code = _folder_ready(Path(folder), args.create, args.json)
    if code:
        return code
    if not settings.database_path.exists():
        # Right for a new machine taking the class in; a mistyped --data-dir should not pass unseen.
        print(f"No Tessera data in {settings.data_dir} yet: a new database is made there.", file=sys.stderr)

    from app.bootstrap import open_context
    from app.sync.apply import apply_pending
    from app.sync.session import sync_once

    try:
        # The app's own composition root, so whatever it registers (rebuilds of derived state
        # after sync) runs here too.
        ctx = open_context(settings=settings)
    except TesseraError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    db = ctx.db
    folder = folder or ctx.settings.get("sync_folder")
    if not folder:
        ctx.close()
        print("No sync folder: pass --folder or set sync_folder in Tessera's settings.", file=sys.stderr)
        return 2
    try:
        apply_pending(db)
        report = sync_once(db, folder, max_files=args.max_files)
        aside = set_aside_count(db)
    except FolderUnavailable as exc:
        if args.json:
            print(json.dumps({"ok": False, "error": "unreachable", "message": str(exc)}))
        else:
            print(f"{exc} Nothing was lost: your work is safe on this computer.", file=sys.stderr)
        return 3
    except TesseraError as exc:
        if args.json:
            print(json.dumps({"ok": False, "error": type(exc).__name__, "message": str(exc)}))
        else:
            print(str(exc), file=sys.stderr)
        return 1
    finally:
        ctx.close()
    if args.json:
        print(json.dumps({"ok": True, **report.to_dict(), "set_aside": aside}, indent=1))
    else:
        print(_text(report, aside))
    return 0


def _folder_ready(folder: Path, create: bool, as_json: bool) -> int:
    """0 when the folder is there (or was just made on request); else says what to do and returns 3.
    Never made without being asked: an unplugged USB stick's mount point must not become a local
    folder that silently takes the class's changes."""
    try:
        if folder.is_dir():
            return 0
        parent_there = folder.parent.is_dir()
    except OSError:
        parent_there = False
    if create and parent_there:
        try:
            folder.mkdir()
            print(f"Made the sync folder {folder}.", file=sys.stderr)
            return 0
        except OSError as exc:
            message = f"The sync folder {folder} could not be made ({exc.strerror or exc})."
    elif not parent_there:
        message = (f"The sync folder {folder} could not be reached: neither it nor {folder.parent} exists. Is "
                   "the share or USB stick connected? Check the path.")  # fmt: skip
    else:
        message = (f"The sync folder {folder} could not be reached: it does not exist yet. To start syncing "
                   "there, make it: run again "
                   f"with --create (or: mkdir \"{folder}\").")  # fmt: skip
    if as_json:
        print(json.dumps({"ok": False, "error": "unreachable", "message": message}))
    else:
        print(message, file=sys.stderr)
    return 3


def set_aside_count(db) -> int:
    """Changes set aside because they could not be applied (``pending_count`` counts them with
    those kept for a newer Tessera)."""
    from app.store.raw import raw_connection
    from app.sync.held import QUARANTINE

    with db.read() as s:
        q = "SELECT COUNT(*) FROM pending_change WHERE schema_version >= ?"
        return raw_connection(s).execute(q, (QUARANTINE,)).fetchone()[0]


def _text(r, aside: int = 0) -> str:
    newer = max(0, r.newer_schema - aside)
    lines = [
        f"Synced with {r.folder} as replica {r.replica_id} in {r.finished_at - r.started_at:.1f} s"
        + ("" if r.complete else " (stopped early: run again to finish)"),
        f"  sent:      {r.sent} change(s) of ours"
        + (f", forwarded {r.forwarded} of others" if r.forwarded else "")
        + f" in {r.files_written} file(s); {r.pending_send} still to send",
        f"  received:  {r.received} new change(s) from {r.files_read} file(s)"
        + (f", {r.duplicates} already here" if r.duplicates else ""),
        f"  applied:   {r.applied}"
        + (f"; waiting for related records: {r.held}" if r.held else "")
        + (f"; kept for a newer Tessera: {newer}" if newer else "")
        + (f"; set aside (could not be applied; see the log): {aside}" if aside else "")
        + (f"; dropped (erased records): {r.dropped}" if r.dropped else ""),
        f"  conflicts: {r.conflicts} earlier value(s) archived",
    ]
    if r.refused:
        lines.append(
            f"  refused:   {r.refused} change(s) kept aside by the school's trust rules "
            "(python -m app devices list; the Sync page says why)"
        )
    if r.compacted:
        lines.append(f"  tidied:    {r.compacted} old file(s) removed")
    if r.trimmed:
        lines.append(f"  trimmed:   {r.trimmed} change(s) in the local log everyone has seen")
    if r.renewed_replica:
        lines.append("  note:      this database was restored or copied; it now syncs under a new id")
    if r.skipped:
        lines.append(f"  skipped:   {len(r.skipped)} file(s)")
        lines.extend(f"    {s.name}: {s.reason}" for s in r.skipped)
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
