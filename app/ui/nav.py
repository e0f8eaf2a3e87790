"""Which pages each role sees, in order. Pages are imported when first opened (fast start).
Each entry: (key, title, "module:Class"). A page class takes (ctx, actor, bus) and has refresh(); it
may have focus_first(), which puts the focus on its main control when it is the first page shown."""

from app.i18n import N_

TEACHER_PAGES: list[tuple[str, str, str]] = [
    ("roster", N_("Class roster"), "app.ui.teacher.roster:RosterPage"),
    ("heatmap", "Skills", "app.ui.teacher.heatmap:HeatmapPage"),
    ("plans", "Plans", "app.ui.teacher.plans:PlansPage"),
    ("challenges", "Challenges", "app.ui.teacher.challenges:ChallengesPage"),
    ("checkins", "Check-ins", "app.ui.teacher.checkins:ClassCheckInsPage"),
    ("writing_review", N_("Writing review"), "app.ui.teacher.writing_review:WritingReviewPage"),
    ("school", N_("School"), "app.ui.school.my_school:MySchoolPage"),  # issue 21
    ("library", N_("Library"), "app.ui.school.library:LibraryPage"),
    ("sync", "Sync", "app.ui.teacher.sync_page:SyncPage"),
]

# A school leader (principal, coordinator): the school as a whole, aggregated (issue 21).
LEADER_PAGES: list[tuple[str, str, str]] = [
    ("school_overview", N_("Our school"), "app.ui.school.overview:SchoolOverviewPage"),
    ("library", N_("Library"), "app.ui.school.library:LibraryPage"),
    ("framework", N_("Framework"), "app.ui.school.framework_editor:FrameworkPage"),
    ("staff", N_("Staff"), "app.ui.school.staff_panel:StaffPage"),  # staff accounts, co-teachers
    ("sync", "Sync", "app.ui.teacher.sync_page:SyncPage"),
]

STUDENT_PAGES: list[tuple[str, str, str]] = [
    ("home", N_("Home"), "app.ui.student.home:HomePage"),
    ("practice", "Practice", "app.ui.student.practice:PracticePage"),
    ("writing", "Writing", "app.ui.student.writing:WritingPage"),
    ("my_plan", "My plan", "app.ui.student.my_plan:MyPlanPage"),
    ("my_challenge", "My challenge", "app.ui.student.my_challenge:MyChallengePage"),
    ("checkin", "Check in", "app.ui.student.checkin:CheckInPage"),
    ("my_profile", N_("My profile"), "app.ui.student.my_profile:MyProfilePage"),
]


def pages_for(role: str) -> list[tuple[str, str, str]]:
    if role == "leader":
        return LEADER_PAGES
    return STUDENT_PAGES if role == "student" else TEACHER_PAGES


def load_page_class(spec: str):  # noqa: ANN201
    import importlib

    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)
