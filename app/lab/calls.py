"""What a connection to the lab service may ask, and how its arguments are checked.

Every call names ``service.method`` from the allow-list below. The service fills in the acting user
from the connection's sign-in (the client never sends an Actor), then checks each argument against
the method's own type hints: strings, numbers, booleans, lists and dicts of those, and the few
dataclasses a student or teacher sends (a plan draft). Anything else (a path, a ``now`` that would
move the lock-out clock, an unknown field) is refused before the service method runs.

Left out on purpose: anything that takes a path on the service's machine (``team_work.attach``,
``file_path``: a client could have the service copy any file it can read), sync, trust and device
keys, erasure and exports (they run on the teacher's machine or as the admin's command line).
"""

from __future__ import annotations

import dataclasses
import inspect
import types
import typing
from collections.abc import Callable
from typing import Any

from app.errors import InvalidInput

# Calls that need no sign-in: the sign-in screen's lists and the sign-in itself.
PUBLIC: dict[str, frozenset[str]] = {
    "accounts": frozenset(
        {
            "has_teacher",
            "sign_in_classes",
            "sign_in_students",
            "sign_in_student",
            "sign_in_teacher",
            "set_first_password",
        }  # fmt: skip
    ),
}
SIGN_INS = frozenset({"accounts.sign_in_student", "accounts.sign_in_teacher", "accounts.set_first_password"})

# Calls for a signed-in person; each service method checks what this person may do, as on the desktop.
SIGNED_IN: dict[str, frozenset[str]] = {
    "accounts": frozenset({"lock_state", "unlock", "set_pin"}),
    "roster": frozenset(
        {
            "my_classes",
            "students",
            "student",
            "add_student",
            "set_pin_optional",
            "create_class",
            "set_archived",
            "update_student",
        }  # fmt: skip
    ),
    "profiles": frozenset({"get", "update"}),
    "framework": frozenset({"domains", "jagged_profile", "skills_by_code"}),
    "celebrations": frozenset({"for_student", "add"}),
    "what_next": frozenset({"for_student", "facts"}),
    "practice": frozenset(
        {"overview", "start_session", "next_item", "record_answer", "session_summary", "end_session"}
    ),
    "practice_class": frozenset(
        {"heatmap", "practice_settings", "practice_skills", "set_focus", "set_target", "skill_detail"}
    ),
    "writing": frozenset(
        {
            "my_tasks",
            "task",
            "check_config",
            "word_list",
            "open_draft",
            "save_draft",
            "submit",
            "draft",
            "versions",
            "version_text",
            "diff_versions",
            "check_draft",
            "tasks_for_class",
            "drafts_for_task",
            "add_comment",
            "return_draft",
            "create_task",
            "update_task",
            "set_task_archived",
            "set_word_list",
        }  # fmt: skip
    ),
    "plans": frozenset(
        {
            "get",
            "suggestions",
            "evidence_options",
            "save",
            "submit",
            "set_milestone_done",
            "self_assess",
            "attach_evidence",
            "remove_evidence",
            "set_goal_status",
            "record_met_goals",
            "class_overview",
            "review",
            "feedback",
        }  # fmt: skip
    ),
    "checkins": frozenset(
        {"enabled", "record", "remove", "done_today", "for_student", "class_view", "set_school_enabled"}
    ),
    "challenges": frozenset(
        {
            "for_student",
            "get",
            "board",
            "for_class",
            "templates",
            "draft_from_template",
            "create",
            "finish",
            "suggest_teams",
        }  # fmt: skip
    ),
    "team_work": frozenset({"set_status", "post", "logs", "assess"}),
    "judgements": frozenset(
        {
            "rows_for_plan_evidence",
            "rows_for_draft",
            "rows_for_team",
            "for_student",
            "deciding_for_student",
            "evidence_options",
            "judgeable_skills",
            "level_source",
            "withdraw",
        }  # fmt: skip
    ),
    "reports": frozenset({"class_summary", "student_report"}),
    "attention": frozenset({"class_attention"}),
    "class_pins": frozenset({"status", "set_pins"}),
    "machine": frozenset({"current"}),
    "journal": frozenset({"write", "read", "clear", "tasks_of"}),  # the writing editor's crash journal
}

# Parameters a client may never set: the acting user, and the clock (a ``now`` from the client would
# move a lock-out's window or a sign-in's time).
SERVER_ONLY = frozenset({"actor", "now", "progress", "session"})

MAX_STR = 2 * 1024 * 1024
MAX_ITEMS = 10_000
MAX_DEPTH = 8


def allowed(call: str, signed_in: bool) -> bool:
    service, _, method = call.partition(".")
    if method in PUBLIC.get(service, ()):
        return True
    return signed_in and method in SIGNED_IN.get(service, ())


class Refused(InvalidInput):
    """A request the service will not run (unknown call, wrong argument): said in plain words."""


def bind_arguments(func: Callable[..., Any], args: list[Any], kwargs: dict[str, Any]) -> dict[str, Any]:
    """The client's arguments, checked against ``func``'s type hints, as keyword arguments (without
    the actor, which the caller adds). Raises Refused for anything not allowed."""
    sig = inspect.signature(func)
    params = [p for p in sig.parameters.values() if p.name not in ("self",)]
    hints = typing.get_type_hints(func)
    open_params = [p for p in params if p.name not in SERVER_ONLY and p.kind is not p.VAR_KEYWORD]
    var_kw = next((p for p in params if p.kind is p.VAR_KEYWORD), None)
    if len(args) > len(open_params):
        raise Refused("Too many arguments for that request.")
    out: dict[str, Any] = {}
    for p, value in zip(open_params, args, strict=False):
        out[p.name] = decode(value, hints.get(p.name, Any), 0)
    names = {p.name for p in open_params}
    for name, value in kwargs.items():
        if not isinstance(name, str) or name in SERVER_ONLY or name in out:
            raise Refused(f"The request may not set {name!r}.")
        if name in names:
            out[name] = decode(value, hints.get(name, Any), 0)
        elif var_kw is not None:
            out[name] = decode(value, _PLAIN, 0)  # free-form fields: JSON data only, the service checks them
        else:
            raise Refused(f"The request has an unknown field {name!r}.")
    for p in open_params:
        if p.name not in out and p.default is p.empty:
            raise Refused(f"The request lacks {p.name!r}.")
    return out


class _Plain:
    """Marker: any JSON value (for ``**fields`` and bare ``dict``/``list``), size-limited."""


_PLAIN = _Plain


def _plain(value: Any, depth: int) -> Any:
    if depth > MAX_DEPTH:
        raise Refused("The request is nested too deeply.")
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, list):
        return [_plain(v, depth + 1) for v in _items(value)]
    if isinstance(value, dict):
        return {_string(k): _plain(v, depth + 1) for k, v in _items(value).items()}
    raise Refused("The request holds a value of an unknown kind.")


def _string(value: Any) -> str:
    if not isinstance(value, str):
        raise Refused("The request has a value that should be text.")
    if len(value) > MAX_STR:
        raise Refused("The request has a text that is too long.")
    return value


def _items(value: Any) -> Any:
    if len(value) > MAX_ITEMS:
        raise Refused("The request has too many items.")
    return value


def decode(value: Any, tp: Any, depth: int) -> Any:
    """``value`` (from JSON) as a value of type ``tp``, or Refused."""
    if depth > MAX_DEPTH:
        raise Refused("The request is nested too deeply.")
    if tp is object or tp is Any:  # e.g. a practice answer: any JSON value, the service checks it
        return _plain(value, depth)
    if tp is _PLAIN or tp in (list, dict):
        if tp is list and not isinstance(value, list) or tp is dict and not isinstance(value, dict):
            raise Refused("The request has a value of the wrong kind.")
        return _plain(value, depth)
    origin, targs = typing.get_origin(tp), typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        for option in targs:
            try:
                return decode(value, option, depth)
            except Refused:
                continue
        raise Refused("The request has a value of the wrong kind.")
    if tp is type(None) or tp is None:
        if value is None:
            return None
    elif tp is bool:
        if isinstance(value, bool):
            return value
    elif tp is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    elif tp is float:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
    elif tp is str:
        return _string(value)
    elif origin is typing.Literal:
        if value in targs:
            return value
    elif origin in (list, tuple, set, frozenset) or tp in (tuple, set):
        if isinstance(value, list):
            inner = targs[0] if targs else _PLAIN
            items = [decode(v, inner, depth + 1) for v in _items(value)]
            return items if origin in (list, None) else (origin or tp)(items)
    elif origin is dict:
        if isinstance(value, dict):
            kt, vt = targs if targs else (str, _PLAIN)
            return {decode(k, kt, depth + 1): decode(v, vt, depth + 1) for k, v in _items(value).items()}
    elif isinstance(tp, type) and tp.__name__ in DATACLASSES and DATACLASSES[tp.__name__] is tp:
        if isinstance(value, dict):
            return _dataclass(tp, value, depth)
    raise Refused("The request has a value of the wrong kind.")


def _dataclass(cls: type, value: dict[str, Any], depth: int) -> Any:
    hints = typing.get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls) if f.init}
    unknown = set(value) - set(fields)
    if unknown:
        raise Refused(f"The request has an unknown field {sorted(unknown)[0]!r}.")
    return cls(**{k: decode(v, hints[k], depth + 1) for k, v in value.items()})


def _dataclasses() -> dict[str, type]:
    """The dataclasses a client may send (by class name): what the student and teacher screens pass."""
    from app.planning.challenges import ChallengeDraft
    from app.planning.plans import GoalDraft, MilestoneDraft, PlanDraft
    from app.writing.results import TaskSpec

    return {c.__name__: c for c in (PlanDraft, GoalDraft, MilestoneDraft, ChallengeDraft, TaskSpec)}


DATACLASSES: dict[str, type] = {}


def load_dataclasses() -> None:
    DATACLASSES.update(_dataclasses())


def encode(value: Any) -> Any:
    """Client side: arguments as JSON (dataclasses as their fields; tuples as lists)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init}
    if isinstance(value, list | tuple | set | frozenset):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {str(k): encode(v) for k, v in value.items()}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise Refused("Tessera cannot send that to the lab service.")
