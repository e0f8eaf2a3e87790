"""A leader's draft of the next framework version, pure: rename, describe, set prerequisites, add,
split and retire skills, add domains, each undoable. The draft keeps the mapping the changes imply
(a split maps the old id to the new ones; a retirement maps it to nothing), so publishing it is one
call (``framework.FrameworkVersionService.publish``)."""

from __future__ import annotations

import copy
import re

from app.errors import InvalidInput
from app.i18n import _
from app.school.versions import check_body, skills_of

_ID = re.compile(r"[A-Za-z0-9._:-]{1,80}")


class FrameworkDraft:
    def __init__(self, body: dict, base_version: int = 0) -> None:
        self.body = copy.deepcopy(body) if body else {"domains": []}
        self.mapping: dict[str, list[str]] = {}
        self.base_version = base_version
        self.base_ids = frozenset(skills_of(self.body))
        self._undo: list[tuple[dict, dict, str]] = []

    # -- reading -------------------------------------------------------------------------------------
    def skill(self, skill_id: str) -> dict:
        for d in self.body["domains"]:
            for k in d["skills"]:
                if k["id"] == skill_id:
                    return k
        raise InvalidInput(_("There is no skill {skill_id} in the draft.", skill_id=skill_id))

    def domain(self, domain_id: str) -> dict:
        d = next((d for d in self.body["domains"] if d["id"] == domain_id), None)
        if d is None:
            raise InvalidInput(_("There is no domain {domain_id} in the draft.", domain_id=domain_id))
        return d

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def last_step(self) -> str:
        return self._undo[-1][2] if self._undo else ""

    # -- changing (each undoable) ---------------------------------------------------------------------
    def _step(self, words: str) -> None:
        self._undo.append((copy.deepcopy(self.body), copy.deepcopy(self.mapping), words))

    def undo(self) -> str:
        if not self._undo:
            return ""
        self.body, self.mapping, words = self._undo.pop()
        return words

    def rename(self, skill_id: str, name: str) -> None:
        name = name.strip()
        if not name:
            raise InvalidInput(_("A skill needs a name."))
        k = self.skill(skill_id)
        self._step(f"rename {skill_id}")
        k["name"] = name[:200]

    def describe(self, skill_id: str, text: str) -> None:
        k = self.skill(skill_id)
        self._step(f"describe {skill_id}")
        k["description"] = text.strip()[:2000]

    def set_prerequisites(self, skill_id: str, ids: list[str]) -> None:
        k = self.skill(skill_id)
        known = set(skills_of(self.body))
        bad = [i for i in ids if i not in known or i == skill_id]
        if bad:
            raise InvalidInput(
                _("A prerequisite must be another skill of the framework: {names}", names=", ".join(bad))
            )
        if self._leads_back(skill_id, ids):
            raise InvalidInput(_("That would make the skill a prerequisite of itself (a loop)."))
        self._step(f"prerequisites of {skill_id}")
        k["prerequisites"] = list(dict.fromkeys(ids))

    def _leads_back(self, skill_id: str, ids: list[str]) -> bool:
        pre = {k: list(v.get("prerequisites", [])) for k, v in skills_of(self.body).items()}
        pre[skill_id] = list(ids)
        stack, seen = list(ids), set()
        while stack:
            cur = stack.pop()
            if cur == skill_id:
                return True
            if cur not in seen:
                seen.add(cur)
                stack.extend(pre.get(cur, []))
        return False

    def add_domain(self, domain_id: str, name: str, subject: str = "") -> None:
        _check_id(domain_id)
        if any(d["id"] == domain_id for d in self.body["domains"]):
            raise InvalidInput(_("The domain id {domain_id} is taken.", domain_id=domain_id))
        self._step(f"add domain {domain_id}")
        self.body["domains"].append(
            {"id": domain_id, "name": name.strip() or domain_id, "subject": subject, "skills": []}
        )

    def add_skill(self, domain_id: str, skill_id: str, name: str, description: str = "") -> None:
        _check_id(skill_id)
        if skill_id in skills_of(self.body) or not name.strip():
            raise InvalidInput(
                _("The skill id {skill_id} is taken (or the name is empty).", skill_id=skill_id)
            )
        d = self.domain(domain_id)
        self._step(f"add {skill_id}")
        d["skills"].append(
            {"id": skill_id, "name": name.strip(), "description": description.strip(), "prerequisites": []}
        )

    def split(self, skill_id: str, parts: list[tuple[str, str]]) -> None:
        """Replace a skill by two or more new ones; its evidence counts toward each part."""
        if len(parts) < 2:
            raise InvalidInput(_("A split makes at least two skills."))
        known = set(skills_of(self.body))
        for pid, name in parts:
            _check_id(pid)
            if pid in known or not name.strip():
                raise InvalidInput(_("The skill id {pid} is taken (or the name is empty).", pid=pid))
        if len({p for p, _n in parts}) != len(parts):
            raise InvalidInput(_("Each part needs its own id."))
        old = self.skill(skill_id)
        self._step(f"split {skill_id}")
        for d in self.body["domains"]:
            if old in d["skills"]:
                i = d["skills"].index(old)
                d["skills"][i : i + 1] = [
                    {"id": p, "name": n.strip(), "description": old.get("description", ""),
                     "prerequisites": list(old.get("prerequisites", []))}
                    for p, n in parts
                ]  # fmt: skip
        ids = [p for p, _n in parts]
        for k in skills_of(self.body).values():  # whatever needed the old skill needs every part
            if skill_id in k.get("prerequisites", []):
                k["prerequisites"] = [x for x in k["prerequisites"] if x != skill_id] + ids
        self._remap(skill_id, ids)

    def retire(self, skill_id: str) -> None:
        self.skill(skill_id)
        self._step(f"retire {skill_id}")
        for d in self.body["domains"]:
            d["skills"] = [k for k in d["skills"] if k["id"] != skill_id]
        for k in skills_of(self.body).values():
            k["prerequisites"] = [x for x in k.get("prerequisites", []) if x != skill_id]
        self._remap(skill_id, [])

    def _remap(self, old: str, new: list[str]) -> None:
        # a part made earlier in this draft and changed again: what pointed at it points at its parts
        for targets in self.mapping.values():
            if old in targets:
                i = targets.index(old)
                targets[i : i + 1] = new
        if old in self.base_ids and old not in self.mapping:
            self.mapping[old] = list(new)

    def checked(self) -> dict:
        return check_body(self.body)


def _check_id(value: str) -> None:
    if not _ID.fullmatch(value or ""):
        raise InvalidInput(_("An id is 1 to 80 letters, digits, dots, dashes, colons or underscores."))
