"""JFLEG: how much the writing checks improve learner sentences, and how often they cry wolf.

    .venv/bin/python benchmarks/jfleg.py --src /work/shared/data/jfleg/dev.src \
        --refs /work/shared/data/jfleg/dev.ref0 /work/shared/data/jfleg/dev.ref1 \
               /work/shared/data/jfleg/dev.ref2 /work/shared/data/jfleg/dev.ref3

Each source sentence (tokenized Penn-Treebank style in the corpus) is turned back into plain text, checked
with app.writing (spelling and grammar; style hints are not corrections), every finding's top suggestion
is applied (overlapping ones skipped), and the result is tokenized again and scored with GLEU against
the four references. GLEU follows Napoles et al.'s gleu.py for JFLEG: n-grams 1-4, n-grams that the
source has but a reference lacks are penalised, a reference is drawn at random per sentence in each of
500 iterations (seeded as their compute_gleu does) and the corpus scores are averaged.

False alarms: the fluent reference sentences are checked the same way and every spelling or grammar
finding on them counts (per 1,000 words). The references keep some of the learners' misspellings
("becuase", "enviroment") and errors ("the results are same", comma splices); findings on those are
counted all the same, and also reported apart: misspellings kept from the source, and findings whose
fix another corrector of the same sentence made (those point at an error that reference kept).

Prints one JSON object.
"""

from __future__ import annotations

import argparse
import difflib
import json
import math
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.writing.checks import GRAMMAR, SPELLING, CheckConfig, Checker, load_speller
from app.writing.checks.findings import Finding

# ---------------------------------------------------------------------------------------------- GLEU


def ngrams(tokens: list[str], n: int) -> Counter:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) + 1 - n))


def gleu_stats(hyp: list[str], src: list[str], ref: list[str], order: int = 4) -> list[int]:
    stats = [len(hyp), len(ref)]
    for n in range(1, order + 1):
        h, s, r = ngrams(hyp, n), ngrams(src, n), ngrams(ref, n)
        s_not_r = Counter({k: v for k, v in s.items() if k not in r})
        stats.append(max(sum((h & r).values()) - sum((h & s_not_r).values()), 0))
        stats.append(max(len(hyp) + 1 - n, 0))
    return stats


def gleu_from_stats(stats: list[int]) -> float:
    if any(x == 0 for x in stats):
        return 0.0
    c, r = stats[:2]
    log_prec = sum(math.log(x / y) for x, y in zip(stats[2::2], stats[3::2])) / 4
    return math.exp(min(0.0, 1 - r / c) + log_prec)


def corpus_gleu(
    hyps: list[list[str]], srcs: list[list[str]], refs: list[list[list[str]]], iterations: int = 500
) -> float:
    """Mean corpus GLEU over random reference choices, as JFLEG's compute_gleu does."""
    n_refs = len(refs[0])
    per_ref = [[gleu_stats(h, s, r[k]) for k in range(n_refs)] for h, s, r in zip(hyps, srcs, refs)]
    scores = []
    for j in range(iterations):
        random.seed(j * 101)
        pick = [random.randint(0, n_refs - 1) for _ in hyps]
        total = [0] * 10
        for i, k in enumerate(pick):
            total = [a + b for a, b in zip(total, per_ref[i][k])]
        scores.append(gleu_from_stats(total))
    return sum(scores) / len(scores)


# ----------------------------------------------------------------------------- corpus tokens <-> text

_NO_SPACE_BEFORE = {
    ",",
    ".",
    "!",
    "?",
    ";",
    ":",
    ")",
    "]",
    "}",
    "%",
    "n't",
    "'s",
    "'re",
    "'ve",
    "'ll",
    "'d",
    "'m",
    "'",
    "...",
}
_NO_SPACE_AFTER = {"(", "[", "{", "$"}
_ODD = {"&raspsquo;": "\u2019"}


def detokenize(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Plain text for corpus tokens, and each token's span in it."""
    out = ""
    spans = []
    quote_open = False
    for i, tok in enumerate(tokens):
        text = _ODD.get(tok, tok)
        glue = i > 0 and (tok.lower() in _NO_SPACE_BEFORE or tokens[i - 1] in _NO_SPACE_AFTER)
        if tok == '"':
            glue = i > 0 and quote_open
            quote_open = not quote_open
        elif i > 0 and tokens[i - 1] == '"' and quote_open:
            glue = True
        if i > 0 and not glue:
            out += " "
        spans.append((len(out), len(out) + len(text)))
        out += text
    return out, spans


_CLITIC = re.compile(r"(?i)^(.+?)(n't|'s|'re|'ve|'ll|'d|'m)$")
_EDGE_PUNCT = re.compile(r'^([(\["\u201c]*)(.*?)([)\]"\u201d.,!?;:\']*)$')


def tokenize(text: str) -> list[str]:
    """Penn-Treebank-like tokens, as the corpus writes them ("ca n't", "it 's", "word ,")."""
    out: list[str] = []
    for chunk in text.split():
        if chunk in _ODD.values():
            out.append(next(k for k, v in _ODD.items() if v == chunk))
            continue
        lead, core, trail = _EDGE_PUNCT.match(chunk).groups()
        out.extend(lead)
        if core:
            m = _CLITIC.match(core.replace("\u2019", "'"))
            if m and m.group(1):
                out.extend(m.groups())  # "can't" -> "ca", "n't" as the corpus has it
            else:
                out.append(core)
        if trail:
            out.extend(["..."] if trail == "..." else list(trail))
    return out


def correct(tokens: list[str], checker: Checker) -> tuple[list[str], int]:
    """Apply each finding's top suggestion; returns the new tokens and how many edits were made."""
    text, spans = detokenize(tokens)
    edits = []
    last_end = -1
    for f in sorted(checker.check(text).findings, key=lambda f: (f.start, f.end)):
        if not f.suggestions or f.start < last_end:
            continue
        edits.append(f)
        last_end = f.end
    if not edits:
        return list(tokens), 0
    out: list[str] = []
    i = 0
    for f in edits:
        while i < len(tokens) and spans[i][1] <= f.start:
            out.append(tokens[i])
            i += 1
        first = i
        while i < len(tokens) and spans[i][0] < f.end:
            i += 1
        if first == i:
            continue
        lo, hi = spans[first][0], spans[i - 1][1]
        window = text[lo : f.start] + f.suggestions[0] + text[f.end : hi]
        out.extend(tokenize(window))
    out.extend(tokens[i:])
    return out, len(edits)


def fixed_by_another(ref: list[str], text: str, f: Finding, others: list[list[str]]) -> bool:
    """Did another corrector of the same sentence make this very fix? The finding's top suggestion is
    applied and the changed tokens, with one neighbour each side, are looked for in the other
    references. Such a finding points at an error this reference kept, not at good writing."""
    if not f.suggestions:
        return False
    fixed = tokenize(text[: f.start] + f.suggestions[0] + text[f.end :])
    ops = [
        op for op in difflib.SequenceMatcher(a=ref, b=fixed, autojunk=False).get_opcodes() if op[0] != "equal"
    ]
    if not ops:
        return False
    lo, hi = max(0, ops[0][3] - 1), ops[-1][4] + 1
    window = fixed[lo:hi]
    return any(
        other[i : i + len(window)] == window for other in others for i in range(len(other) - len(window) + 1)
    )


def read_corpus(description: str):
    """The command line (--src, --refs, --iterations) and the corpus it names: (args, sources,
    references per file, references per sentence), each sentence a list of tokens."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--src", required=True, type=Path)
    parser.add_argument("--refs", required=True, nargs="+", type=Path)
    parser.add_argument("--iterations", type=int, default=500)
    args = parser.parse_args()
    srcs = [line.split() for line in args.src.read_text(encoding="utf-8").splitlines()]
    ref_sets = [[line.split() for line in p.read_text(encoding="utf-8").splitlines()] for p in args.refs]
    refs = [list(r) for r in zip(*ref_sets)]
    if len(refs) != len(srcs) or any(len(r) != len(srcs) for r in ref_sets):
        raise SystemExit("The source and reference files differ in their number of sentences.")
    return args, srcs, ref_sets, refs


def main() -> None:
    args, srcs, ref_sets, refs = read_corpus(__doc__.split("\n\n")[0])

    load_speller()
    roundtrip = sum(tokenize(detokenize(s)[0]) == s for s in srcs) / len(srcs)
    started = time.perf_counter()
    results = {}
    for name, categories in (("spelling_only", {SPELLING}), ("spelling_grammar", {SPELLING, GRAMMAR})):
        checker = Checker(CheckConfig(categories=frozenset(categories)))
        hyps, edits = [], 0
        for s in srcs:
            h, n = correct(s, checker)
            hyps.append(h)
            edits += n
        results[name] = (corpus_gleu(hyps, srcs, refs, args.iterations), edits)
    correct_seconds = time.perf_counter() - started

    checker = Checker(CheckConfig(categories=frozenset({SPELLING, GRAMMAR})))
    alarms: Counter = Counter()
    inherited = 0
    confirmed = 0
    words = 0
    for j, ref_set in enumerate(ref_sets):
        for k, (src, r) in enumerate(zip(srcs, ref_set)):
            text, _ = detokenize(r)
            words += sum(1 for t in r if any(ch.isalpha() for ch in t))
            others = [ref_sets[x][k] for x in range(len(ref_sets)) if x != j]
            for f in checker.check(text).findings:
                alarms[f.rule] += 1
                confirmed += fixed_by_another(r, text, f, others)
                # A misspelling the reference kept from the learner's sentence is not a false alarm
                # in fact; counted in the total all the same, and shown apart.
                inherited += f.rule.startswith("spelling") and text[f.start : f.end] in src
    total_alarms = sum(alarms.values())
    print(
        json.dumps(
            {
                "sentences": len(srcs),
                "gleu_source": round(100 * corpus_gleu(srcs, srcs, refs, args.iterations), 2),
                "gleu_spelling_only": round(100 * results["spelling_only"][0], 2),
                "gleu_corrected": round(100 * results["spelling_grammar"][0], 2),
                "edits_applied": results["spelling_grammar"][1],
                "false_alarms_per_1000_words": round(1000 * total_alarms / max(words, 1), 2),
                "false_alarms": total_alarms,
                "reference_words": words,
                "false_alarms_by_rule": dict(alarms.most_common()),
                "of_which_misspellings_kept_from_the_source": inherited,
                "false_alarms_per_1000_words_without_those": round(
                    1000 * (total_alarms - inherited) / max(words, 1), 2
                ),
                "of_which_another_corrector_made_the_same_fix": confirmed,
                "false_alarms_per_1000_words_no_corrector_agreed_with": round(
                    1000 * (total_alarms - confirmed) / max(words, 1), 2
                ),
                "detokenize_roundtrip": round(roundtrip, 4),
                "correct_seconds": round(correct_seconds, 1),
            },
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
