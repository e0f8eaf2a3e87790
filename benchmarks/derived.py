"""Derived-state figures: rebuilding every derived table of a class-year from synced rows alone, and
keeping it current after a sync of 1,000 answers.

The class-year is benchmarks/practice.py's (40 students, 120 skills, 10,000 items, 1.4 million
answers; ``--quick``: 100,000), plus teacher judgements: 40 per student over the year on skills that
also have answers (so the combination rule counts answers after each), a tenth of them withdrawn.
It is cached in ``--cache`` and copied before measuring.

- ``full_rebuild``: ``app.evidence.derived.rebuild_all_derived`` (the learner model replayed from the
  first answer, snapshots, item and skill statistics, and every level combined with the judgements),
  as a fresh replica or an owed rebuild at open does it. Goal <= 10 s for the class-year.
- ``incremental``: replica A (a copy) answers 1,000 questions and gives 20 judgements; B (another
  copy, its learner model loaded as at start) receives them through a real folder. Timed: the
  rebuild of derived state after B's commit (``app.store.what_changed.publish``), and B's whole receive.
  Goal <= 200 ms for the rebuild. Afterwards B's derived tables are checked equal to a fresh rebuild.

    python benchmarks/derived.py [--quick] [--attempts N] [--cache DIR] [--fresh] [--only full|incremental]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

CACHE_VERSION = 1
JUDGEMENTS_PER_STUDENT = 40


def add_judgements(data_dir: Path, seed: int = 2) -> int:
    """Judgements spread over the year on skills the students answered; a tenth withdrawn."""
    from sqlalchemy import text

    from app.models.evidence import Judgement
    from app.practice.bulk import insert_synced
    from app.store.database import Database

    rng = random.Random(seed)
    db = Database.open(data_dir / "tessera.db")
    try:
        with db.read() as s:
            teacher = s.execute(text("SELECT id FROM person WHERE role = 'teacher' LIMIT 1")).scalar()
            pairs = s.execute(text("SELECT student_id, skill_id, MIN(at), MAX(at) FROM attempt "
                                   "GROUP BY student_id, skill_id")).all()  # fmt: skip
            parts = dict(s.execute(text("SELECT id, partition FROM person")).all())
        by_student: dict[str, list] = {}
        for p in pairs:
            by_student.setdefault(p[0], []).append(p)
        rows = []
        for sid, mine in sorted(by_student.items()):
            for _sid, kid, lo, hi in rng.sample(sorted(mine), min(JUDGEMENTS_PER_STUDENT, len(mine))):
                rows.append(dict(student_id=sid, skill_id=kid, level=rng.randint(1, 4), evidence_kind="observation",
                                 by_id=teacher, by_name="Bea Bench", at=rng.uniform(lo, hi + 86400),
                                 withdrawn=rng.random() < 0.1, partition=parts[sid]))  # fmt: skip
        with db.write() as s:
            insert_synced(s, Judgement, rows)
        return len(rows)
    finally:
        db.close()


def _rows(db) -> dict:  # noqa: ANN001
    from app.evidence.derived import derived_rows
    from app.store.raw import raw_connection

    with db.read() as s:
        return derived_rows(raw_connection(s))


def full_rebuild(data_dir: Path) -> dict:
    from app.bootstrap import open_context
    from app.evidence.derived import rebuild_all_derived

    ctx = open_context(data_dir)
    try:
        t0, c0 = time.perf_counter(), time.thread_time()
        rebuild_all_derived(ctx.db)
        wall, cpu = time.perf_counter() - t0, time.thread_time() - c0
        with ctx.db.read() as s:
            from sqlalchemy import text

            answers = s.execute(text("SELECT COUNT(*) FROM attempt WHERE deleted = 0")).scalar()
            judged = s.execute(
                text("SELECT COUNT(*) FROM learner_skill_state WHERE judged_level > 0")
            ).scalar()
        return {"seconds": round(wall, 2), "cpu_seconds": round(cpu, 2), "answers": answers,
                "levels_with_a_judgement": judged}  # fmt: skip
    finally:
        ctx.close()


def incremental(a_dir: Path, b_dir: Path, folder: Path, n: int = 1000) -> dict:
    from app.bootstrap import open_context
    from app.evidence.derived import rebuild_all_derived
    from app.evidence.service import EvidenceRef
    from app.people.actor import Actor
    from app.practice.live import live_model
    from app.sync import rebuild as rebuild_mod
    from app.sync.session import sync_once

    a, b = open_context(a_dir), open_context(b_dir)
    try:
        live_model(a.db).ensure()
        live_model(b.db).ensure()  # B as it is after start: the model loaded from its saved state
        from sqlalchemy import text

        with a.db.read() as s:
            teacher = s.execute(
                text("SELECT id, school_id FROM person WHERE role = 'teacher' LIMIT 1")
            ).first()
            students = [
                r[0] for r in s.execute(text("SELECT id FROM person WHERE role = 'student' ORDER BY id"))
            ]
            items = s.execute(text("SELECT id, skill_id FROM item ORDER BY id LIMIT 400")).all()
        _answers(a.db, students, items, n)
        actor = Actor(teacher[0], "teacher", teacher[1], "Bea Bench")
        for i in range(20):
            a.services.judgements.judge(actor, students[i % len(students)], items[i][1],
                                                 EvidenceRef("observation"), level=1 + i % 4)  # fmt: skip
        sync_once(a.db, folder)
        spent: list[float] = []
        cpu: list[float] = []
        real = rebuild_mod.notify

        def timed(db, affected):  # noqa: ANN001, ANN202
            t, c = time.perf_counter(), time.thread_time()
            try:
                return real(db, affected)
            finally:
                spent.append(time.perf_counter() - t)
                cpu.append(time.thread_time() - c)

        rebuild_mod.notify = timed
        try:
            t0 = time.perf_counter()
            report = sync_once(b.db, folder)
            receive = time.perf_counter() - t0
        finally:
            rebuild_mod.notify = real
        kept = _rows(b.db)
        rebuild_all_derived(b.db)
        exact = _rows(b.db) == kept
        return {"changes_received": report.received, "rebuild_after_sync_ms": round(sum(spent) * 1000, 1),
                "rebuild_after_sync_cpu_ms": round(sum(cpu) * 1000, 1),
                "rebuild_calls": len(spent), "receive_total_ms": round(receive * 1000, 1),
                "equal_to_fresh_rebuild": exact}  # fmt: skip
    finally:
        a.close()
        b.close()


def _answers(db, students: list[str], items: list, n: int) -> None:  # noqa: ANN001
    """n answers through the live path, after everything in the log (as a class practising today)."""
    from app.ids import new_id
    from app.models import Attempt
    from app.practice.bulk import insert_synced
    from app.practice.engine.learner_model import Attempt as ModelAttempt
    from app.practice.live import live_model
    from app.practice.model_store import max_attempt_rowid
    from app.store.raw import raw_connection as raw

    rng = random.Random(5)
    live = live_model(db)
    parts = {}
    with db.read() as s:
        from sqlalchemy import text

        parts = dict(s.execute(text("SELECT id, partition FROM person")).all())
    for i in range(n):
        sid = students[i % len(students)]
        item_id, skill_id = items[rng.randrange(len(items))]
        correct = rng.random() < 0.7
        with live.answering():
            at = live.next_key_time(time.time())
            row = dict(id=new_id(), deleted=False, partition=parts[sid], student_id=sid, item_id=item_id,
                       skill_id=skill_id, answer="x", correct=correct, response_ms=6000, at=at,
                       device=db.replica_id, session_id="")  # fmt: skip
            with db.write() as s:
                conn = raw(s)
                before = max_attempt_rowid(conn)
                insert_synced(s, Attempt, [row])
                rowid = conn.execute("SELECT rowid FROM attempt WHERE id = ?", (row["id"],)).fetchone()[0]
                live.record(
                    conn, ModelAttempt(row["id"], sid, skill_id, correct, at, item_id, 6000), rowid, before
                )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="100,000 answers")
    ap.add_argument("--attempts", type=int)
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "tessera-bench-derived")
    ap.add_argument("--fresh", action="store_true")
    ap.add_argument("--only", choices=("full", "incremental"), help="measure one figure")
    args = ap.parse_args(argv)
    n = args.attempts or (100_000 if args.quick else 1_400_000)
    os.environ.setdefault("TESSERA_POLICY_FILE", str(args.cache / "no-policy.json"))
    import practice as practice_bench  # benchmarks/practice.py: the class-year generator

    cached = args.cache / f"classyear-{n}-v{CACHE_VERSION}"
    out: dict = {"benchmark": "derived", "attempts": n, "cores": os.cpu_count()}
    if args.fresh and cached.exists():
        shutil.rmtree(cached)
    if not (cached / "done").exists():
        shutil.rmtree(cached, ignore_errors=True)
        cached.mkdir(parents=True)
        t0 = time.perf_counter()
        practice_bench.build(cached, n)
        out["judgements"] = add_judgements(cached)
        (cached / "done").write_text(str(out["judgements"]))
        out["build_s"] = round(time.perf_counter() - t0, 1)
    else:
        out["judgements"] = int((cached / "done").read_text())
    with tempfile.TemporaryDirectory(prefix="tessera-derived-") as tmp:
        work = Path(tmp)
        for name in ("a", "b"):
            (work / name).mkdir()
            shutil.copy2(cached / "tessera.db", work / name / "tessera.db")
        if args.only != "incremental":
            out["full_rebuild"] = full_rebuild(work / "b")
        if args.only != "full":
            (work / "share").mkdir()
            out["incremental"] = incremental(work / "a", work / "b", work / "share")
    out["goals"] = {"full_rebuild_s": 10.0, "rebuild_after_sync_ms": 200.0}
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
