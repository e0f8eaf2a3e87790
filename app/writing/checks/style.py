"""Style hints (never errors): wordy phrases, weak or vague words, very long sentences, passive voice."""

from __future__ import annotations

from collections.abc import Iterator

from .findings import HINT, STYLE, Finding
from .rules import View, finding, match_case
from .text import WORD
from .wordclasses import ADVERBS_BETWEEN, word_set

# phrase -> shorter way to say it ("" means the phrase can simply go)
WORDY = {
    "in order to": "to",
    "due to the fact that": "because",
    "owing to the fact that": "because",
    "in spite of the fact that": "although",
    "despite the fact that": "although",
    "at this point in time": "now",
    "at the present time": "now",
    "at this moment in time": "now",
    "for the purpose of": "for",
    "in the event that": "if",
    "a large number of": "many",
    "a great number of": "many",
    "the majority of": "most",
    "is able to": "can",
    "are able to": "can",
    "has the ability to": "can",
    "have the ability to": "can",
    "each and every": "each",
    "first and foremost": "first",
    "in the near future": "soon",
    "prior to": "before",
    "with regard to": "about",
    "with regards to": "about",
    "in regards to": "about",
    "in regard to": "about",
    "the reason why is because": "because",
    "the reason is because": "because",
    "in my opinion i think": "I think",
    "i personally think": "I think",
    "until such time as": "until",
    "in close proximity to": "near",
    "on a daily basis": "daily",
    "on a regular basis": "regularly",
    "at all times": "always",
    "end result": "result",
    "past history": "history",
    "free gift": "gift",
    "true fact": "fact",
    "added bonus": "bonus",
    "whether or not": "whether",
    "it is important to note that": "",
    "needless to say": "",
    "all of a sudden": "suddenly",
    "in the process of": "",
    "can not": "cannot",
}
_WORDY_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _phrase, _short in WORDY.items():
    _words = tuple(_phrase.split())
    _WORDY_BY_FIRST.setdefault(_words[0], []).append((_words, _short))
for _options in _WORDY_BY_FIRST.values():
    _options.sort(key=lambda item: -len(item[0]))

# "very" + word -> one stronger word
STRONGER = {
    "big": "huge",
    "small": "tiny",
    "good": "excellent",
    "bad": "terrible",
    "happy": "delighted",
    "sad": "miserable",
    "tired": "exhausted",
    "hungry": "starving",
    "cold": "freezing",
    "hot": "scorching",
    "scared": "terrified",
    "angry": "furious",
    "important": "essential",
    "fast": "rapid",
    "old": "ancient",
    "beautiful": "gorgeous",
    "funny": "hilarious",
    "smart": "brilliant",
    "quiet": "silent",
    "easy": "simple",
    "difficult": "challenging",
    "hard": "difficult",
    "loud": "deafening",
    "pretty": "beautiful",
    "ugly": "hideous",
    "surprised": "astonished",
    "clean": "spotless",
    "dirty": "filthy",
    "interesting": "fascinating",
    "boring": "dull",
    "large": "enormous",
    "strong": "powerful",
    "weak": "feeble",
    "wet": "soaked",
    "rich": "wealthy",
    "clear": "obvious",
    "sure": "certain",
    "excited": "thrilled",
    "worried": "anxious",
    "careful": "cautious",
    "nice": "lovely",
    "bright": "dazzling",
    "dark": "pitch-black",
    "slow": "sluggish",
    "sleepy": "drowsy",
    "shy": "timid",
    "busy": "swamped",
}
_INTENSIFIERS = word_set("very really so extremely")
_VAGUE = {
    "thing": '"Thing" is vague. Can you name what you mean?',
    "things": '"Things" is vague. Can you name what you mean?',
    "stuff": '"Stuff" is vague. Can you name what you mean?',
    "nice": '"Nice" says little. Try a word that shows exactly what you mean.',
    "basically": '"Basically" can usually go.',
    "literally": '"Literally" can usually go.',
    "totally": '"Totally" can usually go.',
}
_BE = word_set("am is are was were be been being isn't aren't wasn't weren't")
_IRREGULAR_PARTICIPLES = word_set(
    "written taken given eaten seen done made built sold told found known shown broken chosen stolen "
    "driven spoken forgotten hidden held kept left paid sent caught taught bought brought thought won "
    "beaten drawn grown thrown worn torn sung begun drunk swum ridden bitten frozen woken hit cut put "
    "hurt set read"
)
# -ed words that after "is/was" describe a state or feeling, not an action done to someone.
_ADJECTIVAL = word_set(
    "tired excited interested bored scared worried surprised pleased married supposed used located based "
    "born finished gone closed amazed annoyed confused disappointed embarrassed exhausted frightened "
    "satisfied shocked stressed terrified thrilled determined involved related prepared concerned relaxed "
    "crowded talented dedicated qualified organized organised complicated detailed experienced limited "
    "advanced named called allowed done lost left made need indeed hundred red bed shed fed led wed "
    "bored tired pleased worried excited ashamed delighted amused alarmed puzzled"
)


def wordy(v: View) -> Iterator[Finding]:
    low = v.low
    i = 0
    while i < len(low):
        for words, short in _WORDY_BY_FIRST.get(low[i], ()):
            last = i + len(words) - 1
            if (
                last < len(low)
                and tuple(low[i : last + 1]) == words
                and all(v.is_word(k) for k in range(i, last + 1))
            ):
                if words == ("can", "not") and v.word_at(last + 1) == "only":
                    break  # "can not only ... but also"
                original = v.text[v.tokens[i].start : v.tokens[last].end]
                message = (
                    f'"{original}" can be said in fewer words: "{short}".'
                    if short
                    else f'"{original}" can usually be left out.'
                )
                yield finding(v, i, last, "style.wordy", message, [match_case(original, short)], HINT, STYLE)
                i = last
                break
        i += 1


def weak_words(v: View) -> Iterator[Finding]:
    for i, word in enumerate(v.low):
        if v.tokens[i].kind != WORD:
            continue
        if word in _INTENSIFIERS and v.adjacent_words(i) and v.low[i + 1] in STRONGER:
            stronger = STRONGER[v.low[i + 1]]
            yield finding(
                v,
                i,
                i + 1,
                "style.weak-word",
                f'Try one strong word instead of "{word} {v.low[i + 1]}", like "{stronger}".',
                [match_case(v.tokens[i].text, stronger)],
                HINT,
                STYLE,
            )
        elif word in _VAGUE and not (word == "nice" and i > 0 and v.low[i - 1] in _INTENSIFIERS):
            yield finding(v, i, i, "style.vague-word", _VAGUE[word], [], HINT, STYLE)
        elif word == "lot" and i > 0 and v.low[i - 1] == "a" and v.adjacent_words(i - 1):
            yield finding(
                v,
                i - 1,
                i,
                "style.vague-word",
                '"A lot" is vague. Could you give a number or a stronger word like "many"?',
                [],
                HINT,
                STYLE,
            )


def long_sentence(v: View, limit: int) -> Iterator[Finding]:
    if v.continued:
        return
    count = sum(1 for t in v.tokens if t.kind == WORD)
    if count > limit:
        yield Finding(
            v.tokens[0].start,
            v.tokens[-1].end,
            STYLE,
            "style.long-sentence",
            f"This sentence has {count} words. Long sentences are hard to follow: could you split it in two?",
            (),
            HINT,
        )


def passive(v: View) -> Iterator[Finding]:
    for i, word in enumerate(v.low):
        if word not in _BE or not v.is_word(i + 1):
            continue
        j = i + 1
        if v.word_at(j) in ADVERBS_BETWEEN and v.is_word(j + 1):
            j += 1
        verb = v.low[j]
        participle = verb in _IRREGULAR_PARTICIPLES or (verb.endswith("ed") and len(verb) > 4)
        if not participle or verb in _ADJECTIVAL:
            continue
        if verb in ("made", "found", "left", "kept") and v.word_at(j + 1) not in (
            "by",
            "in",
            "of",
            "from",
            "",
        ):
            continue
        phrase = v.text[v.tokens[i].start : v.tokens[j].end]
        yield finding(
            v,
            i,
            j,
            "style.passive",
            f'"{phrase}" is passive. Saying who did it can make the sentence clearer '
            "(but passive is fine when who did it does not matter).",
            [],
            HINT,
            STYLE,
        )
        return  # one hint per sentence is enough


def check_style(view: View, long_sentence_words: int) -> list[Finding]:
    found = list(wordy(view))
    found.extend(weak_words(view))
    found.extend(passive(view))
    found.extend(long_sentence(view, long_sentence_words))
    return found
