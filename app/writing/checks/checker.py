"""The pipeline: text -> paragraphs -> sentences -> spelling, grammar and style findings, readability
figures and the rubric checklist.

`Checker` keeps the results of each sentence it has checked (keyed by the sentence's text and place),
so checking again after an edit re-checks only the sentences that changed. It is meant to be called
from a worker thread, debounced while the student types; one Checker serves one editor.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import chain

from .findings import (
    ERROR,
    GRAMMAR,
    SPELLING,
    STYLE,
    CheckConfig,
    CheckResult,
    Finding,
    RubricCheck,
)
from .grammar import check_grammar
from .lexicon import APOSTROPHES
from .ngrams import bigrams
from .readability import readability, syllables
from .rubric import Draft, check_rubric
from .rules import View
from .spelling import Speller
from .spelling_check import Budget, check_spelling
from .style import check_style
from .text import WORD, Sentence, paragraphs, sentences, tokenize

SEARCHES_PER_CHECK = 150  # fresh correction searches per check ...
SEARCH_SECONDS = 0.5  # ... and time for them: a huge paste of junk stops here

_speller: Speller | None = None
_speller_lock = threading.Lock()


def load_speller() -> Speller:
    """The shared speller, loaded once (about half a second): call it early from a background thread.

    It loads the word-pair table too (ngrams.py), so the first check does not wait for it."""
    global _speller
    with _speller_lock:
        if _speller is None:
            _speller = Speller.load()
            bigrams()
        return _speller


@dataclass(frozen=True)
class _SentenceResult:
    findings: tuple[Finding, ...]  # offsets relative to the sentence
    words: tuple[str, ...]  # lowercase words, for the rubric
    syllables: int
    letters: int


class Checker:
    """Checks drafts for one writing task, re-using the work done for unchanged sentences."""

    def __init__(
        self, config: CheckConfig | None = None, speller: Speller | None = None, cache_size: int = 5000
    ) -> None:
        self._speller = speller
        self._cache: OrderedDict[tuple[str, bool, bool, bool], _SentenceResult] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.RLock()
        self.config = config or CheckConfig()

    @property
    def config(self) -> CheckConfig:
        return self._config

    @config.setter
    def config(self, config: CheckConfig) -> None:
        with self._lock:
            self._config = config
            self._allowed = _allowed_words(config)
            self._cache.clear()

    @property
    def speller(self) -> Speller:
        if self._speller is None:
            self._speller = load_speller()
        return self._speller

    def check(self, text: str) -> CheckResult:
        with self._lock:
            return self._check(text if isinstance(text, str) else "" if text is None else str(text))

    def _check(self, text: str) -> CheckResult:
        config = self._config
        self.speller  # noqa: B018 - load the word list first: its load time is not search time
        budget = Budget(SEARCHES_PER_CHECK, SEARCH_SECONDS)
        found: list[Finding] = []
        tally = _Tally()
        paragraph_texts: list[str] = []
        truncated = False
        for paragraph in paragraphs(text):
            if len(found) >= config.max_findings or paragraph.start > config.max_checked_chars:
                # Past the limits (a huge paste): count the rest for readability, find nothing.
                truncated = True
                rest = text[paragraph.start :]
                paragraph_texts.extend(p for p in _PARAGRAPHS.findall(rest) if not p.isspace())
                tally.add_bulk(rest)
                break
            paragraph_texts.append(paragraph.text)
            parts = sentences(paragraph)
            first, second = next(parts, None), next(parts, None)
            alone = second is None
            for sentence in chain((first, second), parts):
                if sentence is None:
                    continue
                if len(found) >= config.max_findings or sentence.end > config.max_checked_chars:
                    truncated = True
                    tally.add_bulk(text[sentence.start : paragraph.end])
                    break
                key = (sentence.text, sentence.continued, sentence.truncated, alone)
                result = self._cache.get(key)
                if result is not None:
                    self._cache.move_to_end(key)
                else:
                    result = self._check_sentence(sentence, alone, budget)
                    if not budget.exhausted:
                        self._remember(key, result)
                found.extend(f.shifted(sentence.start) for f in result.findings)
                tally.add(sentence, result)
        if len(found) > config.max_findings:
            found, truncated = found[: config.max_findings], True
        rubric: tuple[RubricCheck, ...] = ()
        if config.rubric is not None:
            draft = Draft(tuple(tally.words), tuple(paragraph_texts), tuple(tally.sentences))
            rubric = check_rubric(config.rubric, draft)
        figures = readability(tally.sentence_count, len(tally.words), tally.syllables, tally.letters)
        return CheckResult(tuple(found), figures, rubric, truncated)

    def _remember(self, key: tuple[str, bool, bool, bool], result: _SentenceResult) -> None:
        self._cache[key] = result
        if len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)

    def _check_sentence(self, sentence: Sentence, alone: bool, budget: Budget) -> _SentenceResult:
        if not _LETTER.search(sentence.text):
            return _NOTHING  # numbers, symbols, emoji, control characters: nothing to check or count
        tokens = tokenize(sentence.text)
        lower = tuple(t.text.lower().translate(APOSTROPHES) for t in tokens if t.kind == WORD)
        stats = (sum(syllables(w) for w in lower), sum(len(w) for w in lower))
        if not lower:
            return _SentenceResult((), lower, *stats)  # symbols, numbers, emoji only: nothing to say
        config = self._config
        view = View(
            sentence.text, tokens, sentence.continued, sentence.truncated, alone, self.speller.lexicon
        )
        found: list[Finding] = []
        if SPELLING in config.categories:
            found.extend(check_spelling(view, self.speller, self._allowed, config.max_suggestions, budget))
        if GRAMMAR in config.categories:
            found.extend(check_grammar(view))
        if STYLE in config.categories:
            found.extend(check_style(view, config.long_sentence_words))
        return _SentenceResult(_resolve(found), lower, *stats)


_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
_LETTER = re.compile(r"[^\W\d_]")
_PARAGRAPHS = re.compile(r"[^\n\r\u2028\u2029\x0b\x0c\x1c-\x1e\x85]+")
_VOWEL_RUNS = re.compile(r"[aeiouy]+")
_SILENT_E = re.compile(r"[^\Waeiouyl]e\b")
_ENDS = re.compile(r"[.!?\u2026]+(?=\s|$)")


_NOTHING = _SentenceResult((), (), 0, 0)


@dataclass
class _Tally:
    """Running counts for readability and the rubric."""

    words: list[str] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)
    sentence_count: int = 0
    syllables: int = 0
    letters: int = 0

    def add(self, sentence: Sentence, result: _SentenceResult) -> None:
        self.words.extend(result.words)
        if not sentence.continued:
            self.sentences.append(sentence.text)
            self.sentence_count += bool(result.words)
        self.syllables += result.syllables
        self.letters += result.letters

    def add_bulk(self, text: str) -> None:
        """Rough counts at C speed for text past the checking limits (a huge paste).

        In slices: each C call holds the GIL, and the UI thread waits for it, so no call may be long."""
        words: list[str] = []
        ends = vowel_runs = silent = 0
        for part in _slices(text):
            lower = part.lower().translate(APOSTROPHES)
            words.extend(_WORD.findall(lower))
            ends += len(_ENDS.findall(part))
            vowel_runs += len(_VOWEL_RUNS.findall(lower))
            silent += len(_SILENT_E.findall(lower))
        if not words:
            return
        self.words.extend(words)
        self.sentences.append(text)
        self.sentence_count += max(1, ends)
        self.syllables += max(len(words), vowel_runs - silent)
        self.letters += sum(map(len, words))


_SLICE = 16_384


def _slices(text: str) -> Iterator[str]:
    """text in pieces of about _SLICE characters, each ending just after a space where there is one
    (no word, vowel run or sentence end is cut, so the counts match counting the whole)."""
    start = 0
    while len(text) - start > _SLICE:
        cut = max(text.rfind(" ", start, start + _SLICE), text.rfind("\n", start, start + _SLICE))
        end = cut + 1 if cut > start else start + _SLICE
        yield text[start:end]
        start = end
    yield text[start:]


def check(text: str, config: CheckConfig | None = None) -> CheckResult:
    """Check one text once (no caching between calls); see Checker for repeated checks."""
    return Checker(config).check(text)


_PRIORITY = {SPELLING: 0, GRAMMAR: 1, STYLE: 2}


def _resolve(found: list[Finding]) -> tuple[Finding, ...]:
    """Drop findings that collide with a more important one, sorted by position.

    Spelling beats grammar, errors beat warnings; style hints only give way to a finding on the very
    same words. A sentence-start capital on a misspelled word is folded into the spelling suggestions,
    and one on an opening phrase that wants a comma into the comma's suggestion.
    """
    ordered = sorted(found, key=lambda f: (_PRIORITY[f.category], f.severity != ERROR, f.start))
    kept: list[Finding] = []
    for f in ordered:
        clash = next(
            (
                k
                for k in kept
                if k.start < f.end
                and f.start < k.end
                and (f.category != STYLE or (k.start, k.end) == (f.start, f.end))
            ),
            None,
        )
        if clash is None:
            kept.append(f)
        elif f.rule == "grammar.sentence-capital" and clash.category == SPELLING:
            capitalised = tuple(s[:1].upper() + s[1:] for s in clash.suggestions)
            message = clash.message
            if capitalised:
                message = message.replace(f'"{clash.suggestions[0]}"?', f'"{capitalised[0]}"?')
            kept[kept.index(clash)] = Finding(
                clash.start, clash.end, clash.category, clash.rule, message, capitalised, clash.severity
            )
        elif (
            f.rule == "grammar.intro-comma"
            and clash.rule == "grammar.sentence-capital"
            and clash.start == f.start
        ):
            # "therefore we ..." -> "Therefore, we ...": one finding with both fixes.
            capitalised = tuple(s[:1].upper() + s[1:] for s in f.suggestions)
            kept[kept.index(clash)] = Finding(
                f.start,
                f.end,
                f.category,
                f.rule,
                f"{clash.message} {f.message}",
                capitalised,
                clash.severity,
            )
    kept.sort(key=lambda f: (f.start, f.end))
    return tuple(kept)


_SPLIT = re.compile(r"[\s\-]+")


def _allowed_words(config: CheckConfig) -> frozenset[str]:
    """Lowercase single words from the class list and the rubric's topic words."""
    entries = list(config.allowed_words)
    if config.rubric is not None:
        entries.extend(config.rubric.topic_words)
    out: set[str] = set()
    for entry in entries:
        for part in _SPLIT.split(str(entry).lower().translate(APOSTROPHES)):
            part = part.strip(".,;:!?\"'()")
            if part:
                out.add(part)
    return frozenset(out)
