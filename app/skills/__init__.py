"""The skill framework (domains and skills) and each student's mastery across it: the jagged profile."""

from app.skills.service import DomainProfile, FrameworkService, SkillMastery, load_default_framework

__all__ = ["DomainProfile", "FrameworkService", "SkillMastery", "load_default_framework"]
