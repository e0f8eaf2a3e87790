"""The write policy: may this device write this change? One module, table-driven, applied before
merge (``gate.py``); the school server will run the same.

A device's certificate gives it a role ceiling (lab < teacher < admin), a school and the classes
whose partitions it may write. The rules, by table:

- teacher and admin devices write any table in their school's partitions (school ids named in the
  school's signed document), and partitions of no school (the shared skill framework);
- a purge (erasure, which cannot be undone) only from an admin device;
- the school's framework and success measures (``LEADER`` below) only from a leader's or an admin
  device; a leader's device writes the school's own rows, never a class's work (issue 21);
- a teacher's device whose certificate names its classes writes only those classes' partitions:
  a teacher's computer may not change another teacher's class (a co-teacher's names the class too);
- lab machines write only what students make on them: rows of the tables in ``LAB`` below, in a
  student's partition (``school/class/student``) of a class in their certificate's scope; events
  only as new rows (no tombstones: a student cannot take back another's answers); records only in
  the fields listed (a profile's student fields, not the teacher's notes);
- every other table, and any table added later that is not named here (credentials, roles,
  enrolments, class settings, rubric scores, items...), is teacher/admin only: a new synced table
  is safe by default.

To let lab machines write a new table, add a row to ``LAB``: the table name, and the fields they
may set (``None``: any field of the model; events are insert-only whatever it says).
Stamps: the replica part of a change's stamp must be its origin; a stamp that cannot be followed
(the last millisecond the encoding holds) is refused; one more than ``FUTURE_MS`` ahead of this
device's clock waits until the clock reaches it.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.i18n import _
from app.identity.docs import ALL_CLASSES, Cert
from app.sync.changes import ChangeRec

FUTURE_MS = 5 * 60 * 1000
LAST_WALL = "9999999999"  # a stamp whose wall time starts so cannot be followed by the next edit
_BASE = frozenset({"id", "created_at", "updated_at", "deleted", "partition"})

# table -> fields a lab machine may set (None: any). Only tables students write on a lab machine.
LAB: dict[str, frozenset[str] | None] = {
    "attempt": None,
    "check_in": None,
    "draft_version": None,
    "goal_evidence": None,
    "team_log": None,
    "celebration": None,
    "audit_event": None,
    "draft": None,
    "profile": _BASE | {"student_id", "strengths", "interests", "values", "learning_prefs", "about_me"},
    "plan": None,
    "goal": None,
    "milestone": None,
    "practice_focus": None,
    "signin_event": None,  # wrong PINs and passwords typed there; never an unlock (see _lab)
}
EVENTS = frozenset({"attempt", "check_in", "draft_version", "goal_evidence", "team_log", "celebration",
                    "audit_event", "draft_comment", "signin_event"})  # fmt: skip
# Tables only a leader's (or the admin's) device may write: what the school as a whole decides.
LEADER = frozenset({"framework_version", "framework_adoption", "local_skill", "success_measure"})
SIGNIN_KINDS_ON_LAB = frozenset({"fail", "ok"})  # a teacher frees a sign-in; a lab machine only reports tries


@dataclass(frozen=True)
class Refusal:
    code: str  # short, stable: what the Sync page groups by
    words: str  # a sentence for a teacher


FUTURE = Refusal("future", _("its time stamp is more than 5 minutes ahead of this computer's clock"))


class Policy:
    """The policy as it applies to changes signed under one certificate."""

    def __init__(self, cert: Cert, school_ids: frozenset[str]) -> None:
        self.cert = cert
        self.school_ids = school_ids
        self.lab = cert.role == "lab"
        self.admin = cert.role == "admin"
        self.leader = cert.role == "leader"
        self.classes = frozenset(cert.classes)
        self.any_class = ALL_CLASSES in self.classes
        # whose class partitions are limited (the gate checks a row's stored partition for these too)
        self.class_bound = self.leader or (cert.role == "teacher" and not self.any_class)

    def check(self, c: ChangeRec, now_ms_text: str) -> Refusal | None:
        """Why ``c`` may not be applied (None: it may). ``now_ms_text``: this device's clock
        plus ``FUTURE_MS``, as the 13 digits a stamp starts with."""
        hlc = c.hlc
        if hlc[20:] != c.replica_id:
            return Refusal("stamp", _("its time stamp names another device than the one that made it"))
        if hlc.startswith(LAST_WALL):
            return Refusal("overflow", _("its time stamp is at the end of the clock and cannot be followed"))
        if c.op == "purge" and not self.admin:
            return Refusal("purge", _("an erasure can only come from the school's admin computer"))
        school, _x, rest = c.partition.partition("/")
        if school and school not in self.school_ids:
            return Refusal("school", _("it belongs to another school"))
        if self.lab and (why := self._lab(c, rest)) is not None:
            return why
        if (why := self._school_roles(c, rest)) is not None:
            return why
        # Last: a change that waits for the clock has passed every other rule already.
        return FUTURE if hlc[:13] > now_ms_text else None

    def _school_roles(self, c: ChangeRec, rest: str) -> Refusal | None:
        """Leaders decide for the school; teachers write their own classes (issue 21)."""
        if c.table in LEADER and not (self.leader or self.admin):
            return Refusal("leader-table", f"only a school leader's computer may change {_what(c.table)}")
        klass = rest.partition("/")[0]
        if self.leader and klass and (self.any_class or klass not in self.classes):
            # a leader who also teaches gets a certificate naming that class
            return Refusal("leader-class", "a school leader's computer may not change a class's work")
        if self.class_bound and not self.leader and klass and klass not in self.classes:
            return Refusal("class", "it belongs to a class this computer's teacher does not teach")
        return None

    def _lab(self, c: ChangeRec, rest: str) -> Refusal | None:
        t = c.table
        if t not in LAB:
            return Refusal("lab-table", _("a lab machine may not change {what}", what=_what(t)))
        klass, _x, student = rest.partition("/")
        if t == "signin_event":
            # Wrong tries typed on the lab machine count on every machine (teachers' too: they are slowed,
            # never held); freeing a sign-in is a teacher's act.
            try:
                kind = c.fields.get("kind")
            except ValueError:
                return None
            if kind not in SIGNIN_KINDS_ON_LAB:
                return Refusal("lab-unlock", _("a lab machine may not free a student's sign-in"))
            if not student and not klass and c.partition.partition("/")[0]:
                return (
                    None
                    if c.op == "upsert" and not c.fields.get("deleted")
                    else Refusal("lab-delete", _("a lab machine may not delete records"))
                )
        if not student or not c.partition.partition("/")[0]:
            return Refusal("lab-partition", _("a lab machine may only write students' own work"))
        if not self.any_class and klass not in self.classes:
            return Refusal("lab-class", _("it belongs to a class this lab machine is not enrolled for"))
        if c.op != "upsert":
            return Refusal("lab-delete", _("a lab machine may not delete records"))
        try:
            fields = c.fields
        except ValueError:
            return None  # unreadable fields: set aside by the usual checks
        if fields.get("deleted"):
            return Refusal("lab-delete", _("a lab machine may not delete records"))
        if t in EVENTS and "id" not in fields:
            return Refusal("lab-delete", _("a lab machine may not change work once it is written"))
        allowed = LAB[t]
        if allowed is not None and not allowed.issuperset(fields):
            return Refusal(
                "lab-field", _("a lab machine may not change {what} fields set by a teacher", what=_what(t))
            )
        return None


def _what(table: str) -> str:
    return _NAMES.get(table, f"'{table}'")


_NAMES = {
    "account": _("passwords, PINs or accounts"),
    "person": _("people or their roles"),
    "enrollment": _("class enrolments"),
    "school_class": _("class settings"),
    "school": _("school settings"),
    "rubric_score": _("rubric scores"),
    "profile": "profile",
    "draft_comment": _("teachers' comments"),
    "framework_version": _("the school's skill framework"),
    "framework_adoption": _("which framework the school follows"),
    "local_skill": _("the school's own skills"),
    "success_measure": _("the school's success measures"),
}
