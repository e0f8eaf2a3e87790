"""A new lab machine taking one class from the school server (issue 14: "a class-year of practice
... at most 10 s"). Prints JSON.

    python benchmarks/server_bootstrap.py            # 24 students, 1,400,000 attempts, PostgreSQL
    python benchmarks/server_bootstrap.py --quick    # 20,000 attempts
    python benchmarks/server_bootstrap.py --sqlite   # the one-school server on SQLite instead

A teacher laptop makes the class-year (``benchmarks/server.py`` ``generate``) and sends it to the
server with the real ``sync_once`` (signed segments, every seal and change checked by the
server): ``ingest_s``. Then a new lab machine enrolled for that class syncs from nothing with the
real ``sync_once``: it starts from the server's snapshot stream (``app/sync/http_snapshot.py``),
checks every segment's seal and every change at the gate, and applies them in bulk; then the
rest of the sync (listing after the snapshot's cursor, the end-of-sync check) runs as usual.
``bootstrap_s`` is that whole first sync, from an empty database to a usable one.
``--replay`` measures the old path instead (page by page through ``sync_once``'s receive step).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

FULL_ATTEMPTS = 1_400_000  # a class-year of practice for 24 students
QUICK_ATTEMPTS = 20_000


def _server_bench():  # noqa: ANN202
    spec = importlib.util.spec_from_file_location("server_bench", REPO / "benchmarks" / "server.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def run(
    work: Path, target: str, attempts: int, replay: bool, profile: str | None, keep: bool = False
) -> dict:
    import app.trust.run as trust_run
    from app.identity.keys import device
    from app.store.database import Database
    from app.store.raw import raw_connection
    from app.sync import http_snapshot
    from app.sync.http_transport import open_server
    from app.sync.session import sync_once
    from app.sync.transport import TargetRefused
    from app.trust.school import create_school
    from app.trust_upgrade import school_rows
    from tessera_server import schools
    from tests.server.kit import ServerProc, approve, db_url

    bench = _server_bench()
    t0 = time.perf_counter()
    a_path = work / "laptop" / "tessera.db"
    a_path.parent.mkdir(parents=True)
    gen = bench.generate(a_path, 24, attempts)
    made_s = time.perf_counter() - t0
    db = Database.open(a_path)
    ids, replicas, name = school_rows(db)
    create_school(a_path.parent, name or "School", ids, replicas)
    db.close()
    from tessera_server.db import make_engine, upgrade

    engine = make_engine(db_url(target))
    upgrade(engine)
    with engine.begin() as conn:
        sid = schools.import_school(conn, a_path.parent).school_id
    engine.dispose()
    server = ServerProc(target, workers=1).start()
    try:
        trust_run.policy_anchor = lambda: sid
        laptop = Database.open(a_path)
        t0 = time.perf_counter()
        sent = sync_once(laptop, open_server(server.url, laptop)).sent
        ingest_s = time.perf_counter() - t0
        laptop.close()

        lab_path = work / "lab" / "tessera.db"
        lab_path.parent.mkdir(parents=True)
        lab = Database.open(lab_path)
        try:
            sync_once(lab, open_server(server.url, lab))  # asks to join
        except TargetRefused:
            pass
        approve(target, sid, device(lab_path.parent).id, "lab", [gen["class_id"]])
        if replay:
            http_snapshot.ENABLED = False
        http_snapshot.DROP_INDEXES = not keep
        prof = None
        if profile:
            import cProfile

            prof = cProfile.Profile()
            prof.enable()
        t0 = time.perf_counter()
        r = sync_once(lab, open_server(server.url, lab))
        boot_s = time.perf_counter() - t0
        split = {k: round(v, 2) for k, v in http_snapshot.TIMES.items()}
        if prof is not None:
            prof.disable()
            prof.dump_stats(profile)
        with lab.read() as s:
            got = raw_connection(s).execute("SELECT count(*) FROM attempt").fetchone()[0]
        # The next sync goes on from where the snapshot ended: nothing again.
        t0 = time.perf_counter()
        again = sync_once(lab, open_server(server.url, lab))
        next_ms = (time.perf_counter() - t0) * 1000
        lab.close()
    except BaseException:
        server.stop()
        if server.proc is not None and server.proc.stderr is not None:
            print(server.proc.stderr.read().decode("utf-8", "replace")[-4000:], file=sys.stderr)
        raise
    finally:
        server.stop()
    return {
        "attempts": attempts, "students": 24, "changes": gen["changes"], "generate_s": round(made_s, 1),
        "ingest_s": round(ingest_s, 2), "ingest_per_s": round(sent / ingest_s), "path": "replay" if replay else "snapshot", "indexes_dropped": not keep,
        "bootstrap_s": round(boot_s, 2), "bootstrap_per_s": round(r.received / boot_s), "received": r.received,
        "attempts_on_lab": got, "snapshot_split_s": split, "complete": r.complete, "refused": r.refused,
        "next_sync_ms": round(next_ms, 1), "next_sync_received": again.received,
    }  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--quick", action="store_true")
    p.add_argument("--attempts", type=int)
    p.add_argument("--sqlite", action="store_true", help="the one-school server on SQLite")
    p.add_argument("--replay", action="store_true", help="the old path: page by page, no snapshot")
    p.add_argument("--keep-indexes", action="store_true", help="the snapshot keeps the indexes up as it goes")
    p.add_argument("--profile", help="write a cProfile of the lab machine's first sync here")
    a = p.parse_args(argv)
    import logging

    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    from tests.server.pgcluster import Cluster, find_bin

    attempts = a.attempts or (QUICK_ATTEMPTS if a.quick else FULL_ATTEMPTS)
    with tempfile.TemporaryDirectory() as tmp:
        cluster = None
        if a.sqlite:
            target = str(Path(tmp) / "server")
        else:
            if find_bin() is None:
                print(json.dumps({"error": "no PostgreSQL binaries (apt-get install postgresql)"}))
                return 2
            cluster = Cluster().start()
            target = cluster.url()
        try:
            out = run(Path(tmp), target, attempts, a.replay, a.profile, a.keep_indexes)
        finally:
            if cluster is not None:
                cluster.stop()
    out.update(quick=a.quick, database="sqlite" if a.sqlite else "postgresql", cpus=os.cpu_count())
    print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
