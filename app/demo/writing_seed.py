"""Demo writing: two tasks for the demo class, with drafts in every state.

"Should our school have a longer lunch break?" is due in four days: six students have handed it in
and wait for feedback, nine are still writing, one got it back with comments. "A place that matters
to me" was due last week: most drafts came back with comments and feedback (Dev revised his since),
three still wait, three students are still writing. Every draft grew over several saved versions, with
the spelling slips a class really makes, so the checks have something to find.
"""

from __future__ import annotations

import random

from app.models import Draft, DraftComment, DraftVersion, Person, WordList, WritingTask
from app.models.base import partition_key
from app.store.database import Database
from app.writing.access import word_count
from app.writing.checks.findings import CATEGORIES, RubricCriteria
from app.writing.criteria import checks_from_categories, rubric_from_criteria

DAY = 86_400.0
HOUR = 3_600.0

LUNCH_SUBMITTED = {0, 6, 9, 12, 15, 18}
LUNCH_WRITING = {1, 3, 4, 7, 10, 13, 16, 19, 21}
LUNCH_RETURNED = {2}
PLACE_SUBMITTED = {5, 11, 20}
PLACE_WRITING = {8, 13, 21}
PLACE_NOT_STARTED = {17, 22, 23}
REVISED = 3  # Dev: his place essay came back and he has improved it since

CLASS_WORDS = ["Riverside", "Maple", "Kowhai", "Tessera"]

LUNCH_INTROS = [
    (
        "I think our school should have a longer lunch break. At the moment we only get thirty minutes and most "
        "of that time is spent waiting in line for food."
    ),
    (
        "In my opinion, lunch at Riverside is to short. We need a longer break so everyone can eat, play and rest "
        "before the afternoon."
    ),
    "I believe a longer lunch break would make our school a better place to learn.",
]
LUNCH_BODIES = [
    (
        "First, students need time to eat properly. Alot of my freinds dont finish there lunch because the bell "
        "rings to early. When you are hungry it is realy hard to concentrate in maths."
    ),
    (
        "Firstly, a longer break gives us more energy. After running around on the playground we come back ready "
        "to work, and the teachers says the afternoon lessons go better."
    ),
    (
        "Second, the playground is to crowded when everyone rushes out at once. If the break was longer, younger "
        "students could go out first and older students later. This would be more safer for everyone."
    ),
    (
        "Also, a longer break gives time for clubs. For example, the chess club and the garden club could meet at "
        "lunch instead of after school, when many people has to catch the bus."
    ),
]
LUNCH_COUNTER = (
    "Some people say a longer break means a longer school day. However, we could take five minutes from the "
    "morning break so the day still ends at the same time."
)
LUNCH_ENDINGS = [
    (
        "In conclusion, a longer lunch break would help us eat well, play safely and learn better in the "
        "afternoon. I hope the school council will agree."
    ),
    "Overall, I think ten more minutes is a small change that would make a big diffrence to everyone.",
]
FIXES = [
    ("Alot", "A lot"),
    ("freinds", "friends"),
    ("dont", "don't"),
    ("realy", "really"),
    ("to early", "too early"),
]

PLACE_OPENINGS = [
    (
        "The place that matters most to me is my grandmothers garden. It is small but it is full of tomatoes, "
        "sunflowers and a old apple tree that my grandad planted."
    ),
    (
        "The river near our house is my favourite place. In the morning the water is calm and the light makes "
        "everything look gold."
    ),
    (
        "When I feel stressed I walk to the library on Station Road. It is quiet there, and the old wooden shelfs "
        "smell of paper and dust."
    ),
]
PLACE_MIDDLES = [
    (
        "Every summer we sit under the tree and eat apples strait from the branches. The air smells of cut grass "
        "and the bees buzz around the flowers."
    ),
    (
        "I like this place because it makes me feel calm. Even when things are hard at school, I know I can go "
        "their and feel better."
    ),
    (
        "My cousin and me used to build dams out of stones there. We was always soaked when we got home, but "
        "nobody minded."
    ),
]
PLACE_ENDINGS = [
    (
        "In the end, places are not just buildings or fields. They hold our memorys, and that is why this place "
        "will always matter to me."
    ),
    "That is why this place matters to me, and I hope it never changes.",
]
COMMENTS = [  # a teacher's mix: slips to look at again, and what works
    ("grandmothers garden", "Whose garden? Add an apostrophe to show it belongs to her."),
    ("The air smells of cut grass", "Lovely detail: I can smell it too."),
    ("I think our school should have a longer lunch break", "A clear claim straight away. Well done."),
    ("Alot of my freinds", "Read this sentence aloud slowly: three words need fixing."),
    ("a old apple tree", 'Say it aloud: "a old" or "an old"?'),
    ("their and feel better", "Their, there or they're? Which one is a place?"),
    ("We was always soaked", "We was or we were?"),
    ("This would be more safer", '"More safer" says it twice: choose one.'),
    ("the light makes everything look gold", "Beautiful image."),
    ("strait", "Straight (not bent) or strait (a sea channel)? Check which you mean."),
    ("memorys", "Check the plural: memory becomes ..."),
]
FEEDBACK = [
    "A vivid piece: I could picture the place. Next time, check your apostrophes before you hand it in.",
    "Your ending ties it together well. Read it aloud once more to catch the small slips.",
    'Great use of the senses. Try joining some short sentences with "because" or "although".',
]


def seed_writing(db: Database, ids, rng: random.Random, now: float) -> None:
    """Writing tasks and drafts"""
    del rng  # its own generator: the writing stays the same whatever the other seeders draw
    rng = random.Random(2026)
    teacher = ids.teacher_id
    with db.write() as s:
        class_part = partition_key(ids.school_id, ids.class_id)
        s.add(
            WordList(
                class_id=ids.class_id, words=CLASS_WORDS, partition=class_part, created_at=now - 30 * DAY
            )
        )
        lunch = _task(
            s, ids, "Should our school have a longer lunch break?",
            "Write a persuasive essay for the school council. Say what you think, give at least two reasons "
            "with examples, answer one argument against you, and finish with a conclusion.",
            now + 4 * DAY, now - 6 * DAY,
            RubricCriteria(min_words=150, max_words=600, min_paragraphs=3, topic_words=("lunch", "energy",
                           "playground", "council"), min_topic_words=2, require_claim=True,
                           require_conclusion=True, min_transitions=3),
        )  # fmt: skip
        place = _task(
            s, ids, "A place that matters to me",
            "Describe a place that matters to you. Use your senses: what do you see, hear and smell there? "
            "Explain why it matters.",
            now - 9 * DAY, now - 20 * DAY,
            RubricCriteria(min_words=80, min_paragraphs=2, min_transitions=2, require_conclusion=True),
        )  # fmt: skip
        for i, sid in enumerate(ids.student_ids):
            person = s.get(Person, sid)
            part = (person.partition if person else "") or partition_key(ids.school_id, ids.class_id, sid)
            status = _lunch_status(i)
            if status:
                versions = _lunch_versions(rng, status == "writing")
                _draft(s, lunch, sid, part, status, versions, now - 5 * DAY, now, teacher, rng, i)
            status = _place_status(i)
            if status:
                versions = _place_versions(rng)
                _draft(s, place, sid, part, status, versions, now - 18 * DAY, now - 8 * DAY, teacher, rng, i)


def _task(s, ids, title: str, prompt: str, due: float, created: float, rubric: RubricCriteria) -> WritingTask:
    task = WritingTask(class_id=ids.class_id, title=title, prompt=prompt, due_at=due,
                       checks=checks_from_categories(CATEGORIES), rubric=rubric_from_criteria(rubric),
                       partition=partition_key(ids.school_id, ids.class_id), created_at=created)  # fmt: skip
    s.add(task)
    s.flush()
    return task


def _lunch_status(i: int) -> str:
    if i in LUNCH_SUBMITTED:
        return "submitted"
    if i in LUNCH_WRITING:
        return "writing"
    return "returned" if i in LUNCH_RETURNED else ""


def _place_status(i: int) -> str:
    if i in PLACE_NOT_STARTED:
        return ""
    if i in PLACE_SUBMITTED:
        return "submitted"
    return "writing" if i in PLACE_WRITING else "returned"


def _lunch_versions(rng: random.Random, unfinished: bool) -> list[str]:
    intro = rng.choice(LUNCH_INTROS)
    first, second = rng.sample(LUNCH_BODIES, 2)
    ending = rng.choice(LUNCH_ENDINGS)
    steps = [
        intro,
        f"{intro}\n\n{first}",
        f"{intro}\n\n{first}\n\n{second}",
        f"{intro}\n\n{first}\n\n{second} {LUNCH_COUNTER}",
    ]
    if unfinished:
        return steps[: rng.randint(2, 4)]
    final = f"{steps[-1]}\n\n{ending}"
    for wrong, right in rng.sample(FIXES, 2):  # a read-through before handing in fixes a few slips
        final = final.replace(wrong, right, 1)
    return [*steps[1:], final]


def _place_versions(rng: random.Random) -> list[str]:
    opening = rng.choice(PLACE_OPENINGS)
    middle = rng.sample(PLACE_MIDDLES, 2)
    ending = rng.choice(PLACE_ENDINGS)
    return [
        opening,
        f"{opening} {middle[0]}",
        f"{opening} {middle[0]}\n\n{middle[1]}",
        f"{opening} {middle[0]}\n\n{middle[1]}\n\n{ending}",
    ]


def _draft(s, task: WritingTask, sid: str, part: str, status: str, texts: list[str], start: float, end: float,
           teacher: str, rng: random.Random, i: int) -> None:  # fmt: skip
    draft = Draft(task_id=task.id, student_id=sid, status=status, partition=part, created_at=start)
    s.add(draft)
    s.flush()
    step = (end - start - DAY) / (len(texts) + 1)
    at = start
    versions = []
    for text in texts:
        at += step * rng.uniform(0.6, 1.2)
        v = DraftVersion(draft_id=draft.id, text=text, saved_at=at, author_id=sid, word_count=word_count(text),
                         partition=part, created_at=at)  # fmt: skip
        s.add(v)
        versions.append(v)
    s.flush()
    if status == "writing":
        return
    draft.submitted_at = at + HOUR
    if status == "submitted":
        return
    draft.returned_at = at + DAY
    draft.feedback = FEEDBACK[i % len(FEEDBACK)]
    last = versions[-1]
    made = 0
    for quote, note in COMMENTS:
        pos = last.text.find(quote)
        if pos >= 0 and made < 3:
            s.add(DraftComment(draft_id=draft.id, version_id=last.id, author_id=teacher, start=pos,
                               end=pos + len(quote), quote=quote, text=note, partition=part,
                               created_at=draft.returned_at - HOUR))  # fmt: skip
            made += 1
    if not made:  # always something on the passage that opens the piece
        quote = last.text.split(". ")[0]
        s.add(DraftComment(draft_id=draft.id, version_id=last.id, author_id=teacher, start=0, end=len(quote),
                           quote=quote, text="A strong opening sentence.", partition=part,
                           created_at=draft.returned_at - HOUR))  # fmt: skip
    if i == REVISED and task.title.startswith("A place"):
        better = last.text
        for wrong, right in (
            ("a old", "an old"),
            ("strait", "straight"),
            ("We was", "We were"),
            ("memorys", "memories"),
        ):  # he fixed some of what was marked, not all yet
            better = better.replace(wrong, right)
        if better != last.text:
            s.add(DraftVersion(draft_id=draft.id, text=better, saved_at=draft.returned_at + DAY, author_id=sid,
                               word_count=word_count(better), partition=part, created_at=draft.returned_at + DAY))  # fmt: skip
