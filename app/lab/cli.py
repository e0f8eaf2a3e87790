"""``python -m app lab-service --data-dir DIR [--socket PATH] [--demo]``: run the Tessera lab service
(as its own OS account, from the system unit, Windows service or launchd daemon: docs/installing.md)."""

from __future__ import annotations

import argparse
import logging
import sys


def main(argv: list[str]) -> int:
    from app.config import load_settings
    from app.lab.client import default_socket

    p = argparse.ArgumentParser(prog="tessera lab-service", description="Serve a lab machine's Tessera data.")
    p.add_argument("--data-dir", help="the lab data folder (default: the policy's, or the machine-wide one)")
    p.add_argument(
        "--socket", help=f"where to listen (default: the policy's lab_socket, else {default_socket()})"
    )
    p.add_argument("--demo", action="store_true", help="add the demo class if the folder has no class yet")
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
    from app.errors import TesseraError
    from app.lab.server import serve

    try:
        serve(settings.data_dir, args.socket or settings.get("lab_socket") or default_socket())
    except TesseraError as exc:
        print(f"tessera lab-service: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        logging.getLogger(__name__).info("lab service stopped")
    return 0
