"""On-device writing checks: spelling, grammar, style, readability and the task's rubric.

Pure Python, no Qt: the UI calls it from a worker thread (debounced while the student types).

    from app.writing import Checker, CheckConfig, RubricCriteria, load_speller

    load_speller()                                # once, early, in the background (~0.5 s)
    checker = Checker(CheckConfig(allowed_words={"Aisha", "photosynthesis"},
                                  rubric=RubricCriteria(min_words=300, require_claim=True)))
    result = checker.check(text)                  # again after each edit: only changed sentences
    for f in result.findings:                     # re-checked
        f.start, f.end, f.category, f.rule, f.message, f.suggestions, f.severity
    result.readability.flesch_reading_ease, result.rubric

`check(text, config)` checks once without keeping anything. Finding offsets are str indices into the
text passed in; a suggestion replaces text[start:end] (`finding.apply(text, choice)` does it). Messages
are plain English; `finding.rule` is a stable id to key translations on. A broken installation (word
list missing) raises `WordListError`, a TesseraError with a message for the user.

Modules: checker (the pipeline and its cache), text (paragraphs, sentences, tokens), spelling, lexicon,
phonetic and channel (corrections and their ranking), spelling_check (a sentence's words checked, the
corrections ordered by their neighbours), ngrams (word-pair counts for context, loaded on first
use), grammar with mechanics, agreement, number, confusables, clauses, context (easily swapped words
chosen by their neighbours) and usage (learner patterns) (the rules), style, readability, rubric,
findings (the data types), wordclasses (word lists the rules share). Data: resources/writing/ (see its
README and NOTICE).

The service over the database is `service.WritingService` (``services.writing``): writing
tasks and the class word list (tasks), a student's draft and its versions (drafts), the teacher's review,
comments and handing back (review), with plain data in views, stored settings <-> CheckConfig in
criteria, version differences in diff and comment anchors in anchors. Import them from their modules.
"""

from .checker import Checker, check, load_speller
from .findings import (
    CATEGORIES,
    ERROR,
    GRAMMAR,
    HINT,
    SPELLING,
    STYLE,
    WARNING,
    CheckConfig,
    CheckResult,
    Finding,
    Readability,
    RubricCheck,
    RubricCriteria,
)
from .lexicon import WordListError
from .readability import syllables
from .spelling import Speller

__all__ = [
    "CATEGORIES",
    "ERROR",
    "GRAMMAR",
    "HINT",
    "SPELLING",
    "STYLE",
    "WARNING",
    "CheckConfig",
    "CheckResult",
    "Checker",
    "Finding",
    "Readability",
    "RubricCheck",
    "RubricCriteria",
    "Speller",
    "WordListError",
    "check",
    "load_speller",
    "syllables",
]
