"""CASE (1EdTech Competencies and Academic Standards Exchange) CFPackage JSON in and out.

In: a CFPackage becomes a skill framework: the document's top-level items are domains, every item
below them a skill of that domain (deeper levels are flattened into their top domain), ``precedes``
associations become prerequisites, and every CASE GUID is kept in external_id (system "case"), so a
second import updates in place and the gradebook export names skills by their CASE ids.
Out: Tessera's framework as a CFPackage (CASE GUIDs where the framework came from CASE, stable
made-up GUIDs otherwise). Import -> export gives back the same items, codes, statements, tree and
prerequisites."""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text
from sqlmodel import Session

from app.errors import InvalidInput
from app.interop.external_ids import link_row, load_links, stable_id
from app.models import Domain, ExternalId, Skill
from app.practice.bulk import insert_synced

SYSTEM = "case"
CASE_NS = uuid.UUID("8f7e6d5c-4b3a-5291-8a7b-6c5d4e3f2a10")
MAX_CASE_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class CaseNode:
    guid: str
    code: str
    statement: str
    name: str
    type: str
    parent: str  # guid of the parent item, "" for the document


@dataclass(frozen=True)
class CaseFramework:
    doc_guid: str
    title: str
    creator: str
    nodes: tuple[CaseNode, ...]
    precedes: tuple[tuple[str, str], ...]  # (before, after)


@dataclass(frozen=True)
class CaseImportResult:
    domains: int
    skills: int
    created: int
    updated: int
    unchanged: int


def _guid(ref: Any) -> str:
    if isinstance(ref, dict):
        return str(ref.get("identifier", ""))
    return str(ref or "")


def parse_package(data: bytes | str) -> CaseFramework:
    if isinstance(data, bytes) and len(data) > MAX_CASE_BYTES:
        raise InvalidInput("The CASE file is larger than 50 MB; Tessera does not read it.")
    try:
        pkg = json.loads(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"The CASE file is not JSON ({exc}).") from None
    if not isinstance(pkg, dict) or not isinstance(pkg.get("CFDocument"), dict):
        raise InvalidInput("The file is not a CASE CFPackage: it has no CFDocument.")
    doc = pkg["CFDocument"]
    doc_guid = _guid(doc)
    items = pkg.get("CFItems") or []
    assocs = pkg.get("CFAssociations") or []
    if not isinstance(items, list) or not isinstance(assocs, list):
        raise InvalidInput("The CASE package's CFItems and CFAssociations must be lists.")
    by_guid: dict[str, dict] = {}
    for it in items:
        if isinstance(it, dict) and _guid(it) and _guid(it) not in by_guid:
            by_guid[_guid(it)] = it
    parent: dict[str, str] = {}
    order: dict[str, float] = {}
    precedes = []
    for a in assocs:
        if not isinstance(a, dict):
            continue
        kind = a.get("associationType", "")
        origin, dest = _guid(a.get("originNodeURI")), _guid(a.get("destinationNodeURI"))
        if kind == "isChildOf" and origin in by_guid and origin not in parent:
            parent[origin] = "" if dest == doc_guid else dest
            try:
                order[origin] = float(a.get("sequenceNumber") or 0)
            except (TypeError, ValueError):
                order[origin] = 0
        elif kind == "precedes" and origin in by_guid and dest in by_guid:
            precedes.append((origin, dest))
    nodes = []
    for g, it in sorted(by_guid.items(), key=lambda kv: (order.get(kv[0], 0), kv[0])):
        statement = str(it.get("fullStatement") or "").strip()
        code = str(it.get("humanCodingScheme") or "").strip() or g[:8]
        name = str(it.get("abbreviatedStatement") or "").strip() or statement[:120] or code
        p = parent.get(g, "")
        if p and p not in by_guid:
            p = ""
        nodes.append(CaseNode(g, code, statement, name, str(it.get("CFItemType") or ""), p))
    return CaseFramework(doc_guid, str(doc.get("title") or "Framework"), str(doc.get("creator") or ""),
                         tuple(nodes), tuple(precedes))  # fmt: skip


def _top(node: CaseNode, by: dict[str, CaseNode]) -> CaseNode:
    seen = set()
    while node.parent and node.parent in by and node.guid not in seen:
        seen.add(node.guid)
        node = by[node.parent]
    return node


def import_framework(session: Session, fw: CaseFramework) -> CaseImportResult:
    """Write the framework into the caller's transaction; idempotent through the CASE links."""
    links = load_links(session, SYSTEM)
    by = {n.guid: n for n in fw.nodes}
    tops = [n for n in fw.nodes if not n.parent]
    has_children = {n.parent for n in fw.nodes if n.parent}
    conn = session.connection()
    domains = {
        r[0]: r[1:] for r in conn.execute(text("SELECT id, code, name, sort FROM domain WHERE deleted = 0"))
    }
    skills = {
        r[0]: (r[1], r[2], r[3], json.loads(r[4] or "[]"), r[5], r[6])
        for r in conn.execute(
            text(
                "SELECT id, code, name, description, prerequisites, domain_id, sort FROM skill WHERE deleted = 0"
            )
        )
    }
    new_domains, new_skills, new_links = [], [], []
    created = updated = unchanged = 0
    base_sort = max((d[2] for d in domains.values()), default=-1) + 1
    loose = None  # a domain for top-level items without children
    dom_of: dict[str, str | None] = {}
    for i, n in enumerate(tops):
        if n.guid not in has_children:
            continue
        tid = links.get(("domain", n.guid))
        if tid in domains:
            code, name, _ = domains[tid]
            if (code, name) != (n.code, n.name):
                session.get(Domain, tid).sqlmodel_update({"code": n.code, "name": n.name})
                updated += 1
            else:
                unchanged += 1
        else:
            tid = stable_id(SYSTEM, "domain", n.guid)
            new_domains.append(
                {
                    "id": tid,
                    "code": n.code,
                    "name": n.name,
                    "subject": "",
                    "sort": base_sort + i,
                    "partition": "//",
                }
            )
            new_links.append(link_row(SYSTEM, "domain", n.guid, tid, "//"))
            created += 1
        dom_of[n.guid] = tid
    code_of = {n.guid: n.code for n in fw.nodes}
    prereqs: dict[str, list[str]] = {}
    for before, after in fw.precedes:
        prereqs.setdefault(after, []).append(code_of[before])
    skill_nodes = [n for n in fw.nodes if n.parent or n.guid not in has_children]
    for j, n in enumerate(skill_nodes):
        top = _top(n, by)
        domain = dom_of.get(top.guid)
        if domain is None:  # a lone top-level item: its own "loose" domain named after the document
            if loose is None:
                loose = links.get(("domain", fw.doc_guid)) or stable_id(SYSTEM, "domain", fw.doc_guid)
                if loose not in domains:
                    new_domains.append(
                        {
                            "id": loose,
                            "code": "case",
                            "name": fw.title,
                            "subject": "",
                            "sort": base_sort + len(tops),
                            "partition": "//",
                        }
                    )
                    new_links.append(link_row(SYSTEM, "domain", fw.doc_guid, loose, "//"))
            domain = loose
        want = (n.code, n.name, n.statement, sorted(prereqs.get(n.guid, [])), domain)
        tid = links.get(("skill", n.guid))
        if tid in skills:
            have = skills[tid]
            if (have[0], have[1], have[2], sorted(have[3]), have[4]) != want:
                session.get(Skill, tid).sqlmodel_update(
                    {
                        "code": n.code,
                        "name": n.name,
                        "description": n.statement,
                        "prerequisites": want[3],
                        "domain_id": domain,
                    }
                )
                updated += 1
            else:
                unchanged += 1
            continue
        tid = stable_id(SYSTEM, "skill", n.guid)
        new_skills.append(
            {
                "id": tid,
                "domain_id": domain,
                "code": n.code,
                "name": n.name,
                "description": n.statement,
                "prerequisites": want[3],
                "sort": j,
                "partition": "//",
            }
        )
        new_links.append(link_row(SYSTEM, "skill", n.guid, tid, "//"))
        created += 1
    if fw.doc_guid and ("document", fw.doc_guid) not in links:
        new_links.append(link_row(SYSTEM, "document", fw.doc_guid, "framework", "//"))
    insert_synced(session, Domain, new_domains)
    insert_synced(session, Skill, new_skills)
    insert_synced(session, ExternalId, new_links)
    session.flush()
    return CaseImportResult(len(dom_of), len(skill_nodes), created, updated, unchanged)


def _iso(t: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(t))


def export_framework(session: Session, base_uri: str = "urn:tessera:case:") -> dict:
    """Tessera's framework as a CFPackage dict (write it with json.dumps)."""
    conn = session.connection()
    links = {(k, t): e for (k, e), t in load_links(session, SYSTEM).items()}
    doc = next((e for (k, _), e in links.items() if k == "document"), "") or str(
        uuid.uuid5(CASE_NS, "document")
    )
    now = _iso(time.time())

    def guid(kind: str, tid: str) -> str:
        return links.get((kind, tid)) or str(uuid.uuid5(CASE_NS, f"{kind}|{tid}"))

    def ref(g: str, title: str) -> dict:
        return {"title": title, "identifier": g, "uri": base_uri + g}

    items: list[dict] = []
    assocs: list[dict] = []
    code_guid: dict[str, str] = {}
    domains = conn.execute(
        text("SELECT id, code, name FROM domain WHERE deleted = 0 ORDER BY sort, code")
    ).all()
    skills = conn.execute(text("SELECT id, domain_id, code, name, description, prerequisites FROM skill "
                               "WHERE deleted = 0 ORDER BY sort, code")).all()  # fmt: skip
    title = "Tessera framework"
    loose = {tid for (k, tid), e in links.items() if k == "domain" and e == doc}
    for did, code, name in domains:
        if did in loose:
            continue
        g = guid("domain", did)
        items.append(
            {
                "identifier": g,
                "uri": base_uri + g,
                "fullStatement": name,
                "abbreviatedStatement": name,
                "humanCodingScheme": code,
                "CFItemType": "Domain",
                "lastChangeDateTime": now,
            }
        )
        assocs.append((g, "isChildOf", doc, name, title, len(assocs)))
    for sid, did, code, name, desc, _ in skills:
        g = guid("skill", sid)
        code_guid[code] = g
        items.append(
            {
                "identifier": g,
                "uri": base_uri + g,
                "fullStatement": desc or name,
                "abbreviatedStatement": name,
                "humanCodingScheme": code,
                "CFItemType": "Skill",
                "lastChangeDateTime": now,
            }
        )
        parent = doc if did in loose else guid("domain", did)
        assocs.append((g, "isChildOf", parent, name, "", len(assocs)))
    for sid, _, _, name, _, pre in skills:
        for code in json.loads(pre or "[]"):
            if code in code_guid:
                assocs.append((code_guid[code], "precedes", guid("skill", sid), code, name, len(assocs)))
    out_assocs = []
    for origin, kind, dest, _ot, _dt, seq in assocs:
        ag = str(uuid.uuid5(CASE_NS, f"{origin}|{kind}|{dest}"))
        out_assocs.append({"identifier": ag, "uri": base_uri + ag, "associationType": kind,
                           "sequenceNumber": seq + 1, "originNodeURI": ref(origin, ""),
                           "destinationNodeURI": ref(dest, ""), "lastChangeDateTime": now})  # fmt: skip
    return {
        "CFDocument": {"identifier": doc, "uri": base_uri + doc, "creator": "Tessera", "title": title,
                       "lastChangeDateTime": now, "adoptionStatus": "Draft",
                       "CFPackageURI": ref(doc, title)},
        "CFItems": items,
        "CFAssociations": out_assocs,
    }  # fmt: skip
