"""Writing that is not saved yet, kept in memory per (student, task) until a save of it succeeds.

Text is kept from the moment it is handed to a save, so it survives the page: signing out (or the idle
sign-out) destroys the page and its editor, and the save's answer may come after that. A failed save on
a full or unanswering disk keeps it until a later save of it, or of newer text, succeeds; the page puts
it back in the editor when the task is opened again. Kept text is never written anywhere else.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from app.errors import StorageError
from app.writing.drafts import DraftTooLarge

Key = tuple[str, str]  # (student id, task id)


@dataclass
class Kept:
    text: str
    revision: int
    returned_at: float  # when the draft typed in was last handed back (0: never)
    failed: bool = False  # a save of it failed (not merely on its way)
    before: Kept | None = None  # a failed entry this one replaced: back if this one can never be saved


class KeptTexts:
    def __init__(self) -> None:
        self._by_key: dict[Key, Kept] = {}
        self._revisions = itertools.count(1)

    def __len__(self) -> int:
        return len(self._by_key)

    def get(self, key: Key) -> Kept | None:
        return self._by_key.get(key)

    def any_failed(self, student_id: str) -> bool:
        return any(sid == student_id and k.failed for (sid, _task), k in self._by_key.items())

    def keep(self, key: Key, text: str, returned_at: float) -> int:
        """Text handed to a save; returns the revision its save reports back with."""
        revision = next(self._revisions)
        previous = self._by_key.get(key)
        before = None
        if previous is not None and previous.failed:
            before = Kept(previous.text, previous.revision, previous.returned_at, True)  # one step back only
        self._by_key[key] = Kept(text, revision, returned_at, before=before)
        return revision

    def saved(self, key: Key, revision: int) -> None:
        kept = self._by_key.get(key)
        if kept is not None and kept.revision <= revision:  # nothing newer was typed since
            del self._by_key[key]

    def failed(self, key: Key, revision: int, exc: BaseException) -> None:
        kept = self._by_key.get(key)
        if kept is None or kept.revision != revision:
            return  # newer text is on its way and speaks for itself
        if isinstance(exc, StorageError):
            kept.failed = True  # a full or unanswering disk: saved as soon as it can be
        elif isinstance(exc, DraftTooLarge) and kept.before is not None:
            self._by_key[key] = kept.before  # the editor keeps the huge text on screen; keep what could save
        else:
            del self._by_key[key]  # it can never be saved here (too large, handed in elsewhere, gone)

    def drop(self, key: Key) -> None:
        self._by_key.pop(key, None)


KEPT = KeptTexts()  # one per app run: it must outlive the pages and sign-ins
