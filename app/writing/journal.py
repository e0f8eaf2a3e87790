"""A crash journal of the text in the writing editor: what a student typed survives a power cut.

Autosave makes a new version every 30 s; between two saves the text lived only in memory, and a hard
kill lost the last sentence. The editor writes its text here every second or two while it differs from
what is saved (one small file per student and task in ``<data dir>/journal/``, written to a temporary
file, fsynced and renamed, so a cut leaves the old entry or the new one, never half of one), clears it
when a save succeeds, and offers it back when the task is opened next time.

Only the student's own text is in an entry (as in their drafts in the database, in the same data folder).
An entry that cannot be read (cut short by a disk fault, or not ours) is ignored, never shown.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path

__all__ = ["JournalEntry", "TextJournal"]

log = logging.getLogger(__name__)

MAX_CHARS = 2_000_000  # larger than any draft the service accepts; a bigger file is not ours


@dataclass(frozen=True)
class JournalEntry:
    student_id: str
    task_id: str
    text: str
    saved_text_sha: str  # the saved draft the text was typed over ("" when nothing was saved)
    at: float


def text_sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class TextJournal:
    def __init__(self, data_dir: str | Path) -> None:
        self.folder = Path(data_dir) / "journal"

    def _path(self, student_id: str, task_id: str) -> Path:
        # Ids are ours (UUIDs), but a file name is made from a digest so no id can name another path.
        name = hashlib.sha256(f"{student_id}\0{task_id}".encode()).hexdigest()[:32]
        return self.folder / f"{name}.json"

    def write(self, student_id: str, task_id: str, text: str, saved_text: str | None) -> None:
        """Keep ``text`` durably (fsynced before this returns)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self._path(student_id, task_id)
        tmp = path.with_suffix(".tmp")
        data = json.dumps({"student_id": student_id, "task_id": task_id, "text": text, "at": time.time(),
                           "saved_text_sha": text_sha(saved_text) if saved_text else ""})  # fmt: skip
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
        _fsync_dir(self.folder)

    def read(self, student_id: str, task_id: str) -> JournalEntry | None:
        path = self._path(student_id, task_id)
        try:
            if path.stat().st_size > 4 * MAX_CHARS + 1000:
                return None
            data = json.loads(path.read_text(encoding="utf-8"))
            entry = JournalEntry(data["student_id"], data["task_id"], data["text"], data.get("saved_text_sha", ""),
                                 float(data["at"]))  # fmt: skip
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError):
            log.warning("unreadable writing journal entry %s ignored", path.name)
            return None
        if entry.student_id != student_id or entry.task_id != task_id or not isinstance(entry.text, str):
            return None
        return entry

    def clear(self, student_id: str, task_id: str) -> None:
        try:
            self._path(student_id, task_id).unlink()
        except FileNotFoundError:
            pass
        except OSError:
            log.warning("could not clear a writing journal entry", exc_info=True)

    def tasks_of(self, student_id: str) -> list[str]:
        """Task ids with kept text for this student (for the "text kept from before" note)."""
        out: list[str] = []
        if not self.folder.is_dir():
            return out
        for path in self.folder.glob("*.json"):
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            if (
                isinstance(data, dict)
                and data.get("student_id") == student_id
                and isinstance(data.get("task_id"), str)
            ):
                out.append(data["task_id"])
        return sorted(out)

    def erase_student(self, student_id: str) -> int:
        """Erasure on request: remove every entry of this student. Returns how many."""
        n = 0
        for task_id in self.tasks_of(student_id):
            self.clear(student_id, task_id)
            n += 1
        return n


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows has no directory handles to fsync; the rename itself is durable there
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
