"""Fixtures for interop tests: the hand-written roster packages and a roster service on a fresh folder."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def roster(ctx):
    return ctx.services.roster_import


@pytest.fixture
def make_db(tmp_path):
    """Real replicas in their own folders (each a new replica id), as sync tests use."""
    from app.store.database import Database

    opened = []

    def make(name: str):
        folder = tmp_path / name
        folder.mkdir(exist_ok=True)
        db = Database.open(folder / "tessera.db")
        opened.append(db)
        return db

    yield make
    for db in opened:
        db.close()


@pytest.fixture
def share(tmp_path) -> Path:
    p = tmp_path / "share"
    p.mkdir()
    return p
