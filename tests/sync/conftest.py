"""Fixtures for sync tests: real SQLite files (a migrated template copied per replica, which also
gives each copy a new replica id, as a cloned lab image would get) and a real shared folder."""

from __future__ import annotations

import shutil

import pytest

from app.store.database import Database
from app.sync import faults


@pytest.fixture(scope="session")
def template_db(tmp_path_factory):
    d = tmp_path_factory.mktemp("sync-template")
    db = Database.open(d / "tessera.db")
    db.close()
    return d / "tessera.db"


@pytest.fixture
def make_db(tmp_path, template_db):
    opened: list[Database] = []

    def make(name: str) -> Database:
        folder = tmp_path / name
        folder.mkdir(exist_ok=True)
        shutil.copy(template_db, folder / "tessera.db")
        db = Database.open(folder / "tessera.db")
        opened.append(db)
        return db

    yield make
    for db in opened:
        db.close()


@pytest.fixture
def share(tmp_path):
    p = tmp_path / "share"
    p.mkdir()
    return p


@pytest.fixture(autouse=True)
def _no_fault_hook():
    yield
    faults.set_hook(None)
