"""The item-kind registry: the one place that knows each kind of practice item.

A kind says how a learner's response is cleaned before it is checked, how it is checked, how the right
answer is shown after a wrong one, and how it is entered: typed on a line, or picked from the item's
choices (the answer box builds its controls from that, and the demo's simulated learners slip by it).
The services, the demo and the UI ask here instead of testing a kind's name.

Cleaning: a malformed answer is a clear message, not a wrong answer and not a crash (nothing is stored
for it, so the learner can fix it and try again). An item of a kind this version does not know (from a
newer Tessera, by sync) is treated as text.

A new kind touches about four files: its ``ItemKind`` in ``_BUILT_IN`` below; what makes items of it (a
question builder in ``generators/base.py``); the answer box (``app/ui/widgets/answer_box.py``) only
when it is entered in a new way; and its tests. A kind that QTI can carry is also named in the QTI
import (``qti/item.py``) and export, which translate kinds to QTI interactions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.errors import InvalidInput
from app.i18n import _
from app.practice.engine.answers import number_right, parse_number, text_right

__all__ = [
    "KINDS",
    "MAX_RESPONSE",
    "PICKED",
    "TYPED",
    "ItemKind",
    "check_answer",
    "clean_response",
    "item_kind",
    "shown_answer",
]

MAX_RESPONSE = 200
MAX_CHECKED = 10_000  # longer responses are wrong without being read

TYPED = "typed"  # the learner types the answer on a line
PICKED = "picked"  # the learner picks one of the item's choices


@dataclass(frozen=True, slots=True)
class ItemKind:
    """What the rest of Tessera needs to know about one kind of item."""

    name: str
    entry: str  # TYPED or PICKED
    entry_hint: str  # the line under the answer box
    # (answer, choices, response stripped) -> the response as it will be checked and stored;
    # raises InvalidInput saying what to fix
    clean: Callable[[str, tuple[str, ...], str], str]
    check: Callable[[list[str], str], bool]  # (accepted answers, response) -> right?
    numeric: bool = False  # a typed number: the UI reads it by the user's language first ("1,5")

    def shown(self, answer: str) -> str:
        """The first accepted answer, as shown after a wrong one."""
        return next((a.strip() for a in answer.split("\n") if a.strip()), answer)


def _clean_typed(answer: str, choices: tuple[str, ...], text: str) -> str:
    if not text:
        raise InvalidInput(_("Type an answer first, then press Enter."))
    if len(text) > MAX_RESPONSE:
        raise InvalidInput(
            _("That answer is too long. Keep it under {MAX_RESPONSE} characters.", MAX_RESPONSE=MAX_RESPONSE)
        )
    return text


def _clean_number(answer: str, choices: tuple[str, ...], text: str) -> str:
    text = _clean_typed(answer, choices, text)
    expects_number = any(parse_number(a) is not None for a in answer.split("\n") if a.strip())
    if expects_number and parse_number(text) is None:
        raise InvalidInput(
            _(
                "“{v}” is not a number Tessera can read. Write it like 12, -3, 0.75, 3/4 or 1 1/2.",
                v=text[:40],
            )
        )
    return text


def _clean_choice(answer: str, choices: tuple[str, ...], text: str) -> str:
    if not text:
        raise InvalidInput(_("Choose one of the answers first (press its number, or click it)."))
    if text in choices:
        return text
    if text.isdigit() and 1 <= int(text) <= len(choices):
        return choices[int(text) - 1]
    raise InvalidInput(_("Choose one of the {len} answers shown (1 to {len}).", len=len(choices)))


_BUILT_IN = (
    ItemKind(
        name="number",
        entry=TYPED,
        entry_hint=_("Type a number (like 12, 0.75 or 3/4), then press Enter."),
        clean=_clean_number,
        check=number_right,
        numeric=True,
    ),
    ItemKind(
        name="text",
        entry=TYPED,
        entry_hint=_("Type your answer, then press Enter."),
        clean=_clean_typed,
        check=text_right,
    ),
    ItemKind(
        name="choice",
        entry=PICKED,
        entry_hint=_("Press a number key to choose, then Enter."),
        clean=_clean_choice,
        check=text_right,
    ),
)
KINDS: dict[str, ItemKind] = {k.name: k for k in _BUILT_IN}


def item_kind(name: str) -> ItemKind:
    """The kind called ``name``; text for a name this version does not know."""
    return KINDS.get(name) or KINDS["text"]


def clean_response(kind: str, answer: str, choices: tuple[str, ...], response: object) -> str:
    """The response as it will be checked and stored; raises ``InvalidInput`` saying what to fix."""
    if not isinstance(response, str):
        raise InvalidInput(_("Tessera could not read that answer. Type it again, please."))
    return item_kind(kind).clean(answer, tuple(choices), response.replace("\x00", "").strip())


def check_answer(kind: str, answer: str, response: str) -> bool:
    """True when ``response`` is right. ``answer`` may list several accepted answers, one per line."""
    if not isinstance(response, str) or len(response) > MAX_CHECKED:
        return False
    return item_kind(kind).check([a for a in answer.split("\n") if a.strip()], response)


def shown_answer(answer: str, kind: str = "text") -> str:
    """The right answer as shown after a wrong one."""
    return item_kind(kind).shown(answer)
