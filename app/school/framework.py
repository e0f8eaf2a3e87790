"""A framework schools grow into: leaders publish versions (from Tessera's default, a CASE package,
or an edit of the last one), adopt them domain by domain, add their own skills and wording under the
shared ids; reports roll every piece of evidence up to the newest version's shared ids
(``versions.py``).

Adopting a domain brings its skills into the skill table the rest of Tessera uses (``Skill.code`` is
the shared id): new skills are added, names follow the version (or the school's own wording), and a
skill the version split or retired is put away (tombstoned) - its evidence stays where it was and is
counted under the new ids in reports."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from app.errors import InvalidInput, NotFound
from app.i18n import _
from app.interop.case import CaseFramework, parse_package
from app.models import Domain, FrameworkAdoption, FrameworkVersion, LocalSkill, Skill
from app.models.base import partition_key
from app.people.actor import Actor
from app.school.access import require_leader, require_staff
from app.school.versions import RETIRED, Version, check_body, check_next, domain_of, order, rollup, skills_of
from app.store.database import Database
from app.store.raw import raw_connection


@dataclass(frozen=True)
class Adoption:
    domain_id: str
    version: int


@dataclass(frozen=True)
class SkillReport:
    shared_id: str
    name: str
    domain_id: str
    evidence: int  # answers and judgements counted toward it
    students: int


class FrameworkVersionService:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- reading -------------------------------------------------------------------------------------
    def versions(self, actor: Actor, key: str = "tessera") -> list[Version]:
        require_staff(actor)
        with self.db.read() as s:
            return _versions(s, actor.school_id, key)

    def latest(self, actor: Actor, key: str = "tessera") -> Version | None:
        vs = self.versions(actor, key)
        return vs[-1] if vs else None

    def adoptions(self, actor: Actor, key: str = "tessera") -> list[Adoption]:
        require_staff(actor)
        with self.db.read() as s:
            rows = s.execute(select(FrameworkAdoption).where(
                FrameworkAdoption.school_id == actor.school_id, FrameworkAdoption.key == key,
                FrameworkAdoption.deleted == False)).scalars()  # noqa: E712  # fmt: skip
            return sorted((Adoption(r.domain_id, r.version) for r in rows), key=lambda a: a.domain_id)

    def local_skills(self, actor: Actor, key: str = "tessera") -> list[LocalSkill]:
        require_staff(actor)
        with self.db.read() as s:
            return list(s.execute(select(LocalSkill).where(LocalSkill.school_id == actor.school_id,
                                                           LocalSkill.key == key, LocalSkill.deleted == False)).scalars())  # noqa: E712  # fmt: skip

    # -- publishing (leaders) -----------------------------------------------------------------------------
    def publish(self, actor: Actor, title: str, body: dict, mapping: dict | None = None, key: str = "tessera",
                source: str = "school") -> Version:  # fmt: skip
        """A new version: checked against the newest one here (every skill kept, mapped or retired)."""
        require_leader(actor)
        with self.db.write() as s:
            vs = _versions(s, actor.school_id, key)
            prev = vs[-1] if vs else None
            clean = check_next(prev.body if prev else None, body, mapping or {})
            row = FrameworkVersion(school_id=actor.school_id, key=key, version=(prev.version + 1 if prev else 1),
                                   title=title.strip()[:200] or key, source=source, body=body, mapping=clean,
                                   published_by=actor.person_id, partition=partition_key(actor.school_id))  # fmt: skip
            s.add(row)
            s.flush()
            return _version(row)

    def publish_default(self, actor: Actor, key: str = "tessera") -> Version:
        """Tessera's framework as it stands in this database, as version 1 (or the next)."""
        with self.db.read() as s:
            body = body_from_skills(s)
        return self.publish(actor, "Tessera's framework", body, {}, key, "tessera")

    def import_case(self, actor: Actor, data: bytes | str, key: str = "") -> Version:
        """A district's CASE package as a new version (its items' codes become the shared ids)."""
        fw = parse_package(data)
        body = body_from_case(fw)
        key = key or (fw.doc_guid[:40] or "case")
        with self.db.read() as s:
            vs = _versions(s, actor.school_id, key)
        mapping: dict[str, list[str]] = {}
        if vs:  # ids the district dropped: say so rather than refuse (their evidence is kept, retired)
            mapping = {k: [] for k in skills_of(vs[-1].body) if k not in skills_of(body)}
        return self.publish(actor, fw.title or "District framework", body, mapping, key, "case")

    def adopt(
        self, actor: Actor, domain_id: str, version: int | None = None, key: str = "tessera"
    ) -> Adoption:
        """Follow a version in one domain: its skills come into the skill table (see the module)."""
        require_leader(actor)
        with self.db.write() as s:
            vs = _versions(s, actor.school_id, key)
            v = next((x for x in reversed(vs) if version is None or x.version == version), None)
            if v is None:
                raise NotFound(_("That version of the framework has not been published here."))
            dom = next((d for d in v.body["domains"] if d["id"] == domain_id), None)
            if dom is None:
                raise InvalidInput(
                    _("Version {version} has no domain {domain_id}.", version=v.version, domain_id=domain_id)
                )
            row = s.execute(select(FrameworkAdoption).where(
                FrameworkAdoption.school_id == actor.school_id, FrameworkAdoption.key == key,
                FrameworkAdoption.domain_id == domain_id)).scalars().first()  # fmt: skip
            if row is None:
                row = FrameworkAdoption(school_id=actor.school_id, key=key, domain_id=domain_id,
                                        partition=partition_key(actor.school_id))  # fmt: skip
                s.add(row)
            row.version, row.adopted_by, row.deleted = v.version, actor.person_id, False
            wording = {w.parent_id: w.name for w in _locals(s, actor.school_id, key) if w.wording}
            _bring_in(s, dom, vs, v, wording)
            return Adoption(domain_id, v.version)

    def add_local_skill(self, actor: Actor, parent_id: str, code: str, name: str, description: str = "",
                        key: str = "tessera") -> None:  # fmt: skip
        """The school's own skill under a shared one: it gets a skill of its own (practice, judgements),
        and reports count it toward the shared id."""
        require_leader(actor)
        code, name = code.strip(), name.strip()
        if not code or not name:
            raise InvalidInput(_("A school's own skill needs a code and a name."))
        with self.db.write() as s:
            parent = (
                s.execute(select(Skill).where(Skill.code == parent_id, Skill.deleted == False))
                .scalars()
                .first()
            )  # noqa: E712
            if parent is None:
                raise NotFound(_("Adopt the shared skill's domain first."))
            if s.execute(select(Skill.id).where(Skill.code == code)).first():
                raise InvalidInput(_("The code {code} is taken.", code=code))
            s.add(LocalSkill(school_id=actor.school_id, key=key, parent_id=parent_id, code=code, name=name,
                             description=description, partition=partition_key(actor.school_id)))  # fmt: skip
            s.add(Skill(domain_id=parent.domain_id, code=code, name=name, description=description,
                        prerequisites=[parent_id], sort=parent.sort))  # fmt: skip

    def set_wording(self, actor: Actor, shared_id: str, name: str, key: str = "tessera") -> None:
        """The school's own words for a shared skill (the id, and so the reports, stay shared)."""
        require_leader(actor)
        if not name.strip():
            raise InvalidInput(_("Say the school's wording."))
        with self.db.write() as s:
            row = next(
                (w for w in _locals(s, actor.school_id, key) if w.wording and w.parent_id == shared_id), None
            )
            if row is None:
                row = LocalSkill(school_id=actor.school_id, key=key, parent_id=shared_id, code=shared_id, wording=True,
                                 partition=partition_key(actor.school_id))  # fmt: skip
                s.add(row)
            row.name = name.strip()[:200]
            for k in s.execute(
                select(Skill).where(Skill.code == shared_id, Skill.deleted == False)
            ).scalars():  # noqa: E712
                k.name = row.name

    # -- reports ----------------------------------------------------------------------------------------
    def evidence(self, actor: Actor, key: str = "tessera") -> dict[str, set[str]]:
        """Every answer and judgement of the school, rolled up to the newest version's shared ids
        (evidence id sets; a retired skill's under ``RETIRED``)."""
        require_leader(actor)
        with self.db.read() as s:
            return _rollup(s, actor.school_id, key)

    def report(self, actor: Actor, key: str = "tessera") -> list[SkillReport]:
        require_leader(actor)
        with self.db.read() as s:
            buckets = _rollup(s, actor.school_id, key)
            vs = _versions(s, actor.school_id, key)
            conn = raw_connection(s)
            who = dict(conn.execute("SELECT id, student_id FROM attempt").fetchall())
            who.update(dict(conn.execute("SELECT id, student_id FROM judgement").fetchall()))
            wording = {w.parent_id: w.name for w in _locals(s, actor.school_id, key) if w.wording}
        latest = vs[-1].body if vs else {"domains": []}
        names = {k: wording.get(k, v["name"]) for k, v in skills_of(latest).items()}
        doms = domain_of(latest)
        ids = list(names) + sorted(k for k in buckets if k not in names)
        return [SkillReport(k, names.get(k, "Retired skills" if k == RETIRED else k), doms.get(k, ""),
                            len(buckets.get(k, ())), len({who.get(e) for e in buckets.get(k, ())}))
                for k in ids]  # fmt: skip


def _versions(s, school_id: str, key: str) -> list[Version]:  # noqa: ANN001
    rows = s.execute(select(FrameworkVersion).where(FrameworkVersion.key == key, FrameworkVersion.deleted == False,  # noqa: E712
                                                    FrameworkVersion.school_id.in_(["", school_id]))).scalars()  # fmt: skip
    return order(_version(r) for r in rows)


def _version(r: FrameworkVersion) -> Version:
    return Version(
        r.id, r.key, r.version, r.title, dict(r.body or {}), dict(r.mapping or {}), r.created_at, r.source
    )


def _locals(s, school_id: str, key: str) -> list[LocalSkill]:  # noqa: ANN001
    return list(s.execute(select(LocalSkill).where(LocalSkill.school_id == school_id, LocalSkill.key == key,
                                                   LocalSkill.deleted == False)).scalars())  # noqa: E712  # fmt: skip


def _rollup(s, school_id: str, key: str) -> dict[str, set[str]]:  # noqa: ANN001
    vs = _versions(s, school_id, key)
    conn = raw_connection(s)
    code = dict(conn.execute("SELECT id, code FROM skill").fetchall())
    ev = [
        (eid, code.get(kid, kid))
        for eid, kid in conn.execute("SELECT id, skill_id FROM attempt WHERE deleted = 0")
    ]
    ev += [
        (eid, code.get(kid, kid))
        for eid, kid in conn.execute("SELECT id, skill_id FROM judgement WHERE deleted = 0")
    ]
    parents = {w.code: w.parent_id for w in _locals(s, school_id, key) if not w.wording}
    return rollup(ev, vs, parents)


def _bring_in(s, dom: dict, vs: list[Version], v: Version, wording: dict[str, str]) -> None:  # noqa: ANN001
    """The domain's skills as version ``v`` has them, in the skill table."""
    d = s.execute(select(Domain).where(Domain.code == dom["id"])).scalars().first()
    if d is None:
        d = Domain(code=dom["id"], name=dom.get("name", dom["id"]), subject=dom.get("subject", ""), sort=999)
        s.add(d)
        s.flush()
    d.name, d.deleted = dom.get("name", d.name), False
    by_code = {k.code: k for k in s.execute(select(Skill).where(Skill.domain_id == d.id)).scalars()}
    wanted = {k["id"] for k in dom["skills"]}
    for i, k in enumerate(dom["skills"]):
        row = by_code.get(k["id"]) or s.execute(select(Skill).where(Skill.code == k["id"])).scalars().first()
        if row is None:
            row = Skill(domain_id=d.id, code=k["id"], name=k["name"])
            s.add(row)
        row.domain_id, row.name, row.sort, row.deleted = d.id, wording.get(k["id"], k["name"]), i, False
        row.description = k.get("description", "")
        row.prerequisites = list(k.get("prerequisites", []))
    # skills this domain had that the version mapped away or retired: put away, evidence kept
    gone = {old for x in vs if x.version <= v.version for old in x.mapping} - wanted
    for code, row in by_code.items():
        if code in gone:
            row.deleted = True


def body_from_skills(s) -> dict:  # noqa: ANN001
    """The skill table as a version body (Tessera's default framework, or whatever is loaded)."""
    doms = s.execute(select(Domain).where(Domain.deleted == False).order_by(Domain.sort)).scalars().all()  # noqa: E712
    skills = s.execute(select(Skill).where(Skill.deleted == False).order_by(Skill.sort)).scalars().all()  # noqa: E712
    known = {k.code for k in skills}
    body: dict = {"domains": []}
    for d in doms:
        body["domains"].append({
            "id": d.code, "name": d.name, "subject": d.subject,
            "skills": [{"id": k.code, "name": k.name, "description": k.description,
                        "prerequisites": [p for p in (k.prerequisites or []) if p in known and p != k.code]}
                       for k in skills if k.domain_id == d.id],
        })  # fmt: skip
    return check_body(body)


def body_from_case(fw: CaseFramework) -> dict:
    """A CASE package's tree as a version body: top items are domains, the items under them skills
    (their human codes, or GUIDs, are the shared ids); "precedes" links become prerequisites."""
    by = {n.guid: n for n in fw.nodes}
    tops = [n for n in fw.nodes if not n.parent or n.parent not in by]
    ident = {n.guid: (n.code or n.guid)[:80] for n in fw.nodes}

    def top_of(n):  # noqa: ANN001, ANN202
        seen = set()
        while n.parent in by and n.guid not in seen:
            seen.add(n.guid)
            n = by[n.parent]
        return n

    parents = {n.parent for n in fw.nodes}
    skills: dict[str, list] = {t.guid: [] for t in tops}
    for n in fw.nodes:
        if n in tops or n.guid in parents:
            continue
        skills.setdefault(top_of(n).guid, []).append(n)
    pre: dict[str, list[str]] = {}
    for before, after in fw.precedes:
        if before in ident and after in ident:
            pre.setdefault(ident[after], []).append(ident[before])
    leaf_ids = {ident[n.guid] for ns in skills.values() for n in ns}
    body = {"domains": [
        {"id": ident[t.guid], "name": t.name or t.statement[:80] or ident[t.guid], "subject": "",
         "skills": [{"id": ident[n.guid], "name": (n.name or n.statement)[:200] or ident[n.guid],
                     "description": n.statement[:2000],
                     "prerequisites": [p for p in pre.get(ident[n.guid], []) if p in leaf_ids and p != ident[n.guid]]}
                    for n in skills.get(t.guid, [])]}
        for t in tops if skills.get(t.guid)
    ]}  # fmt: skip
    return check_body(body)
