"""Shared fixtures: every test gets its own data folder; the demo class is built once per run
and copied, so tests stay fast and never touch a real profile."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path, monkeypatch):
    # No machine policy or home folder of the developer's leaks into a test.
    monkeypatch.setenv("TESSERA_POLICY_FILE", str(tmp_path / "no-policy.json"))
    monkeypatch.delenv("TESSERA_HOME", raising=False)


@pytest.fixture
def data_dir(tmp_path) -> Path:
    d = tmp_path / "data"
    d.mkdir()
    return d


@pytest.fixture
def ctx(data_dir):
    from app.bootstrap import open_context

    c = open_context(data_dir)
    yield c
    c.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory):
    from app.bootstrap import open_context
    from app.demo import create_demo

    d = tmp_path_factory.mktemp("demo-template")
    os.environ["TESSERA_POLICY_FILE"] = str(d / "no-policy.json")
    c = open_context(d)
    info = create_demo(c.db, seed=7)
    c.close()
    return d, info


@pytest.fixture
def demo(demo_template, data_dir):
    """(ctx, info): a fresh copy of the demo class for this test."""
    from app.bootstrap import open_context

    src, info = demo_template
    shutil.copy2(src / "tessera.db", data_dir / "tessera.db")
    c = open_context(data_dir)
    yield c, info
    c.close()


@pytest.fixture
def teacher(demo):
    ctx, info = demo
    return ctx.services.accounts.sign_in_teacher(info.username, info.password)
