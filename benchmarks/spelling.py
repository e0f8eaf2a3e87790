"""Spelling corrections: how often the top suggestion is the intended word, and how fast.

    .venv/bin/python benchmarks/spelling.py --data /work/shared/data/spelling/norvig-testset1.txt

The data is Norvig's format, one intended word per line: "right: wrong1 wrong2 ...". As in Norvig's
and pyspellchecker's figures, every misspelling counts; one that happens to be a real word ("rote" for
"wrote") is left as it is and so counts as a miss. Uses app.writing's shared speller, exactly as the
app does. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.writing.checks import Speller


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", required=True, type=Path)
    parser.add_argument("--show-misses", action="store_true", help="also list the misses")
    args = parser.parse_args()

    pairs = []
    for line in args.data.read_text(encoding="utf-8").splitlines():
        right, _, wrongs = line.partition(":")
        pairs.extend((right.strip(), wrong) for wrong in wrongs.split())

    started = time.perf_counter()
    speller = Speller.load()
    load_seconds = time.perf_counter() - started

    hits, misses, real_words = 0, [], 0
    started = time.perf_counter()
    for right, wrong in pairs:
        if speller.status(wrong) == "ok":
            guess = wrong
            real_words += 1
        else:
            ranked = speller.suggestions(wrong, limit=1)
            guess = ranked[0] if ranked else wrong
        if guess == right:
            hits += 1
        else:
            misses.append(f"{wrong} -> {guess} (want {right})")
    seconds = time.perf_counter() - started

    report = {
        "data": args.data.name,
        "misspellings": len(pairs),
        "top1_correct": hits,
        "top1_accuracy": round(hits / len(pairs), 4),
        "real_word_misspellings": real_words,
        "corrections_per_second": round(len(pairs) / seconds, 1),
        "ms_per_correction": round(1000 * seconds / len(pairs), 2),
        "speller_load_seconds": round(load_seconds, 3),
    }
    if args.show_misses:
        report["misses"] = misses
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
