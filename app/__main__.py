"""Entry point: ``python -m app [--data-dir DIR] [--demo] [--self-test]`` starts the app;
``python -m app demo|info|sync|roster|export ...`` are headless commands for admins and scripts."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from typing import Any


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="tessera", description="Tessera: personalized learning, offline first.")
    p.add_argument("--data-dir", help="folder for Tessera's data (default: per-user data folder)")
    p.add_argument("--demo", action="store_true", help="start with the demo class if there is no data")
    p.add_argument("--self-test", action="store_true", help="open the main screens offscreen and exit")
    p.add_argument("--lang", help="language for this run: en, es (or pseudo, ar-pseudo to test translation)")
    p.add_argument("--theme", choices=("system", "light", "dark", "high-contrast"), help="colour scheme")
    p.add_argument("--text-scale", type=int, metavar="PERCENT", help="text size, 100-200 (percent)")
    sub = p.add_subparsers(dest="command")
    d = sub.add_parser("demo", help="create the demo class headless")
    d.add_argument("--data-dir", dest="sub_data_dir")
    i = sub.add_parser("info", help="schema version, replica id and row counts")
    i.add_argument("--data-dir", dest="sub_data_dir")
    i.add_argument("--json", action="store_true")
    sub.add_parser("sync", help="sync once through a folder (see: python -m app sync --help)", add_help=False)
    sub.add_parser("school", help="signed sync: make or show the school key", add_help=False)
    sub.add_parser("lab-service", help="serve a lab machine's data to signed-in sessions", add_help=False)
    sub.add_parser("devices", help="signed sync: list, approve, refuse, revoke devices", add_help=False)
    return p


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in ("school", "devices"):
        from app.trust_cli import main as trust_main

        return trust_main(argv)
    if argv and argv[0] == "lab-service":  # the lab machine's data service (issue 19, app.lab)
        from app.lab.cli import main as lab_main

        return lab_main(argv[1:])
    if argv and argv[0] == "pin-key":  # the school's PIN key, moved between machines by an admin
        from app.lab.cli import pin_key_main

        return pin_key_main(argv[1:])
    if argv and argv[0] == "sync":
        from app.sync_cli import main as sync_main

        return _reader_may_leave(lambda: sync_main(argv[1:]))
    if argv and argv[0] in ("roster", "export"):  # school-system imports and exports (app.interop)
        from app.interop_cli import main as interop_main

        return _reader_may_leave(lambda: interop_main(argv))
    args = _parser().parse_args(argv)
    data_dir = getattr(args, "sub_data_dir", None) or args.data_dir
    if args.command == "demo":
        return _reader_may_leave(lambda: _demo(data_dir))
    if args.command == "info":
        return _reader_may_leave(lambda: _info(data_dir, args.json))
    from app.ui.launch import run_gui

    look = {"theme": args.theme, "text_scale": args.text_scale}  # None: the settings decide
    return run_gui(data_dir, demo=args.demo, self_test=args.self_test, lang=args.lang, look=look)


def _reader_may_leave(command: Callable[[], int]) -> int:
    """Run a headless command whose output may go to a reader that stops early (``| head``):
    when the pipe closes, stop quietly (status 1, as Python's documentation advises) instead of
    printing a traceback."""
    try:
        code = command()
        sys.stdout.flush()  # a closed pipe shows here when the output fitted in the buffer
        return code
    except BrokenPipeError:
        # Python flushes stdout once more on the way out, which would fail again: send it nowhere.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1


def _demo(data_dir: str | None) -> int:
    from app.bootstrap import open_context, setup_logging
    from app.demo import create_demo
    from app.errors import TesseraError

    try:
        ctx = open_context(data_dir)
    except TesseraError as exc:
        print(f"tessera: {exc}", file=sys.stderr)
        return 2
    setup_logging(ctx.settings.data_dir)
    if not ctx.services.accounts.has_teacher():
        info = create_demo(ctx.db, progress=lambda f, m: print(f"[{f:4.0%}] {m}"))
        print(f"Demo class created in {ctx.settings.data_dir}.")
        print(f"Teacher sign-in: {info.username} / {info.password}; student PIN: {info.pin}")
    else:
        print(f"{ctx.settings.data_dir} already has a class; the demo was not added.")
    ctx.close()
    return 0


def _info(data_dir: str | None, as_json: bool) -> int:
    from app.bootstrap import open_context
    from app.config import load_settings
    from app.errors import TesseraError

    where = load_settings(data_dir).database_path
    if not where.exists():  # a mistyped folder: say so rather than make an empty database there
        print(f"tessera: no Tessera data in {where.parent} (there is no {where.name}). Check the folder.",
              file=sys.stderr)  # fmt: skip
        return 2
    try:
        ctx = open_context(data_dir)
    except TesseraError as exc:
        print(f"tessera: {exc}", file=sys.stderr)
        return 2
    state = ctx.db.replica_state()
    data: dict[str, Any] = {
        "data_dir": str(ctx.settings.data_dir),
        "schema_version": ctx.db.schema_revision(),
        "replica_id": state.replica_id,
        "next_seq": state.next_seq,
        "row_counts": ctx.db.table_counts(),
    }
    from app.evidence.derived import derived_summary
    from app.store.raw import raw_connection

    with ctx.db.read() as s:
        data["derived"] = derived_summary(raw_connection(s))  # compare machines: equal rows, equal digests
    ctx.close()
    if as_json:
        print(json.dumps(data, indent=2))
    else:
        print(
            f"Data folder:   {data['data_dir']}\nSchema:        {data['schema_version']}\n"
            f"Replica:       {data['replica_id']}"
        )
        for k, v in data["row_counts"].items():
            if v:
                print(f"  {k:24} {v}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
