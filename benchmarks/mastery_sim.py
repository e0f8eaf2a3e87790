"""Second held-out check of the learner model: a simulated class whose true abilities are known.

The demo's simulator (``app.demo.history.simulate_history``) drives sessions exactly as the app picks
questions, answered right with the chance the student's hidden true ability gives (growing by
``LEARNING_STEP`` per question practised). Here the answers are replayed through the app's own model
(``tracking.apply_answer``: the live path and every rebuild) and after each answer the model's call
("mastered" or not, by the mastery rule) is compared with the truth: mastered when the true chance of
success on a question of typical difficulty reaches the rule's threshold (0.85).

Reported, for the current rule (``practice``) and with one teacher judgement per skill taken into
account by ``app.practice.engine.combine`` (``practice+judgement``: the teacher judges after the 3rd answer,
from the true chance plus noise, as ``judgement_seed.level_for`` maps it):

- ``answers_to_90pct``: the fewest answers on a skill from which at least 90% of the calls made at
  that many answers are right (agreement with the truth), or null if never within the horizon;
- ``agreement_by_answers``: that share at 1, 2, 3, 5, 8, 12, 20, 30 answers;
- ``false_mastered``: of all calls "mastered", the share where the truth is "not mastered";
- ``missed_mastery``: of the calls where the truth is "mastered", the share the model calls not mastered.

``practice_rule_0.80_4`` is a less cautious rule (0.80 after 4 answers), for comparison only.

    python benchmarks/mastery_sim.py [--quick] [--students 96] [--days 60] [--seed 11]
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

CHECKPOINTS = (1, 2, 3, 5, 8, 12, 20, 30)
JUDGE_AT = 3  # the teacher judges the skill after this many answers
JUDGE_NOISE = 0.08  # a teacher's read of the chance of success is off by about this much


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def class_items(tmp: Path):  # noqa: ANN201
    """The shipped framework and question bank, as the demo uses them."""
    from sqlalchemy import select

    from app.bootstrap import open_context
    from app.models import Skill
    from app.practice.bank import ensure_item_bank
    from app.practice.model_store import read_items, read_prerequisites
    from app.skills.service import load_default_framework
    from app.store.raw import raw_connection as raw

    ctx = open_context(tmp)
    with ctx.db.write() as s:
        load_default_framework(s)
        s.flush()
        ensure_item_bank(s)
    with ctx.db.read() as s:
        items, prereqs = read_items(raw(s)), read_prerequisites(raw(s))
        skills = [(k.id, k.code) for k in s.execute(select(Skill).order_by(Skill.code)).scalars()]
    ctx.close()
    return items, prereqs, skills


def simulate(items, prereqs, skills, students: int, days: int, seed: int):  # noqa: ANN001, ANN201
    from app.demo.builder import _abilities
    from app.demo.history import simulate_history

    rng = random.Random(seed)
    ids = [f"s{i:03d}" for i in range(students)]
    abilities = _abilities(ids, skills, rng)
    learners = [(sid, "//", 0.75, {}) for sid in ids]
    end = 1_790_000_000.0
    rows = simulate_history(items, prereqs, learners, abilities, rng, end - days * 86_400, end)
    return rows, abilities


def evaluate(items, prereqs, rows, abilities, with_judgement: bool, seed: int, rule=None) -> dict:  # noqa: ANN001
    from app.demo.history import LEARNING_STEP
    from app.demo.judgement_seed import level_for
    from app.practice.engine.combine import MASTERY_THRESHOLD, JudgementFact, PracticeFact, combine
    from app.practice.engine.learner_model import Attempt, ModelParams, new_state, register_item
    from app.practice.engine.tracking import RULE, apply_answer

    rule = rule or RULE

    rng = random.Random(seed)
    state = new_state(ModelParams(), prereqs)
    for it in sorted(items.values(), key=lambda i: (i.skill_id, i.source_ref)):
        register_item(state, it.id, it.skill_id, it.level)
    cards: dict = {}
    first: dict = {}
    n_on: dict = {}
    judged: dict = {}
    calls: dict[int, list[int]] = {}
    said = said_wrong = truly = missed = 0
    for r in rows:
        pair = (r["student_id"], r["skill_id"])
        info = items[r["item_id"]]
        _, row = apply_answer(state, cards, Attempt(r["id"], r["student_id"], r["skill_id"], r["correct"], r["at"],
                                                    r["item_id"], r["response_ms"]), info.word_id, first.get(pair, 0.0), rule)  # fmt: skip
        first[pair] = row.mastered_at
        n = n_on[pair] = n_on.get(pair, 0) + 1
        # the truth after this answer: the simulator grows ability by LEARNING_STEP per answer
        true_p = _sigmoid(abilities[pair] + LEARNING_STEP * n + 1.0)
        truth = true_p >= MASTERY_THRESHOLD
        call = row.mastered
        if with_judgement:
            if n == JUDGE_AT and pair not in judged:
                seen = min(0.999, max(0.001, true_p + rng.gauss(0, JUDGE_NOISE)))
                judged[pair] = JudgementFact(f"j{len(judged)}", level_for(seen), r["at"])
            if pair in judged:
                c = combine(PracticeFact(row.mastery, row.mastered, row.mastered_at), [judged[pair]],
                            n - JUDGE_AT)  # fmt: skip
                call = c.mastered
        calls.setdefault(n, []).append(int(call == truth))
        if call:
            said += 1
            said_wrong += int(not truth)
        if truth:
            truly += 1
            missed += int(not call)
    agree = {n: sum(v) / len(v) for n, v in sorted(calls.items()) if len(v) >= 30}
    to90 = next((n for n, a in agree.items() if a >= 0.9 and all(b >= 0.9 for m, b in agree.items() if m >= n)),
                None)  # fmt: skip
    return {
        "answers_to_90pct": to90,
        "agreement_by_answers": {str(n): round(agree[n], 3) for n in CHECKPOINTS if n in agree},
        "false_mastered": round(said_wrong / said, 3) if said else None,
        "missed_mastery": round(missed / truly, 3) if truly else None,
        "calls": sum(len(v) for v in calls.values()),
        "mastered_calls": said,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="24 students, 30 days")
    ap.add_argument("--students", type=int, default=96)
    ap.add_argument("--days", type=int, default=60)
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args(argv)
    students, days = (24, 30) if args.quick else (args.students, args.days)
    from app.practice.engine.mastery import MasteryRule

    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="tessera-mastery-sim-") as tmp:
        import os

        os.environ.setdefault("TESSERA_POLICY_FILE", str(Path(tmp) / "no-policy.json"))
        items, prereqs, skills = class_items(Path(tmp) / "data")
    rows, abilities = simulate(items, prereqs, skills, students, days, args.seed)
    out = {
        "benchmark": "mastery_sim",
        "students": students,
        "days": days,
        "answers": len(rows),
        "truth": "true chance of success on a typical question >= 0.85",
        "practice": evaluate(items, prereqs, rows, abilities, False, args.seed),
        "practice+judgement": evaluate(items, prereqs, rows, abilities, True, args.seed),
        # for comparison only (not shipped): a less cautious rule, 0.80 after 4 answers
        "practice_rule_0.80_4": evaluate(
            items, prereqs, rows, abilities, False, args.seed, MasteryRule(threshold=0.80, min_attempts=4)
        ),
        "seconds": round(time.perf_counter() - t0, 1),
    }
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
