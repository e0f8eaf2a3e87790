"""``python -m app lab-service --data-dir DIR [--socket PATH] [--demo]``: run the Tessera lab service
(as its own OS account, from the system unit, Windows service or launchd daemon: docs/installing.md)."""

from __future__ import annotations

import argparse
import json
import logging
import sys


def parser() -> argparse.ArgumentParser:
    from app.lab.client import default_socket

    p = argparse.ArgumentParser(prog="tessera lab-service", description="Serve a lab machine's Tessera data.")
    p.add_argument("--data-dir", help="the lab data folder (default: the policy's, or the machine-wide one)")
    p.add_argument(
        "--socket", help=f"where to listen (default: the policy's lab_socket, else {default_socket()})"
    )
    p.add_argument("--demo", action="store_true", help="add the demo class if the folder has no class yet")
    p.add_argument(
        "--windows-service",
        action="store_true",
        help="run under Windows' service control manager (the MSI's TesseraLab service; app/lab/winservice.py)",
    )
    return p


def main(argv: list[str]) -> int:
    from app.config import load_settings
    from app.lab.client import default_socket

    p = parser()
    args = p.parse_args(argv)
    settings = load_settings(args.data_dir)
    import os

    from app.bootstrap import setup_logging
    from app.lab.folder import secure_folder

    os.umask(0o077)
    secure_folder(settings.data_dir)  # before the log file is made in it
    setup_logging(settings.data_dir)
    if args.demo:
        from app.bootstrap import open_context
        from app.demo import create_demo

        ctx = open_context(settings=settings)
        if not ctx.services.accounts.has_teacher():
            create_demo(ctx.db)
        ctx.close()
    address = args.socket or settings.get("lab_socket") or default_socket()
    if args.windows_service:
        from app.lab import winservice

        return winservice.run(settings.data_dir, address)
    import signal

    from app.errors import TesseraError
    from app.lab.server import serve

    def _stop(_sig: int, _frame: object) -> None:
        raise KeyboardInterrupt  # systemd's SIGTERM: leave serve_forever, close the database

    signal.signal(signal.SIGTERM, _stop)
    try:
        serve(settings.data_dir, address)
    except TesseraError as exc:
        print(f"tessera lab-service: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        logging.getLogger(__name__).info("lab service stopped")
    return 0


def pin_key_main(argv: list[str]) -> int:
    """``python -m app pin-key show|export|import --data-dir DIR [--file PATH]``: the school's PIN key
    (app/identity/pin_key.py), moved between a school's machines by its admin. Run as the account that
    owns the data folder (the lab service's account on a lab machine: ``sudo -u tessera``)."""
    from pathlib import Path

    from app.config import load_settings
    from app.identity import pin_key

    p = argparse.ArgumentParser(prog="tessera pin-key", description="The school's PIN key (a secret).")
    p.add_argument("action", choices=["show", "export", "import"])
    p.add_argument("--data-dir")
    p.add_argument("--file", help="export: write the key here (0600); import: read it from here")
    args = p.parse_args(argv)
    folder = load_settings(args.data_dir).data_dir
    if args.action == "import":
        if not args.file:
            p.error("import needs --file")
        added = pin_key.import_text(folder, Path(args.file).read_text("ascii"))
        print(f"PIN key {added.primary} is now this machine's; restart the lab service to use it.")
        return 0
    keys = pin_key.load(folder, create=args.action == "export")
    if keys is None:
        print(f"tessera: no PIN key in {folder}.", file=sys.stderr)
        return 2
    if args.action == "show":
        print(json.dumps({"primary": keys.primary, "held": sorted(keys.keys)}))
        return 0
    if not args.file:
        p.error("export needs --file (the key is a secret: it is not printed)")
    from app.identity.keys import write_private

    write_private(Path(args.file), pin_key.export_text(keys))
    print(f"PIN key {keys.primary} written to {args.file} (readable by you only). Move it as a secret.")
    return 0
