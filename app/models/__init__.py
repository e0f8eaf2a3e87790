"""SQLModel tables only, one module per domain. Importing this package registers every table."""

from app.models.base import SYNCED_TABLES, SyncedModel, now, partition_key
from app.models.evidence import Judgement
from app.models.framework import Domain, Skill
from app.models.interop import ExternalId
from app.models.people import (
    Account,
    AuditEvent,
    Enrollment,
    MachineSetting,
    Person,
    Profile,
    School,
    SchoolClass,
    SignInEvent,
)
from app.models.planning import (
    Celebration,
    Challenge,
    CheckIn,
    Checkpoint,
    Goal,
    GoalEvidence,
    Milestone,
    Plan,
    RubricScore,
    Team,
    TeamCheckpoint,
    TeamLog,
)
from app.models.practice import (
    Attempt,
    DerivedOwed,
    Item,
    ItemStat,
    LearnerSkillState,
    LearnerSnapshot,
    PracticeCheckpoint,
    PracticeFocus,
    PracticeModel,
    SkillStat,
)
from app.models.school import (
    FigureMark,
    FrameworkAdoption,
    FrameworkVersion,
    LibraryCopy,
    LibraryItem,
    LocalSkill,
    PracticeMonthCache,
    SuccessMeasure,
    TeacherNote,
    TeamMember,
)
from app.models.sync import Change, ConflictRecord, FieldClock, PendingChange, ReplicaState, VersionVector
from app.models.trust import QuarantinedChange, SegmentSeal
from app.models.writing import Draft, DraftComment, DraftVersion, WordList, WritingTask

__all__ = [name for name in dir() if not name.startswith("_")]
