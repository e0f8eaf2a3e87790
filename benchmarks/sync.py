"""Sync figures: a class-year exported by one replica and applied by a fresh one through a folder.

    python benchmarks/sync.py                 # 1,400,000 attempts (a class-year of 40 students)
    python benchmarks/sync.py --quick         # 50,000 attempts, for CI
    python benchmarks/sync.py --attempts N
    python benchmarks/sync.py --no-cache      # build the class-year afresh

The class-year database (the slow part: minutes for the full size) is built once and cached in
``$TESSERA_BENCH_CACHE`` (default: ``<tmp>/tessera-bench-cache``), keyed by size, seed and the
source of the models, migrations and change capture; each run copies it, so export, apply and
the incremental sync are measured afresh every time.

Signed sync (issue 13) is measured side by side in the same run: the same class-year exported
again with the school's key set up (every batch sealed) and applied by another fresh replica that
checks every seal and every change at the gate. Goals: apply with verification on >= 20,000
changes/s and within 10% of the rate with it off; sealing adds <= 5% to export time.

With ``--encrypted`` the share's encryption (issue 19: batches encrypted with the school's data
key) is measured side by side too: the signed pair above runs with encryption off (a school set
up before it), and a third pair runs signed and encrypted. Goal: encryption costs at most 10% of
the export and apply rates (``encryption`` in the JSON; ``crypto_cpu_s`` is the CPU time spent
in encrypting and decrypting, measured inside the run).

Prints JSON. Export and apply each run in a child process, so ``peak_rss_mb`` is that process's
own high-water mark (``VmHWM`` on Linux, ``ru_maxrss`` elsewhere), imports included; ``baseline_rss_mb`` is the same process
right after opening the database, before syncing. Goals: apply >= 20,000 changes/s, peak RSS
<= 200 MB whatever the backlog, an incremental sync of 1,000 changes < 1 s, a sync with nothing
new < 100 ms.
"""

from __future__ import annotations

import argparse
import hashlib
import inspect
import json
import os
import random
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

STUDENTS = 40


def _status_mb(key: str) -> float | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return None


def _rss_mb() -> float:
    """Peak RSS of this process. On Linux VmHWM: ru_maxrss would also count the parent's memory
    at fork time (it survives exec), which is not what the child used."""
    hwm = _status_mb("VmHWM")
    if hwm is not None:
        return hwm
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(kb / 1024 / (1024 if sys.platform == "darwin" else 1), 1)


def _current_rss_mb() -> float:
    return _status_mb("VmRSS") or _rss_mb()


def generate(db_path: Path, attempts: int, seed: int = 1) -> dict:
    """A class-year on one replica: 40 students with profiles, plans, goals, drafts and versions,
    and ``attempts`` practice attempts (bulk inserted, each with its change)."""
    from app.models import (
        Domain,
        Draft,
        DraftVersion,
        Goal,
        Item,
        Person,
        Plan,
        Profile,
        School,
        SchoolClass,
        Skill,
        WritingTask,
    )
    from app.models.practice import Attempt
    from app.store.capture import bulk_insert_events
    from app.store.database import Database

    rnd = random.Random(seed)
    db = Database.open(db_path)
    t0 = time.perf_counter()
    with db.write() as s:
        school = School(name="Hill School")
        s.add(school)
        s.flush()
        klass = SchoolClass(school_id=school.id, name="Year 5", year="2025")
        s.add(klass)
        dom = Domain(code="maths", name="Maths")
        s.add(dom)
        s.flush()
        skills = [Skill(domain_id=dom.id, code=f"s{i}", name=f"Skill {i}") for i in range(30)]
        s.add_all(skills)
        s.flush()
        items = [
            Item(skill_id=sk.id, prompt=f"{sk.code} item {j}", answer=str(j))
            for sk in skills
            for j in range(20)
        ]
        s.add_all(items)
        task = WritingTask(class_id=klass.id, title="My hero", prompt="Write about a hero.")
        s.add(task)
        students = [
            Person(school_id=school.id, role="student", given_name=f"Student {i}") for i in range(STUDENTS)
        ]
        s.add_all(students)
        s.flush()
        for p in students:
            s.add(
                Profile(student_id=p.id, strengths=["puzzles"], interests=["space"], about_me="I like maths")
            )
            plan = Plan(student_id=p.id, title="Term plan")
            s.add(plan)
            s.flush()
            for g in range(3):
                s.add(Goal(plan_id=plan.id, student_id=p.id, title=f"Goal {g}", skill_ids=[skills[g].id]))
            draft = Draft(task_id=task.id, student_id=p.id)
            s.add(draft)
            s.flush()
            for v in range(5):
                s.add(
                    DraftVersion(
                        draft_id=draft.id,
                        text="My hero is brave. " * (40 * (v + 1)),
                        word_count=160 * (v + 1),
                    )
                )
        item_ids = [(it.id, it.skill_id) for it in items]
        student_ids = [p.id for p in students]
    made = 0
    day = 1_735_000_000.0
    while made < attempts:
        n = min(20_000, attempts - made)
        rows = []
        for i in range(n):
            it, sk = item_ids[rnd.randrange(len(item_ids))]
            rows.append(
                {
                    "student_id": student_ids[rnd.randrange(STUDENTS)],
                    "item_id": it,
                    "skill_id": sk,
                    "answer": str(rnd.randrange(100)),
                    "correct": rnd.random() < 0.7,
                    "response_ms": rnd.randrange(500, 30_000),
                    "at": day + made + i,
                    "partition": "//",
                    "device": db.replica_id,
                    "session_id": "s",
                }
            )
        with db.write() as s:
            bulk_insert_events(s, Attempt, rows)
        made += n
    changes = db.replica_state().next_seq - 1
    db.close()
    return {"changes": changes, "attempts": attempts, "generate_s": round(time.perf_counter() - t0, 1)}


def _cache_key(attempts: int, seed: int = 1) -> str:
    """Size, seed, and what decides the generated file's contents (schema, capture, this script's
    generator)."""
    h = hashlib.sha256()
    sources = sorted((REPO / "app" / "models").glob("*.py")) + sorted(
        (REPO / "app" / "store" / "migrations" / "versions").glob("*.py")
    )
    sources += [REPO / "app" / "store" / "capture.py", REPO / "app" / "ids.py"]
    for f in sources:
        h.update(f.name.encode() + b"\0" + f.read_bytes())
    h.update(inspect.getsource(generate).encode())
    return f"{attempts}-seed{seed}-{h.hexdigest()[:12]}"


def cached_generate(a_path: Path, attempts: int, cache: Path | None) -> dict:
    """``generate`` into ``a_path``, reusing a cached copy when one fits. The copy is the same
    replica moved for the benchmark, so its fingerprint is set to the new place (otherwise it
    would take a new replica id, as a cloned lab image must)."""
    if cache is None:
        return generate(a_path, attempts)
    entry = cache / _cache_key(attempts)
    db_file, info_file = entry / "tessera.db", entry / "generate.json"
    if not info_file.exists():
        entry.mkdir(parents=True, exist_ok=True)
        tmp = entry / "building"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir()
        info = generate(tmp / "tessera.db", attempts)
        conn = sqlite3.connect(tmp / "tessera.db")  # fold the WAL in: one file to copy
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
        os.replace(tmp / "tessera.db", db_file)
        shutil.rmtree(tmp, ignore_errors=True)
        info_file.write_text(json.dumps(info))
    info = json.loads(info_file.read_text())
    for suffix in ("", "-wal", "-shm"):
        Path(str(a_path) + suffix).unlink(missing_ok=True)
    shutil.copyfile(db_file, a_path)
    from app.store.replica import fingerprint

    conn = sqlite3.connect(a_path)
    conn.execute("UPDATE replica_state SET fingerprint = ?", (fingerprint(a_path),))
    conn.commit()
    conn.close()
    return {**info, "cached": True}


def child(mode: str, db_path: str, folder: str) -> None:
    """Run in a child process: sync once and print what it did, with this process's memory."""
    from app.store.database import Database
    from app.sync.session import sync_once

    db = Database.open(Path(db_path))
    base = _current_rss_mb()
    profile_to = os.environ.get("TESSERA_BENCH_PROFILE")  # a file: cProfile stats of the apply
    if profile_to and mode == "apply":
        import cProfile

        prof = cProfile.Profile()
        prof.enable()
    # Time spent at the gate (seals and the write policy) and in sealing, measured inside the run:
    # on a loaded machine wall times swing by a quarter between runs, this share does not.
    from app.trust import gate as trust_gate
    from app.trust import run as trust_run

    spent = [0.0]

    def timed(fn):  # noqa: ANN001, ANN202
        def wrapper(*a, **k):  # noqa: ANN002, ANN003, ANN202
            t = time.process_time()
            try:
                return fn(*a, **k)
            finally:
                spent[0] += time.process_time() - t

        return wrapper

    trust_gate.Gate.check = timed(trust_gate.Gate.check)
    trust_run.TrustRun.seal_own = timed(trust_run.TrustRun.seal_own)
    from app.identity import datakeys
    from app.trust import keyring

    if os.environ.get("TESSERA_BENCH_PLAIN_SIGNED"):  # a school set up before encryption, kept so
        keyring.ensure_encrypted = lambda data_dir: False  # type: ignore[assignment]
    crypto = [0.0]

    def crypto_timed(fn):  # noqa: ANN001, ANN202
        def wrapper(*a, **k):  # noqa: ANN002, ANN003, ANN202
            t = time.process_time()
            try:
                return fn(*a, **k)
            finally:
                crypto[0] += time.process_time() - t

        return wrapper

    datakeys.Keyring.encrypt = crypto_timed(datakeys.Keyring.encrypt)  # type: ignore[method-assign]
    datakeys.Keyring.decrypt = crypto_timed(datakeys.Keyring.decrypt)  # type: ignore[method-assign]
    c0 = time.process_time()
    t0 = time.perf_counter()
    r = sync_once(db, folder)
    wall = time.perf_counter() - t0
    cpu = time.process_time() - c0
    if profile_to and mode == "apply":
        prof.disable()
        prof.dump_stats(profile_to)
    db.close()
    print(
        json.dumps(
            {
                "mode": mode,
                "wall_s": round(wall, 3),
                "cpu_s": round(cpu, 3),
                "trust_cpu_s": round(spent[0], 3),
                "crypto_cpu_s": round(crypto[0], 3),
                "sent": r.sent + r.forwarded,
                "received": r.received,
                "applied": r.applied,
                "files_written": r.files_written,
                "files_read": r.files_read,
                "baseline_rss_mb": base,
                "peak_rss_mb": _rss_mb(),
                "signed": r.signed,
                "refused": r.refused,
            }
        )
    )


def sign_up(db_path: Path, reader: Path | None = None, encrypted: bool = True) -> None:
    """Set the school up for signed sync on this replica (the school key, its own certificate),
    and enrol the replica that will apply (``reader``: its data folder) so it holds the school's
    data key. ``encrypted=False``: the school's document as an older Tessera wrote it (no data
    epoch), so batches stay plain (the child keeps it so: TESSERA_BENCH_PLAIN_SIGNED)."""
    from app.identity.keys import device
    from app.store.database import Database
    from app.trust.school import create_school, issue
    from app.trust_upgrade import school_rows

    db = Database.open(db_path)
    try:
        ids, replicas, name = school_rows(db)
        create_school(db_path.parent, name or "School", ids, replicas)
    finally:
        db.close()
    if not encrypted:
        from app.identity.docs import seal
        from app.identity.keys import school_private
        from app.trust.state import TrustState, write_doc

        st = TrustState.load(db_path.parent)
        body = {k: v for k, v in st.school_doc["body"].items() if k != "data_epoch"}  # type: ignore[index]
        write_doc(db_path.parent / "trust" / "school.json", seal(body, school_private(db_path.parent)))  # type: ignore[arg-type]
        shutil.rmtree(db_path.parent / "trust" / "keys", ignore_errors=True)
    if reader is not None:
        me = device(reader)
        assert me is not None
        issue(db_path.parent, me.id, me.public, me.name, "teacher", ["*"], [])


def _run_child(mode: str, db_path: Path, folder: Path, plain_signed: bool = False) -> dict:
    env = dict(os.environ)
    if plain_signed:
        env["TESSERA_BENCH_PLAIN_SIGNED"] = "1"
    out = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(db_path), str(folder)],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
        env=env,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def incremental(a_path: Path, b_path: Path, folder: Path, n: int = 1000) -> dict:
    """A makes n changes (attempts and a few record edits); time A's send and B's receive."""
    from sqlalchemy import select

    from app.models import Goal, Profile
    from app.models.practice import Attempt
    from app.store.database import Database
    from app.sync.session import sync_once

    a, b = Database.open(a_path), Database.open(b_path)
    try:
        with a.read() as s:
            some = s.execute(select(Attempt).limit(1)).scalars().one()
            profiles = list(s.execute(select(Profile.id)).scalars())
            goals = list(s.execute(select(Goal.id)).scalars())
        with a.write() as s:
            for i in range(n - 60):
                s.add(
                    Attempt(
                        student_id=some.student_id,
                        item_id=some.item_id,
                        skill_id=some.skill_id,
                        answer=str(i),
                    )
                )
            for i, pid in enumerate(profiles):
                s.get(Profile, pid).about_me = f"edited {i}"
            for gid in goals[:20]:
                s.get(Goal, gid).status = "met"
        t0 = time.perf_counter()
        ra = sync_once(a, folder)
        t1 = time.perf_counter()
        rb = sync_once(b, folder)
        t2 = time.perf_counter()
        rn = sync_once(b, folder)  # nothing new
        t3 = time.perf_counter()
        rn2 = sync_once(a, folder)
        t4 = time.perf_counter()
        assert rb.received == n and rn.received == 0, (rb, rn)
        return {
            "changes": n,
            "send_s": round(t1 - t0, 3),
            "receive_s": round(t2 - t1, 3),
            "nothing_new_ms": round((t3 - t2) * 1000, 1),
            "nothing_new_other_ms": round((t4 - t3) * 1000, 1),
            "sent": ra.sent,
            "received": rb.received,
            "compacted": rn2.compacted,
            "trimmed": ra.trimmed + rn2.trimmed,  # A's own log, at most trim.TRIM_SECONDS a sync
        }
    finally:
        a.close()
        b.close()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--attempts", type=int, default=1_400_000)
    p.add_argument("--quick", action="store_true", help="50,000 attempts")
    p.add_argument("--keep", help="keep the work folder here")
    p.add_argument(
        "--cache",
        default=os.environ.get(
            "TESSERA_BENCH_CACHE", str(Path(tempfile.gettempdir()) / "tessera-bench-cache")
        ),
        help="where generated class-years are kept between runs",
    )
    p.add_argument("--no-cache", action="store_true", help="generate afresh, cache nothing")
    p.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    p.add_argument(
        "--encrypted",
        action="store_true",
        help="also measure the share's encryption: signed plain vs signed and encrypted, side by side",
    )
    args = p.parse_args(argv)
    if args.child:
        child(*args.child)
        return 0
    attempts = 50_000 if args.quick else args.attempts
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="tessera-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("TESSERA_POLICY_FILE", str(work / "no-policy.json"))
    share = work / "share"
    share.mkdir(exist_ok=True)
    (work / "a").mkdir(exist_ok=True)
    (work / "b").mkdir(exist_ok=True)
    a_path, b_path = work / "a" / "tessera.db", work / "b" / "tessera.db"
    sa_path, sb_path, signed_share = (
        work / "sa" / "tessera.db",
        work / "sb" / "tessera.db",
        work / "signed-share",
    )
    ea_path, eb_path, enc_share = work / "ea" / "tessera.db", work / "eb" / "tessera.db", work / "enc-share"
    for d in (sa_path.parent, sb_path.parent, signed_share, ea_path.parent, eb_path.parent, enc_share):
        d.mkdir(exist_ok=True)
    enc = args.encrypted  # the signed pair runs plain then, and the encrypted pair beside it
    try:
        gen = cached_generate(a_path, attempts, None if args.no_cache else Path(args.cache))
        cached_generate(sa_path, attempts, None if args.no_cache else Path(args.cache))
        if args.no_cache:
            shutil.copyfile(a_path, sa_path)
        if enc:  # the same replica moved (as cached_generate does: its fingerprint set to the new place)
            shutil.copyfile(sa_path, ea_path)
            from app.store.replica import fingerprint

            conn = sqlite3.connect(ea_path)
            conn.execute("UPDATE replica_state SET fingerprint = ?", (fingerprint(ea_path),))
            conn.commit()
            conn.close()
            sign_up(ea_path, eb_path.parent, encrypted=True)
        sign_up(sa_path, sb_path.parent, encrypted=not enc)
        # Side by side, alternating, so load on the machine falls on all alike.
        export = _run_child("export", a_path, share)
        s_export = _run_child("export", sa_path, signed_share, plain_signed=enc)
        e_export = _run_child("export", ea_path, enc_share) if enc else None
        folder_mb = round(sum(f.stat().st_size for f in share.rglob("*") if f.is_file()) / 1e6, 1)
        apply = _run_child("apply", b_path, share)
        s_apply = _run_child("apply", sb_path, signed_share, plain_signed=enc)
        e_apply = _run_child("apply", eb_path, enc_share) if enc else None
        assert s_apply["received"] == apply["received"], (s_apply, s_export, apply)
        if e_apply is not None:
            assert e_apply["received"] == apply["received"], (e_apply, apply)
        inc = incremental(a_path, b_path, share)
        out = {
            "attempts": attempts,
            "changes": gen["changes"],
            "generate_s": gen["generate_s"],
            "generate_cached": gen.get("cached", False),
            "export": {
                **export,
                "changes_per_s": round(export["sent"] / export["wall_s"]),
                "folder_mb": folder_mb,
            },
            "apply": {**apply, "changes_per_s": round(apply["received"] / apply["wall_s"])},
            "incremental_1000": inc,
            "signed": {
                "export": {**s_export, "changes_per_s": round(s_export["sent"] / s_export["wall_s"])},
                "apply": {**s_apply, "changes_per_s": round(s_apply["received"] / s_apply["wall_s"])},
                "export_added_pct": round(100 * (s_export["wall_s"] / export["wall_s"] - 1), 1),
                "export_added_cpu_pct": round(100 * (s_export["cpu_s"] / export["cpu_s"] - 1), 1),
                "apply_added_cpu_pct": round(100 * (s_apply["cpu_s"] / apply["cpu_s"] - 1), 1),
                # the share of the signed runs' own CPU time spent sealing or at the gate
                "sealing_share_of_export_cpu_pct": round(
                    100 * s_export["trust_cpu_s"] / s_export["cpu_s"], 2
                ),
                "gate_share_of_apply_cpu_pct": round(100 * s_apply["trust_cpu_s"] / s_apply["cpu_s"], 2),
                "apply_rate_vs_unsigned_pct": round(
                    100 * (s_apply["received"] / s_apply["wall_s"]) / (apply["received"] / apply["wall_s"]), 1
                ),
                "refused": s_apply.get("refused", 0),
            },
            "goals": {
                "signed_apply_changes_per_s": 20_000,
                "signed_apply_within_pct_of_unsigned": 10,
                "signed_export_added_pct": 5,
                "apply_changes_per_s": 20_000,
                "peak_rss_mb": 200,
                "incremental_s": 1.0,
                "nothing_new_ms": 100,
            },
        }
        if e_export is not None and e_apply is not None:
            out["encryption"] = _encryption_figures(s_export, s_apply, e_export, e_apply, enc_share)
            out["goals"]["encryption_costs_at_most_pct"] = 10
        print(json.dumps(out, indent=1))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


def _encryption_figures(s_export: dict, s_apply: dict, e_export: dict, e_apply: dict, share: Path) -> dict:
    """Signed and encrypted against signed alone: rates, and the CPU spent in the cipher itself."""
    files = [f for f in share.rglob("chg-*") if f.is_file()]
    return {
        "export": {**e_export, "changes_per_s": round(e_export["sent"] / e_export["wall_s"])},
        "apply": {**e_apply, "changes_per_s": round(e_apply["received"] / e_apply["wall_s"])},
        "signed_plain_export_changes_per_s": round(s_export["sent"] / s_export["wall_s"]),
        "signed_plain_apply_changes_per_s": round(s_apply["received"] / s_apply["wall_s"]),
        "export_rate_vs_plain_pct": round(
            100 * (e_export["sent"] / e_export["wall_s"]) / (s_export["sent"] / s_export["wall_s"]), 1
        ),  # fmt: skip
        "apply_rate_vs_plain_pct": round(
            100 * (e_apply["received"] / e_apply["wall_s"]) / (s_apply["received"] / s_apply["wall_s"]), 1
        ),  # fmt: skip
        "export_added_cpu_pct": round(100 * (e_export["cpu_s"] / s_export["cpu_s"] - 1), 1),
        "apply_added_cpu_pct": round(100 * (e_apply["cpu_s"] / s_apply["cpu_s"] - 1), 1),
        # the share of the encrypted runs' own CPU spent encrypting / decrypting (load-independent)
        "crypto_share_of_export_cpu_pct": round(100 * e_export["crypto_cpu_s"] / e_export["cpu_s"], 2),
        "crypto_share_of_apply_cpu_pct": round(100 * e_apply["crypto_cpu_s"] / e_apply["cpu_s"], 2),
        "files": len(files),
        "all_files_encrypted": all(f.read_bytes()[:4] == b"TSX1" for f in files),
    }


if __name__ == "__main__":
    raise SystemExit(main())
