"""Grammar rules for verb slips typical of learners of English: "I am go", "I very like it", "it is
depend on", "he said me that", "Although it rained, but we went", "Who's book is this?".

As in learner.py, each rule names the words it needs around the slip and leaves everything else alone.
"""

from __future__ import annotations

from collections.abc import Iterator

from .findings import Finding
from .learner import PERSON_BE_NOW, ing_form
from .rules import View, finding, match_case
from .wordclasses import BE_FORMS, COMMON_VERBS, SAME_PAST, word_set

# Plain verbs that are never adjectives or prepositions too ("they are like us", "we are open" and
# "they are free" are good English, so those words are not here).
_PLAIN_VERBS = COMMON_VERBS - word_set(
    "like open close clean live mean own fit free fix miss cool dry hope love plan show stand lead "
    "sleep change work study travel play dance dream wish cook report support return"
    # past participles like the plain form: "they are run by volunteers", "it is put away"
    " run come become"
) - SAME_PAST | word_set("go play study travel")


def be_plain_verb(v: View) -> Iterator[Finding]:
    """ "I am go to school" -> "I am going": after "am/is/are" comes an -ing form, not a plain verb."""
    for i in range(2, len(v.tokens)):
        verb = v.low[i]
        if verb not in _PLAIN_VERBS or (v.low[i - 2], v.low[i - 1]) not in PERSON_BE_NOW:
            continue
        if not (v.adjacent_words(i - 2) and v.adjacent_words(i - 1)) or v.word_at(i + 1) == "by":
            continue  # "by" shows a passive
        ing = ing_form(v, verb)
        if ing is None:
            continue
        yield finding(
            v, i, i, "grammar.verb-form", f'After "{v.tokens[i - 1].text}", write "{ing}".',
            [match_case(v.tokens[i].text, ing)],
        )  # fmt: skip


_SUBJECTS = word_set("i we they you he she")


def very_verb(v: View) -> Iterator[Finding]:
    """ "I very like it" -> "I really like it": "very" goes with describing words, not verbs."""
    for i in range(1, len(v.tokens) - 1):
        if v.low[i] != "very" or v.low[i - 1] not in _SUBJECTS or not v.adjacent_words(i):
            continue
        verb = v.low[i + 1]
        if verb not in ("like", "love", "want", "enjoy", "hate", "need", "likes", "loves", "wants", "enjoys"):
            continue
        yield finding(
            v, i, i, "grammar.confusable", 'Write "really" before a verb ("I really like it").',
            [match_case(v.tokens[i].text, "really")],
        )  # fmt: skip


_DEPEND = {"is": "depends", "are": "depend", "am": "depend", "was": "depended", "were": "depended"}


def be_depend(v: View) -> Iterator[Finding]:
    """ "It is depend on you" -> "It depends on you"."""
    for i, word in enumerate(v.low[:-2]):
        fix = _DEPEND.get(word)
        if fix and v.low[i + 1] == "depend" and v.low[i + 2] in ("on", "upon") and v.adjacent_words(i):
            yield finding(
                v, i, i + 1, "grammar.extra-word", f'Write "{fix}" ("depend" is a verb).',
                [match_case(v.tokens[i].text, fix)],
            )  # fmt: skip


_SAID = {"said": "told", "say": "tell", "says": "tells"}
_TOLD_WHO = word_set("me him us")  # not "them": "said them to the class" (the words)


def said_me(v: View) -> Iterator[Finding]:
    """ "He said me that ..." -> "He told me that ...": you say something, you tell someone."""
    for i, word in enumerate(v.low[:-2]):
        fix = _SAID.get(word)
        if (
            fix
            and v.low[i + 1] in _TOLD_WHO
            and v.low[i + 2] in ("that", "to", "about")
            and v.adjacent_words(i)
        ):
            yield finding(
                v, i, i, "grammar.confusable", f'Write "{fix} {v.tokens[i + 1].text}": you tell someone.',
                [match_case(v.tokens[i].text, fix)],
            )  # fmt: skip


_ALTHOUGH = word_set("although though")


def although_but(v: View) -> Iterator[Finding]:
    """ "Although it rained, but we went." -> leave out "but": "although" already joins the two."""
    first = v.first_word()
    if first < 0 or v.low[first] not in _ALTHOUGH and v.low[first : first + 2] != ["even", "though"]:
        return
    for i in range(first + 2, len(v.tokens) - 1):
        if v.tokens[i].text == "," and v.low[i + 1] != "but":
            return  # the "although" part ended without "but" ("Although small, it works, but slowly")
        if v.low[i] == "but" and v.tokens[i - 1].text == "," and v.is_word(i + 1):
            yield finding(
                v, i, i + 1, "grammar.extra-word",
                f'Leave out "but": "{v.tokens[first].text}" already joins the two parts.',
                [v.tokens[i + 1].text],
            )  # fmt: skip
            return


_WHO_IS_AFTER = word_set("right home next best there")  # "Who's right is not the point"


def whose(v: View) -> Iterator[Finding]:
    """ "Who's book is this?" -> "Whose": "who's" is "who is"; "whose" asks who it belongs to."""
    for i, word in enumerate(v.low[:-2]):
        if word != "who's" or not (v.adjacent_words(i) and v.adjacent_words(i + 1)):
            continue
        noun = v.low[i + 1]
        if noun in _WHO_IS_AFTER:
            continue
        if (
            v.low[i + 2] not in BE_FORMS
            or not v.known(noun)
            or not v.known(noun + "s")
            or noun in COMMON_VERBS
        ):
            continue
        if noun.endswith(("ing", "ed")):
            continue  # "who's coming is"
        yield finding(
            v, i, i, "grammar.confusable", '"Who\'s" means "who is": write "whose" for who it belongs to.',
            [match_case(v.tokens[i].text, "whose")],
        )  # fmt: skip


RULES = (be_plain_verb, very_verb, be_depend, said_me, although_but, whose)
