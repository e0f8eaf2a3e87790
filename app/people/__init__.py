"""Roster, profiles, accounts, roles and permissions. Services take the acting user, check
permission, do one unit of work in one transaction and return plain data."""

from app.people.accounts import AccountService
from app.people.actor import Actor
from app.people.profiles import ProfileService
from app.people.roster import RosterService

__all__ = ["Actor", "AccountService", "ProfileService", "RosterService"]
