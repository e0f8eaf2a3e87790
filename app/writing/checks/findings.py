"""The data that crosses the engine's boundary: what to check, and what was found."""

from __future__ import annotations

from dataclasses import dataclass, field

SPELLING = "spelling"
GRAMMAR = "grammar"
STYLE = "style"
CATEGORIES = frozenset((SPELLING, GRAMMAR, STYLE))

ERROR = "error"
WARNING = "warning"
HINT = "hint"


@dataclass(frozen=True)
class Finding:
    """One thing to show the writer: a span of the text, what is wrong, what could replace it.

    start/end are str offsets into the checked text; suggestions replace text[start:end], best first
    (an empty string means "delete this").
    """

    start: int
    end: int
    category: str  # SPELLING | GRAMMAR | STYLE
    rule: str  # stable id, e.g. "spelling.unknown", "grammar.a-an": the UI can key translations on it
    message: str  # plain words a 12-year-old understands
    suggestions: tuple[str, ...] = ()
    severity: str = WARNING  # ERROR | WARNING | HINT

    def apply(self, text: str, choice: int = 0) -> str:
        """text with suggestion number choice put in place of this finding's span."""
        return text[: self.start] + self.suggestions[choice] + text[self.end :]

    def shifted(self, offset: int) -> Finding:
        return Finding(
            self.start + offset,
            self.end + offset,
            self.category,
            self.rule,
            self.message,
            self.suggestions,
            self.severity,
        )


@dataclass(frozen=True)
class RubricCriteria:
    """What a teacher asks of one writing task; None or empty means "not asked"."""

    min_words: int | None = None
    max_words: int | None = None
    min_paragraphs: int | None = None
    max_paragraphs: int | None = None
    topic_words: tuple[str, ...] = ()  # words or short phrases the writing should use
    min_topic_words: int | None = None  # how many of them; None means all
    require_claim: bool = False  # states an opinion or main idea near the start
    require_conclusion: bool = False  # wraps up at the end
    min_transitions: int | None = None  # different linking words ("however", "for example" ...)


@dataclass(frozen=True)
class CheckConfig:
    """Settings for one writing task."""

    categories: frozenset[str] = CATEGORIES
    allowed_words: frozenset[str] = frozenset()  # class list: students' names, topic words ...
    rubric: RubricCriteria | None = None
    long_sentence_words: int = 30  # style hint above this many words
    max_findings: int = 1000  # per check; a huge paste stops finding things here ...
    max_checked_chars: int = 100_000  # ... or here (about 17,000 words); readability still counts all
    max_suggestions: int = 5

    def __post_init__(self) -> None:
        object.__setattr__(self, "categories", frozenset(self.categories) & CATEGORIES)
        object.__setattr__(self, "allowed_words", frozenset(self.allowed_words))


@dataclass(frozen=True)
class Readability:
    sentences: int = 0
    words: int = 0
    syllables: int = 0
    letters: int = 0
    flesch_reading_ease: float = 0.0  # 0-100, higher is easier; about 60-70 is plain English
    flesch_kincaid_grade: float = 0.0  # a US school grade
    words_per_sentence: float = 0.0
    letters_per_word: float = 0.0
    syllables_per_word: float = 0.0


@dataclass(frozen=True)
class RubricCheck:
    criterion: str  # id: "min_words", "topic_words", "claim" ...
    label: str  # the criterion in plain words, "At least 300 words"
    met: bool
    detail: str  # "You have 254 words."


@dataclass(frozen=True)
class CheckResult:
    findings: tuple[Finding, ...] = ()
    readability: Readability = field(default_factory=Readability)
    rubric: tuple[RubricCheck, ...] = ()
    truncated: bool = False  # max_findings was reached: later parts were not fully checked

    def by_category(self, category: str) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.category == category)
