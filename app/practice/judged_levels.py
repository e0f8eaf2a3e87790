"""The level rows teachers and students see (``learner_skill_state``), written from practice's own
figures and the synced judgements by the one rule of ``combine``.

Practice writes its columns (``write_practice_rows``, called by the learner model's store for every
answer and every replay) and the combined columns equal to them; pairs that have judgements are then
combined again here (``refresh_pairs``). Judgements arriving by sync, given or withdrawn, refresh their
pairs too. Everything here reads synced rows (``judgement``, ``attempt``) and the practice columns, which
are themselves a pure function of the attempts: so two replicas holding the same rows hold the same
levels, row for row.

SQL runs on the raw sqlite3 connection inside the caller's transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from app.practice.engine.combine import Combined, JudgementFact, PracticeFact, combine, deciding

__all__ = ["PRACTICE_UPSERT", "judged_pairs", "rebuild_judged", "refresh_pairs", "write_practice_rows"]

Pair = tuple[str, str]

# Practice's figures, and the combined level equal to them until ``refresh_pairs`` says otherwise.
PRACTICE_UPSERT = (
    "INSERT INTO learner_skill_state (student_id, skill_id, ability, attempts, correct, last_at, mastery, mastered, "
    "mastered_at, practice_mastery, practice_mastered, practice_mastered_at, judged_level, judgement_id, judged_at, "
    "judged_after) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?7, ?8, ?9, 0, '', 0, 0) "
    "ON CONFLICT(student_id, skill_id) DO UPDATE SET "
    "ability = excluded.ability, attempts = excluded.attempts, correct = excluded.correct, "
    "last_at = excluded.last_at, mastery = excluded.mastery, mastered = excluded.mastered, "
    "mastered_at = excluded.mastered_at, practice_mastery = excluded.practice_mastery, "
    "practice_mastered = excluded.practice_mastered, practice_mastered_at = excluded.practice_mastered_at, "
    "judged_level = 0, judgement_id = '', judged_at = 0, judged_after = 0"
)
_SMALL = 32  # up to this many pairs, look each up; more, read the (small) judgement table once


def judged_pairs(conn: sqlite3.Connection, pairs: Iterable[Pair] | None = None) -> set[Pair]:
    """The pairs (of ``pairs``, or all) that have any judgement row, live or not."""
    if pairs is None:
        return set(conn.execute("SELECT DISTINCT student_id, skill_id FROM judgement"))
    pairs = list(pairs)
    if len(pairs) > _SMALL:
        every = judged_pairs(conn)
        return {p for p in pairs if p in every}
    return {
        p for p in pairs
        if conn.execute("SELECT 1 FROM judgement WHERE student_id = ? AND skill_id = ? LIMIT 1", p).fetchone()
    }  # fmt: skip


def write_practice_rows(
    conn: sqlite3.Connection, args: list[tuple], combine_now: bool = True, appended: bool = False
) -> None:
    """Upsert practice rows (student, skill, ability, attempts, correct, last_at, mastery, mastered,
    mastered_at), then combine the pairs among them that have judgements (``combine_now=False``: the
    caller combines every judged pair itself, as a full rebuild does once at the end).

    ``appended``: the rows come from answers applied in order after everything the model had (an
    answer, a sync's catch-up), not from a replay. Then the answers since a judgement older than the
    pair's last answer are the old count plus the new answers, without counting them again."""
    if not args:
        return
    judged = judged_pairs(conn, ((a[0], a[1]) for a in args)) if combine_now else set()
    before: dict[Pair, tuple] = {}
    if judged and appended:
        for pair in judged:
            row = conn.execute(
                "SELECT attempts, last_at, judgement_id, judged_at, judged_after FROM learner_skill_state "
                "WHERE student_id = ? AND skill_id = ?",
                pair,
            ).fetchone()
            if row is not None and row[0] > 0 and row[2] and row[3] < row[1]:
                before[pair] = row
    conn.executemany(PRACTICE_UPSERT, args)
    if not judged:
        return
    attempts = {(a[0], a[1]): a[3] for a in args}
    known = {p: (r[2], r[4] + attempts[p] - r[0]) for p, r in before.items()}
    refresh_pairs(conn, judged, known=known)


def _judgements(conn: sqlite3.Connection, pair: Pair) -> list[JudgementFact]:
    return [
        JudgementFact(i, level, at, bool(w), bool(d))
        for i, level, at, w, d in conn.execute(
            "SELECT id, level, at, withdrawn, deleted FROM judgement WHERE student_id = ? AND skill_id = ?",
            pair,
        )
    ]


def _answers_after(conn: sqlite3.Connection, pair: Pair, at: float) -> int:
    return conn.execute(
        "SELECT COUNT(*) FROM attempt WHERE student_id = ? AND at > ? AND skill_id = ? AND deleted = 0",
        (pair[0], at, pair[1]),
    ).fetchone()[0]


def combined_for(
    conn: sqlite3.Connection, pair: Pair, known: tuple[str, int] | None = None
) -> tuple[Combined | None, bool, int]:
    """The combined level of one pair, whether practice has answers on it, and the answers after the
    deciding judgement. ``known``: (judgement id, answers after it) when the caller knows them."""
    row = conn.execute(
        "SELECT attempts, practice_mastery, practice_mastered, practice_mastered_at FROM learner_skill_state "
        "WHERE student_id = ? AND skill_id = ?",
        pair,
    ).fetchone()
    practice = PracticeFact(row[1], bool(row[2]), row[3]) if row is not None and row[0] > 0 else None
    judgements = _judgements(conn, pair)
    j = deciding(judgements)
    if j is None or practice is None:
        after = 0
    elif known is not None and known[0] == j.id:
        after = known[1]
    else:
        after = _answers_after(conn, pair, j.at)
    return combine(practice, judgements, after), practice is not None, after


def _bulk_combined(
    conn: sqlite3.Connection, pairs: list[Pair]
) -> dict[Pair, tuple[Combined | None, bool, int]]:
    """``combined_for`` of many pairs in a few statements: the judgement table and the practice
    columns read once, and the answers after each deciding judgement counted in one pass over the
    attempts (each probing a small temporary table), not one index range per pair."""
    wanted = set(pairs)
    practice = {
        (r[0], r[1]): PracticeFact(r[3], bool(r[4]), r[5])
        for r in conn.execute(
            "SELECT student_id, skill_id, attempts, practice_mastery, practice_mastered, practice_mastered_at "
            "FROM learner_skill_state WHERE attempts > 0"
        )
        if (r[0], r[1]) in wanted
    }
    judged: dict[Pair, list[JudgementFact]] = {}
    for sid, kid, i, level, at, w, d in conn.execute(
        "SELECT student_id, skill_id, id, level, at, withdrawn, deleted FROM judgement"
    ):
        if (sid, kid) in wanted:
            judged.setdefault((sid, kid), []).append(JudgementFact(i, level, at, bool(w), bool(d)))
    deciders = {p: deciding(js) for p, js in judged.items()}
    probe = [(p[0], p[1], j.at) for p, j in deciders.items() if j is not None and p in practice]
    after: dict[Pair, int] = {}
    if probe:
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS _deciding (student_id TEXT, skill_id TEXT, at REAL, "
                     "PRIMARY KEY (student_id, skill_id)) WITHOUT ROWID")  # fmt: skip
        conn.execute("DELETE FROM temp._deciding")
        conn.executemany("INSERT INTO temp._deciding VALUES (?, ?, ?)", probe)
        # CROSS JOIN keeps the attempts as the outer loop: one scan, a primary-key probe per answer
        for sid, kid, n in conn.execute(
            "SELECT a.student_id, a.skill_id, COUNT(*) FROM attempt AS a CROSS JOIN temp._deciding AS d "
            "WHERE d.student_id = a.student_id AND d.skill_id = a.skill_id AND a.at > d.at AND a.deleted = 0 "
            "GROUP BY a.student_id, a.skill_id"
        ):
            after[(sid, kid)] = n
        conn.execute("DELETE FROM temp._deciding")
    return {
        p: (combine(practice.get(p), judged.get(p, ()), after.get(p, 0)), p in practice, after.get(p, 0))
        for p in pairs
    }


def refresh_pairs(
    conn: sqlite3.Connection,
    pairs: Iterable[Pair],
    bulk_from: int = 2000,
    known: dict[Pair, tuple[str, int]] | None = None,
) -> None:
    """Write the combined level of each pair from its practice columns and its judgements. From
    ``bulk_from`` pairs on, one pass over all answers counts them (a full rebuild); fewer, each pair
    counts its own (an answer, a sync, a judgement)."""
    pairs = sorted(set(pairs))
    bulk = _bulk_combined(conn, pairs) if len(pairs) >= bulk_from else None
    for pair in pairs:
        c, practised, after = (
            bulk[pair] if bulk is not None else combined_for(conn, pair, (known or {}).get(pair))
        )
        if c is None:  # no practice and no live judgement: no evidence, no row
            conn.execute("DELETE FROM learner_skill_state WHERE student_id = ? AND skill_id = ?", pair)
            continue
        if not practised:
            # judged only: practice's columns stay zero (attempts count answers, never judgements)
            conn.execute(
                "INSERT INTO learner_skill_state (student_id, skill_id, ability, attempts, correct, last_at, "
                "mastery, mastered, mastered_at, practice_mastery, practice_mastered, practice_mastered_at, "
                "judged_level, judgement_id, judged_at) VALUES (?, ?, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, '', 0) "
                "ON CONFLICT(student_id, skill_id) DO NOTHING",
                pair,
            )
        conn.execute(
            "UPDATE learner_skill_state SET mastery = ?, mastered = ?, mastered_at = ?, judged_level = ?, "
            "judgement_id = ?, judged_at = ?, judged_after = ? WHERE student_id = ? AND skill_id = ?",
            (
                c.mastery,
                int(c.mastered),
                c.mastered_at,
                c.judged_level,
                c.judgement_id,
                c.judged_at,
                after,
                *pair,
            ),
        )


def rebuild_judged(conn: sqlite3.Connection) -> int:
    """Combine every pair that has a judgement or shows one (after a full rebuild of practice, or after
    judgements were purged). Returns how many pairs were looked at."""
    pairs = judged_pairs(conn) | set(
        conn.execute(
            "SELECT student_id, skill_id FROM learner_skill_state WHERE judged_level > 0 OR attempts = 0"
        )
    )
    refresh_pairs(conn, pairs, bulk_from=1)
    return len(pairs)
