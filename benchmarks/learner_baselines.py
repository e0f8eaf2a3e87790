"""Published baselines on the same split as ``learner_model.py``: per-skill mean and PFA
(Pavlik, Cen and Koedinger 2009), fitted on the training students and scored on the held-out ones
by predicting each answer before seeing it. Shows how hard a given split is, so the app model's
figure can be read against the anchors quoted for other splits.

    python benchmarks/learner_baselines.py --train builder_train.csv [--test FILE] [--dedupe] [--epochs 8]
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.learner_model import auc, dedupe, read_students

Student = list[tuple[str, int]]


def per_skill_mean(train: list[Student], test: list[Student]) -> tuple[list[int], list[float]]:
    right: dict[str, int] = defaultdict(int)
    seen: dict[str, int] = defaultdict(int)
    for st in train:
        for skill, y in st:
            right[skill] += y
            seen[skill] += 1
    overall = sum(right.values()) / max(1, sum(seen.values()))
    ys, ps = [], []
    for st in test:
        for skill, y in st:
            ys.append(y)
            ps.append((right[skill] + overall) / (seen[skill] + 1))
    return ys, ps


def _pfa_rows(students: list[Student], scale=float):
    """(skill, scaled prior successes, scaled prior failures, answer) for each answer in order."""
    for st in students:
        wins: dict[str, int] = defaultdict(int)
        fails: dict[str, int] = defaultdict(int)
        for skill, y in st:
            yield skill, scale(wins[skill]), scale(fails[skill]), y
            if y:
                wins[skill] += 1
            else:
                fails[skill] += 1


def pfa(train: list[Student], test: list[Student], epochs: int, scale=float) -> tuple[list[int], list[float]]:
    """Per-skill easiness, success and failure weights, fitted by Adagrad on the log loss. Counts
    enter as they are (classic PFA) or as log(1 + n) (a common variant)."""
    w: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    g2: dict[str, list[float]] = defaultdict(lambda: [1e-8, 1e-8, 1e-8])
    rows = list(_pfa_rows(train, scale))
    lr = 0.3
    for _ in range(epochs):
        for skill, s, f, y in rows:
            p = w[skill]
            z = p[0] + p[1] * s + p[2] * f
            pred = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            err = pred - y
            q = g2[skill]
            for j, x in enumerate((1.0, s, f)):
                g = err * x
                q[j] += g * g
                p[j] -= lr * g / math.sqrt(q[j])
    ys, ps = [], []
    for skill, s, f, y in _pfa_rows(test, scale):
        p = w[skill]
        z = p[0] + p[1] * s + p[2] * f
        ys.append(y)
        ps.append(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))))
    return ys, ps


def rmse(ys: list[int], ps: list[float]) -> float:
    return math.sqrt(sum((p - y) ** 2 for y, p in zip(ys, ps)) / max(1, len(ys)))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--train", required=True, type=Path)
    ap.add_argument("--test", type=Path)
    ap.add_argument("--dedupe", action="store_true")
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument(
        "--folds", type=int, default=0, help="also K contiguous folds of students, as learner_model.py"
    )
    args = ap.parse_args()
    students = read_students(args.train)
    if args.test:
        train, test = students, read_students(args.test)
    else:
        cut = int(len(students) * 0.8)
        train, test = students[:cut], students[cut:]
    if args.dedupe:
        train, test = dedupe(train), dedupe(test)
    out: dict[str, object] = {
        "figure": "learner_baselines",
        "train_students": len(train),
        "test_students": len(test),
        "dedupe": args.dedupe,
    }
    for name, (ys, ps) in (
        ("per_skill_mean", per_skill_mean(train, test)),
        ("pfa", pfa(train, test, args.epochs)),
        ("pfa_log_counts", pfa(train, test, args.epochs, math.log1p)),
    ):
        out[name] = {"auc": round(auc(ys, ps), 4), "rmse": round(rmse(ys, ps), 4), "answers": len(ys)}
    if args.folds > 1:
        everyone = dedupe(students) if args.dedupe else students
        n = len(everyone)
        per_fold: dict[str, list[float]] = defaultdict(list)
        for k in range(args.folds):
            a, b = k * n // args.folds, (k + 1) * n // args.folds
            held, rest = everyone[a:b], everyone[:a] + everyone[b:]
            per_fold["per_skill_mean"].append(round(auc(*per_skill_mean(rest, held)), 4))
            per_fold["pfa"].append(round(auc(*pfa(rest, held, args.epochs)), 4))
            per_fold["pfa_log_counts"].append(round(auc(*pfa(rest, held, args.epochs, math.log1p)), 4))
        out["cross_validation"] = {
            name: {"auc_per_fold": v, "auc_mean": round(sum(v) / len(v), 4)} for name, v in per_fold.items()
        }
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
