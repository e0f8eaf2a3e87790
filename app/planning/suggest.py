"""Goal suggestions for a plan: gaps next to strengths (skills whose prerequisites the learner is
strong in but which are not mastered yet) and ideas that start from the learner's interests."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from app.config import resources_dir
from app.i18n import _
from app.planning.progress import SkillFact

STRONG = 0.7  # a prerequisite at or above this predicted success counts as a strength


@dataclass(frozen=True)
class SkillInfo:
    skill_id: str
    code: str
    name: str
    domain: str
    prerequisites: tuple[str, ...] = ()
    subject: str = ""  # "maths" | "writing" | ...: writing skills grow through writing, not questions


@dataclass(frozen=True)
class GoalSuggestion:
    title: str
    why: str
    skill_ids: tuple[str, ...]
    path: str
    source: str  # "gap" | "interest"
    score: float


def load_interest_links(path: Path | None = None) -> list[dict]:
    path = path or resources_dir() / "planning" / "interest_links.json"
    try:
        return list(json.loads(path.read_text(encoding="utf-8"))["links"])
    except (OSError, ValueError, KeyError):
        return []


def _strong(f: SkillFact | None) -> bool:
    return bool(f and (f.mastered or ((f.attempts or f.judged) and f.mastery >= STRONG)))


def gap_suggestions(skills: list[SkillInfo], facts: dict[str, SkillFact]) -> list[GoalSuggestion]:
    by_code = {s.code: s for s in skills}
    out = []
    for s in skills:
        f = facts.get(s.skill_id)
        if f and f.mastered or not s.prerequisites:
            continue
        pre = [by_code[c] for c in s.prerequisites if c in by_code]
        if not pre or not all(_strong(facts.get(p.skill_id)) for p in pre):
            continue
        pre_mastery = sum(facts[p.skill_id].mastery for p in pre) / len(pre)
        own = f.mastery if f and (f.attempts or f.judged) else 0.0
        # Ready and already moving is the best next step; untouched but ready comes next.
        score = pre_mastery + 0.5 * own
        names = " and ".join(p.name for p in pre)
        out.append(
            GoalSuggestion(
                title=_("Master {name}", name=s.name),
                why=_("You are strong in {names}, so {name} is a good next step.", names=names, name=s.name),
                skill_ids=(s.skill_id,),
                path="writing" if s.subject == "writing" else "practice",
                source="gap",
                score=round(score, 4),
            )
        )
    return out


def interest_suggestions(
    skills: list[SkillInfo], facts: dict[str, SkillFact], interests: list[str], links: list[dict]
) -> list[GoalSuggestion]:
    by_code = {s.code: s for s in skills}
    out = []
    for interest in interests:
        low = interest.lower()
        for link in links:
            if not any(k in low for k in link.get("keywords", ())):
                continue
            targets = [by_code[c] for c in link.get("skills", ()) if c in by_code]
            targets = [t for t in targets if not (facts.get(t.skill_id) and facts[t.skill_id].mastered)]
            if not targets:
                continue
            idea = str(link.get("idea", "Use {interest} to learn")).replace("{interest}", interest)
            skill_names = " and ".join(t.name for t in targets)
            out.append(
                GoalSuggestion(
                    title=idea,
                    why=_(
                        "You love {interest}; this builds {skill_names}.",
                        interest=interest,
                        skill_names=skill_names,
                    ),
                    skill_ids=tuple(t.skill_id for t in targets),
                    path=str(link.get("path", "project")),
                    source="interest",
                    score=0.6,
                )
            )
            break  # one idea per interest
    return out


def suggest_goals(
    skills: list[SkillInfo],
    facts: dict[str, SkillFact],
    interests: list[str],
    links: list[dict] | None = None,
    taken: set[str] | None = None,
    limit: int = 6,
) -> list[GoalSuggestion]:
    """Best first: gaps next to strengths and interest ideas interleaved, no skill twice, no skill
    the learner already has a goal for. Deterministic for the same input."""
    taken = set(taken or ())
    links = load_interest_links() if links is None else links
    gaps = sorted(gap_suggestions(skills, facts), key=lambda g: (-g.score, g.title))
    ideas = interest_suggestions(skills, facts, interests, links)
    merged: list[GoalSuggestion] = []
    for i in range(max(len(gaps), len(ideas))):
        for group in (gaps, ideas):
            if i < len(group):
                merged.append(group[i])
    out = []
    for g in merged:
        if set(g.skill_ids) & taken:
            continue
        taken |= set(g.skill_ids)
        out.append(g)
        if len(out) >= limit:
            break
    return out


MILESTONE_IDEAS = {
    "practice": (
        _("Practise three times a week"),
        _("Get most questions right without hints"),
        _("Explain a worked example to a friend"),
    ),
    "writing": (_("Plan my piece"), _("First draft"), _("Final draft with feedback used")),
    "project": (_("Gather what I need"), _("Make a first version"), _("Share it with the class")),
}


def default_milestones(path: str, start: float, target: float) -> list[tuple[str, float]]:
    """Three milestones spread evenly to the target date: a starting point the student edits."""
    ideas = MILESTONE_IDEAS.get(path, MILESTONE_IDEAS["project"])
    span = max(target - start, 3 * 86_400.0)
    return [(title, start + span * (k + 1) / (len(ideas) + 0.5)) for k, title in enumerate(ideas)]
