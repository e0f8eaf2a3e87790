"""The shipped vocabulary bank and its spaced review, scheduled with FSRS (the ``fsrs`` package).

Each word becomes choice questions: pick the meaning of a word, or the word for a meaning. The wrong
choices are other words' meanings of the same part of speech, drawn from a seed, so a question is the
same on every machine. Review state per learner and word is a ``VocabCard`` (plain data); ``review``
returns the next one. FSRS fuzzing is off, so replaying the same reviews rebuilds the same cards.
"""

from __future__ import annotations

import json
import random
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path

from fsrs import Card, Rating, Scheduler, State

from app.practice.engine.items import PracticeItem

__all__ = [
    "VOCABULARY_SKILL",
    "VocabCard",
    "VocabWord",
    "due_cards",
    "load_bank",
    "new_card",
    "question",
    "rating_for",
    "retrievability",
    "review",
]

VOCABULARY_SKILL = "WRM.VOCAB"
BANK_PATH = Path(__file__).resolve().parents[3] / "resources" / "practice" / "vocabulary.json"
FAST_MS = 4000  # a right answer faster than this counts as "easy"


@dataclass(frozen=True, slots=True)
class VocabWord:
    id: str
    word: str
    pos: str  # part of speech
    definition: str
    example: str
    level: int


@dataclass(frozen=True, slots=True)
class VocabCard:
    """FSRS memory state of one word for one learner. Times are epoch seconds (UTC)."""

    word_id: str
    due: float
    state: int = State.Learning.value
    step: int | None = 0
    stability: float | None = None
    difficulty: float | None = None
    last_review: float | None = None
    reviews: int = 0
    lapses: int = 0


def load_bank(path: Path | None = None) -> tuple[VocabWord, ...]:
    return _load(str(path or BANK_PATH))


@lru_cache(maxsize=4)
def _load(path: str) -> tuple[VocabWord, ...]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return tuple(
        VocabWord(w["id"], w["word"], w["pos"], w["definition"], w.get("example", ""), int(w.get("level", 3)))
        for w in data["words"]
    )


def question(
    word: VocabWord, bank: Sequence[VocabWord], seed: int = 0, form: str = "meaning"
) -> PracticeItem:
    """A choice question: ``form`` "meaning" (which meaning fits the word) or "word" (which word fits)."""
    rng = random.Random(f"vocab:{word.id}:{form}:{seed}")
    same = sorted((w for w in bank if w.id != word.id and w.pos == word.pos), key=lambda w: w.id)
    others = same if len(same) >= 3 else sorted((w for w in bank if w.id != word.id), key=lambda w: w.id)
    wrong = rng.sample(others, 3)
    if form == "word":
        right, options = word.word, [word.word] + [w.word for w in wrong]
        prompt = f"Which word means \u201c{word.definition}\u201d?"
        hint = f"Example: {word.example.replace(word.word, '_____')}"
    else:
        right, options = word.definition, [word.definition] + [w.definition for w in wrong]
        prompt = f"What does \u201c{word.word}\u201d ({word.pos}) mean?"
        hint = f"Example: {word.example}"
    rng.shuffle(options)
    return PracticeItem(
        kind="choice",
        prompt=prompt,
        answer=right,
        skill=VOCABULARY_SKILL,
        choices=tuple(options),
        hint=hint,
        level=word.level,
        source="bank",
        source_ref=f"vocab:{word.id}:{form}",
        title=word.word,
    )


@lru_cache(maxsize=1)
def _scheduler() -> Scheduler:
    return Scheduler(enable_fuzzing=False)


def _dt(ts: float) -> datetime:
    return datetime.fromtimestamp(ts, UTC)


def _to_fsrs(card: VocabCard) -> Card:
    return Card(
        card_id=zlib.crc32(card.word_id.encode()),
        state=State(card.state),
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=_dt(card.due),
        last_review=_dt(card.last_review) if card.last_review is not None else None,
    )


def new_card(word_id: str, now: float) -> VocabCard:
    return VocabCard(word_id=word_id, due=now)


def rating_for(correct: bool, response_ms: int = 0) -> Rating:
    if not correct:
        return Rating.Again
    return Rating.Easy if 0 < response_ms < FAST_MS else Rating.Good


def review(card: VocabCard, correct: bool, at: float, response_ms: int = 0) -> VocabCard:
    """The card after one answer at time ``at``."""
    rating = rating_for(correct, response_ms)
    new, _ = _scheduler().review_card(_to_fsrs(card), rating, _dt(at))
    return replace(
        card,
        due=new.due.timestamp(),
        state=new.state.value,
        step=new.step,
        stability=new.stability,
        difficulty=new.difficulty,
        last_review=at,
        reviews=card.reviews + 1,
        lapses=card.lapses + (not correct and card.state == State.Review.value),
    )


def retrievability(card: VocabCard, now: float) -> float:
    """Chance the learner still recalls the word now (1.0 before the first review)."""
    if card.last_review is None:
        return 1.0
    return float(_scheduler().get_card_retrievability(_to_fsrs(card), _dt(now)))


def due_cards(cards: Iterable[VocabCard], now: float, limit: int | None = None) -> list[VocabCard]:
    """Cards due now, most overdue first (ties by word id, so the order is stable)."""
    due = sorted((c for c in cards if c.due <= now), key=lambda c: (c.due, c.word_id))
    return due if limit is None else due[:limit]
