"""xAPI statements from practice: ``answered`` (one per attempt; the attempt's id is the statement
id), ``completed`` (one per practice session) and ``mastered`` (one per mastered skill), each with a
pseudonymous actor: an account whose name is derived from Tessera's internal person id, which never
leaves Tessera, so the LRS can follow a learner without learning who they are.

Statement ids are fixed by the rows they come from, so a resend never makes a duplicate. The queue
is the attempts table itself plus a cursor (the last attempt rowid an LRS acknowledged) kept in the
data folder: it survives weeks offline as the attempts do, and resumes after a crash mid-batch."""

from __future__ import annotations

import json
import os
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import text
from sqlmodel import Session

XAPI_NS = uuid.UUID("0d4c3b2a-1f0e-5d9c-8b7a-6f5e4d3c2b1a")
VERBS = {
    "answered": "http://adlnet.gov/expapi/verbs/answered",
    "completed": "http://adlnet.gov/expapi/verbs/completed",
    "mastered": "http://adlnet.gov/expapi/verbs/mastered",
}
HOME = "urn:tessera"


def pseudonym(person_id: str) -> str:
    return str(uuid.uuid5(XAPI_NS, f"actor|{person_id}"))


def _actor(person_id: str) -> dict:
    return {"objectType": "Agent", "account": {"homePage": HOME, "name": pseudonym(person_id)}}


def _verb(name: str) -> dict:
    return {"id": VERBS[name], "display": {"en-US": name}}


def _iso(t: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(t)) + f".{int((t % 1) * 1000):03d}Z"


def _skill_activity(skill_id: str, name: str, case_id: str | None) -> dict:
    ident = f"urn:case:{case_id}" if case_id else f"{HOME}:skill:{skill_id}"
    return {
        "objectType": "Activity",
        "id": ident,
        "definition": {"name": {"en-US": name}, "type": "http://adlnet.gov/expapi/activities/objective"},
    }


def _as_uuid(row_id: str) -> str:
    try:
        return str(uuid.UUID(row_id))
    except ValueError:
        return str(uuid.uuid5(XAPI_NS, row_id))


def attempt_statements(
    session: Session, student_ids: list[str], after_rowid: int = 0, limit: int = 500
) -> list[tuple[int, dict]]:
    """(rowid, statement) for ``answered``, oldest first, after a rowid (the queue's cursor)."""
    if not student_ids:
        return []
    conn = session.connection()
    names: dict[str, str] = dict(conn.execute(text("SELECT id, name FROM skill")).all())
    case: dict[str, str] = dict(conn.execute(text("SELECT tessera_id, external_id FROM external_id "
                                  "WHERE system = 'case' AND kind = 'skill' AND deleted = 0")).all())  # fmt: skip
    marks = ",".join(f":s{i}" for i in range(len(student_ids)))
    rows = conn.execute(
        text(
            f"SELECT rowid, id, student_id, item_id, skill_id, answer, correct, response_ms, at FROM attempt "
            f"WHERE deleted = 0 AND rowid > :after AND student_id IN ({marks}) ORDER BY rowid LIMIT :n"
        ),
        {"after": after_rowid, "n": limit, **{f"s{i}": s for i, s in enumerate(student_ids)}},
    ).all()
    out = []
    for rowid, aid, sid, item, skill, answer, correct, ms, at in rows:
        out.append((rowid, {
            "id": _as_uuid(aid), "actor": _actor(sid), "verb": _verb("answered"),
            "object": {"objectType": "Activity", "id": f"{HOME}:item:{item}",
                       "definition": {"type": "http://adlnet.gov/expapi/activities/cmi.interaction",
                                      "name": {"en-US": f"Question on {names.get(skill, 'a skill')}"}}},
            "result": {"success": bool(correct), "response": str(answer)[:200],
                       "duration": f"PT{max(ms, 0) / 1000:.2f}S"},
            "context": {"contextActivities": {"parent": [_skill_activity(skill, names.get(skill, ""), case.get(skill))]}},
            "timestamp": _iso(at),
        }))  # fmt: skip
    return out


def summary_statements(session: Session, student_ids: list[str]) -> list[dict]:
    """``completed`` per practice session and ``mastered`` per mastered skill (ids fixed by their rows)."""
    if not student_ids:
        return []
    conn = session.connection()
    marks = ",".join(f":s{i}" for i in range(len(student_ids)))
    params = {f"s{i}": s for i, s in enumerate(student_ids)}
    names: dict[str, str] = dict(conn.execute(text("SELECT id, name FROM skill")).all())
    case: dict[str, str] = dict(conn.execute(text("SELECT tessera_id, external_id FROM external_id "
                                  "WHERE system = 'case' AND kind = 'skill' AND deleted = 0")).all())  # fmt: skip
    out = []
    for sid, session_id, n, right, last in conn.execute(
        text(
            f"SELECT student_id, session_id, COUNT(*), SUM(correct), MAX(at) FROM attempt WHERE deleted = 0 "
            f"AND session_id != '' AND student_id IN ({marks}) GROUP BY student_id, session_id"
        ),
        params,
    ):
        out.append({"id": str(uuid.uuid5(XAPI_NS, f"completed|{session_id}|{sid}")), "actor": _actor(sid),
                    "verb": _verb("completed"),
                    "object": {"objectType": "Activity", "id": f"{HOME}:session:{session_id}",
                               "definition": {"name": {"en-US": "Practice session"}}},
                    "result": {"completion": True, "score": {"raw": int(right or 0), "min": 0, "max": n,
                                                             "scaled": round((right or 0) / n, 4)}},
                    "timestamp": _iso(last)})  # fmt: skip
    for sid, skill, mastery, at in conn.execute(
        text(
            f"SELECT student_id, skill_id, mastery, mastered_at FROM learner_skill_state "
            f"WHERE mastered = 1 AND student_id IN ({marks}) ORDER BY student_id, skill_id"
        ),
        params,
    ):
        out.append({"id": str(uuid.uuid5(XAPI_NS, f"mastered|{sid}|{skill}")), "actor": _actor(sid),
                    "verb": _verb("mastered"), "object": _skill_activity(skill, names.get(skill, ""), case.get(skill)),
                    "result": {"success": True, "score": {"scaled": round(mastery, 4)}},
                    "timestamp": _iso(at or time.time())})  # fmt: skip
    return out


def write_jsonl(statements: Iterator[dict] | list[dict], path: str | Path) -> int:
    """One statement per line; written to a temporary file and renamed, so a reader never sees half."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    n = 0
    with tmp.open("w", encoding="utf-8") as fh:
        for st in statements:
            fh.write(json.dumps(st, ensure_ascii=False, sort_keys=True) + "\n")
            n += 1
        fh.flush()
        os.fsync(fh.fileno())
    tmp.replace(path)
    return n
