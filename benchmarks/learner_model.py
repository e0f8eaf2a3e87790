"""Learner-model figure: AUC and RMSE predicting each answer of held-out students before seeing it.

Drives the app's own model (``app.practice.engine.learner_model``). Input is the ASSISTments knowledge-tracing
format: per student three lines (number of answers; comma-separated skill ids; comma-separated 1/0).
The file has no item ids or times, so the skill id stands in for the item (skill-level difficulty) and
answers get increasing synthetic times in file order.

    python benchmarks/learner_model.py --train builder_train.csv [--test FILE] [--quick] [--dedupe] [--folds 5]
    python benchmarks/learner_model.py --train builder_train.csv --fit-weights

Without ``--test`` the last 20% of the training file's students are held out. ``--quick`` uses the
first 500 students only (seconds, for CI). ``--folds K`` adds K-fold cross-validation over students
(contiguous folds): the figure depends a lot on which students are held out. ``--dedupe`` drops repeated students and skill blocks that
are one sequence written twice, to show how much the file's duplicated rows flatter the figure.
Also measured: ``update`` latency, and ``select_next`` latency over 10,000 items.

``--fit-weights`` prints the global calibration weights the model ends with after the training students
(never the held-out ones); they are ``ModelParams.initial_weights``, the model's starting calibration.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.practice.engine.learner_model import Attempt, ModelParams, new_state, register_item, update
from app.practice.engine.selection import ItemIndex, SelectionRequest, select_next

Student = list[tuple[str, int]]


def read_students(path: Path) -> list[Student]:
    lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()]
    lines = [ln for ln in lines if ln]
    students: list[Student] = []
    for i in range(0, len(lines) - 2, 3):
        n = int(lines[i].rstrip(","))
        skills = [s for s in lines[i + 1].split(",") if s != ""]
        answers = [int(a) for a in lines[i + 2].split(",") if a != ""]
        if not (len(skills) == len(answers) == n):
            raise SystemExit(
                f"{path}: student at line {i + 1} says {n} answers but has "
                f"{len(skills)} skills and {len(answers)} results"
            )
        students.append(list(zip(skills, answers)))
    return students


def dedupe(students: list[Student]) -> list[Student]:
    seen: set[tuple] = set()
    out: list[Student] = []
    for st in students:
        key = tuple(st)
        if key in seen:
            continue
        seen.add(key)
        blocks: dict[str, list[int]] = {}
        for skill, y in st:
            blocks.setdefault(skill, []).append(y)
        new: Student = []
        for skill, ys in blocks.items():  # the file's students are grouped by skill already
            half = len(ys) // 2
            if len(ys) >= 4 and len(ys) % 2 == 0 and ys[:half] == ys[half:]:
                ys = ys[:half]
            new.extend((skill, y) for y in ys)
        out.append(new)
    return out


def auc(ys: list[int], ps: list[float]) -> float:
    pairs = sorted(zip(ps, ys))
    n1 = sum(ys)
    n0 = len(ys) - n1
    rank_sum, i = 0.0, 0
    while i < len(pairs):
        j = i
        while j < len(pairs) and pairs[j][0] == pairs[i][0]:
            j += 1
        rank_sum += (i + j + 1) / 2 * sum(y for _, y in pairs[i:j])
        i = j
    return (rank_sum - n1 * (n1 + 1) / 2) / (n1 * n0)


def run(train: list[Student], test: list[Student], params: ModelParams, keep: list | None = None) -> dict:
    """Train on ``train`` then predict each ``test`` answer before updating on it; ``keep`` gets (y, p)."""
    state = new_state(params)
    counter = 0

    def feed(students: list[Student], prefix: str, collect: bool):
        nonlocal counter
        ys: list[int] = []
        ps: list[float] = []
        for s_i, st in enumerate(students):
            sid = f"{prefix}{s_i}"
            for skill, y in st:
                p = update(state, Attempt(f"{counter:010d}", sid, skill, bool(y), float(counter)))
                counter += 1
                if collect:
                    ys.append(y)
                    ps.append(p)
        return ys, ps

    t0 = time.perf_counter()
    feed(train, "train-", False)
    t1 = time.perf_counter()
    ys, ps = feed(test, "test-", True)
    t2 = time.perf_counter()

    # Per-call latency on a sample, measured apart so the timer does not slow the main figure.
    lat = []
    for i in range(min(20000, len(ys))):
        a = Attempt(f"x{i:09d}", f"lat-{i // 50}", f"{i % 40}", i % 3 != 0, float(counter + i))
        t = time.perf_counter_ns()
        update(state, a)
        lat.append(time.perf_counter_ns() - t)
    lat.sort()
    if keep is not None:
        keep.extend(zip(ys, ps))
    skill_mean = _skill_mean_auc(train, test)
    n = len(ys)
    return {
        "auc": round(auc(ys, ps), 4),
        "rmse": round(math.sqrt(sum((y - p) ** 2 for y, p in zip(ys, ps)) / n), 4),
        "log_loss": round(-sum(math.log(p if y else 1 - p) for y, p in zip(ys, ps)) / n, 4),
        "n": n,
        "n_train": sum(len(s) for s in train),
        "students_train": len(train),
        "students_test": len(test),
        "predictions_per_second": round(n / (t2 - t1)),
        "train_seconds": round(t1 - t0, 2),
        "update_us_p50": round(lat[len(lat) // 2] / 1000, 1) if lat else None,
        "update_us_p95": round(lat[int(len(lat) * 0.95)] / 1000, 1) if lat else None,
        "baseline_skill_mean_auc": round(skill_mean, 4),
    }


def _skill_mean_auc(train: list[Student], test: list[Student]) -> float:
    tot: dict[str, list[int]] = {}
    for st in train:
        for skill, y in st:
            t = tot.setdefault(skill, [0, 0])
            t[0] += y
            t[1] += 1
    ys, ps = [], []
    for st in test:
        for skill, y in st:
            c, n = tot.get(skill, (0, 0))
            ys.append(y)
            ps.append((c + 1) / (n + 2))
    return auc(ys, ps)


def selection_latency(n_items: int = 10_000, n_skills: int = 40, calls: int = 2000) -> dict:
    """p50/p95 of select_next over ``n_items`` items for a learner with a practised history."""
    rng = random.Random(7)
    state = new_state()
    skills = [f"S{i:02d}" for i in range(n_skills)]
    state.prerequisites = {s: (skills[i - 1],) for i, s in enumerate(skills) if i % 5}
    items = []
    for i in range(n_items):
        skill = skills[i % n_skills]
        item_id = f"I{i:05d}"
        register_item(state, item_id, skill, 1 + i % 5)
        items.append(item_id)
    t = 1_700_000_000.0
    for i in range(3000):
        item = items[rng.randrange(n_items)]
        t += 30.0 if i % 200 else 5 * 86400.0
        update(
            state, Attempt(f"A{i:06d}", f"L{i % 25}", state.items[item].skill_id, rng.random() < 0.7, t, item)
        )
    index = ItemIndex.from_state(state)
    recent: list[str] = []
    lat = []
    for c in range(calls):
        req = SelectionRequest(
            student_id="L3",
            now=t + 3 * 86400.0,
            focus_skills={skills[4]: 1.0, skills[9]: 1.0},
            recent_item_ids=tuple(recent[-10:]),
            seed=c,
        )
        t0 = time.perf_counter_ns()
        sel = select_next(state, index, req)
        lat.append(time.perf_counter_ns() - t0)
        recent.append(sel.item_id)
    lat.sort()
    return {
        "items": n_items,
        "skills": n_skills,
        "calls": calls,
        "select_ms_p50": round(lat[len(lat) // 2] / 1e6, 3),
        "select_ms_p95": round(lat[int(len(lat) * 0.95)] / 1e6, 3),
    }


def fit_weights(train: list[Student], params: ModelParams, passes: int = 2) -> list[float]:
    """The calibration layer's global weights after ``passes`` runs over ``train`` (each run starts a fresh
    model from the previous run's weights, so the per-skill weights and ratings are learnt again)."""
    weights = tuple(params.initial_weights)
    for _ in range(passes):
        state = new_state(replace(params, initial_weights=weights))
        counter = 0
        for s_i, st in enumerate(train):
            for skill, y in st:
                update(state, Attempt(f"{counter:010d}", f"train-{s_i}", skill, bool(y), float(counter)))
                counter += 1
        weights = tuple(round(w, 3) for w in state.weights)
    return list(weights)


def cross_validate(students: list[Student], k: int) -> dict:
    """K contiguous folds of students; each held out in turn after training on all the others."""
    pooled: list = []
    aucs = []
    n = len(students)
    for i in range(k):
        a, b = i * n // k, (i + 1) * n // k
        aucs.append(run(students[:a] + students[b:], students[a:b], ModelParams(), pooled)["auc"])
    ys = [y for y, _ in pooled]
    ps = [p for _, p in pooled]
    return {
        "folds": k,
        "fold_auc": aucs,
        "auc_mean": round(sum(aucs) / k, 4),
        "auc_pooled": round(auc(ys, ps), 4),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--train", type=Path, required=True)
    ap.add_argument("--test", type=Path)
    ap.add_argument("--quick", action="store_true", help="first 500 students only")
    ap.add_argument("--dedupe", action="store_true", help="drop repeated students and doubled skill blocks")
    ap.add_argument("--no-selection", action="store_true", help="skip the select_next latency figure")
    ap.add_argument(
        "--folds", type=int, default=0, help="also K-fold cross-validation over students of --train"
    )
    ap.add_argument(
        "--fit-weights", action="store_true", help="print calibration weights fitted on the training students"
    )
    args = ap.parse_args(argv)

    train = read_students(args.train)
    test = read_students(args.test) if args.test else None
    if args.dedupe:
        train = dedupe(train)
        test = dedupe(test) if test is not None else None
    if args.quick:
        train = train[:500]
        test = test[:125] if test is not None else None
    if test is None:
        cut = int(len(train) * 0.8)
        train, test = train[:cut], train[cut:]
    if args.fit_weights:
        fitted = fit_weights(train, ModelParams())
        print(json.dumps({"initial_weights": fitted, "students_train": len(train)}))
        return 0
    out = {
        "train": str(args.train),
        "test": str(args.test) if args.test else "last 20% of train students",
        "quick": args.quick,
        "dedupe": args.dedupe,
        "item": "skill id (file has no item ids)",
    }
    out.update(run(train, test, ModelParams()))
    if args.folds > 1:
        out["cross_validation"] = cross_validate(train + test if not args.test else train, args.folds)
    if not args.no_selection:
        out["selection"] = selection_latency(calls=300 if args.quick else 2000)
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
