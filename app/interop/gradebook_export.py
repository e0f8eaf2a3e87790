"""Results out: a OneRoster 1.2 gradebook (categories per domain, a line item per skill, results,
and the learning-objective ids of each skill, CASE GUIDs where the framework came from CASE) and a
flat student x skill CSV with numbers written as numbers. Both read the class heatmap itself, so
the totals are what the teacher sees on screen.

Ids: a class, student or school imported from the school's system is written with that system's
sourcedId (external_id); anything Tessera made itself keeps Tessera's id."""

from __future__ import annotations

import csv
import io
import time
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.practice.engine.tracking import RULE
from app.practice.results import Heatmap

GRADEBOOK_NS = uuid.UUID("5b0f3d8e-91a2-5c47-8e6d-0a1b2c3d4e5f")

CATEGORY_HEADERS = ["sourcedId", "status", "dateLastModified", "title", "weight"]
LINE_ITEM_HEADERS = [
    "sourcedId",
    "status",
    "dateLastModified",
    "title",
    "description",
    "assignDate",
    "dueDate",
    "classSourcedId",
    "categorySourcedId",
    "gradingPeriodSourcedId",
    "academicSessionSourcedId",
    "schoolSourcedId",
    "scoreScaleSourcedId",
    "resultValueMin",
    "resultValueMax",
]
RESULT_HEADERS = [
    "sourcedId",
    "status",
    "dateLastModified",
    "lineItemSourcedId",
    "studentSourcedId",
    "classSourcedId",
    "scoreScaleSourcedId",
    "scoreStatus",
    "score",
    "textScore",
    "scoreDate",
    "comment",
    "inProgress",
    "incomplete",
    "late",
    "missing",
]
LINE_ITEM_LO_HEADERS = ["lineItemSourcedId", "source", "learningObjectiveId"]
RESULT_LO_HEADERS = ["resultSourcedId", "source", "learningObjectiveId", "score", "textScore"]
SCORE_STATUSES = {"exempt", "fully graded", "not submitted", "partially graded", "submitted"}
STATUSES = {"active", "tobedeleted"}
FILES = {
    "categories.csv": CATEGORY_HEADERS,
    "lineItems.csv": LINE_ITEM_HEADERS,
    "results.csv": RESULT_HEADERS,
    "lineItemLearningObjectiveIds.csv": LINE_ITEM_LO_HEADERS,
    "resultLearningObjectiveIds.csv": RESULT_LO_HEADERS,
}


@dataclass(frozen=True)
class GradebookIds:
    """Outside ids to write (Tessera's own where none): class, school, students, skills (with source)."""

    klass: str
    school: str
    students: dict[str, str]
    skills: dict[str, tuple[str, str]]  # skill id -> (source, learning objective id)
    domains: dict[str, str]  # domain name -> category id


def _gid(*parts: str) -> str:
    return str(uuid.uuid5(GRADEBOOK_NS, "|".join(parts)))


def _iso(t: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(t))


def level_text(mastery: float, mastered: bool) -> str:
    if mastered:  # the heatmap's own flag (the mastery rule asks more than a high estimate)
        return "mastered"
    return "nearly there" if mastery >= RULE.nearly else "learning"


def gradebook_tables(heat: Heatmap, ids: GradebookIds, now: float | None = None) -> dict[str, list[list]]:
    """The gradebook's rows per file (headers first): a pure function of the heatmap and the ids."""
    stamp = _iso(time.time() if now is None else now)
    cats: list[list[Any]] = [CATEGORY_HEADERS]
    for name, cid in ids.domains.items():
        cats.append([cid, "active", stamp, name, ""])
    items: list[list[Any]] = [LINE_ITEM_HEADERS]
    item_los: list[list[Any]] = [LINE_ITEM_LO_HEADERS]
    line_of = {}
    for sk in heat.skills:
        lid = _gid(ids.klass, sk.id)
        line_of[sk.id] = lid
        items.append(
            [
                lid,
                "active",
                stamp,
                sk.name,
                f"Mastery of {sk.name} ({sk.code}), 0-100",
                "",
                "",
                ids.klass,
                ids.domains.get(sk.domain, ""),
                "",
                "",
                ids.school,
                "",
                0,
                100,
            ]
        )
        source, lo = ids.skills.get(sk.id, ("", ""))
        if lo:
            item_los.append([lid, source, lo])
    results: list[list[Any]] = [RESULT_HEADERS]
    result_los: list[list[Any]] = [RESULT_LO_HEADERS]
    for i, st in enumerate(heat.students):
        sid = ids.students.get(st.id, st.id)
        for j, sk in enumerate(heat.skills):
            cell = heat.cells[i][j]
            if cell is None:
                continue
            rid = _gid(ids.klass, sk.id, st.id)
            score = round(cell.mastery * 100, 1)
            text = level_text(cell.mastery, cell.mastered)
            status = "fully graded" if text == "mastered" else "partially graded"
            results.append(
                [
                    rid,
                    "active",
                    stamp,
                    line_of[sk.id],
                    sid,
                    ids.klass,
                    "",
                    status,
                    score,
                    text,
                    _iso(cell.last_at) if cell.last_at else stamp,
                    f"{cell.attempts} answers",
                    "false" if text == "mastered" else "true",
                    "false",
                    "false",
                    "false",
                ]
            )
            source, lo = ids.skills.get(sk.id, ("", ""))
            if lo:
                result_los.append([rid, source, lo, score, text])
    return {
        "categories.csv": cats,
        "lineItems.csv": items,
        "results.csv": results,
        "lineItemLearningObjectiveIds.csv": item_los,
        "resultLearningObjectiveIds.csv": result_los,
    }


def manifest_rows() -> list[list[str]]:
    rows = [["propertyName", "value"], ["manifest.version", "1.0"], ["oneroster.version", "1.2"]]
    for f in (
        "academicSessions",
        "categories",
        "classes",
        "classResources",
        "courses",
        "courseResources",
        "demographics",
        "enrollments",
        "lineItemLearningObjectiveIds",
        "lineItems",
        "lineItemScoreScales",
        "orgs",
        "resources",
        "resultLearningObjectiveIds",
        "results",
        "resultScoreScales",
        "roles",
        "scoreScales",
        "userProfiles",
        "userResources",
        "users",
    ):
        present = f"{f}.csv" in FILES
        rows.append([f"file.{f}", "bulk" if present else "absent"])
    rows += [["source.systemName", "Tessera"], ["source.systemCode", "tessera"]]
    return rows


_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """A text cell a spreadsheet would run as a formula (a name like '=HYPERLINK(...)') gets a
    leading apostrophe; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value


def _csv_bytes(rows: list[list]) -> bytes:
    buf = io.StringIO(newline="")
    csv.writer(buf, lineterminator="\r\n").writerows([safe_cell(v) for v in row] for row in rows)
    return buf.getvalue().encode("utf-8")


def write_gradebook(tables: dict[str, list[list]], out: str | Path) -> Path:
    """A zip when ``out`` ends in .zip, else a folder of CSV files."""
    out = Path(out)
    files = {"manifest.csv": _csv_bytes(manifest_rows()), **{k: _csv_bytes(v) for k, v in tables.items()}}
    if out.suffix.lower() == ".zip":
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_suffix(".zip.part")
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in files.items():
                zf.writestr(name, data)
        tmp.replace(out)
    else:
        out.mkdir(parents=True, exist_ok=True)
        for name, data in files.items():
            (out / name).write_bytes(data)
    return out


def skills_table(heat: Heatmap, students: dict[str, str]) -> list[list]:
    """Flat student x skill: mastery in percent as a number, empty where not started; and counts."""
    head = (
        ["student_id", "student"]
        + [f"{sk.name} ({sk.code})" for sk in heat.skills]
        + ["skills_started", "skills_mastered"]
    )
    rows: list[list] = [head]
    for i, st in enumerate(heat.students):
        cells = heat.cells[i]
        vals = [round(c.mastery * 100, 1) if c is not None else "" for c in cells]
        started = sum(1 for c in cells if c is not None)
        mastered = sum(1 for c in cells if c is not None and level_text(c.mastery, c.mastered) == "mastered")
        rows.append([students.get(st.id, st.id), st.name, *vals, started, mastered])
    return rows


def write_csv(rows: list[list], out: str | Path) -> Path:
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    # UTF-8 with a BOM: Excel then shows accented names right; numbers stay unquoted numbers
    out.write_bytes(b"\xef\xbb\xbf" + _csv_bytes(rows))
    return out
