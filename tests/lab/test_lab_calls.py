"""The lab service's request checks, in process (no OS accounts needed): the allow-list, arguments
checked against each method's type hints, hostile JSON refused in words, and every allow-listed
method's hints readable (a method the check cannot read would fail at a student's first call)."""

from __future__ import annotations

import inspect
import json
import typing

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.errors import PermissionDenied
from app.lab import calls
from app.lab.server import LabService, Session
from app.planning.plans import GoalDraft, PlanDraft


@pytest.fixture(scope="module")
def service(demo_template, tmp_path_factory):
    import shutil

    d = tmp_path_factory.mktemp("lab-calls")
    shutil.copy2(demo_template[0] / "tessera.db", d / "tessera.db")
    svc = LabService(d)
    yield svc, demo_template[1]
    svc.close()


def _signed_in(service, i: int = 0) -> Session:
    svc, info = service
    s = Session(uid=None)
    r = svc.handle(
        s, {"call": "accounts.sign_in_student", "args": [info.class_id, info.student_ids[i], info.pin]}
    )
    assert "ok" in r, r
    return s


def test_every_allowed_method_exists_and_its_hints_can_be_checked(service):
    svc, _info = service
    calls.load_dataclasses()
    for table in (calls.PUBLIC, calls.SIGNED_IN):
        for name, methods in table.items():
            for m in methods:
                func = getattr(svc._target(name), m)
                typing.get_type_hints(func)
                params = list(inspect.signature(func).parameters)
                assert "src" not in params and "path" not in params, f"{name}.{m} takes a path"


def test_a_plan_draft_arrives_as_the_dataclass_and_unknown_fields_are_refused():
    calls.load_dataclasses()
    draft = (
        PlanDraft(goals=[GoalDraft(title="Read more")]) if "goals" in PlanDraft.__dataclass_fields__ else None
    )
    if draft is None:
        pytest.skip("PlanDraft has no goals field")
    got = calls.decode(calls.encode(draft), PlanDraft, 0)
    assert got == draft
    with pytest.raises(calls.Refused):
        calls.decode({**calls.encode(draft), "owner_id": "x"}, PlanDraft, 0)


def test_values_of_the_wrong_kind_are_refused():
    for value, tp in [("1", int), (True, int), (1, str), ([1], list[str]), ({"a": 1}, dict[str, str]), ("x", None),
                      ({"__class__": "os.system"}, str), ("a" * (calls.MAX_STR + 1), str)]:  # fmt: skip
        with pytest.raises(calls.Refused):
            calls.decode(value, tp, 0)
    deep: list = []
    for _ in range(20):
        deep = [deep]
    with pytest.raises(calls.Refused):
        calls.decode(deep, list, 0)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None)
@given(
    st.dictionaries(st.sampled_from(["call", "args", "kwargs", "actor", "session"]), json_values, max_size=4)
)
def test_any_json_request_gets_a_worded_answer_never_a_crash(service, request):
    svc, _info = service
    reply = svc.handle(Session(uid=None), json.loads(json.dumps(request)))
    assert set(reply) in ({"ok", "kinds"}, {"error"})
    if "error" in reply:
        assert reply["error"]["message"] and "Traceback" not in reply["error"]["message"]


def test_signed_in_calls_act_for_the_signed_in_student_only(service):
    svc, info = service
    s = _signed_in(service, 0)
    mine = svc.handle(s, {"call": "what_next.for_student", "args": []})
    assert "ok" in mine
    other = svc.handle(s, {"call": "what_next.for_student", "args": [info.student_ids[1]]})
    assert other["error"]["cls"] == PermissionDenied.__name__
    teacher_only = svc.handle(s, {"call": "roster.add_student", "args": [info.class_id, "Mallory"]})
    assert teacher_only["error"]["cls"] == PermissionDenied.__name__
    svc.handle(s, {"call": "session.sign_out"})
    assert "sign in first" in svc.handle(s, {"call": "what_next.for_student"})["error"]["message"]


def test_a_save_tells_the_client_what_changed(service):
    svc, _info = service
    s = _signed_in(service, 2)
    tasks = svc.handle(s, {"call": "writing.my_tasks"})["ok"]
    task = next(t.task for t in tasks if t.status != "submitted")
    r = svc.handle(s, {"call": "writing.save_draft", "args": [task.id, "A new paragraph about tides."]})
    assert r["ok"].saved and r["kinds"]


def test_the_crash_journal_is_each_students_own(service):
    svc, info = service
    a, b = _signed_in(service, 3), _signed_in(service, 4)
    me, other = info.student_ids[3], info.student_ids[4]
    assert "ok" in svc.handle(a, {"call": "journal.write", "args": [me, "t1", "typed", None]})
    assert svc.handle(a, {"call": "journal.read", "args": [me, "t1"]})["ok"].text == "typed"
    for call, args in [("journal.read", [me, "t1"]), ("journal.clear", [me, "t1"]), ("journal.tasks_of", [me]),
                       ("journal.write", [me, "t1", "overwritten", None])]:  # fmt: skip
        assert svc.handle(b, {"call": call, "args": args})["error"]["cls"] == PermissionDenied.__name__
    assert svc.handle(b, {"call": "journal.tasks_of", "args": [other]})["ok"] == []


def test_a_teacher_on_a_lab_machine_works_through_the_service_within_their_rights(service):
    import pickle

    svc, info = service
    t = Session(uid=None)
    assert "ok" in svc.handle(t, {"call": "accounts.sign_in_teacher", "args": [info.username, info.password]})
    classes = svc.handle(t, {"call": "roster.my_classes"})["ok"]
    assert info.class_id in {c.id for c in classes}
    rows = svc.handle(t, {"call": "roster.students", "args": [info.class_id]})
    assert len(pickle.loads(pickle.dumps(rows))["ok"]) >= 5
    assert "ok" in svc.handle(t, {"call": "class_pins.status", "args": [info.class_id]})
    sid = info.student_ids[6]
    assert "ok" in svc.handle(t, {"call": "accounts.set_pin", "args": [info.class_id, sid, "8642"]})
    s = Session(uid=None)
    got = svc.handle(s, {"call": "accounts.sign_in_student", "args": [info.class_id, sid, "8642"]})
    assert got["ok"].person_id == sid
    for call in ("privacy.erase_student", "sync.set_folder", "trust.approve", "exports.gradebook"):
        assert "does not offer" in svc.handle(t, {"call": call, "args": []})["error"]["message"]
    # A student's connection is not the teacher's: the same calls are refused there.
    assert (
        svc.handle(s, {"call": "class_pins.status", "args": [info.class_id]})["error"]["cls"]
        == "PermissionDenied"
    )


def test_a_failed_sign_in_on_a_signed_in_connection_leaves_it_signed_out(service):
    svc, info = service
    s = _signed_in(service, 7)
    wrong = svc.handle(
        s, {"call": "accounts.sign_in_student", "args": [info.class_id, info.student_ids[8], "0000"]}
    )
    assert wrong["error"]["cls"] == "SignInError"
    assert svc.handle(s, {"call": "session.who"})["ok"] is None
    assert "sign in first" in svc.handle(s, {"call": "what_next.for_student"})["error"]["message"]


def test_a_student_practises_a_question_and_saves_a_plan_through_the_service(service):
    svc, info = service
    s = _signed_in(service, 9)
    me = info.student_ids[9]
    started = svc.handle(s, {"call": "practice.start_session", "args": [me, 3]})["ok"]
    item = svc.handle(s, {"call": "practice.next_item", "args": [started.session_id]})["ok"]
    answer = item.choices[0] if item.choices else "7"
    got = svc.handle(
        s, {"call": "practice.record_answer", "args": [started.session_id, item.item_id, answer]}
    )
    assert "ok" in got or got["error"]["cls"] == "InvalidInput", (
        got
    )  # a malformed answer is the student's to fix
    draft = PlanDraft(
        title="My term",
        goals=[GoalDraft(title="Read two books", why="I like stories", path="writing", weekly_minutes=30)],
    )
    saved = svc.handle(s, {"call": "plans.save", "args": [me, calls.encode(draft)]})
    assert "ok" in saved, saved
    assert saved["ok"].title == "My term" and saved["kinds"]
    assert "Read two books" in [
        g.title for g in svc.handle(s, {"call": "plans.get", "args": [me]})["ok"].goals
    ]
    other = svc.handle(s, {"call": "plans.save", "args": [info.student_ids[10], calls.encode(draft)]})
    assert other["error"]["cls"] == "PermissionDenied"
