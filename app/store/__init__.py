"""Storage: SQLite engines, short sessions, migrations, and the change-capture hook.
(Import submodules directly: ``app.store.database.Database``.)"""
