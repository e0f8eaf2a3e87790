"""The item bank in the database: generator pools, the shipped vocabulary, and imported QTI items.

Generated and shipped items get ids derived from their skill and ``source_ref`` (UUID v5), so two
machines that fill the bank on their own make the same rows, and sync merges them instead of doubling
the bank. Filling is idempotent: only missing items are added.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlmodel import Session

from app.errors import InvalidInput, NotFound
from app.i18n import _
from app.models import Item, Skill
from app.practice.engine import vocabulary
from app.practice.engine.generators import GENERATORS, generate_pool
from app.practice.engine.items import PracticeItem
from app.store.raw import raw_connection

__all__ = [
    "POOL_PER_LEVEL",
    "ImportResult",
    "bank_counts",
    "bank_incomplete",
    "ensure_item_bank",
    "import_qti_items",
    "item_id_for",
    "skill_ids_by_code",
]

POOL_PER_LEVEL = 20
ITEM_NAMESPACE = uuid.UUID("6f1c7d0e-2b1a-5c3e-9a47-7e55a1d0b7c1")


def item_id_for(skill_id: str, source_ref: str) -> str:
    return str(uuid.uuid5(ITEM_NAMESPACE, f"{skill_id}|{source_ref}"))


def skill_ids_by_code(session: Session) -> dict[str, str]:
    return dict(session.execute(select(Skill.code, Skill.id).where(Skill.deleted == False)).all())  # noqa: E712


def _row(item: PracticeItem, skill_id: str, partition: str, item_id: str | None = None) -> dict:
    return dict(
        id=item_id or item_id_for(skill_id, item.source_ref), skill_id=skill_id, kind=item.kind,
        prompt=item.prompt, answer=item.answer, choices=list(item.choices), hint=item.hint, level=item.level,
        source=item.source, source_ref=item.source_ref, time_limit_s=item.time_limit_s, partition=partition,
    )  # fmt: skip


def _insert(session: Session, rows: list[dict]) -> None:
    from app.practice.bulk import insert_synced

    insert_synced(session, Item, rows)


def ensure_item_bank(
    session: Session, per_level: int = POOL_PER_LEVEL, progress: Callable[[float, str], None] | None = None
) -> list[str]:
    """Add the generator pools (``per_level`` items per generator and level) and the vocabulary bank
    for every framework skill they practise. Returns the ids added (none when the bank is complete)."""
    if not skill_ids_by_code(session):  # a class started without the demo: the shipped framework first
        from app.skills.service import load_default_framework

        load_default_framework(session)
        session.flush()
    codes = skill_ids_by_code(session)
    existing = set(session.execute(select(Item.id).where(Item.source.in_(("generator", "bank")))).scalars())
    rows: list[dict] = []
    gens = [g for g in GENERATORS.values() if g.skill in codes]
    for n, gen in enumerate(gens):
        if progress is not None:
            progress(n / max(len(gens), 1), _("Writing questions: {title}", title=gen.title))
        skill_id = codes[gen.skill]
        for item in generate_pool(gen.key, per_level):
            item_id = item_id_for(skill_id, item.source_ref)
            if item_id not in existing:
                rows.append(_row(item, skill_id, "//", item_id))
    if vocabulary.VOCABULARY_SKILL in codes:
        skill_id = codes[vocabulary.VOCABULARY_SKILL]
        bank = vocabulary.load_bank()
        for word in bank:
            for form in ("meaning", "word"):
                item = vocabulary.question(word, bank, 0, form)
                item_id = item_id_for(skill_id, item.source_ref)
                if item_id not in existing:
                    rows.append(_row(item, skill_id, "//", item_id))
    _insert(session, rows)
    return [r["id"] for r in rows]


def bank_incomplete(session: Session) -> bool:
    """True when a generator whose skill is in the framework has no items yet (or there is no bank)."""
    conn = raw_connection(session)
    have = {
        k
        for (k,) in conn.execute(
            "SELECT DISTINCT substr(source_ref, 1, instr(source_ref, ':') - 1) FROM item WHERE source = 'generator'"
        )
    }
    codes = set(skill_ids_by_code(session))
    if not codes:
        return True
    vocab = (
        vocabulary.VOCABULARY_SKILL in codes
        and conn.execute("SELECT 1 FROM item WHERE source = 'bank' LIMIT 1").fetchone() is None
    )
    return vocab or any(g.key not in have for g in GENERATORS.values() if g.skill in codes)


@dataclass(frozen=True)
class ImportResult:
    added: int
    already_there: int
    skill_name: str
    item_ids: tuple[str, ...]


def import_qti_items(
    session: Session, items: list[PracticeItem], skill_id: str, partition: str, name: str = "The file"
) -> ImportResult:
    """Add parsed QTI items (see ``app.practice.qti.reader.import_qti``) to ``skill_id``'s bank, all in the
    caller's transaction. Items already imported (same identifier and question) are not added twice."""
    skill = session.get(Skill, skill_id)
    if skill is None or skill.deleted:
        raise NotFound(_("That skill is not in the framework any more; choose another one."))
    if not items:
        raise InvalidInput(_("{name} has no questions in it. Nothing was imported.", name=name))
    ids = [item_id_for(skill_id, f"qti:{it.source_ref}|{it.prompt}") for it in items]
    existing = set(session.execute(select(Item.id).where(Item.id.in_(ids))).scalars())
    rows, seen = [], set()
    for it, item_id in zip(items, ids):
        if item_id in existing or item_id in seen:
            continue
        seen.add(item_id)
        rows.append(_row(it, skill_id, partition, item_id))
    _insert(session, rows)
    return ImportResult(len(rows), len(items) - len(rows), skill.name, tuple(r["id"] for r in rows))


def bank_counts(session: Session, skill_ids: Iterable[str] | None = None) -> dict[str, int]:
    """Live items per skill."""
    from sqlalchemy import func

    q = select(Item.skill_id, func.count()).where(Item.deleted == False).group_by(Item.skill_id)  # noqa: E712
    if skill_ids is not None:
        q = q.where(Item.skill_id.in_(list(skill_ids)))
    return dict(session.execute(q).all())
