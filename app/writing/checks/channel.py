"""How likely a learner is to type one word when they meant another: a weighted edit distance.

The spelling checker ranks a candidate correction w for a typed word x by a noisy-channel score,
log P(w) - LAMBDA * cost(w -> x), where cost is a Damerau-Levenshtein distance whose steps cost less
when they are common slips:

- a doubled letter written once or a single letter doubled ("begining", "proffit");
- a vowel written as another vowel ("seperate"), a vowel left out or added ("intrest", "develope");
- a key next to the right one ("teh" is a swap, "tge" a neighbour key), two letters swapped;
- letters that sound alike (c/k/s, s/z, f/v, g/j, i/y ...);
and cost more at the first letter, which people rarely get wrong.

The weights were set by hand, then the four insert/delete weights were picked from a small grid on a
development list of misspellings (Norvig's second Birkbeck list, 400 words), never on the test list
the benchmark reports (benchmarks/spelling.py). The grid's lesson: leaving a letter out is a
commoner slip than adding one.
"""

from __future__ import annotations

VOWELS = frozenset("aeiouy")

# Costs of one step, tuned together with LAMBDA in spelling.py.
SUB = 1.0
SUB_VOWEL = 0.5
SUB_NEAR_KEY = 0.7
SUB_SOUND = 0.6
INSERT = 1.0  # an extra letter typed ...
DELETE = 0.8  # ... is rarer than a letter left out
INSERT_VOWEL = 0.8
DELETE_VOWEL = 0.4
DOUBLE = 0.35  # a letter doubled or undoubled
SWAP = 0.6
FIRST_LETTER = 0.5  # added when the first letter is changed

# An apostrophe or a space left out ("dont", "alot") is a very common slip.
SPACE = 0.3
_LIGHT = {"'": 0.2, " ": SPACE}

_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_SOUND_PAIRS = ("ck", "cs", "sz", "kq", "gj", "fv", "iy", "ey", "td", "bp", "mn", "sc", "xz", "wv")


def _key_positions() -> dict[str, tuple[int, float]]:
    return {ch: (row, col + 0.5 * row) for row, keys in enumerate(_ROWS) for col, ch in enumerate(keys)}


def _substitution_table() -> dict[str, float]:
    """cost of typing b for a, keyed "ab"; pairs not listed cost SUB."""
    pos = _key_positions()
    table: dict[str, float] = {}
    letters = "abcdefghijklmnopqrstuvwxyz"
    sound = {frozenset(p) for p in _SOUND_PAIRS}
    for a in letters:
        for b in letters:
            if a == b:
                continue
            if a in VOWELS and b in VOWELS:
                cost = SUB_VOWEL
            elif frozenset((a, b)) in sound:
                cost = SUB_SOUND
            else:
                (r1, c1), (r2, c2) = pos[a], pos[b]
                cost = SUB_NEAR_KEY if abs(r1 - r2) <= 1 and abs(c1 - c2) <= 1.0 else SUB
            table[a + b] = cost
    return table


_SUB_TABLE = _substitution_table()
_SUB_ROWS: dict[str, dict[str, float]] = {}
for _pair, _cost in _SUB_TABLE.items():
    _SUB_ROWS.setdefault(_pair[0], {})[_pair[1]] = _cost
_NO_ROW: dict[str, float] = {}


def _indel_costs(word: str, base: float, vowel: float) -> list[float]:
    """Cost of adding (or leaving out) each letter of word, given its neighbours."""
    n = len(word)
    costs = []
    for i, ch in enumerate(word):
        if ch in _LIGHT:
            cost = _LIGHT[ch]
        elif (i > 0 and word[i - 1] == ch) or (i + 1 < n and word[i + 1] == ch):
            cost = DOUBLE
        else:
            cost = vowel if ch in VOWELS else base
            if i == 0:
                cost += FIRST_LETTER
        costs.append(cost)
    return costs


def typed_costs(typed: str) -> list[float]:
    """Per-letter costs of extra letters in what was typed; compute once per typed word."""
    return _indel_costs(typed, INSERT, INSERT_VOWEL)


def edit_cost(
    intended: str, typed: str, limit: float = 99.0, typed_extra: list[float] | None = None
) -> float:
    """Weighted Damerau-Levenshtein cost of turning intended into typed.

    Returns a number above limit as soon as the cost is sure to exceed it (rows are abandoned early).
    typed_extra is typed_costs(typed), passed in when many words are compared with one typed word.
    """
    n, m = len(intended), len(typed)
    if abs(n - m) * DOUBLE > limit:
        return limit + 1.0
    ins = typed_extra if typed_extra is not None else typed_costs(typed)
    dele = _indel_costs(intended, DELETE, DELETE_VOWEL)
    prev2: list[float] = []
    prev = [0.0] * (m + 1)
    for j in range(m):
        prev[j + 1] = prev[j] + ins[j]
    prev_min = 0.0
    a_prev = ""
    for i in range(n):
        a = intended[i]
        sub_a = _SUB_ROWS.get(a, _NO_ROW)
        d = dele[i]
        left = prev[0] + d
        row = [left]
        row_min = left
        b_prev = ""
        for j in range(m):
            b = typed[j]
            if a == b:
                best = prev[j]
            else:
                best = prev[j] + sub_a.get(b, SUB)
                if i == 0 and j == 0:
                    best += FIRST_LETTER
                if a == b_prev and a_prev == b:
                    cost = prev2[j - 1] + SWAP
                    if cost < best:  # noqa: PLR1730 - see below
                        best = cost
            # Plain comparisons, not min(): this loop is most of a correction search's time.
            cost = prev[j + 1] + d
            if cost < best:  # noqa: PLR1730
                best = cost
            cost = left + ins[j]
            if cost < best:  # noqa: PLR1730
                best = cost
            row.append(best)
            left = best
            if best < row_min:  # noqa: PLR1730
                row_min = best
            b_prev = b
        # Later rows build on this row, or on the one before through a swap.
        if row_min > limit and prev_min + SWAP > limit:
            return limit + 1.0
        prev2, prev, prev_min, a_prev = prev, row, row_min, a
    return prev[m]
