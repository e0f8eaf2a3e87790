"""Which skill each row of a rubric speaks to, so judging a piece of work row by row gives levels on
skills: a writing task's criteria and checks map to the writing skills of the default framework; a
challenge's criteria are matched to the challenge's own skills by name, or left for the teacher."""

from __future__ import annotations

from dataclasses import dataclass

from app.i18n import _

__all__ = ["JudgeRow", "challenge_rows", "writing_rows"]

# writing rubric criterion (app.writing.findings.RubricCriteria) -> (what the row asks, skill code)
WRITING_CRITERIA: dict[str, tuple[str, str]] = {
    "min_words": (_("Says enough about the topic"), "WRC.IDEA"),
    "topic_words": (_("Uses the topic's words"), "WRC.IDEA"),
    "min_paragraphs": (_("Organises ideas in paragraphs"), "WRC.PARA"),
    "require_claim": (_("States a clear opinion or main idea"), "WRC.ARG"),
    "require_conclusion": (_("Finishes with a conclusion"), "WRC.ORG"),
    "min_transitions": (_("Links ideas with transitions"), "WRC.TRANS"),
}
# check categories (spelling, grammar, style) -> the mechanics they show
WRITING_CHECKS: dict[str, tuple[str, str]] = {
    "spelling": (_("Spells words correctly"), "WRM.SPELL"),
    "grammar": (_("Writes grammatical sentences"), "WRM.GRAM"),
    "style": (_("Varies sentences and chooses words well"), "WRC.VOICE"),
}


@dataclass(frozen=True)
class JudgeRow:
    """One row to judge: what it asks, the skills it may count for (first: the default), and the words
    of each level when the rubric has its own (else the shared scale's)."""

    label: str
    skills: tuple[tuple[str, str], ...]  # (skill id, name)
    levels: tuple[str, ...] = ()  # four descriptors, Beginning..Extending, or () for the shared scale


def writing_rows(rubric: list, checks: dict, skills_by_code: dict[str, tuple[str, str]],
                 task_skill_ids: list[str]) -> list[JudgeRow]:  # fmt: skip
    """Rows for a writing task: its rubric criteria, its checks that are on, then any skill the task
    names that no row covers. ``skills_by_code``: code -> (id, name)."""
    rows: list[JudgeRow] = []
    seen: set[str] = set()
    kinds: list[str] = [str(e.get("kind")) for e in rubric if isinstance(e, dict)]
    for kind in kinds + [
        c for c in ("spelling", "grammar", "style") if (checks or {}).get(c, True) is not False
    ]:
        label, code = WRITING_CRITERIA.get(kind) or WRITING_CHECKS.get(kind) or ("", "")
        if code in skills_by_code and code not in seen:
            seen.add(code)
            rows.append(JudgeRow(label, (skills_by_code[code],)))
    by_id = {v[0]: v for v in skills_by_code.values()}
    for kid in task_skill_ids:
        if kid in by_id and by_id[kid][0] not in {r.skills[0][0] for r in rows}:
            rows.append(JudgeRow(by_id[kid][1], (by_id[kid],)))
    return rows


def challenge_rows(rubric: list, skills: list[tuple[str, str]]) -> list[JudgeRow]:
    """Rows for a challenge's rubric ([{"criterion", "levels": [4 descriptors]}]): each criterion with
    the challenge's skills, the one whose name shares a word with the criterion first."""
    rows = []
    for r in rubric:
        if not isinstance(r, dict) or not r.get("criterion"):
            continue
        words = {w.lower() for w in str(r["criterion"]).split() if len(w) > 3}
        ranked = sorted(skills, key=lambda k: not (words & {w.lower() for w in k[1].split()}))
        levels = tuple(str(x) for x in (r.get("levels") or ()))[:4]
        rows.append(JudgeRow(str(r["criterion"]), tuple(ranked), levels if len(levels) == 4 else ()))
    return rows
