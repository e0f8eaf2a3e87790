"""Which pages each role sees, in order. Pages are imported when first opened (fast start).
Each entry: (key, title, "module:Class"). A page class takes (ctx, actor, bus) and has refresh()."""

TEACHER_PAGES: list[tuple[str, str, str]] = [
    ("roster", "Class roster", "app.ui.teacher.roster:RosterPage"),
]

STUDENT_PAGES: list[tuple[str, str, str]] = [
    ("my_profile", "My profile", "app.ui.student.my_profile:MyProfilePage"),
]


def pages_for(role: str) -> list[tuple[str, str, str]]:
    return STUDENT_PAGES if role == "student" else TEACHER_PAGES


def load_page_class(spec: str):  # noqa: ANN201
    import importlib

    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)
