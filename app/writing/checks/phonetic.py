"""Sound-alike keys that group words a learner may confuse, used to find spelling candidates.

Two keys, both over lowercase ASCII words:
- the *skeleton*: the first letter, then the consonants, with runs of a letter merged
  ("separate" and "seperate" -> "sprt"). It finds words whose vowels or doubled letters went wrong,
  however many.
- the *sound key*: the skeleton after a Metaphone-like rewrite ("ph" -> f, soft c -> s, "tion" -> "shn",
  silent letters dropped), so "exstacy" and "ecstasy" both give "ksts".

`skeletons_of` runs the skeleton's few passes once over a newline-joined word list (as bytes, where
translate and the regular expression engine work at C speed), so keying ~90,000 words costs about a
tenth of a second instead of 90,000 Python calls; `skeleton` uses the very same passes on one word.
The sound key is only ever needed for a handful of words at a time.
"""

from __future__ import annotations

import re

_RUNS = re.compile(rb"([a-z])\1+")
_VOWELS = b"aeiouy"
_UPPER_VOWEL = bytes.maketrans(b"aeiouy", b"AEIOUY")

# One pass of rewrites (^ and $ match at each word); alternatives earlier in the list win at the same position. Lookbehinds see the
# text before rewriting. Nothing here can match "\n", so line i of the output belongs to word i.
_SOUND_RULES = (
    (rb"^(?:kn|gn|pn)", b"n"),
    (rb"^wr", b"r"),
    (rb"^ps", b"s"),
    (rb"^x", b"s"),
    (rb"^wh", b"w"),
    (rb"ph", b"f"),
    (rb"gh(?=[aeiou])", b"g"),
    (rb"gh", b""),  # "night", "though"
    (rb"ck", b"k"),
    (rb"sch", b"sk"),
    (rb"tch", b"ch"),
    (rb"dg(?=[eiy])", b"j"),
    (rb"[tsc]i(?=[ao])", b"sh"),  # nation, mission, special
    (rb"sc(?=[eiy])", b"s"),
    (rb"c(?=[eiy])", b"s"),
    (rb"c", b"k"),
    (rb"q", b"k"),
    (rb"x", b"ks"),
    (rb"z", b"s"),
    (rb"mb$", b"m"),
    (rb"(?<=[b-df-hj-np-tv-xz])h", b""),  # after a consonant, h is silent or part of a digraph
    (rb"w(?![aeiouy])", b""),
)
_SOUND = re.compile(b"|".join(b"(" + pattern + b")" for pattern, _ in _SOUND_RULES), re.MULTILINE)
_SOUND_OUT = tuple(replacement for _, replacement in _SOUND_RULES)


def _rewrite(match: re.Match[bytes]) -> bytes:
    return _SOUND_OUT[match.lastindex - 1]  # type: ignore[operator]


def _to_bytes(text: str) -> bytes:
    text = text.lower().replace("'", "").replace("-", "").replace(".", "")
    return text.encode("ascii", "replace")


def _consonants(text: bytes) -> bytes:
    """Keep each word's first letter, drop the other vowels, merge runs of a letter."""
    if text[:1] in (b"a", b"e", b"i", b"o", b"u", b"y"):
        text = text[:1].upper() + text[1:]
    for vowel in _VOWELS:
        text = text.replace(b"\n" + bytes((vowel,)), b"\n" + bytes((vowel,)).translate(_UPPER_VOWEL))
    return _RUNS.sub(rb"\1", text.translate(None, _VOWELS).lower())


def skeleton(word: str) -> str:
    """First letter plus consonants, runs of a letter merged."""
    return _consonants(_RUNS.sub(rb"\1", _to_bytes(word))).decode("ascii")


def sound_key(word: str) -> str:
    """A rough code for how the word sounds."""
    merged = _RUNS.sub(rb"\1", _to_bytes(word))
    return _consonants(_SOUND.sub(_rewrite, merged)).decode("ascii")


def skeletons_of(words: list[str]) -> list[str]:
    """Skeletons of many words at once, in the same order."""
    merged = _RUNS.sub(rb"\1", _to_bytes("\n".join(words)))
    return _consonants(merged).decode("ascii").split("\n")
