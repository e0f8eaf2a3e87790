"""Grammar rules for words that sound alike or are easily swapped: their/there/they're, its/it's,
your/you're, then/than, to/too, "could of", "cant"/"wont", "more better", "in Monday".

Each rule fires only on a neighbouring word that settles which one was meant ("their is" can only be
"there is"); anything less certain is left alone.
"""

from __future__ import annotations

from collections.abc import Iterator

from .findings import Finding
from .rules import View, finding, match_case
from .wordclasses import COMPARATIVES, SUBJECT_PRONOUNS, SUPERLATIVE_ADJECTIVES, word_set

# Nouns that, right after there/they're, show a possessive was meant ("there house" -> "their house").
_OWNED = word_set(
    "own parents friends family families children kids house houses home homes mom mum dad mother "
    "father brother brothers sister sisters teacher teachers life lives names name money jobs job car "
    "cars dog dogs cat cats homework bodies hands heads eyes opinion opinions country school schools "
    "work problems ideas feelings favorite favourite best books bags clothes toys lunch room rooms phone "
    "phones bikes bike teams team"
)
_ITS_BEFORE = word_set(
    "a an the not been going gonna very so too really just also always never my your our their his all "
    "true okay ok important hard easy raining because like about still almost"
)
_YOUR_BEFORE = word_set("not a an the welcome gonna being so")
_ING_AFTER_THERE = word_set("going coming doing trying playing making having being getting")
_BE_BEFORE_THERE = word_set("is are was were be been isn't aren't wasn't weren't will 's")
_THEN_BEFORE_THAN = word_set("and since until till by back just now")
_POSSESSIVE_AFTER = word_set("of in on with from by into onto for at to about")


def their_there(v: View) -> Iterator[Finding]:
    n = len(v.tokens)
    for i, word in enumerate(v.low):
        if word not in ("their", "there", "they're") or v.tokens[i].kind != "word":
            continue
        nxt = v.word_at(i + 1) if v.adjacent_words(i) else ""
        fix = None
        if word == "their" and (nxt in ("is", "are", "was", "were") or i == n - 1 or _ends_clause(v, i)):
            fix, why = "there", '"There" tells where something is, or starts "there is / there are".'
        elif (
            word in ("there", "they're")
            and nxt in _OWNED
            and not (word == "there" and i > 0 and v.low[i - 1] in ("over", "in", "up"))
        ):
            fix, why = "their", '"Their" means "belonging to them".'
        elif word == "there" and nxt in _ING_AFTER_THERE and not _is_be_there(v, i):
            fix, why = "they're", '"They\'re" is short for "they are".'
        if fix:
            yield finding(
                v,
                i,
                i,
                "grammar.their-there",
                f'Did you mean "{fix}"? {why}',
                [match_case(v.tokens[i].text, fix)],
            )


def _ends_clause(v: View, i: int) -> bool:
    nxt = v.tokens[i + 1] if i + 1 < len(v.tokens) else None
    return nxt is not None and nxt.kind == "punct" and nxt.text in ".!?,;"


def _is_be_there(v: View, i: int) -> bool:
    return i > 0 and v.low[i - 1] in _BE_BEFORE_THERE


def its_it_is(v: View) -> Iterator[Finding]:
    for i, word in enumerate(v.low):
        if word == "its" and v.adjacent_words(i) and v.low[i + 1] in _ITS_BEFORE:
            yield finding(
                v,
                i,
                i,
                "grammar.its",
                'Use "it\'s" when you mean "it is" or "it has".',
                [match_case(v.tokens[i].text, "it's")],
            )
        elif word == "it's" and v.tokens[i].kind == "word":
            own = v.adjacent_words(i) and v.low[i + 1] == "own"
            after_preposition = (
                i > 0
                and v.low[i - 1] in _POSSESSIVE_AFTER
                and v.adjacent_words(i)
                and v.low[i + 1] not in _ITS_BEFORE
                and not v.low[i + 1].endswith(("ing", "ed"))
            )
            if own or after_preposition:
                yield finding(
                    v,
                    i,
                    i,
                    "grammar.its",
                    '"It\'s" means "it is". For "belonging to it", write "its".',
                    [match_case(v.tokens[i].text, "its")],
                )


def your_you_are(v: View) -> Iterator[Finding]:
    for i, word in enumerate(v.low):
        if word != "your" or not v.adjacent_words(i):
            continue
        nxt = v.low[i + 1]
        if nxt in _YOUR_BEFORE or (nxt == "going" and v.word_at(i + 2) == "to"):
            yield finding(
                v,
                i,
                i,
                "grammar.your",
                'Use "you\'re" when you mean "you are".',
                [match_case(v.tokens[i].text, "you're")],
            )


def then_than(v: View) -> Iterator[Finding]:
    for i, word in enumerate(v.low):
        if v.tokens[i].kind != "word":
            continue
        if word == "then" and i > 0 and v.is_word(i - 1) and v.low[i - 1] in COMPARATIVES:
            if v.low[i - 1] == "other" and i > 1 and v.low[i - 2] in ("each", "the", "every"):
                continue  # "each other, then ..."
            yield finding(
                v,
                i,
                i,
                "grammar.then-than",
                'To compare things, use "than": "bigger than".',
                [match_case(v.tokens[i].text, "than")],
            )
        elif word == "than" and (
            i == v.first_word() or (i > 0 and v.low[i - 1] in _THEN_BEFORE_THAN and v.is_word(i - 1))
        ):
            if i > 0 and v.low[i - 1] in ("and", "just", "now") and i > 1 and v.low[i - 2] in COMPARATIVES:
                continue  # "more and more than", "better now than"
            yield finding(
                v,
                i,
                i,
                "grammar.then-than",
                'For "next" or "at that time", use "then".',
                [match_case(v.tokens[i].text, "then")],
            )


def could_of(v: View) -> Iterator[Finding]:
    for i, word in enumerate(v.low):
        if (
            word in ("could", "would", "should", "might", "must")
            and v.adjacent_words(i)
            and v.low[i + 1] == "of"
        ):
            yield finding(
                v,
                i + 1,
                i + 1,
                "grammar.could-of",
                f'Write "{v.tokens[i].text} have" (it only sounds like "{v.tokens[i].text} of").',
                [match_case(v.tokens[i + 1].text, "have")],
            )


def cant_wont(v: View) -> Iterator[Finding]:
    """'I cant go': real words ("cant", "wont") that here must be can't / won't."""
    for i, word in enumerate(v.low):
        if word not in ("cant", "wont") or i == 0 or v.low[i - 1] not in SUBJECT_PRONOUNS:
            continue
        fix = {"cant": "can't", "wont": "won't"}[word]
        yield finding(
            v,
            i,
            i,
            "grammar.apostrophe",
            f'Write "{fix}" with an apostrophe.',
            [match_case(v.tokens[i].text, fix)],
        )


def double_comparative(v: View) -> Iterator[Finding]:
    for i, word in enumerate(v.low):
        if word not in ("more", "most") or not v.adjacent_words(i):
            continue
        nxt = v.low[i + 1]
        if (
            word == "more"
            and nxt in COMPARATIVES
            and nxt not in ("more", "less", "fewer", "other", "rather")
            or word == "most"
            and nxt in SUPERLATIVE_ADJECTIVES
        ):
            yield finding(
                v,
                i,
                i + 1,
                "grammar.double-comparative",
                f'"{v.tokens[i + 1].text}" already compares, so leave out "{v.tokens[i].text}".',
                [match_case(v.tokens[i].text, v.tokens[i + 1].text)],
            )


_TOO_BEFORE = word_set(
    "hot cold big small much many late early hard difficult expensive fast slow long short young old tired "
    "busy far loud quiet heavy easy good bad dangerous boring"
)
# Adjectives that are neither verbs nor nouns: after "to" and before the end of a phrase they can only
# be "too" ("the bell rings to early."), whatever the verb before. ("fast", "cold", "long", "close"
# are left out: "to fast" and "exposed to cold" are good English.)
# ("full", "little", "dark", "easy" and "hard" are left out too: "set to full", "came to little".)
_TOO_ADJECTIVES = word_set(
    "early late crowded hot big small expensive difficult tired busy far loud heavy bad "
    "dangerous boring scared afraid lazy shy happy sad hungry noisy strict nervous "
    "stressful risky cheap bright short tall large young old simple complicated lonely "
    "serious quick weak strong"
)
# Verbs that go "to" a setting or state: "set it to bright", "turn the screen to dark".
_TO_SETTING = word_set(
    "set sets setting change changes changed changing switch switches switched switching turn turns "
    "turned turning charge charges charged charging come comes came coming"
)
_PHRASE_END = word_set(
    "when because if for to at in on during since as while before after until unless but so though although"
)
_PRONOUNS = word_set("me you him her us them it i we they")
# Verbs that take someone and then "to" with its verb left out: "do as they told them to."
_ASK_TO = word_set(
    "tell tells told ask asks asked want wants wanted allow allows allowed expect expects expected "
    "force forced need needs needed order ordered encourage encouraged invite invited persuade "
    "persuaded remind reminded teach teaches taught urge urged like liked get got"
)


def to_too(v: View) -> Iterator[Finding]:
    """ "Me to." and "it is to hot." -> "too"."""
    n = len(v.tokens)
    for i, word in enumerate(v.low):
        if word != "to" or v.tokens[i].kind != "word":
            continue
        after = v.tokens[i + 1] if i + 1 < n else None
        at_end = after is None or (after.kind == "punct" and after.text in ".!?,;")
        question = v.tokens[-1].text == "?"  # "Who did you give it to?"
        if (
            at_end
            and not question
            and i > 0
            and v.low[i - 1] in _PRONOUNS
            and v.is_word(i - 1)
            and v.word_at(i - 2) not in _ASK_TO  # "as their parents told them to."
        ):
            why = '"Too" means "also" here.'
        elif (
            v.adjacent_words(i)
            and v.low[i + 1] in _TOO_BEFORE
            and i > 0
            and v.low[i - 1] in ("is", "was", "are", "were", "be", "it's", "am", "get", "got", "feel", "felt")
            and (i + 2 >= n or v.tokens[i + 2].kind == "punct" or v.low[i + 2] in ("to", "for"))
        ):
            why = '"Too" means "more than is good", as in "too hot".'
        elif _adjective_ending_phrase(v, i):
            why = '"Too" means "more than is good", as in "too early".'
        else:
            continue
        yield finding(
            v, i, i, "grammar.to-too", f'Did you mean "too"? {why}', [match_case(v.tokens[i].text, "too")]
        )


def _adjective_ending_phrase(v: View, i: int) -> bool:
    """ "rings to early." / "is to crowded when": "to" + an adjective that ends its phrase, where "to"
    cannot be the start of an infinitive or a place ("from young to old" is left alone)."""
    n = len(v.tokens)
    if not v.adjacent_words(i) or v.low[i + 1] not in _TOO_ADJECTIVES or i == 0 or not v.is_word(i - 1):
        return False
    if "from" in v.low[max(0, i - 6) : i] or v.low[i - 1] in _TOO_ADJECTIVES:
        return False  # a range: "from young to old", "cheap to expensive"
    if any(w in _TO_SETTING for w in v.low[max(0, i - 4) : i]):
        return False
    after = i + 2
    if after < n and v.tokens[after].kind == "punct":
        return v.tokens[after].text in ".!?,;:"
    return after >= n or v.low[after] in _PHRASE_END


_DAYS = word_set("monday tuesday wednesday thursday friday saturday sunday weekdays")
_MONTHS = word_set("january february march april may june july august september october november december")


def day_preposition(v: View) -> Iterator[Finding]:
    """ "in Monday" -> "on Monday"; "on July" -> "in July"."""
    for i, word in enumerate(v.low[:-1]):
        if not v.adjacent_words(i):
            continue
        nxt, nxt_text = v.low[i + 1], v.tokens[i + 1].text
        if word in ("in", "at") and nxt in _DAYS:
            fix = "on"
        elif word == "on" and nxt in _MONTHS and nxt_text[:1].isupper() and not v.word_at(i + 2).isdigit():
            if nxt == "may" or (i + 2 < len(v.tokens) and v.tokens[i + 2].kind == "number"):
                continue  # "on May 5": a date takes "on"
            fix = "in"
        else:
            continue
        yield finding(
            v,
            i,
            i,
            "grammar.preposition",
            f'Use "on" with days ("on Monday") and "in" with months ("in July"): write "{fix}".',
            [match_case(v.tokens[i].text, fix)],
        )


RULES = (
    their_there,
    its_it_is,
    your_you_are,
    then_than,
    could_of,
    cant_wont,
    double_comparative,
    to_too,
    day_preposition,
)
