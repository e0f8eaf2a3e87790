"""School server figures (issue 14), on PostgreSQL started here (a throwaway cluster, as the tests
start it) and ``tessera-server`` processes on 127.0.0.1. Prints JSON.

    python benchmarks/server.py            # full size
    python benchmarks/server.py --quick    # small, for CI

What is measured (real desktops use the real ``sync_once`` over the HTTP transport):
- ``ingest_per_s``: a teacher laptop sends its class-year (signed segments) to the server: changes
  per second end to end, the server checking every seal and every change with the write policy;
- ``bootstrap_s``: a new lab machine enrolled for that one class (24 students, a class-year: 1.4
  million attempts) takes it from the server with ``sync_once``, from nothing: the server's
  snapshot stream of signed segments, each checked at the gate and applied in bulk into its SQLite;
- ``kolibri_like``: a facility of 40 learners and 20,000 answers sent up, then a second desktop's
  full sync and a no-change sync, beside Kolibri/Morango's figures measured on this machine
  (``/work/shared/peers/kolibri/README.md``: full 294-334 s, no-change 6.4-7.7 s);
- ``devices`` simulated devices (``tests/server/kit.SimDevice``: real keys, seals, HTTP transport,
  gate on receive) syncing incrementally at once (each sends a few changes and takes everyone
  else's): ``sync_p95_ms``, ``errors``; ``server_peak_mb`` is the server processes' peak RSS.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

KOLIBRI = {"full_sync_s": [294, 334], "no_change_s": [6.4, 7.7], "peak_rss_mb": 316}


def generate(db_path: Path, students: int, attempts: int, seed: int = 1) -> dict:
    """One class on a teacher's laptop: students with profiles and plans, and ``attempts``
    practice attempts in their own partitions (school/class/student)."""
    from app.models import Domain, Item, Person, Plan, Profile, School, SchoolClass, Skill
    from app.models.practice import Attempt
    from app.store.capture import bulk_insert_events
    from app.store.database import Database

    rnd = random.Random(seed)
    db = Database.open(db_path)
    with db.write() as s:
        school = School(name="Hill School")
        s.add(school)
        s.flush()
        klass = SchoolClass(school_id=school.id, name="Year 5", year="2025")
        dom = Domain(code="maths", name="Maths")
        s.add_all([klass, dom])
        s.flush()
        skills = [Skill(domain_id=dom.id, code=f"s{i}", name=f"Skill {i}") for i in range(30)]
        s.add_all(skills)
        s.flush()
        items = [
            Item(skill_id=sk.id, prompt=f"{sk.code} {j}", answer=str(j)) for sk in skills for j in range(20)
        ]
        s.add_all(items)
        people = [Person(school_id=school.id, role="student", given_name=f"S{i}") for i in range(students)]
        s.add_all(people)
        s.flush()
        for p in people:
            s.add_all([Profile(student_id=p.id, about_me="maths"), Plan(student_id=p.id, title="Term plan")])
        ids = (school.id, klass.id, [(it.id, it.skill_id) for it in items], [p.id for p in people])
    school_id, class_id, item_ids, student_ids = ids
    made, day = 0, 1_735_000_000.0
    while made < attempts:
        n = min(20_000, attempts - made)
        rows = []
        for i in range(n):
            it, sk = item_ids[rnd.randrange(len(item_ids))]
            st = student_ids[rnd.randrange(len(student_ids))]
            rows.append({"student_id": st, "item_id": it, "skill_id": sk, "answer": str(rnd.randrange(100)),
                         "correct": rnd.random() < 0.7, "response_ms": rnd.randrange(500, 30_000), "at": day + made + i,
                         "partition": f"{school_id}/{class_id}/{st}", "device": db.replica_id, "session_id": "s"})  # fmt: skip
        with db.write() as s:
            bulk_insert_events(s, Attempt, rows)
        made += n
    changes = db.replica_state().next_seq - 1
    db.close()
    return {"changes": changes, "class_id": class_id, "school_row": school_id}


class RssSampler:
    """Peak RSS (MB) of a process tree (the server and its workers), sampled every 0.1 s."""

    def __init__(self, pids) -> None:  # noqa: ANN001
        self.pids, self.peak, self.stop = pids, 0.0, False
        self.peak_one = 0.0  # the largest single process (a worker)
        threading.Thread(target=self._run, daemon=True).start()

    def _tree(self) -> list[int]:
        out = list(self.pids())
        for p in list(out):
            try:
                for t in Path(f"/proc/{p}/task").iterdir():
                    kids = (t / "children").read_text().split()
                    out.extend(int(k) for k in kids)
            except OSError:
                pass
        return out

    def _run(self) -> None:
        while not self.stop:
            total = 0
            for p in self._tree():
                try:
                    for line in Path(f"/proc/{p}/status").read_text().splitlines():
                        if line.startswith("VmRSS:"):
                            total += int(line.split()[1])
                            self.peak_one = max(self.peak_one, int(line.split()[1]) / 1024)
                except OSError:
                    pass
            self.peak = max(self.peak, total / 1024)
            time.sleep(0.1)


def desktops(work: Path, server, pg_url: str, quick: bool) -> dict:  # noqa: ANN001
    """Ingest, a lab machine's bootstrap, and the Kolibri-like facility, with real desktops."""
    import app.trust.run as trust_run
    from app.identity.keys import device
    from app.store.database import Database
    from app.sync.http_transport import open_server
    from app.sync.session import sync_once
    from app.sync.transport import TargetRefused
    from app.trust_upgrade import school_rows
    from tessera_server import devices as srv_devices
    from tessera_server import schools
    from tessera_server.db import make_engine, upgrade

    out: dict = {}
    engine = make_engine(pg_url.replace("postgresql://", "postgresql+psycopg://"))
    upgrade(engine)

    def school_of(db_path: Path) -> str:
        from app.trust.school import create_school

        db = Database.open(db_path)
        ids, replicas, name = school_rows(db)
        create_school(db_path.parent, name or "School", ids, replicas)
        db.close()
        with engine.begin() as conn:
            return schools.import_school(conn, db_path.parent).school_id

    def fresh(name: str, sid: str, role: str, classes: list[str]):  # noqa: ANN202
        path = work / name / "tessera.db"
        path.parent.mkdir(parents=True)
        db = Database.open(path)
        trust_run.policy_anchor = lambda: sid
        try:
            sync_once(db, open_server(server.url, db))
        except TargetRefused:
            pass
        with engine.begin() as conn:
            srv_devices.approve(conn, sid, device(path.parent).id, role, classes)
        return db

    # 1. a class-year of one class of 24 students (1.4 million attempts at full size), sent up;
    # 2. a lab machine of that class takes it: its first sync starts from the server's snapshot
    # (``app/sync/http_snapshot.py``; ``benchmarks/server_bootstrap.py`` measures it alone).
    attempts = 20_000 if quick else 1_400_000
    a_path = work / "laptop" / "tessera.db"
    a_path.parent.mkdir(parents=True)
    gen = generate(a_path, 24, attempts)
    sid = school_of(a_path)
    trust_run.policy_anchor = lambda: sid
    laptop = Database.open(a_path)
    t0 = time.perf_counter()
    r = sync_once(laptop, open_server(server.url, laptop))
    dt = time.perf_counter() - t0
    out["ingest"] = {"changes": r.sent, "seconds": round(dt, 2), "per_s": round(r.sent / dt)}
    lab = fresh("lab", sid, "lab", [gen["class_id"]])
    t0 = time.perf_counter()
    rb = sync_once(lab, open_server(server.url, lab))
    out["bootstrap"] = {"changes": rb.received, "seconds": round(time.perf_counter() - t0, 2),
                        "complete": rb.complete, "students": 24}  # fmt: skip
    laptop.close()
    lab.close()

    # 3. Kolibri-like: 40 learners, 20,000 answers; a second desktop's full and no-change syncs.
    k_path = work / "facility" / "tessera.db"
    k_path.parent.mkdir(parents=True)
    kgen = generate(k_path, 40, 20_000, seed=2)
    ksid = school_of(k_path)
    trust_run.policy_anchor = lambda: ksid
    fac = Database.open(k_path)
    sync_once(fac, open_server(server.url, fac))
    other = fresh("facility-b", ksid, "teacher", ["*"])
    t0 = time.perf_counter()
    rf = sync_once(other, open_server(server.url, other))
    full = time.perf_counter() - t0
    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        rn = sync_once(other, open_server(server.url, other))
        times.append(time.perf_counter() - t0)
        assert rn.received == 0
    out["kolibri_like"] = {
        "records": kgen["changes"], "full_sync_s": round(full, 2), "received": rf.received,
        "no_change_ms": round(statistics.median(times) * 1000, 1),
        "kolibri": KOLIBRI, "speedup_full": round(KOLIBRI["full_sync_s"][0] / full, 1),
    }  # fmt: skip
    fac.close()
    other.close()
    engine.dispose()
    return out


def many(server_urls: list[str], pg_url: str, n: int, rounds: int) -> dict:
    """``n`` simulated devices of one school syncing at once: each sends 5 changes and takes the
    others'. Returns latencies and errors."""
    from tessera_server import devices as srv_devices
    from tessera_server import schools
    from tessera_server.db import make_engine
    from tests.server.kit import SimDevice

    engine = make_engine(pg_url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.begin() as conn:
        sid = schools.create_school(conn, "District school", ["row-many"]).school_id
    devs = []
    for i in range(n):
        d = SimDevice(server_urls[i % len(server_urls)], sid, f"lab-{i}", "teacher", ("*",))
        d.ask()
        devs.append(d)
    with engine.begin() as conn:
        for d in devs:
            srv_devices.approve(conn, sid, d.device_id, "teacher", ["*"])
    for d in devs:
        d.load_cert()
    engine.dispose()

    def work(d) -> float:  # noqa: ANN001
        for _ in range(5):
            rid = str(uuid.uuid4())
            d.change("attempt", rid, {"id": rid, "student_id": "s", "correct": True}, "row-many/c/s")
        t0 = time.perf_counter()
        d.push()
        d.pull()
        return (time.perf_counter() - t0) * 1000

    with ThreadPoolExecutor(32) as ex:  # a first sync each, to be incremental after
        list(ex.map(lambda d: (d.push(), d.pull()), devs))
    lat, errors = [], 0
    for _ in range(rounds):
        with ThreadPoolExecutor(n) as ex:
            futs = [ex.submit(work, d) for d in devs]
            for f in futs:
                try:
                    lat.append(f.result())
                except Exception as exc:  # noqa: BLE001
                    errors += 1
                    print(f"error: {exc!r}", file=sys.stderr)
    lat.sort()
    p95 = lat[int(0.95 * (len(lat) - 1))] if lat else None
    return {"devices": n, "syncs": len(lat), "sync_p50_ms": round(statistics.median(lat), 1) if lat else None,
            "sync_p95_ms": round(p95, 1) if p95 else None, "errors": errors}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--quick", action="store_true")
    p.add_argument("--devices", type=int)
    p.add_argument("--workers", type=int, default=2)
    a = p.parse_args(argv)
    from tests.server.kit import ServerProc
    from tests.server.pgcluster import Cluster, find_bin

    if find_bin() is None:
        print(json.dumps({"error": "no PostgreSQL binaries (apt-get install postgresql)"}))
        return 2
    n = a.devices or (20 if a.quick else 200)
    cluster = Cluster().start()
    servers: list[ServerProc] = []
    try:
        url = cluster.url()
        servers = [ServerProc(url, workers=a.workers, max_busy=512).start()]
        rss = RssSampler(lambda: [s.proc.pid for s in servers if s.proc])
        with tempfile.TemporaryDirectory() as tmp:
            d = desktops(Path(tmp), servers[0], url, a.quick)
        m = many([s.url for s in servers], url, n, rounds=2 if a.quick else 3)
        rss.stop = True
        out = {
            "quick": a.quick, "devices": m["devices"], "sync_p95_ms": m["sync_p95_ms"],
            "sync_p50_ms": m["sync_p50_ms"], "errors": m["errors"], "server_peak_mb": round(rss.peak, 1),
            "server_peak_mb_per_process": round(rss.peak_one, 1),
            "ingest_per_s": d["ingest"]["per_s"], "bootstrap_s": d["bootstrap"]["seconds"],
            "ingest": d["ingest"], "bootstrap": d["bootstrap"], "kolibri_like": d["kolibri_like"],
            "server_workers": a.workers, "cpus": os.cpu_count(),
        }  # fmt: skip
        print(json.dumps(out, indent=1))
    finally:
        for s in servers:
            s.stop()
        cluster.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
