"""Names and profile phrases for the demo class: varied, realistic, invented."""

STUDENTS = [
    ("Amara", "Okafor"),
    ("Ben", "Carter"),
    ("Chloe", "Nguyen"),
    ("Dev", "Patel"),
    ("Elif", "Yilmaz"),
    ("Finn", "Murphy"),
    ("Grace", "Kim"),
    ("Hugo", "Silva"),
    ("Isla", "Campbell"),
    ("Jamal", "Hassan"),
    ("Kai", "Tanaka"),
    ("Lena", "Schmidt"),
    ("Mateo", "Garcia"),
    ("Nia", "Williams"),
    ("Omar", "Aziz"),
    ("Priya", "Sharma"),
    ("Quinn", "O'Brien"),
    ("Rosa", "Martinez"),
    ("Sami", "Haddad"),
    ("Tariq", "Ali"),
    ("Uma", "Reddy"),
    ("Vera", "Novak"),
    ("Wes", "Johnson"),
    ("Yara", "Mensah"),
]

STRENGTHS = [
    "spotting patterns",
    "explaining ideas to others",
    "drawing and diagrams",
    "mental arithmetic",
    "storytelling",
    "asking good questions",
    "staying with a hard problem",
    "organising a team",
    "careful checking",
    "building things",
    "remembering facts",
    "persuasive speaking",
    "kindness to others",
    "creative ideas",
    "reading widely",
    "working independently",
]

INTERESTS = [
    "football",
    "drawing comics",
    "coding games",
    "animals and pets",
    "music and guitar",
    "space",
    "cooking",
    "dinosaurs",
    "fashion design",
    "skateboarding",
    "climate and nature",
    "basketball",
    "chess",
    "photography",
    "history of ancient Egypt",
    "robots",
    "dance",
    "gardening",
    "film making",
    "volunteering at the food bank",
]

VALUES = [
    "fairness",
    "family",
    "helping others",
    "honesty",
    "curiosity",
    "friendship",
    "courage",
    "looking after the planet",
    "creativity",
    "respect",
    "independence",
    "teamwork",
]

LEARNING = [
    "with a partner",
    "by drawing it first",
    "with worked examples",
    "in short bursts with breaks",
    "by talking it through",
    "with hands-on materials",
    "in a quiet space",
    "by teaching someone else",
    "with music on",
    "with clear steps written down",
]

ABOUT_ME = [
    "I like figuring out how things work.",
    "I want to be a vet one day.",
    "I am proud of my drawings.",
    "I like maths when it is a puzzle.",
    "Writing stories is my favourite thing.",
    "I help my little brother with his homework.",
    "I want to get better at fractions this term.",
    "I like working with my friends on projects.",
]

ACCOMMODATIONS = [
    "",
    "",
    "",
    "Extra time on timed practice.",
    "Reads better with larger text.",
    "Prefers instructions read aloud.",
    "",
]

CELEBRATIONS = [
    "Helped a classmate understand fractions",
    "Finished a whole week of practice",
    "Wrote a brilliant opening paragraph",
    "Asked a great question in class",
    "Led the team presentation",
    "Kept going on a really hard problem",
]
