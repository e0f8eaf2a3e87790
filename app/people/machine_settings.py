"""Settings of this computer that a teacher may choose in Tessera: idle sign-out, the sync folder and
server, check-ins. A teacher-only service call, kept in the database (``machine_setting``), never in
a file beside it.

Why not ``settings.json``: on a lab machine it sits in the data folder that every student's OS
account must be able to write, so any student could set ``idle_signout_minutes`` to 0 (or point sync
at their own stick) for everyone. A file "made read-only to students" does not work either: the
teacher on that machine is an ordinary OS account too, so only an administrator could write it,
and that is what the machine policy already is. In the database the choice passes the same
permission checks as every other change, and whatever protects the lab's database from students'
OS accounts protects it too. The policy still wins over a teacher; ``pin_required``, ``lab_mode``
and ``data_dir`` are the policy's alone.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from app.config import BUILTIN, Settings
from app.errors import InvalidInput, PermissionDenied
from app.i18n import _
from app.models import AuditEvent, MachineSetting
from app.models.base import partition_key
from app.people.actor import Actor
from app.people.permissions import require_teacher
from app.store.database import Database

log = logging.getLogger(__name__)

TEACHER_KEYS = ("idle_signout_minutes", "sync_folder", "server_url", "checkins_enabled")
MAX_IDLE_MINUTES = 240


@dataclass(frozen=True)
class MachineSettingInfo:
    key: str
    value: Any
    source: str  # "policy" | "teacher" | "user" | "machine" | "built-in"
    locked: bool  # set by the school's policy: a teacher cannot change it


class MachineSettingsService:
    def __init__(self, db: Database, settings: Settings | None) -> None:
        self.db = db
        self.settings = settings
        if settings is not None:
            settings.save_teacher = self._save_for_caller
            self.load()

    def load(self) -> None:
        """The teacher's choices into the settings' teacher layer (at start)."""
        if self.settings is None:
            return
        with self.db.read() as s:
            rows = s.execute(select(MachineSetting)).scalars().all()
        out = {}
        for row in rows:
            try:
                out[row.key] = json.loads(row.value)
            except ValueError:
                log.warning("machine setting %s unreadable; ignored", row.key)
        self.settings.teacher = out

    def current(self, actor: Actor) -> list[MachineSettingInfo]:
        require_teacher(actor)
        st = self._settings()
        return [MachineSettingInfo(k, st.get(k), st.source(k), st.is_locked(k)) for k in TEACHER_KEYS]

    def set(self, actor: Actor, key: str, value: Any) -> None:
        """``value`` None goes back to the default."""
        require_teacher(actor)
        st = self._settings()
        if key not in TEACHER_KEYS:
            raise PermissionDenied(_("Only your school's policy for this computer can set that."))
        if st.is_locked(key):
            raise PermissionDenied(
                _("Your school set this for this computer; ask your school's Tessera admin.")
            )
        self._save(key, _checked(key, value, st.lab_mode), actor)

    def _save_for_caller(self, key: str, value: Any) -> None:
        """``Settings.set_user`` on a lab machine (its callers have checked that a teacher acts, as
        SyncService.set_folder does): the same limits as ``set``."""
        st = self._settings()
        if key not in TEACHER_KEYS or st.is_locked(key):
            raise PermissionDenied(_("Only your school's policy for this computer can set that."))
        self._save(key, _checked(key, value, st.lab_mode))

    def _settings(self) -> Settings:
        if self.settings is None:
            raise PermissionDenied(_("This computer's settings cannot be changed here."))
        return self.settings

    def _save(self, key: str, value: Any, actor: Actor | None = None) -> None:
        by = actor.person_id if actor is not None else ""
        with self.db.write() as s:
            row = s.get(MachineSetting, key)
            if value is None:
                if row is not None:
                    s.delete(row)
            else:
                row = row or MachineSetting(key=key, value="")
                row.value, row.set_by, row.set_at = json.dumps(value), by, time.time()
                s.add(row)
            if actor is not None:
                s.add(
                    AuditEvent(
                        actor_id=by,
                        action="machine_setting.set",
                        subject_id=key,
                        detail=json.dumps(value),
                        partition=partition_key(actor.school_id),
                    )
                )
        st = self._settings()
        if value is None:
            st.teacher.pop(key, None)
        else:
            st.teacher[key] = value


def _checked(key: str, value: Any, lab: bool) -> Any:
    if value is None:
        return None
    if isinstance(BUILTIN[key], bool):
        if not isinstance(value, bool):
            raise InvalidInput(_("Please choose on or off."))
        return value
    if key == "idle_signout_minutes":
        try:
            minutes = int(value)
        except (TypeError, ValueError):
            raise InvalidInput(_("Idle sign-out is a number of minutes.")) from None
        low = 1 if lab else 0  # a lab computer always signs a quiet student out
        if not low <= minutes <= MAX_IDLE_MINUTES:
            raise InvalidInput(
                _(
                    "Idle sign-out on this computer is {low} to {MAX_IDLE_MINUTES} minutes.",
                    low=low,
                    MAX_IDLE_MINUTES=MAX_IDLE_MINUTES,
                )
            )
        return minutes
    return str(value).strip()
