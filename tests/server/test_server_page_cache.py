"""The server keeps recent segments' page entries per process (``pull._Fragments``): a teacher's
full copy must never reach a lab machine of another class, and a lab's redacted copy never
stands in for the whole segment, whichever asked first."""

from __future__ import annotations

import gzip
import uuid

from tests.server.conftest import SCHOOL_ROW


def _secret_segment(teacher) -> None:  # noqa: ANN001
    rid = str(uuid.uuid4())
    teacher.change("attempt", rid, {"id": rid, "student_id": "s9", "secret": "class 2's answer"},
                   f"{SCHOOL_ROW}/class-2/s9")  # fmt: skip
    teacher.push()


def _first(dev) -> bytes:  # noqa: ANN001
    listing = dev.t.scan()
    return gzip.decompress(dev.t.fetch_batch(listing.batches[-1]))


def test_teacher_first_then_labs_of_both_classes(sqlite_world):
    w = sqlite_world
    teacher = w.device("teacher")
    _secret_segment(teacher)
    assert b"class 2's answer" in _first(teacher)  # the whole segment, now kept by the server
    lab1 = w.device("lab1", "lab", ["class-1"])
    assert b"class 2's answer" not in _first(lab1) and b"class-2" not in _first(lab1)
    lab2 = w.device("lab2", "lab", ["class-2"])
    assert b"class 2's answer" in _first(lab2)  # its own class: the whole segment


def test_lab_first_then_the_teacher_gets_the_whole_segment(sqlite_world):
    w = sqlite_world
    teacher = w.device("teacher")
    _secret_segment(teacher)
    lab1 = w.device("lab1", "lab", ["class-1"])
    assert b"class 2's answer" not in _first(lab1)  # a redacted copy, now kept for class-1
    again = w.device("lab1b", "lab", ["class-1"])
    assert b"class 2's answer" not in _first(again)
    other = w.device("teacher2")
    assert b"class 2's answer" in _first(other)
