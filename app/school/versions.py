"""Framework versions, pure (no database): checking a new version against the one before, following
evidence through renamed, split and retired skills, and rolling evidence up to the shared ids of the
newest version so every school's reports stay comparable.

A version's body: ``{"domains": [{"id", "name", "subject", "skills": [{"id", "name", "description",
"prerequisites": [ids]}]}]}``. Ids are shared across schools and versions: a renamed skill keeps its
id (only its name changes); a split or merged skill gets new ids and the version's ``mapping`` says
where the old id's evidence goes (``{old: [new, ...]}``); ``{old: []}`` retires it.

Nothing is lost: an id that a later version neither keeps nor maps (two versions published at once
on two machines, each unaware of the other) keeps its own bucket in reports instead of vanishing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from app.errors import InvalidInput
from app.i18n import _

RETIRED = "(retired)"
MAX_SKILLS = 2000


@dataclass(frozen=True)
class Version:
    id: str
    key: str
    version: int
    title: str
    body: dict
    mapping: dict
    created_at: float = 0.0
    source: str = ""


def order(versions: Iterable[Version]) -> list[Version]:
    """Oldest first; two machines' same-numbered versions in a fixed order (time, then id)."""
    return sorted(versions, key=lambda v: (v.version, v.created_at, v.id))


def skills_of(body: Mapping) -> dict[str, dict]:
    return {str(k["id"]): k for d in body.get("domains", ()) for k in d.get("skills", ())}


def domain_of(body: Mapping) -> dict[str, str]:
    return {str(k["id"]): str(d["id"]) for d in body.get("domains", ()) for k in d.get("skills", ())}


def check_body(body: object) -> dict:
    """A body's shape (hostile input refused): unique non-empty ids, prerequisites that exist."""
    if not isinstance(body, dict) or not isinstance(body.get("domains"), list):
        raise InvalidInput(_("A framework needs a list of domains."))
    seen: set[str] = set()
    doms: set[str] = set()
    n = 0
    for d in body["domains"]:
        if (
            not isinstance(d, dict)
            or not str(d.get("id", "")).strip()
            or not isinstance(d.get("skills"), list)
        ):
            raise InvalidInput(_("Each domain needs an id and a list of skills."))
        if d["id"] in doms:
            raise InvalidInput(_("The domain id {id} is used twice.", id=d["id"]))
        doms.add(d["id"])
        for k in d["skills"]:
            n += 1
            if (
                not isinstance(k, dict)
                or not str(k.get("id", "")).strip()
                or not str(k.get("name", "")).strip()
            ):
                raise InvalidInput(_("Each skill needs an id and a name."))
            if k["id"] in seen:
                raise InvalidInput(_("The skill id {id} is used twice.", id=k["id"]))
            seen.add(k["id"])
    if n > MAX_SKILLS:
        raise InvalidInput(_("A framework can have at most {limit} skills.", limit=MAX_SKILLS))
    for d in body["domains"]:
        for k in d["skills"]:
            pre = k.get("prerequisites", [])
            if not isinstance(pre, list) or any(p not in seen or p == k["id"] for p in pre):
                raise InvalidInput(
                    _("The skill {id} names a prerequisite that is not in the framework.", id=k["id"])
                )
    return body


def check_next(prev: Mapping | None, body: Mapping, mapping: Mapping) -> dict[str, list[str]]:
    """The mapping from ``prev`` to ``body``, checked: every skill of ``prev`` is kept (same id) or
    mapped (to ids of ``body``, or [] to retire it). Returns it clean."""
    check_body(body)
    if not isinstance(mapping, Mapping):
        raise InvalidInput(_("Say where each changed skill's evidence goes."))
    new = skills_of(body)
    clean: dict[str, list[str]] = {}
    for old, targets in mapping.items():
        if not isinstance(targets, list) or any(t not in new for t in targets):
            raise InvalidInput(
                _("The skill {old} is mapped to a skill that is not in the new version.", old=old)
            )
        clean[str(old)] = [str(t) for t in dict.fromkeys(targets)]
    if prev is not None:
        missing = [k for k in skills_of(prev) if k not in new and k not in clean]
        if missing:
            raise InvalidInput(
                _(
                    "Say where the evidence of these skills goes (or retire them): {names}",
                    names=", ".join(sorted(missing)[:10]),
                )
            )
        unknown = [k for k in clean if k not in skills_of(prev)]
        if unknown:
            raise InvalidInput(
                _(
                    "The mapping names skills the previous version does not have: {names}",
                    names=", ".join(unknown[:10]),
                )
            )
    return clean


def forward(versions: Iterable[Version]) -> dict[str, frozenset[str]]:
    """Every id any version had -> the ids of the newest version its evidence now counts toward
    (``RETIRED`` for a retired skill; its own id when no later version kept or mapped it)."""
    vs = order(versions)
    if not vs:
        return {}
    where: dict[str, set[str]] = {}
    for v in vs:
        ids = set(skills_of(v.body))
        for old, targets in v.mapping.items():
            for k, dest in where.items():
                if old in dest:
                    dest.discard(old)
                    dest.update(targets if targets else {RETIRED})
            where.setdefault(old, set(targets) if targets else {RETIRED})
        for k in ids:
            where.setdefault(k, {k})
    return {k: frozenset(d or {RETIRED}) for k, d in where.items()}


def rollup(evidence: Iterable[tuple[str, str]], versions: Iterable[Version],
           parents: Mapping[str, str] | None = None) -> dict[str, set[str]]:  # fmt: skip
    """Evidence ``(evidence id, skill id)`` -> newest shared id -> evidence ids. A school's own skill
    counts toward the shared skill it sits under (``parents``: local id -> shared id). A split skill's
    evidence counts toward each part. Every evidence id lands in at least one bucket."""
    fwd = forward(versions)
    parents = parents or {}
    out: dict[str, set[str]] = {}
    for eid, skill in evidence:
        shared = parents.get(skill, skill)
        for dest in fwd.get(shared, frozenset({shared})):
            out.setdefault(dest, set()).add(eid)
    return out
