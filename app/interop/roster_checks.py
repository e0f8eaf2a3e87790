"""Checks every roster format shares: ids, statuses, grades and the values Excel rewrites."""

from __future__ import annotations

import re
from collections.abc import Iterator

from app.i18n import _
from app.interop.csv_source import Table
from app.interop.roster_data import RosterFile

_EXCEL_NUMBER = re.compile(r"^-?\d+(?:[.,]\d+)?[eE][+-]?\d+$")
_GRADE_WORDS = {
    "k": "KG",
    "kg": "KG",
    "kindergarten": "KG",
    "pk": "PK",
    "prek": "PK",
    "pre-k": "PK",
    "tk": "TK",
    "ps": "PS",
    "ug": "UG",
    "other": "Other",
    "it": "IT",
    "pr": "PR",
}
STATUSES = {"", "active", "tobedeleted", "inactive"}


def excel_damage(value: str) -> str:
    """Why a value looks rewritten by a spreadsheet ('' if it does not)."""
    if _EXCEL_NUMBER.match(value):
        return _(
            "“{value}” looks like a number a spreadsheet rewrote in scientific notation; export the file again from the school's system without opening and saving it in Excel",
            value=value,
        )
    return ""


def grade(value: str) -> tuple[str, str]:
    """A CEDS grade code ('06', 'KG') and a note if the value had to be read with a correction."""
    v = value.strip()
    if not v:
        return "", ""
    first = re.split(r"[,;]", v)[0].strip()
    if first.isdigit() and len(first) == 1:
        return f"0{first}", _(
            "grade “{first}” read as “0{first}” (a spreadsheet drops the leading zero)", first=first
        )
    word = _GRADE_WORDS.get(first.lower())
    if word:
        return word, ""
    return first, ""


def status_of(value: str) -> str | None:
    """'active' or 'tobedeleted', or None for a value OneRoster does not know."""
    v = value.strip().lower()
    if v not in STATUSES:
        return None
    return "tobedeleted" if v == "tobedeleted" else "active"


def entity_rows(
    pkg: RosterFile, table: Table, id_col: str = "sourcedid"
) -> Iterator[tuple[int, dict, str, str]]:
    """(line, row, id, status) for every readable row with a usable id; the rest become rejects."""
    for line, reason in table.problems:
        pkg.reject(table.name, line, "", reason)
    if table.encoding_note:
        pkg.note(table.name, 0, "", table.encoding_note)
    if id_col not in table.headers:
        pkg.reject(
            table.name,
            1,
            "",
            _(
                "the file has no “{id_col}” column (its columns: {v})",
                id_col=id_col,
                v=", ".join(h for h in table.headers if h) or "none",
            ),
        )
        return
    seen: dict[str, int] = {}
    for line, row in table.rows:
        sid = row.get(id_col, "")
        if not sid:
            pkg.reject(table.name, line, "", _("the row has no {id_col}", id_col=id_col))
            continue
        bad = excel_damage(sid)
        if bad:
            pkg.reject(table.name, line, sid, bad)
            continue
        if sid in seen:
            pkg.reject(
                table.name,
                line,
                sid,
                _(
                    "the id “{sid}” is already used on row {v}; the second row was left out",
                    sid=sid,
                    v=seen[sid],
                ),
            )
            continue
        seen[sid] = line
        status = status_of(row.get("status", ""))
        if status is None:
            pkg.reject(
                table.name,
                line,
                sid,
                _("status “{get}” is neither active nor tobedeleted", get=row.get("status")),
            )
            continue
        yield line, row, sid, status


_ZEROS = re.compile(r"(?<!\d)0+(?=\d)")


def leading_zero_hint(ref: str, known: set[str] | dict) -> str:
    """' (the file has “cls-0601”: did a spreadsheet drop a leading zero?)' when that explains an orphan."""
    bare = _ZEROS.sub("", ref)
    if not any(ch.isdigit() for ch in ref):
        return ""
    for cand in known:
        if cand != ref and len(cand) > len(ref) and _ZEROS.sub("", cand) == bare:
            return _(" (the file has “{cand}”: did a spreadsheet drop a leading zero?)", cand=cand)
    return ""
