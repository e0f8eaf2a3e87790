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
    return ctx.services.extra["roster_import"]


def change_count(db) -> int:
    from sqlalchemy import text

    with db.read() as s:
        return s.execute(text("SELECT COUNT(*) FROM change")).scalar_one()
