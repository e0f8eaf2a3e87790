"""The school library: a teacher shares a writing task, a challenge, a rubric or a question set;
colleagues copy it into their class (the author keeps the credit); when the author improves it, those
who copied it are offered the update; "teachers leading the way" counts who shared what and what
colleagues adopted.

A shared item is a snapshot (``body``), never a link: copying makes the colleague's own task or
challenge, which they may change freely; taking an update rewrites their copy from the new snapshot."""

from __future__ import annotations

import time
from dataclasses import dataclass

from sqlalchemy import select

from app.errors import InvalidInput, NotFound, PermissionDenied
from app.i18n import N_, _
from app.models import Challenge, Checkpoint, Item, LibraryCopy, LibraryItem, Person, Skill, WritingTask
from app.models.base import partition_key
from app.people.actor import Actor
from app.people.permissions import require_class
from app.planning.challenges import ChallengeDraft, ChallengeService
from app.school.access import require_staff
from app.store.database import Database

KINDS = {
    "writing_task": N_("Writing task"),
    "challenge": N_("Challenge"),
    "rubric": N_("Rubric"),
    "question_set": N_("Question set"),
}
DAY = 86400.0
MAX_BODY_ITEMS = 200


@dataclass(frozen=True)
class LibraryView:
    id: str
    kind: str
    title: str
    summary: str
    author_id: str
    author: str
    revision: int
    copies: int  # colleagues' copies (the author's own not counted)
    adopters: int  # distinct colleagues who copied it
    mine: bool
    my_revision: int  # the revision I last copied (0: never)
    body: dict

    @property
    def update_offered(self) -> bool:
        return 0 < self.my_revision < self.revision


@dataclass(frozen=True)
class Leader:
    """A teacher leading the way: what they shared and how colleagues took it up."""

    author_id: str
    name: str
    shared: int
    copies: int
    adopters: int
    titles: tuple[str, ...]


class LibraryService:
    def __init__(self, db: Database, challenges: ChallengeService) -> None:
        self.db = db
        self.challenges = challenges

    # -- sharing -----------------------------------------------------------------------------------
    def share(self, actor: Actor, kind: str, title: str, summary: str, body: dict) -> LibraryView:
        require_staff(actor)
        body = _clean(kind, body)
        if not title.strip():
            raise InvalidInput(_("Give what you share a title."))
        with self.db.write() as s:
            item = LibraryItem(school_id=actor.school_id, kind=kind, title=title.strip()[:200],
                               summary=summary.strip()[:1000], body=body, author_id=actor.person_id,
                               partition=partition_key(actor.school_id))  # fmt: skip
            s.add(item)
            s.flush()
            iid = item.id
        return self.get(actor, iid)

    def share_writing_task(self, actor: Actor, task_id: str, summary: str = "") -> LibraryView:
        with self.db.read() as s:
            task = s.get(WritingTask, task_id)
            if task is None or task.deleted:
                raise NotFound(_("That writing task no longer exists."))
            require_class(s, actor, task.class_id)
            body = {"title": task.title, "prompt": task.prompt, "checks": dict(task.checks or {}),
                    "rubric": list(task.rubric or []), "skill_ids": list(task.skill_ids or [])}  # fmt: skip
        return self.share(actor, "writing_task", task.title, summary, body)

    def share_challenge(self, actor: Actor, challenge_id: str, summary: str = "") -> LibraryView:
        ch = self.challenges.get(actor, challenge_id)
        if not actor.is_teacher:
            raise PermissionDenied(_("Only a teacher running this challenge can share it."))
        first = ch.checkpoints[0].due_at if ch.checkpoints else 0.0
        body = {"title": ch.title, "driving_question": ch.driving_question, "brief": ch.brief,
                "community_partner": ch.community_partner, "skill_ids": list(ch.skill_ids),
                "rubric": [dict(r) for r in ch.rubric],
                "checkpoints": [[c.title, round((c.due_at - first) / DAY, 2)] for c in ch.checkpoints]}  # fmt: skip
        return self.share(actor, "challenge", ch.title, summary, body)

    def improve(self, actor: Actor, item_id: str, title: str, summary: str, body: dict) -> LibraryView:
        """The author improves what they shared: a new revision, offered to everyone who copied it."""
        body = _clean("", body, item_id=item_id, db=self.db)
        with self.db.write() as s:
            item = _item(s, item_id)
            if item.author_id != actor.person_id:
                raise PermissionDenied(_("Only the teacher who shared it can improve it."))
            item.title, item.summary = title.strip()[:200] or item.title, summary.strip()[:1000]
            item.body, item.revision = body, item.revision + 1
        return self.get(actor, item_id)

    def withdraw(self, actor: Actor, item_id: str) -> None:
        with self.db.write() as s:
            item = _item(s, item_id)
            if item.author_id != actor.person_id and not actor.is_leader:
                raise PermissionDenied(
                    _("Only the teacher who shared it (or a leader) can take it out of the library.")
                )
            item.withdrawn = True

    # -- reading -----------------------------------------------------------------------------------
    def items(self, actor: Actor, kind: str = "") -> list[LibraryView]:
        require_staff(actor)
        with self.db.read() as s:
            q = select(LibraryItem).where(LibraryItem.school_id == actor.school_id, LibraryItem.deleted == False,  # noqa: E712
                                          LibraryItem.withdrawn == False)  # noqa: E712  # fmt: skip
            if kind:
                q = q.where(LibraryItem.kind == kind)
            rows = list(s.execute(q.order_by(LibraryItem.created_at.desc())).scalars())
            return _views(s, actor, rows)

    def get(self, actor: Actor, item_id: str) -> LibraryView:
        require_staff(actor)
        with self.db.read() as s:
            item = _item(s, item_id)
            if item.school_id != actor.school_id:
                raise PermissionDenied(_("That belongs to another school's library."))
            return _views(s, actor, [item])[0]

    def leading(self, actor: Actor) -> list[Leader]:
        """Teachers leading the way: who shared what, and what colleagues adopted (most adopted first)."""
        views = self.items(actor)
        by: dict[str, list[LibraryView]] = {}
        for v in views:
            by.setdefault(v.author_id, []).append(v)
        with self.db.read() as s:
            adopters = _adopters(s, [v.id for v in views])
        out = []
        for author, vs in by.items():
            who = {p for v in vs for p in adopters.get(v.id, set())}
            out.append(Leader(author, vs[0].author, len(vs), sum(v.copies for v in vs), len(who),
                              tuple(v.title for v in vs)))  # fmt: skip
        return sorted(out, key=lambda x: (-x.copies, -x.shared, x.name))

    # -- copying -----------------------------------------------------------------------------------
    def copy(self, actor: Actor, item_id: str, class_id: str = "", start: float | None = None) -> str:
        """Copy an item into a class of mine (a task or a challenge; a rubric or question set needs no
        class). Returns the id of what was made ("" for a rubric, kept in the library)."""
        item = self.get(actor, item_id)
        if not actor.is_teacher:
            raise PermissionDenied(_("Only a teacher can copy into a class."))
        made = self._make(actor, item, class_id, start)
        with self.db.write() as s:
            s.add(LibraryCopy(item_id=item.id, revision=item.revision, by_id=actor.person_id, class_id=class_id,
                              made_id=made, partition=partition_key(actor.school_id)))  # fmt: skip
        return made

    def take_update(self, actor: Actor, item_id: str) -> str:
        """Bring my latest copy of an item up to its newest revision (the copy is rewritten from it)."""
        item = self.get(actor, item_id)
        with self.db.read() as s:
            last = s.execute(
                select(LibraryCopy).where(LibraryCopy.item_id == item_id, LibraryCopy.by_id == actor.person_id)
                .order_by(LibraryCopy.created_at.desc())
            ).scalars().first()  # fmt: skip
        if last is None:
            raise InvalidInput(_("You have not copied this yet."))
        if last.revision >= item.revision:
            return last.made_id
        made = self._rewrite(actor, item, last)
        with self.db.write() as s:
            s.add(LibraryCopy(item_id=item.id, revision=item.revision, by_id=actor.person_id, class_id=last.class_id,
                              made_id=made, partition=partition_key(actor.school_id)))  # fmt: skip
        return made

    def _make(self, actor: Actor, item: LibraryView, class_id: str, start: float | None) -> str:
        b = item.body
        if item.kind == "writing_task":
            with self.db.write() as s:
                require_class(s, actor, class_id)
                task = WritingTask(class_id=class_id, title=b["title"], prompt=b.get("prompt", ""),
                                   checks=b.get("checks", {}), rubric=b.get("rubric", []),
                                   skill_ids=_known_skills(s, b.get("skill_ids", [])),
                                   partition=_class_partition(s, class_id))  # fmt: skip
                s.add(task)
                s.flush()
                return task.id
        if item.kind == "challenge":
            start = time.time() + 7 * DAY if start is None else start
            draft = ChallengeDraft(
                title=b["title"], driving_question=b.get("driving_question", ""), brief=b.get("brief", ""),
                community_partner=b.get("community_partner", ""), skill_ids=list(b.get("skill_ids", [])),
                rubric=list(b.get("rubric", [])), checkpoints=[(t, start + float(d) * DAY) for t, d in b["checkpoints"]],
                scope="class", class_id=class_id,
            )  # fmt: skip
            return self.challenges.create(actor, draft).id
        if item.kind == "question_set":
            with self.db.write() as s:
                codes = {
                    k.code: k.id for k in s.execute(select(Skill).where(Skill.deleted == False)).scalars()
                }  # noqa: E712
                for q in b["items"]:
                    if q.get("skill") in codes:
                        s.add(Item(skill_id=codes[q["skill"]], kind=q.get("kind", "number"), prompt=q["prompt"],
                                   answer=q.get("answer", ""), choices=list(q.get("choices", [])),
                                   hint=q.get("hint", ""), level=int(q.get("level", 1)), source="library",
                                   source_ref=item.id))  # fmt: skip
            return ""
        return ""  # a rubric: kept in the library, chosen when making a challenge

    def _rewrite(self, actor: Actor, item: LibraryView, last: LibraryCopy) -> str:
        b = item.body
        if item.kind == "writing_task" and last.made_id:
            with self.db.write() as s:
                task = s.get(WritingTask, last.made_id)
                if task is not None and not task.deleted:
                    require_class(s, actor, task.class_id)
                    task.title, task.prompt = b["title"], b.get("prompt", "")
                    task.checks, task.rubric = b.get("checks", {}), b.get("rubric", [])
                    return task.id
        if item.kind == "challenge" and last.made_id:
            with self.db.write() as s:
                ch = s.get(Challenge, last.made_id)
                if ch is not None and not ch.deleted and ch.class_id:
                    require_class(s, actor, ch.class_id)
                    ch.title, ch.brief = b["title"], b.get("brief", "")
                    ch.driving_question, ch.rubric = b.get("driving_question", ""), list(b.get("rubric", []))
                    titles = [t for t, _d in b["checkpoints"]]
                    for cp in s.execute(select(Checkpoint).where(Checkpoint.challenge_id == ch.id)).scalars():
                        if cp.sort < len(titles):
                            cp.title = titles[cp.sort]
                    return ch.id
        return self._make(actor, item, last.class_id, None)


def _item(s, item_id: str) -> LibraryItem:  # noqa: ANN001
    item = s.get(LibraryItem, item_id)
    if item is None or item.deleted:
        raise NotFound(_("That is no longer in the library."))
    return item


def _class_partition(s, class_id: str) -> str:  # noqa: ANN001
    from app.models import SchoolClass

    k = s.get(SchoolClass, class_id)
    return partition_key(k.school_id, class_id)


def _known_skills(s, ids: list) -> list[str]:  # noqa: ANN001
    ids = [str(i) for i in ids]
    return list(s.execute(select(Skill.id).where(Skill.id.in_(ids))).scalars()) if ids else []


def _adopters(s, item_ids: list[str]) -> dict[str, set[str]]:  # noqa: ANN001
    out: dict[str, set[str]] = {}
    if item_ids:
        for iid, by in s.execute(
            select(LibraryCopy.item_id, LibraryCopy.by_id).where(LibraryCopy.item_id.in_(item_ids))
        ).all():
            out.setdefault(iid, set()).add(by)
    return out


def _views(s, actor: Actor, rows: list[LibraryItem]) -> list[LibraryView]:  # noqa: ANN001
    ids = [r.id for r in rows]
    copies: dict[str, int] = {}
    adopters: dict[str, set[str]] = {}
    mine: dict[str, int] = {}
    if ids:
        authors = {r.id: r.author_id for r in rows}
        for iid, by, rev in s.execute(
            select(LibraryCopy.item_id, LibraryCopy.by_id, LibraryCopy.revision).where(
                LibraryCopy.item_id.in_(ids)
            )
        ).all():
            if by == actor.person_id:
                mine[iid] = max(mine.get(iid, 0), rev)
            if by != authors[iid]:
                copies[iid] = copies.get(iid, 0) + 1
                adopters.setdefault(iid, set()).add(by)
    names = {
        p.id: p.full_name
        for p in s.execute(select(Person).where(Person.id.in_({r.author_id for r in rows}))).scalars()
    }
    return [
        LibraryView(
            r.id,
            r.kind,
            r.title,
            r.summary,
            r.author_id,
            names.get(r.author_id, ""),
            r.revision,
            copies.get(r.id, 0),
            len(adopters.get(r.id, ())),
            r.author_id == actor.person_id,
            mine.get(r.id, 0),
            dict(r.body or {}),
        )  # fmt: skip
        for r in rows
    ]


def _clean(kind: str, body: dict, item_id: str = "", db: Database | None = None) -> dict:
    """Check a body's shape for its kind (hostile or broken input is refused, never stored)."""
    if not kind and db is not None:
        with db.read() as s:
            kind = _item(s, item_id).kind
    if kind not in KINDS:
        raise InvalidInput(_("The library holds writing tasks, challenges, rubrics and question sets."))
    if not isinstance(body, dict):
        raise InvalidInput(_("That cannot be shared as it is."))
    need = {"writing_task": ("title",), "challenge": ("title", "checkpoints"), "rubric": ("criteria",),
            "question_set": ("items",)}[kind]  # fmt: skip
    if any(k not in body for k in need):
        raise InvalidInput(
            _("A shared {kind} needs {fields}.", kind=KINDS[kind].lower(), fields=", ".join(need))
        )
    for key in ("checkpoints", "criteria", "items"):
        if key in body and (not isinstance(body[key], list) or len(body[key]) > MAX_BODY_ITEMS):
            raise InvalidInput(
                _(
                    "A shared {kind} has at most {limit} {key}.",
                    kind=KINDS[kind].lower(),
                    limit=MAX_BODY_ITEMS,
                    key=key,
                )
            )
    if kind == "challenge":
        for cp in body["checkpoints"]:
            if not (isinstance(cp, list | tuple) and len(cp) == 2 and isinstance(cp[0], str)
                    and isinstance(cp[1], int | float) and abs(cp[1]) < 3650):  # fmt: skip
                raise InvalidInput(_("Each checkpoint needs a title and a day."))
    if kind == "question_set":
        for q in body["items"]:
            if not isinstance(q, dict) or not isinstance(q.get("prompt"), str) or not q["prompt"].strip():
                raise InvalidInput(_("Each question needs a prompt."))
    return body
