"""Storage: SQLite engines, short sessions, migrations, and the change-capture hook."""

from app.store.database import Database

__all__ = ["Database"]
