"""The teacher's checklist for a task: word and paragraph counts, topic words, a claim, a conclusion,
linking words. Each criterion becomes (criterion, label, met, detail) in words a student can act on."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .findings import RubricCheck, RubricCriteria

TRANSITIONS = (
    "first",
    "firstly",
    "second",
    "secondly",
    "third",
    "thirdly",
    "next",
    "then",
    "finally",
    "lastly",
    "after that",
    "afterwards",
    "later",
    "meanwhile",
    "however",
    "therefore",
    "so",
    "because",
    "for example",
    "for instance",
    "such as",
    "in addition",
    "also",
    "moreover",
    "furthermore",
    "besides",
    "as a result",
    "consequently",
    "on the other hand",
    "in contrast",
    "instead",
    "although",
    "even though",
    "similarly",
    "likewise",
    "in conclusion",
    "to sum up",
    "in summary",
    "overall",
    "to begin with",
    "in fact",
    "of course",
    "as well as",
    "unlike",
    "while",
    "whereas",
    "since",
    "thus",
    "hence",
    "otherwise",
    "nevertheless",
    "still",
    "yet",
    "in the end",
    "at first",
)
_CLAIM = re.compile(
    r"\b(?:i think|i believe|i feel|i agree|i disagree|in my opinion|in my view|i am sure|i'm sure|"
    r"should|must|ought to|the best|the worst|is better|are better|is worse|are worse|"
    r"it is important|it's important|we need to|i would argue|my claim|i strongly|"
    r"this essay|i will (?:show|explain|argue)|the main reason|there are (?:many|several|two|three) reasons)\b",
    re.IGNORECASE,
)
_CONCLUSION = re.compile(
    r"\b(?:in conclusion|to conclude|to sum up|to summari[sz]e|in summary|in short|overall|all in all|"
    r"in the end|that is why|that's why|this is why|for these reasons|for all these reasons|"
    r"this shows|as you can see|finally|therefore|in brief|to wrap up)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Draft:
    """What the rubric needs to know about a text (the checker gathers it while checking)."""

    words: tuple[str, ...]  # lowercase word tokens in order
    paragraphs: tuple[str, ...]  # paragraph texts
    sentences: tuple[str, ...]  # sentence texts in order


def check_rubric(criteria: RubricCriteria, draft: Draft) -> tuple[RubricCheck, ...]:
    checks: list[RubricCheck] = []
    count = len(draft.words)
    paragraphs = len(draft.paragraphs)
    if criteria.min_words is not None:
        checks.append(
            RubricCheck(
                "min_words",
                f"At least {criteria.min_words} words",
                count >= criteria.min_words,
                _count_detail(count, "word"),
            )
        )
    if criteria.max_words is not None:
        checks.append(
            RubricCheck(
                "max_words",
                f"At most {criteria.max_words} words",
                count <= criteria.max_words,
                _count_detail(count, "word"),
            )
        )
    if criteria.min_paragraphs is not None:
        checks.append(
            RubricCheck(
                "min_paragraphs",
                f"At least {criteria.min_paragraphs} paragraphs",
                paragraphs >= criteria.min_paragraphs,
                _count_detail(paragraphs, "paragraph"),
            )
        )
    if criteria.max_paragraphs is not None:
        checks.append(
            RubricCheck(
                "max_paragraphs",
                f"At most {criteria.max_paragraphs} paragraphs",
                paragraphs <= criteria.max_paragraphs,
                _count_detail(paragraphs, "paragraph"),
            )
        )
    if criteria.topic_words:
        checks.append(_topic_words(criteria, draft))
    if criteria.require_claim:
        checks.append(_claim(draft))
    if criteria.require_conclusion:
        checks.append(_conclusion(draft))
    if criteria.min_transitions is not None:
        checks.append(_transitions(criteria.min_transitions, draft))
    return tuple(checks)


def _count_detail(n: int, noun: str) -> str:
    return f"You have {n} {noun}{'' if n == 1 else 's'}."


def _stem(word: str) -> str:
    """Crude stem so "volcanoes" matches "volcano" and "erupted" matches "erupt"."""
    for suffix in ("ies", "es", "s", "ed", "ing", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def _uses(phrase: str, stems: list[str], joined: str) -> bool:
    parts = [_stem(p) for p in phrase.lower().split()]
    if not parts:
        return False
    if len(parts) == 1:
        return parts[0] in set(stems)
    return f" {' '.join(parts)} " in joined


def _topic_words(criteria: RubricCriteria, draft: Draft) -> RubricCheck:
    stems = [_stem(w) for w in draft.words]
    joined = f" {' '.join(stems)} "
    topic = [t.strip() for t in criteria.topic_words if t.strip()]
    used = [t for t in topic if _uses(t, stems, joined)]
    missing = [t for t in topic if t not in used]
    need = len(topic) if criteria.min_topic_words is None else min(criteria.min_topic_words, len(topic))
    label = f"Use {'all' if need == len(topic) else need} of these words: {', '.join(topic)}"
    detail = f"You used {len(used)} of {len(topic)}."
    if missing:
        detail += f" Not yet: {', '.join(missing)}."
    return RubricCheck("topic_words", label, len(used) >= need, detail)


def _claim(draft: Draft) -> RubricCheck:
    opening = draft.sentences[:3]
    hit = next((s for s in opening if _CLAIM.search(s)), None)
    label = "States a claim or main idea at the start"
    if hit:
        return RubricCheck("claim", label, True, f'Your claim: "{_short(hit)}"')
    return RubricCheck(
        "claim",
        label,
        False,
        'Say what you think near the start, for example "I believe that ..." or "... should ...".',
    )


def _conclusion(draft: Draft) -> RubricCheck:
    label = "Ends with a conclusion"
    if len(draft.sentences) >= 3:
        closing = draft.sentences[-2:]
        if draft.paragraphs and len(draft.paragraphs) >= 2:
            closing = tuple(s for s in draft.sentences if s in draft.paragraphs[-1]) or closing
        hit = next((s for s in closing if _CONCLUSION.search(s)), None)
        if hit:
            return RubricCheck("conclusion", label, True, f'Your conclusion: "{_short(hit)}"')
    return RubricCheck(
        "conclusion", label, False, 'Finish by summing up your main point, for example "In conclusion, ...".'
    )


def _transitions(minimum: int, draft: Draft) -> RubricCheck:
    joined = f" {' '.join(draft.words)} "
    used = [t for t in TRANSITIONS if f" {t} " in joined]
    label = f"Uses at least {minimum} different linking words"
    detail = f"You used {len(used)}" + (
        f": {', '.join(used[:8])}." if used else '. Try "first", "however", "for example".'
    )
    return RubricCheck("transitions", label, len(used) >= minimum, detail)


def _short(sentence: str, limit: int = 80) -> str:
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "\u2026"


def still_missing(criteria: RubricCriteria | None, checks: tuple[RubricCheck, ...], words: int) -> str:
    """What the checklist still asks for, in a sentence or two for the hand-in question; "" when it
    is all done."""
    done = sum(1 for c in checks if c.met)
    if done == len(checks):
        return ""
    lines = [f"Your checklist is not finished: {done} of {len(checks)} done."]
    for c in checks:
        if c.met or criteria is None:
            continue
        if c.criterion == "min_words" and criteria.min_words is not None:
            lines.append(f"Your writing has {words} of the {criteria.min_words} words asked for.")
        elif c.criterion == "max_words" and criteria.max_words is not None:
            lines.append(f"Your writing has {words} words; the most asked for is {criteria.max_words}.")
    return " ".join(lines)
