"""Grammar rules decided by context: of two words that are easily swapped ("then"/"than", "form"/"from",
"loose"/"lose"), which one do the neighbouring words expect?

Each rule compares how well the written word and its alternative fit between the words next to them
in the word-pair table (ngrams.py), and speaks only when the alternative fits far better: by at
least MARGIN (tenths of log10 counts; 20 means a hundred times likelier) and with both its pairs
actually seen in published text. Anything less certain is left alone. Neighbours must be plain
words with only a space between; at punctuation or a sentence edge the side is left out, and a
word with only one usable side needs a larger margin.
"""

from __future__ import annotations

from collections.abc import Iterator

from .findings import Finding
from .ngrams import Bigrams, bigrams
from .rules import View, finding, match_case

MARGIN = 20  # both neighbours known
MARGIN_ONE_SIDE = 30  # only one neighbour usable

# Words easily written for one another; each group is tried both ways.
_GROUPS = (
    "then than",
    "loose lose",
    "of off",
    "quite quiet",
    "where were",
    "weather whether",
    "accept except",
    "advice advise",
    "affect effect",
    "though through thought",
    "chose choose",
    "lead led",
    "past passed",
    "principal principle",
    "sense since",
    "dead died",
    "lost loss",
    "feel fill",
    "live life",
    "now know",
    "no know",
    "new knew",
    "were we're",
    "two too",
    "thing think",
    "hear here",
    "fell feel",
    "with whit",
    "buy by",
    "much must",
)
CONFUSABLE: dict[str, tuple[str, ...]] = {}
for _group in _GROUPS:
    _words = _group.split()
    for _w in _words:
        CONFUSABLE[_w] = tuple(dict.fromkeys(CONFUSABLE.get(_w, ()) + tuple(x for x in _words if x != _w)))


def neighbours(v: View, i: int) -> tuple[str, str]:
    """The plain words right before and after token i (only spaces between), else ""."""
    before = after = ""
    if v.is_word(i - 1) and v.text[v.tokens[i - 1].end : v.tokens[i].start].isspace():
        before = v.low[i - 1]
    if v.is_word(i + 1) and v.text[v.tokens[i].end : v.tokens[i + 1].start].isspace():
        after = v.low[i + 1]
    return before, after


def fit(table: Bigrams, word: str, before: str, after: str) -> float | None:
    """log10 P(word | before) + log10 P(after | word), in tenths; None when the table lacks word."""
    own = table.word(word)
    if not own:
        return None
    total = 0.0
    if before:
        total += table.pair_estimate(before, word) - table.word(before)
    else:
        total += own - 117
    if after:
        total += table.pair_estimate(word, after) - own
    return total


def better_word(
    table: Bigrams, v: View, i: int, options: tuple[str, ...], margin: int = MARGIN
) -> str | None:
    """The option that fits token i's neighbours far better than the word written, if any."""
    before, after = neighbours(v, i)
    if before and not table.word(before):
        before = ""
    if after and not table.word(after):
        after = ""
    if not (before or after):
        return None
    need = margin if (before and after) else max(margin, MARGIN_ONE_SIDE)
    written = fit(table, v.low[i], before, after)
    if written is None:
        return None
    best, best_fit = None, written + need
    for option in options:
        score = fit(table, option, before, after)
        if score is None or score < best_fit:
            continue
        if table.evidence(option, before, after) < bool(before) + bool(after):
            continue  # the better fit must be seen on every side, not guessed
        best, best_fit = option, score
    return best


def confusables(v: View) -> Iterator[Finding]:
    table = bigrams()
    if table is None:
        return
    for i, word in enumerate(v.low):
        options = CONFUSABLE.get(word)
        if options is None or v.tokens[i].kind != "word":
            continue
        fix = better_word(table, v, i, options)
        if fix is None:
            continue
        yield finding(
            v,
            i,
            i,
            "grammar.confusable",
            f'Did you mean "{fix}"? "{v.tokens[i].text}" does not fit the words around it.',
            [match_case(v.tokens[i].text, fix)],
        )


RULES = (confusables,)
