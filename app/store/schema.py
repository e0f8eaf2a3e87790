"""The newest schema revision, in a module light enough for the first window to import.
A test keeps it equal to Alembic's head; a start with a current database need not load Alembic."""

SCHEMA_HEAD = "0011_access"
