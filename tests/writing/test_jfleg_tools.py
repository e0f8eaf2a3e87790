"""The JFLEG benchmark's own parts: GLEU and the oracle edits of the ceiling script (the figures quoted
for issue 4 rest on them)."""

from benchmarks.jfleg import corpus_gleu, detokenize, tokenize
from benchmarks.jfleg_ceiling import apply, edits, kind, on_top

SRC = "i think a students need to study in the library .".split()
REF = "I think students need to study at the library .".split()


def _unknown(word: str) -> bool:
    return word.lower() in {"libary", "becuase"}


def test_gleu_rewards_the_reference_and_penalises_kept_errors():
    refs = [[REF, REF]]
    assert corpus_gleu([REF], [SRC], refs, 5) > 0.99
    half = "I think a students need to study at the library .".split()
    assert corpus_gleu([SRC], [SRC], refs, 5) < corpus_gleu([half], [SRC], refs, 5) < 0.99


def test_edits_are_kinded_and_apply_back_to_the_reference():
    found = edits(SRC, REF)
    assert apply(SRC, found) == REF
    kinds = sorted(kind(SRC, e, _unknown) for e in found)
    assert kinds == ["article", "case", "preposition"]
    typo = "we went becuase it rained .".split()
    (e,) = edits(typo, "we went because it rained .".split())
    assert kind(typo, e, _unknown) == "spelling"


def test_oracle_edits_win_over_overlapping_own_edits_and_keep_the_rest():
    own = "I think the students need to study in the library .".split()  # right case, wrong article
    oracle = [e for e in edits(SRC, REF) if kind(SRC, e, _unknown) == "article"]
    assert on_top(SRC, own, oracle) == "I think students need to study in the library .".split()


def test_tokens_survive_the_round_trip_through_plain_text():
    tokens = "He said \" we ca n't go , it 's late \" .".split()
    text, spans = detokenize(tokens)
    assert text == "He said \"we can't go, it's late\"."
    assert tokenize(text) == tokens
    assert [text[a:b] for a, b in spans][:2] == ["He", "said"]
