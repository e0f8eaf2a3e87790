"""A singular countable noun with no article opening a clause, before a verb in its plural form:
"Scientist agree that ..." -> "Scientists agree that ...", ", student learn more" -> "students learn".

Learners drop the plural -s of a subject that means people or things in general. The noun must open
its clause (sentence start, after a comma or a linking word), have no determiner, be a noun the word
list has a plural for, and be counted in published English ("of scientists" far more common than "of
scientist", so not "Water make ..."); the verb must be a plain form that is seldom a noun ("agree",
"think", "are"), so "Work hard" or "Study show" are left alone.
"""

from __future__ import annotations

from collections.abc import Iterator

from .findings import Finding
from .ngrams import bigrams
from .number import plural_form
from .rules import View, finding, match_case
from .wordclasses import (
    ADVERBS_BETWEEN,
    AUXILIARIES,
    COMMON_VERBS,
    COORDINATORS,
    DETERMINERS,
    PREPOSITIONS,
    SUBJECT_PRONOUNS,
    SUBORDINATORS,
    word_set,
)

RULE = "grammar.plural"

# Plain verb forms that are seldom nouns, so "<noun> <verb>" is a subject and its verb.
_PLAIN_VERBS = word_set(
    "are were have don't go make get know think take come want give tell find become seem begin teach "
    "learn understand bring happen provide include allow create spend grow require believe prefer agree "
    "decide suggest expect enjoy remember forget improve receive explain choose affect feel try ask say "
    "see keep mean lose buy hate prove protect solve consider appear hear follow send build reach kill "
    "remain continue tend prefer argue claim assume realize realise"
)
# Words before the noun that show it opens a clause (besides a comma or the sentence start).
_CLAUSE_LINKS = word_set("because when if while although though since so but whereas unless once")
_NOT_NOUNS = (
    AUXILIARIES
    | COMMON_VERBS
    | DETERMINERS
    | PREPOSITIONS
    | SUBJECT_PRONOUNS
    | SUBORDINATORS
    | COORDINATORS
    | ADVERBS_BETWEEN
    | word_set(
        "people everyone everybody someone somebody nobody anyone anybody one other others each all both "
        "most many much more less few some any none today tomorrow yesterday now then there here "
        "first second third last next new old young rich poor good bad"
    )
)
_ADJECTIVE_ENDINGS = ("s", "ing", "ed", "ly", "ful", "ous", "able", "ible", "less", "ish")
COUNTED_MARGIN = 5  # tenths of log10: "of <plural>" about three times as common as "of <noun>"


def _opens_clause(v: View, i: int) -> bool:
    if i == v.first_word() and not v.continued:
        return True
    if i == 0:
        return False
    before = v.tokens[i - 1]
    if before.text in (",", ";"):
        return True
    return v.word_at(i - 1) in _CLAUSE_LINKS


def _counted(noun: str, plural: str) -> bool:
    """A countable noun: "of <plural>" far more common than "of <noun>", and "the <noun>" a common pair."""
    table = bigrams()
    if table is None or not table.word(noun) or not table.pair("the", noun):
        return False
    return table.pair("of", plural) >= table.pair_estimate("of", noun) + COUNTED_MARGIN


def bare_plural_subject(v: View) -> Iterator[Finding]:
    """ "Scientist agree ..." -> "Scientists agree ...": a bare singular noun as a plural verb's subject."""
    for i in range(len(v.tokens) - 1):
        if not v.adjacent_words(i) or v.low[i + 1] not in _PLAIN_VERBS:
            continue
        noun = v.low[i]
        if noun in _NOT_NOUNS or noun.endswith(_ADJECTIVE_ENDINGS) or len(noun) < 3:
            continue
        if not _opens_clause(v, i) or not v.known(noun):
            continue
        if not (v.tokens[i].text.islower() or (i == v.first_word() and v.tokens[i].text[1:].islower())):
            continue  # a name
        if v.text[v.tokens[i].end : v.tokens[i + 1].start] != " ":
            continue
        plural = plural_form(v, noun)
        if not plural or plural == noun or not _counted(noun, plural):
            continue
        yield finding(
            v,
            i,
            i,
            RULE,
            f'"{v.tokens[i + 1].text}" goes with more than one: "{plural} {v.tokens[i + 1].text}".',
            [match_case(v.tokens[i].text, plural)],
        )


RULES = (bare_plural_subject,)
