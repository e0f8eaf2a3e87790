"""``python -m app export ...``: the exports, run as the machine itself (every class, or one)."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import text

from app.errors import NotFound


def _classes(ctx, wanted: str) -> list[tuple[str, str]]:
    with ctx.db.read() as s:
        rows = (
            s.connection()
            .execute(
                text("SELECT id, name FROM school_class WHERE deleted = 0 AND archived = 0 ORDER BY name")
            )
            .all()
        )
    if wanted:
        rows = [r for r in rows if wanted in (r[0], r[1])]
        if not rows:
            raise NotFound(f"There is no class called {wanted!r} in this data folder.")
    return [(r[0], r[1]) for r in rows]


def run_export(ctx, args) -> int:
    from app.errors import InvalidInput
    from app.people.actor import SYSTEM

    svc = ctx.services.exports
    if not args.out and not (args.what == "xapi" and args.lrs):
        raise InvalidInput("Say where to write the export with --out PATH.")
    out = Path(args.out or ".")
    results = []
    if args.what in ("gradebook", "skills", "xapi"):
        classes = _classes(ctx, args.klass)
        for cid, name in classes:
            target = out if len(classes) == 1 else out / _safe(name)
            if args.what == "gradebook":
                r = svc.gradebook(SYSTEM, cid, target)
            elif args.what == "skills":
                r = svc.skills_csv(SYSTEM, cid, target if target.suffix else target.with_suffix(".csv"))
            elif args.lrs:
                from app.interop.lrs import client_from_settings, cursor_path

                client = client_from_settings(ctx.settings)
                if client is None:
                    raise InvalidInput("No LRS is set: the machine policy's xapi_lrs_url is empty.")
                r = svc.xapi_push(SYSTEM, cid, client, cursor_path(ctx.settings, cid))
            else:
                r = svc.xapi_folder(SYSTEM, cid, target)
            results.append({"class": name, "path": str(r.path), "rows": r.rows})
    elif args.what == "qti":
        r = svc.qti(SYSTEM, out)
        results.append({"path": str(r.path), "rows": r.rows})
    else:
        r = svc.case(SYSTEM, out)
        results.append({"path": str(r.path), "rows": r.rows})
    print(json.dumps({"export": args.what, "written": results}, indent=2, ensure_ascii=False))
    return 0


def _safe(name: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_ " else "_" for ch in name).strip() or "class"
