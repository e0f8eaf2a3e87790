"""``tessera-server``: run the school server and administer it.

tessera-server --data-dir DIR                      serve one school's server on SQLite
tessera-server --database postgresql://... serve   a district's, on PostgreSQL
tessera-server ... school create NAME [--url URL]  a new school: prints its key's fingerprint
tessera-server ... school import DATA_DIR          bring a school set up on a desktop
tessera-server ... school list | restored          list; after restoring a backup (new epoch)
tessera-server ... devices list|approve|refuse|revoke [DEVICE] --school ID
tessera-server ... quarantine list --school ID
tessera-server ... upgrade                         migrate the schema (serve does it too)
"""

from __future__ import annotations

import argparse
import ipaddress
import json
import os
import sys
from pathlib import Path

from sqlalchemy import select

from tessera_server import devices, schools
from tessera_server.db import make_engine, upgrade, url_for
from tessera_server.schema import quarantine
from tessera_server.schools import ServerError

ENV_URL = "TESSERA_SERVER_DATABASE"


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="tessera-server", description="The Tessera school server.")
    p.add_argument("--data-dir", help="folder of a one-school server's SQLite database")
    p.add_argument("--database", help="postgresql://user:pass@host/db (a district's server)")
    sub = p.add_subparsers(dest="cmd")
    s = sub.add_parser("serve", help="run the server (the default)")
    _serve_args(s)
    sub.add_parser("upgrade", help="bring the database schema up to date")
    sc = sub.add_parser("school", help="create, import or list schools")
    scs = sc.add_subparsers(dest="action", required=True)
    c = scs.add_parser("create")
    c.add_argument("name")
    c.add_argument("--school-id", action="append", default=[], help="a school row id (repeat for several)")
    c.add_argument(
        "--url", default="https://tessera.school.example", help="the server's address, for the MSI line"
    )
    i = scs.add_parser("import")
    i.add_argument("data_dir", help="the data folder of the desktop that holds the school key")
    scs.add_parser("list")
    scs.add_parser("restored", help="after restoring a backup: a new epoch, so devices reconcile")
    d = sub.add_parser("devices", help="list, approve, refuse or revoke devices")
    d.add_argument("action", choices=["list", "approve", "refuse", "revoke"])
    d.add_argument("device", nargs="?")
    d.add_argument("--school", required=True)
    d.add_argument("--role", choices=["lab", "teacher", "admin"])
    d.add_argument("--classes", help="class ids, comma-separated (* for every class)")
    d.add_argument("--why", default="")
    q = sub.add_parser("quarantine", help="changes refused by the school's rules")
    q.add_argument("action", choices=["list"])
    q.add_argument("--school", required=True)
    q.add_argument("--json", action="store_true")
    return p


def _serve_args(s: argparse.ArgumentParser) -> None:
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8770)
    s.add_argument("--workers", type=int, default=1)
    s.add_argument("--certfile")
    s.add_argument("--keyfile")
    s.add_argument("--behind-proxy", action="store_true",
                   help="TLS ends at a reverse proxy: trust its X-Forwarded-Proto")  # fmt: skip
    s.add_argument("--forwarded-allow-ips", default="127.0.0.1")
    s.add_argument("--max-busy", type=int, default=64, help="requests worked on at once before 429")


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    p = _parser()
    args, rest = p.parse_known_args(argv)
    if args.cmd is None:
        s = argparse.ArgumentParser(prog="tessera-server")
        _serve_args(s)
        serve_args = s.parse_args(rest)
        args.cmd = "serve"
        for k, v in vars(serve_args).items():
            setattr(args, k, v)
    elif rest:
        p.error(f"unrecognized arguments: {' '.join(rest)}")
    try:
        url = url_for(args.data_dir, args.database or os.environ.get(ENV_URL))
    except ValueError as exc:
        p.error(str(exc))
    try:
        return _run(args, url)
    except ServerError as exc:
        print(f"tessera-server: {exc}", file=sys.stderr)
        return 2


def _run(args: argparse.Namespace, url: str) -> int:
    if args.cmd == "serve":
        return serve(args, url)
    engine = make_engine(url)
    upgrade(engine)
    if args.cmd == "upgrade":
        print("The database schema is up to date.")
        return 0
    with engine.begin() as conn:
        if args.cmd == "school":
            return _school(conn, args)
        if args.cmd == "devices":
            return _devices(conn, args)
        if args.cmd == "quarantine":
            rows = conn.execute(select(quarantine).where(quarantine.c.school_id == args.school)
                                .order_by(quarantine.c.at)).fetchall()  # fmt: skip
            out = [{"origin": r.origin, "seq": r.seq, "device": r.device_id, "code": r.code, "why": r.words,
                    "at": r.at} for r in rows]  # fmt: skip
            if args.json:
                print(json.dumps(out, indent=1))
            else:
                print(f"{len(out)} change(s) refused and kept aside.")
                for r in out:
                    print(f"  {r['origin'][:8]}/{r['seq']}  from {r['device'][:8]}  {r['code']}: {r['why']}")
            return 0
    return 1


def _school(conn, args: argparse.Namespace) -> int:  # noqa: ANN001
    if args.action == "create":
        import uuid

        ids = args.school_id or [str(uuid.uuid4())]
        row = schools.create_school(conn, args.name, ids)
        print(f"School: {row.name}")
        print(f"school_key fingerprint: {row.school_id}")
        print(f"school row id(s): {', '.join(ids)}")
        print("Install Tessera on the school's computers with:")
        print(f"  msiexec /i tessera-0.1.0-x64.msi /qn SERVERURL={args.url} SCHOOLKEY={row.school_id}")
        return 0
    if args.action == "import":
        row = schools.import_school(conn, Path(args.data_dir))
        print(f"Imported {row.name}; school_key fingerprint: {row.school_id}")
        return 0
    if args.action == "restored":
        ids = schools.new_epoch_after_restore(conn)
        print(
            f"New epoch for {len(ids)} school(s): devices will reconcile by version vector at their next sync."
        )
        return 0
    for sid, name, epoch in schools.schools(conn):
        print(f"{sid}  {name}  (epoch {epoch})")
    return 0


def _devices(conn, args: argparse.Namespace) -> int:  # noqa: ANN001
    if args.action == "list":
        for d in devices.listing(conn, args.school):
            print(
                f"{d.device_id}  {d.status:<9} {d.role:<8} {d.name}  classes: {', '.join(d.classes) or '-'}"
            )
        return 0
    if not args.device:
        raise ServerError("Say which device (its id, or the start of it).")
    if args.action == "approve":
        classes = [c for c in (args.classes or "").split(",") if c] or None
        cert = devices.approve(conn, args.school, args.device, args.role, classes)
        print(f"Approved {cert.name or cert.device} as {cert.role} (serial {cert.serial}).")
    elif args.action == "refuse":
        devices.refuse(conn, args.school, args.device)
        print("Refused.")
    else:
        serial = devices.revoke(conn, args.school, args.device, args.why)
        print(f"Revoked (serial {serial}): its later changes are refused everywhere.")
    return 0


def serve(args: argparse.Namespace, url: str) -> int:
    tls = bool(args.certfile and args.keyfile)
    try:
        loop = ipaddress.ip_address(args.host).is_loopback
    except ValueError:
        loop = args.host == "localhost"
    if not (tls or loop or args.behind_proxy):
        raise ServerError(
            "Refusing to serve plain HTTP beyond this computer: give --certfile and --keyfile, or put "
            "the server behind a reverse proxy that does HTTPS and pass --behind-proxy."
        )
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    os.environ[ENV_URL] = url
    os.environ["TESSERA_SERVER_MAX_BUSY"] = str(args.max_busy)
    # Two malloc arenas per process, not up to eight per core for the request pool's threads: less
    # memory held per worker (glibc reads it at start, so it is set before the exec).
    os.environ.setdefault("MALLOC_ARENA_MAX", "2")
    cmd = [sys.executable, "-m", "uvicorn", "tessera_server.web:app_from_env", "--factory", "--host", args.host,
           "--port", str(args.port), "--workers", str(args.workers), "--log-level", "warning", "--no-access-log",
           "--forwarded-allow-ips", args.forwarded_allow_ips,
           "--proxy-headers" if args.behind_proxy else "--no-proxy-headers"]  # fmt: skip
    if tls:
        cmd += ["--ssl-certfile", args.certfile, "--ssl-keyfile", args.keyfile]
    if os.name == "posix":
        # Become uvicorn (the same process id, for systemd and signals) without what this process
        # imported to check and migrate the database: the workers' supervisor stays small.
        sys.stdout.flush()
        os.execv(sys.executable, cmd)
    import subprocess

    return subprocess.call(cmd)
