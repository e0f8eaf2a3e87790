"""How far rules can take JFLEG's GLEU: the app's corrections, then "oracle" ones from the references.

    .venv/bin/python benchmarks/jfleg_ceiling.py --src /work/shared/data/jfleg/dev.src \
        --refs /work/shared/data/jfleg/dev.ref0 /work/shared/data/jfleg/dev.ref1 \
               /work/shared/data/jfleg/dev.ref2 /work/shared/data/jfleg/dev.ref3

An oracle edit is a change of the learner's sentence that at least two of the four references make
(token alignment by difflib). Each ceiling applies, on top of the app's own corrections, every oracle
edit of some kinds without a single mistake: what a perfect rule engine for those kinds would score.
Kinds: spelling (a word the app's word list does not know), case, punctuation, article, preposition.
If harper-py (Automattic's offline rule checker) is installed, it is scored the same way as a peer,
alone and on top of the app. Prints one JSON object; GLEU as in jfleg.py.
"""

from __future__ import annotations

import difflib
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.writing.checks import GRAMMAR, SPELLING, CheckConfig, Checker, load_speller
from benchmarks.jfleg import corpus_gleu, correct, detokenize, read_corpus, tokenize

Edit = tuple[int, int, tuple[str, ...]]  # source tokens [i, j) become these
_ARTICLES = frozenset({"a", "an", "the"})
_PREPOSITIONS = frozenset("in on at to for of with from about by into during since than".split())
_PUNCTUATION = frozenset({",", ".", "!", "?", ";", ":", '"', "'"})


def edits(src: list[str], out: list[str]) -> list[Edit]:
    ops = difflib.SequenceMatcher(a=src, b=out, autojunk=False).get_opcodes()
    return [(i1, i2, tuple(out[j1:j2])) for op, i1, i2, j1, j2 in ops if op != "equal"]


def kind(src: list[str], edit: Edit, unknown) -> str:
    i, j, new = edit
    old_low, new_low = [t.lower() for t in src[i:j]], [t.lower() for t in new]
    if old_low == new_low:
        return "case"
    both = set(old_low + new_low)
    if both <= _PUNCTUATION:
        return "punctuation"
    if both <= _ARTICLES:
        return "article"
    if both <= _PREPOSITIONS:
        return "preposition"
    if j - i == 1 and len(new) == 1 and src[i].isalpha() and unknown(src[i]):
        return "spelling"
    return "other"


def apply(src: list[str], chosen: list[Edit]) -> list[str]:
    out: list[str] = []
    at = 0
    for i, j, new in sorted(chosen):
        if i < at:
            continue
        out += src[at:i] + list(new)
        at = j
    return out + src[at:]


def on_top(src: list[str], hyp: list[str], oracle: list[Edit]) -> list[str]:
    """The oracle edits, plus the app's own edits that do not overlap them."""
    own = [e for e in edits(src, hyp) if all(e[1] <= o[0] or o[1] <= e[0] for o in oracle)]
    return apply(src, oracle + own)


def harper_fix(linter, text: str, spelling: bool) -> str:
    """Each Harper lint's first suggestion applied (overlapping ones skipped)."""
    out, shift, last = text, 0, -1
    for lint in sorted(linter.lint(text), key=lambda x: x.span.start):
        if (
            not lint.suggestions
            or lint.span.start < last
            or (not spelling and "Spelling" in str(lint.lint_kind))
        ):
            continue
        start, end = lint.span.start, lint.span.end
        fixed = linter.apply_suggestion(text, lint, lint.suggestions[0])
        new = fixed[start : len(fixed) - (len(text) - end)]
        out = out[: start + shift] + new + out[end + shift :]
        shift += len(new) - (end - start)
        last = end
    return out


def main() -> None:
    args, srcs, ref_sets, refs = read_corpus(__doc__.split("\n\n")[0])
    speller = load_speller()
    checker = Checker(CheckConfig(categories=frozenset({SPELLING, GRAMMAR})))
    hyps = [correct(s, checker)[0] for s in srcs]

    def unknown(word: str) -> bool:
        return speller.status(word) != "ok"

    oracles = []
    for src, rs in zip(srcs, refs):
        agreed = Counter(e for r in rs for e in set(edits(src, r)))
        oracles.append([(e, kind(src, e, unknown)) for e, n in agreed.items() if n >= 2])

    def score(outs: list[list[str]]) -> float:
        return round(100 * corpus_gleu(outs, srcs, refs, args.iterations), 2)

    def ceiling(kinds: set[str]) -> float:
        return score([on_top(s, h, [e for e, k in o if k in kinds]) for s, h, o in zip(srcs, hyps, oracles)])

    simple = {"case", "punctuation", "article", "preposition"}
    result = {
        "sentences": len(srcs),
        "gleu_source": score(srcs),
        "gleu_app": score(hyps),
        "oracle_edits_by_kind": dict(Counter(k for o in oracles for _, k in o).most_common()),
        "ceiling_perfect_spelling": ceiling({"spelling"}),
        **{f"ceiling_perfect_{k}": ceiling({k}) for k in sorted(simple)},
        "ceiling_perfect_case_punctuation_article_preposition": ceiling(simple),
        "ceiling_perfect_all_those_and_spelling": ceiling(simple | {"spelling"}),
        "ceiling_every_agreed_edit": ceiling(simple | {"spelling", "other"}),
    }
    try:
        from harper import Linter
    except ImportError:
        result["harper"] = "not installed (pip install harper-py to compare)"
    else:
        linter = Linter()
        alone = [tokenize(harper_fix(linter, detokenize(s)[0], spelling=True)) for s in srcs]
        after = [tokenize(harper_fix(linter, detokenize(h)[0], spelling=False)) for h in hyps]
        alarms = words = 0
        for ref_set in ref_sets:
            for tokens in ref_set:
                words += sum(1 for t in tokens if any(ch.isalpha() for ch in t))
                alarms += len(linter.lint(detokenize(tokens)[0]))
        result["harper"] = {
            "gleu_alone": score(alone),
            "false_alarms_per_1000_words": round(1000 * alarms / max(words, 1), 2),
            "gleu_app_then_harper_grammar": score(after),
        }
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
