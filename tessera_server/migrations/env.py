"""Alembic environment of the server's schema: runs on the connection ``db.upgrade`` hands over."""

from alembic import context

from tessera_server.schema import metadata

config = context.config


def _run(connection) -> None:  # noqa: ANN001
    context.configure(connection=connection, target_metadata=metadata, version_table="server_alembic_version")
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is None:
    from sqlalchemy import create_engine

    with create_engine(config.get_main_option("sqlalchemy.url")).begin() as conn:
        _run(conn)
else:
    _run(connection)
