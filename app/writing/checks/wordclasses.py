"""Small closed word classes and verb forms the grammar and style rules need (no tagger, by design:
rules only fire on words whose role is clear from these lists)."""

from __future__ import annotations


def word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


SUBJECT_PRONOUNS = word_set("i you he she it we they")
OBJECT_PRONOUNS = word_set("me you him her us them")
MODALS = word_set(
    "can could will would shall should may might must cannot can't couldn't won't wouldn't shan't "
    "shouldn't mightn't mustn't 'll"
)
DO_FORMS = word_set("do does did don't doesn't didn't")
BE_FORMS = word_set("am is are was were be been being isn't aren't wasn't weren't 's 're 'm")
HAVE_FORMS = word_set("have has had having haven't hasn't hadn't 've 'd")
AUXILIARIES = MODALS | DO_FORMS | BE_FORMS | HAVE_FORMS
COORDINATORS = word_set("and but or so yet nor for")
SUBORDINATORS = word_set(
    "if when whenever because since although though while whereas unless until till after before as "
    "once where wherever whether that which who whom whose what why how than"
)
DETERMINERS = word_set("a an the this that these those my your his her its our their some any no every each")
PREPOSITIONS = word_set(
    "of in on at by for with from to into onto about over under after before during without within "
    "through between among against around behind beside near across along toward towards upon"
)
ADVERBS_BETWEEN = word_set(
    "always never often usually sometimes also really just still only even rarely seldom already "
    "actually probably certainly sometimes generally normally hardly ever mostly"
)
NUMBER_WORDS = word_set(
    "two three four five six seven eight nine ten eleven twelve twenty hundred thousand million"
)
PLURAL_QUANTIFIERS = NUMBER_WORDS | word_set("many several numerous various few lots")
IRREGULAR_PLURALS = word_set("people children men women police teeth feet mice geese")

# Verbs whose base form and 3rd-person -s form are clear, and whose past is not the same as the base
# ("he put" and "he read" are fine past tenses, so those verbs are left out).
COMMON_VERBS = word_set(
    "go do have say make get know think take see come want look use find give tell work call try ask "
    "need feel become leave mean keep begin seem help talk turn start show hear play run move like live "
    "believe bring happen write provide sit stand lose pay meet include continue learn change lead "
    "understand watch follow stop create speak allow add spend grow open walk win offer remember love "
    "consider appear buy wait serve die send expect build stay fall reach kill remain suggest raise pass "
    "sell require report decide pull eat drink sleep swim sing dance study teach cry laugh enjoy hate "
    "visit travel drive ride fly throw catch break choose wear forget know listen answer agree carry "
    "clean cook draw dream explain fix hope improve jump kick miss own plan prefer protect prove "
    "receive return save share smile solve support touch wash worry wish"
)
SAME_PAST = word_set("put let cut hit set hurt read quit cost shut spread burst cast bet")

IRREGULAR_PAST = {
    "went": "go",
    "came": "come",
    "took": "take",
    "ate": "eat",
    "gave": "give",
    "made": "make",
    "did": "do",
    "got": "get",
    "knew": "know",
    "thought": "think",
    "brought": "bring",
    "bought": "buy",
    "taught": "teach",
    "caught": "catch",
    "told": "tell",
    "sold": "sell",
    "began": "begin",
    "drank": "drink",
    "drove": "drive",
    "wrote": "write",
    "ran": "run",
    "swam": "swim",
    "sang": "sing",
    "flew": "fly",
    "grew": "grow",
    "threw": "throw",
    "chose": "choose",
    "broke": "break",
    "forgot": "forget",
    "hid": "hide",
    "rode": "ride",
    "stole": "steal",
    "woke": "wake",
    "wore": "wear",
    "won": "win",
    "understood": "understand",
    "stood": "stand",
    "sat": "sit",
    "met": "meet",
    "paid": "pay",
    "said": "say",
    "kept": "keep",
    "slept": "sleep",
    "lost": "lose",
    "sent": "send",
    "spent": "spend",
    "built": "build",
    "heard": "hear",
    "held": "hold",
    "became": "become",
    "seemed": "seem",
    "wanted": "want",
    "liked": "like",
    "played": "play",
    "tried": "try",
    "studied": "study",
    "decided": "decide",
    "started": "start",
    "watched": "watch",
    "learned": "learn",
    "lived": "live",
    "loved": "love",
    "visited": "visit",
    "helped": "help",
    "talked": "talk",
    "walked": "walk",
    "worked": "work",
    "happened": "happen",
}


def third_person(base: str) -> str:
    """'go' -> 'goes', 'try' -> 'tries', 'have' -> 'has'."""
    special = {"have": "has", "be": "is", "do": "does", "go": "goes"}
    if base in special:
        return special[base]
    if base.endswith(("s", "sh", "ch", "x", "z", "o")):
        return base + "es"
    if base.endswith("y") and len(base) > 1 and base[-2] not in "aeiou":
        return base[:-1] + "ies"
    return base + "s"


THIRD_PERSON = {third_person(v): v for v in COMMON_VERBS}

# Comparatives: "more/less/better ... then" is nearly always "than".
COMPARATIVES = word_set(
    "more less fewer better worse rather other bigger smaller larger greater higher lower faster slower "
    "older younger stronger weaker longer shorter taller easier harder happier heavier lighter richer "
    "poorer cheaper safer nicer cooler warmer colder hotter darker brighter louder quieter earlier "
    "further farther smarter cleaner deeper wider closer simpler healthier funnier prettier busier "
    "bigger worse tougher weirder scarier angrier sadder"
)
SUPERLATIVE_ADJECTIVES = word_set(
    "best worst biggest smallest largest greatest highest lowest fastest slowest oldest youngest "
    "strongest easiest hardest happiest"
)

# A singular verb and its plural form, for agreement fixes ("the cars is" -> "are").
PLURAL_VERB = {
    "is": "are",
    "was": "were",
    "has": "have",
    "doesn't": "don't",
    "isn't": "aren't",
    "wasn't": "weren't",
}
