"""School server figures (issue 14), on PostgreSQL started here (a throwaway cluster, as the tests
start it) and ``tessera-server`` processes on 127.0.0.1. Prints JSON.

    python benchmarks/server.py            # full size (writes /tmp/perf_full.json too)
    python benchmarks/server.py --quick    # small, for CI (under a minute)
    python benchmarks/server.py --skip-desktops --devices 200 --window 60   # the devices only

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
  gate on receive; teacher computers of every class, so each takes every other's changes), all
  enrolled and active, run in ``--clients`` processes of their own (``many``). One sync = 5 new
  changes pushed, then the pull (listing, segments, the gate's check of each, the seen vector),
  timed end to end from the device's side:
  - ``sync_p95_ms`` / ``sync_p50_ms``: what a school sees in a lesson. Each device syncs on the
    desktop agent's schedule, every ``--interval`` seconds (the agent's 60 s), the devices' starts
    spread at random over ``--window`` seconds (60 s), ``--rounds`` syncs each (2): about 3.3 syncs
    a second arrive at 200 devices;
  - ``herd_p95_ms`` / ``herd_p50_ms``: the thundering herd, every device syncing within one second
    (after a power cut or the first minute of a lesson); shown so that nothing is hidden;
  - ``errors``: failed syncs in both phases; ``many.*.cpu_ms_per_sync``: CPU per sync of the
    server processes, PostgreSQL and the simulated devices, which on a small machine share its
    cores (on a real network the devices' own work is on their own computers);
  - ``server_peak_mb``: the peak of the summed RSS of every server process (uvicorn's supervisor,
    its workers, multiprocessing's resource tracker) over the whole run, the ingest included;
    ``server_peak_mb_each``: each process's own peak.
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
        self.count = 0  # processes seen at once (the server and its workers)
        self.per_process: dict[int, float] = {}  # pid -> peak MB
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
            tree = self._tree()
            self.count = max(self.count, len(tree))
            for p in tree:
                try:
                    for line in Path(f"/proc/{p}/status").read_text().splitlines():
                        if line.startswith("VmRSS:"):
                            total += int(line.split()[1])
                            mb = int(line.split()[1]) / 1024
                            self.peak_one = max(self.peak_one, mb)
                            self.per_process[p] = max(self.per_process.get(p, 0.0), mb)
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


def _device_syncs(conn, urls: list[str], sid: str, ids: list[int]) -> None:  # noqa: ANN001
    """One client process (``many``): its share of the devices, enrolled, then each device's syncs
    at the times it is sent (seconds after a common start), timed from the moment each starts."""
    from concurrent.futures import ThreadPoolExecutor as Pool

    from tests.server.kit import SimDevice

    devs = {}
    for i in ids:
        d = SimDevice(urls[i % len(urls)], sid, f"lab-{i}", "teacher", ("*",))
        d.ask()
        devs[i] = d
    conn.send({i: d.device_id for i, d in devs.items()})
    conn.recv()  # approved
    for d in devs.values():
        d.load_cert()
        d.push()
        d.pull()  # a first sync each, so that every timed one is incremental
    conn.send("ready")
    phases = conn.recv()  # {phase name: (start wall time, {device: [offsets]})}
    out: dict = {}
    locks = {i: threading.Lock() for i in devs}

    def one(i: int) -> tuple[float, str]:
        d = devs[i]
        with locks[i]:  # a device's syncs never overlap (the agent waits for the last one)
            try:
                for _ in range(5):
                    rid = str(uuid.uuid4())
                    d.change("attempt", rid, {"id": rid, "student_id": "s", "correct": True}, "row-many/c/s")
                t0 = time.perf_counter()
                d.sync()
                return (time.perf_counter() - t0) * 1000, ""
            except Exception as exc:  # noqa: BLE001
                return -1.0, repr(exc)[:300]

    for name, (start, offsets) in phases.items():
        plan = sorted((start + off, i) for i, offs in offsets.items() for off in offs)
        lat, errors, late = [], [], []
        with Pool(max(4, len(devs))) as ex:
            futs = []
            for at, i in plan:
                wait = at - time.time()
                if wait > 0:
                    time.sleep(wait)
                late.append(max(0.0, -wait) * 1000)
                futs.append(ex.submit(one, i))
            for f in futs:
                ms, err = f.result()
                (errors.append(err) if err else lat.append(ms))
        out[name] = {"lat": lat, "errors": errors, "late_ms": late}
    conn.send(out)


def _cpu_s(pid: int) -> float:
    """CPU seconds a process and its waited-for children have used (``/proc``)."""
    try:
        f = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return sum(int(x) for x in f[11:15]) / os.sysconf("SC_CLK_TCK")


def _pg_cpu_s() -> float:
    total = 0.0
    for p in Path("/proc").iterdir():
        if p.name.isdigit():
            try:
                if "(postgres)" in (p / "stat").read_text():
                    total += _cpu_s(int(p.name))
            except OSError:
                pass
    return total


def _pct(xs: list[float], q: float) -> float | None:
    xs = sorted(xs)
    return round(xs[min(len(xs) - 1, int(q * len(xs)))], 1) if xs else None


def many(server_urls: list[str], pg_url: str, n: int, window: float, rounds: int, interval: float,
         clients: int, server_cpu, seed: int = 7) -> dict:  # noqa: ANN001  # fmt: skip
    """``n`` enrolled devices of one school (teacher computers, every class: each takes every
    other's changes) syncing incrementally. Two phases, each sync = 5 new changes pushed, then
    the device's pull (listing, segments, gate check, seen vector), timed end to end:

    - ``spread``: what a school sees in a normal lesson: every device active, each syncing on
      the desktop agent's schedule (``app/sync/agent.py``: every ``interval`` seconds from when
      it started), the devices' starts spread uniformly at random over ``window`` seconds, for
      ``rounds`` rounds each (at 200 devices and 60 s: about 3.3 syncs a second arrive);
    - ``herd``: the thundering herd: every device syncs within the same second, once.

    The devices run in ``clients`` separate processes (threads inside), so their own signature
    checks do not share the benchmark's or the server's interpreter lock; on a small machine they
    still share its cores with the server and PostgreSQL."""
    import multiprocessing as mp

    from tessera_server import devices as srv_devices
    from tessera_server import schools
    from tessera_server.db import make_engine

    engine = make_engine(pg_url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.begin() as conn:
        sid = schools.create_school(conn, "District school", ["row-many"]).school_id
    ctx = mp.get_context("spawn")
    shares = [list(range(k, n, clients)) for k in range(clients)]
    pipes, procs = [], []
    for share in shares:
        a, b = ctx.Pipe()
        pr = ctx.Process(target=_device_syncs, args=(b, server_urls, sid, share), daemon=True)
        pr.start()
        pipes.append(a)
        procs.append(pr)
    ids = {}
    for a in pipes:
        ids.update(a.recv())
    with engine.begin() as conn:
        for dev in ids.values():
            srv_devices.approve(conn, sid, dev, "teacher", ["*"])
    engine.dispose()
    for a in pipes:
        a.send("approved")
    for a in pipes:
        assert a.recv() == "ready"
    rnd = random.Random(seed)
    start = time.time() + 1.0
    spread = {i: [rnd.uniform(0, window) + r * interval for r in range(rounds)] for i in range(n)}
    herd_at = start + window + (rounds - 1) * interval + 5.0
    herd = {i: [rnd.uniform(0, 1.0)] for i in range(n)}
    for k, a in enumerate(pipes):
        a.send({"spread": (start, {i: spread[i] for i in shares[k]}),
                "herd": (herd_at, {i: herd[i] for i in shares[k]})})  # fmt: skip
    # CPU seconds used in each phase by the server processes, PostgreSQL and the client processes.
    clients_cpu = lambda: sum(_cpu_s(pr.pid) for pr in procs)  # noqa: E731
    marks = [(server_cpu(), _pg_cpu_s(), clients_cpu())]
    time.sleep(max(0.0, herd_at - 0.5 - time.time()))
    marks.append((server_cpu(), _pg_cpu_s(), clients_cpu()))
    got = [a.recv() for a in pipes]
    marks.append((server_cpu(), _pg_cpu_s(), clients_cpu()))
    for pr in procs:
        pr.join(30)
    out: dict = {
        "devices": n,
        "window_s": window,
        "interval_s": interval,
        "rounds": rounds,
        "clients": clients,
    }
    for name in ("spread", "herd"):
        lat = [x for g in got for x in g[name]["lat"]]
        errs = [e for g in got for e in g[name]["errors"]]
        late = [x for g in got for x in g[name]["late_ms"]]
        for e in errs[:5]:
            print(f"error ({name}): {e}", file=sys.stderr)
        k = 0 if name == "spread" else 1
        # None where a sum went down: processes (PostgreSQL backends) ended and took their count along.
        cpu = [round((b - a) * 1000 / max(1, len(lat) + len(errs)), 1) if b >= a else None
               for a, b in zip(marks[k], marks[k + 1])]  # fmt: skip
        out[name] = {"syncs": len(lat), "errors": len(errs), "p50_ms": _pct(lat, 0.5), "p95_ms": _pct(lat, 0.95),
                     "max_ms": _pct(lat, 1.0), "client_late_p95_ms": _pct(late, 0.95),
                     "cpu_ms_per_sync": {"server": cpu[0], "postgresql": cpu[1], "clients": cpu[2]}}  # fmt: skip
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--quick", action="store_true")
    p.add_argument("--devices", type=int, help="simulated devices (200; quick 20)")
    p.add_argument(
        "--window", type=float, help="seconds over which the devices' syncs are spread (60; quick 5)"
    )
    p.add_argument(
        "--interval", type=float, help="seconds between a device's syncs (the agent's 60; quick 5)"
    )
    p.add_argument("--rounds", type=int, help="syncs per device in the spread phase (2)")
    p.add_argument("--clients", type=int, default=4, help="client processes the devices run in")
    p.add_argument("--workers", type=int, default=2, help="server processes (uvicorn workers)")
    p.add_argument("--skip-desktops", action="store_true", help="only the many-devices figures")
    a = p.parse_args(argv)
    from tests.server.kit import ServerProc
    from tests.server.pgcluster import Cluster, find_bin

    if find_bin() is None:
        print(json.dumps({"error": "no PostgreSQL binaries (apt-get install postgresql)"}))
        return 2
    n = a.devices or (20 if a.quick else 200)
    window = a.window or (5.0 if a.quick else 60.0)
    interval = a.interval or (5.0 if a.quick else 60.0)
    cluster = Cluster().start()
    servers: list[ServerProc] = []
    try:
        url = cluster.url()
        servers = [ServerProc(url, workers=a.workers, max_busy=512).start()]
        rss = RssSampler(lambda: [s.proc.pid for s in servers if s.proc])
        d: dict = {}
        if not a.skip_desktops:
            with tempfile.TemporaryDirectory() as tmp:
                d = desktops(Path(tmp), servers[0], url, a.quick)
        rss_desktops = round(rss.peak, 1)
        server_cpu = lambda: sum(_cpu_s(p) for p in rss._tree())  # noqa: E731
        m = many([s.url for s in servers], url, n, window, a.rounds or 2, interval, a.clients, server_cpu)
        rss.stop = True
        out = {
            "quick": a.quick, "devices": m["devices"], "sync_p95_ms": m["spread"]["p95_ms"],
            "sync_p50_ms": m["spread"]["p50_ms"], "herd_p95_ms": m["herd"]["p95_ms"],
            "herd_p50_ms": m["herd"]["p50_ms"], "errors": m["spread"]["errors"] + m["herd"]["errors"],
            "server_peak_mb": round(rss.peak, 1), "server_peak_mb_per_process": round(rss.peak_one, 1),
            "server_peak_mb_desktops": rss_desktops, "server_processes": rss.count,
            "server_peak_mb_each": sorted(round(v, 1) for v in rss.per_process.values()),
            "ingest_per_s": d.get("ingest", {}).get("per_s"), "bootstrap_s": d.get("bootstrap", {}).get("seconds"),
            "many": m, **{k: d[k] for k in ("ingest", "bootstrap", "kolibri_like") if k in d},
            "server_workers": a.workers, "cpus": os.cpu_count(),
        }  # fmt: skip
        print(json.dumps(out, indent=1))
        (Path("/tmp/perf_full.json") if not a.quick else Path("/tmp/perf_quick.json")).write_text(
            json.dumps(out, indent=1)
        )
    finally:
        for s in servers:
            s.stop()
        cluster.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
