"""What sync says to a teacher when something goes wrong: an error nothing else caught, files a sync
skipped, and when it tries again (the agent's words, kept apart from its thread and timing)."""

from __future__ import annotations

from app.i18n import _
from app.sync.receive import is_set_aside
from app.sync.report import SkippedFile

SAFE = _("Your work is safe on this computer.")


def in_words(seconds: float) -> str:
    if seconds < 55:
        n = max(1, round(seconds))
        return _("in %n second(s)", n=n)
    n = max(1, round(seconds / 60))
    return _("in %n minute(s)", n=n)


def place_words(folder: str) -> str:
    return _("The school share") if folder.startswith(("\\\\", "//", "smb:")) else _("The sync folder")


def unexpected_words(exc: BaseException, folder: str, delay: float) -> str:
    """An error nothing else caught, in a teacher's words: what happened, when Tessera tries
    again, that their work is safe, and what might help. The detail goes to the log only."""
    import errno

    place = place_words(folder).lower()
    again = _("Tessera will try again {in_words}.", in_words=in_words(delay))
    code = getattr(exc, "errno", None)
    if isinstance(exc, OSError) and code == errno.ENOSPC:
        return _(
            "There is no space left to write to {place}. {again} Your work is safe on this computer; ask your IT admin to free some space.",
            place=place,
            again=again,
        )
    if isinstance(exc, OSError) and code == errno.EROFS:
        return _(
            "{place} is read-only, so Tessera cannot write to it. {again} Your work is safe on this computer; ask your IT admin to make the folder writable.",
            place=place_words(folder),
            again=again,
        )
    if isinstance(exc, PermissionError) or (isinstance(exc, OSError) and code in (errno.EACCES, errno.EPERM)):
        return _(
            "Tessera may not write to {place}. {again} Your work is safe on this computer; ask your IT admin to check the folder's permissions.",
            place=place,
            again=again,
        )
    if isinstance(exc, FileNotFoundError):
        return _(
            "A file in {place} went missing while Tessera was using it (another computer may have tidied it up). {again} {SAFE}",
            place=place,
            again=again,
            SAFE=SAFE,
        )
    if isinstance(exc, TimeoutError) or (isinstance(exc, OSError) and code == errno.ETIMEDOUT):
        return _(
            "{place} took too long to answer; the network may be slow. {again} {SAFE}",
            place=place_words(folder),
            again=again,
            SAFE=SAFE,
        )
    if isinstance(exc, OSError):
        return _(
            "Tessera could not use {place}. {again} Your work is safe on this computer; if this keeps happening, ask your IT admin to check the folder.",
            place=place,
            again=again,
        )
    return _(
        "Sync did not finish because of an unexpected problem. {again} Your work is safe on this computer; if this keeps happening, ask your IT admin to look at Tessera's log.",
        again=again,
    )


def skipped_words(skipped: list[SkippedFile]) -> str | None:
    """What a teacher needs to know about files a sync skipped or could not apply in full."""
    if not skipped:
        return None
    aside = sum(1 for s in skipped if is_set_aside(s.reason))
    left = len(skipped) - aside
    words = []
    if left:
        words.append(
            _(
                "%n file(s) in the sync folder were incomplete or damaged and were skipped; Tessera will pick them up when they are whole.",
                n=left,
            )
        )
    if aside:
        words.append(
            _(
                "Some changes in %n file(s) from other computers could not be applied and were set aside; everything else was applied. Tessera's log names them for your IT admin.",
                n=aside,
            )
        )
    return " ".join(words + [SAFE])
