"""A learner's response read before it is checked: a malformed answer is a clear message, not a wrong
answer and not a crash (nothing is stored for it, so the learner can fix it and try again)."""

from __future__ import annotations

from app.errors import InvalidInput
from app.practice.answers import parse_number

__all__ = ["MAX_RESPONSE", "clean_response", "shown_answer"]

MAX_RESPONSE = 200


def clean_response(kind: str, answer: str, choices: tuple[str, ...], response: object) -> str:
    """The response as it will be checked and stored; raises ``InvalidInput`` saying what to fix."""
    if not isinstance(response, str):
        raise InvalidInput("Tessera could not read that answer. Type it again, please.")
    text = response.replace("\x00", "").strip()
    if kind == "choice":
        if not text:
            raise InvalidInput("Choose one of the answers first (press its number, or click it).")
        if text in choices:
            return text
        if text.isdigit() and 1 <= int(text) <= len(choices):
            return choices[int(text) - 1]
        raise InvalidInput(f"Choose one of the {len(choices)} answers shown (1 to {len(choices)}).")
    if not text:
        raise InvalidInput("Type an answer first, then press Enter.")
    if len(text) > MAX_RESPONSE:
        raise InvalidInput(f"That answer is too long. Keep it under {MAX_RESPONSE} characters.")
    if kind == "number":
        expects_number = any(parse_number(a) is not None for a in answer.split("\n") if a.strip())
        if expects_number and parse_number(text) is None:
            raise InvalidInput(
                f"\u201c{text[:40]}\u201d is not a number Tessera can read. "
                "Write it like 12, -3, 0.75, 3/4 or 1 1/2."
            )
    return text


def shown_answer(answer: str) -> str:
    """The first accepted answer, as shown after a wrong one."""
    return next((a.strip() for a in answer.split("\n") if a.strip()), answer)
