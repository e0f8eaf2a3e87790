"""``python -m app school ...`` and ``python -m app devices ...``: the IT admin's commands for
signed sync (docs/trust.md).

    python -m app school create --data-dir DIR [--name NAME] [--folder PATH]
    python -m app school show   --data-dir DIR [--json]
    python -m app school open-backup FILE --to NEW.db [--data-dir DIR] [--school-key school.key]
    python -m app devices list    --data-dir DIR [--folder PATH] [--json]
    python -m app devices approve DEVICE [--role lab|teacher|admin] [--class CLASS_ID ...] [--folder PATH]
    python -m app devices refuse  DEVICE [--folder PATH]
    python -m app devices revoke  DEVICE [--why TEXT] [--folder PATH]

``school create`` on the teacher's laptop is the one step that moves an existing school to signed
sync: it syncs once as before (so everything already in the folder is taken in), makes the school
key, signs this laptop's certificate (admin), and writes the school's document into the folder.
DEVICE is a device id or its first characters. Exit status: 0 done, 1 failed, 2 bad usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from app.errors import TesseraError
from app.trust.run import refresh_trust


def _parser(prog: str) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog=f"python -m app {prog}")
    sub = p.add_subparsers(dest="action", required=True)
    if prog == "school":
        c = sub.add_parser("create", help="make the school key on this computer (the teacher's laptop)")
        c.add_argument("--name", default="")
        s = sub.add_parser("show", help="the school key's fingerprint, for the school_key policy")
        s.add_argument("--json", action="store_true")
        o = sub.add_parser("open-backup", help="decrypt a backup (of any computer of the school) to a file")
        o.add_argument("backup")
        o.add_argument("--to", required=True, help="the database file to write")
        o.add_argument(
            "--school-key", help="a copy of school.key (from the school safe) instead of this computer's keys"
        )
        both = [c, s, o]
    else:
        ls = sub.add_parser("list", help="enrolled devices and requests waiting")
        ls.add_argument("--json", action="store_true")
        a = sub.add_parser("approve", help="enrol a device that asked to join (writes its certificate)")
        a.add_argument("device")
        a.add_argument("--role", choices=["lab", "teacher", "admin"])
        a.add_argument(
            "--class", dest="classes", action="append", help="a class id (repeat); default: as asked"
        )
        r = sub.add_parser("refuse", help="refuse a device's request")
        r.add_argument("device")
        v = sub.add_parser("revoke", help="revoke an enrolled device: its later changes are refused")
        v.add_argument("device")
        v.add_argument("--why", default="")
        both = [ls, a, r, v]
    for q in both:
        q.add_argument("--data-dir", help="Tessera's data folder (defaults as the app does)")
        q.add_argument("--folder", help="the sync folder (defaults to the sync_folder setting)")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args_in = list(sys.argv[1:] if argv is None else argv)
    prog = args_in[0] if args_in and args_in[0] in ("school", "devices") else "devices"
    if args_in[:1] == [prog]:
        args_in = args_in[1:]
    try:
        args = _parser(prog).parse_args(args_in)
    except SystemExit as exc:
        return 0 if exc.code == 0 else 2
    from app.config import load_settings

    settings = load_settings(args.data_dir)
    folder = args.folder or settings.get("sync_folder") or None
    try:
        if prog == "school":
            return _school(args, settings, folder)
        return _devices(args, settings.data_dir, folder)
    except TesseraError as exc:
        print(str(exc), file=sys.stderr)
        return 1


def _school(args, settings, folder: str | None) -> int:
    from app.trust.state import TrustState

    data_dir = Path(settings.data_dir)
    if args.action == "show":
        st = TrustState.load(data_dir)
        if st.school is None:
            print("This computer has no school key yet (python -m app school create).", file=sys.stderr)
            return 1
        info = {
            "name": st.school.name,
            "school_key": st.school.fingerprint,
            "school_ids": list(st.school.school_ids),
        }
        if args.json:
            print(json.dumps(info, indent=1))
        else:
            print(f"School: {info['name']}\nschool_key (for the machine policy): {info['school_key']}")
        return 0
    if args.action == "open-backup":
        return _open_backup(args, data_dir)
    from app.trust_upgrade import move_to_signed_sync

    school = move_to_signed_sync(settings, folder, args.name)
    print(f"Signed sync is on for {school.name or 'this school'}.")
    print(f"school_key (set it in the machine policy of every lab machine): {school.fingerprint}")
    print("Lab machines already syncing ask to join at their next sync: python -m app devices list")
    return 0


def _open_backup(args, data_dir: Path) -> int:
    """The recovery path for a computer that died: its backup, decrypted on any enrolled computer
    of the school (its own keys) or with the copy of the school key kept in the school safe."""
    from app.identity.datakeys import Keyring, local_keyring, school_ring
    from app.identity.keys import read_private
    from app.store.backup_seal import is_sealed_backup, open_into

    backup, target = Path(args.backup), Path(args.to)
    if target.exists():
        print(f"{target} exists already; name a new file.", file=sys.stderr)
        return 1
    if not is_sealed_backup(backup):
        import shutil

        shutil.copy2(backup, target)  # a plain backup (from before the school key)
        print(f"Written to {target} (the backup was not encrypted).")
        return 0
    ring: Keyring = local_keyring(data_dir)
    if args.school_key:
        key = read_private(Path(args.school_key))
        if key is None:
            print("That file is not a school key.", file=sys.stderr)
            return 1
        ring = school_ring(key, 10_000)
    open_into(backup, target, ring)
    print(f"Written to {target}.")
    return 0


def _devices(args, data_dir, folder: str | None) -> int:
    from app.trust import school
    from app.trust.devices import device_list

    data_dir = Path(data_dir)
    if folder:
        refresh_trust(data_dir, folder)
    if args.action == "list":
        rows = device_list(data_dir)
        if args.json:
            print(json.dumps([r.__dict__ for r in rows], indent=1))
        else:
            for r in rows:
                print(f"{r.device[:8]}  {r.status:<9} {r.role:<8} {r.name}  {r.detail}")
            if not rows:
                print("No devices yet.")
        return 0
    if args.action == "approve":
        cert = school.approve(data_dir, args.device, args.role, args.classes)
        print(f"Approved {cert.name or cert.device} as {cert.role} (certificate {cert.serial}).")
    elif args.action == "refuse":
        school.refuse(data_dir, args.device)
        print("Refused.")
    else:
        serials = school.revoke(data_dir, args.device, args.why, _held(data_dir))
        print(
            f"Revoked (certificate {', '.join(map(str, serials))}); its later changes are refused everywhere."
        )
    if folder:
        refresh_trust(data_dir, folder)
    return 0


def _held(data_dir: Path) -> dict[str, int]:
    """The version vector of the database in ``data_dir`` (what the revocation keeps good)."""
    from app.store.database import Database
    from app.trust.service import held_vector

    path = data_dir / "tessera.db"
    if not path.exists():
        return {}
    db = Database.open(path)
    try:
        return held_vector(db)
    finally:
        db.close()
