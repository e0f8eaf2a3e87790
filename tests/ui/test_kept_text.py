"""The memory of writing not saved yet: what a save's answer does to it, in any order."""

from __future__ import annotations

from app.errors import NotFound, StorageError
from app.ui.student.kept_text import KeptTexts
from app.writing.drafts import DraftLocked, DraftTooLarge

KEY = ("student", "task")
FULL = StorageError("The disk is full")


def test_text_stays_until_a_save_of_it_or_of_newer_text_succeeds():
    kept = KeptTexts()
    r1 = kept.keep(KEY, "one", 0.0)
    kept.failed(KEY, r1, FULL)
    assert kept.get(KEY).text == "one" and kept.any_failed("student")
    r2 = kept.keep(KEY, "one two", 0.0)
    r3 = kept.keep(KEY, "one two three", 0.0)
    kept.saved(KEY, r2)  # an older save's answer comes late: the newest text is still on its way
    assert kept.get(KEY).text == "one two three" and not kept.any_failed("student")
    kept.saved(KEY, r3)
    assert kept.get(KEY) is None and len(kept) == 0


def test_a_text_too_large_to_save_gives_back_the_failed_one_before_it():
    kept = KeptTexts()
    r1 = kept.keep(KEY, "typed on a full disk", 0.0)
    kept.failed(KEY, r1, FULL)
    r2 = kept.keep(KEY, "x" * 100, 0.0)
    kept.failed(KEY, r2, DraftTooLarge("too long"))
    assert kept.get(KEY).text == "typed on a full disk" and kept.get(KEY).failed


def test_text_that_can_never_be_saved_here_is_not_kept_for_ever():
    kept = KeptTexts()
    for exc in (DraftLocked("handed in"), NotFound("gone"), DraftTooLarge("too long")):
        revision = kept.keep(KEY, "text", 0.0)
        kept.failed(KEY, revision, exc)
        assert kept.get(KEY) is None, exc


def test_a_late_failure_of_an_older_save_does_not_touch_newer_text():
    kept = KeptTexts()
    r1 = kept.keep(KEY, "old", 0.0)
    kept.keep(KEY, "new", 0.0)
    kept.failed(KEY, r1, FULL)
    assert kept.get(KEY).text == "new" and not kept.get(KEY).failed
