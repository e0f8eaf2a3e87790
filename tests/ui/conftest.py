"""UI tests run with the app's cycle collector on the UI thread (app/ui/collector.py), as the app does."""

from __future__ import annotations

import gc
import shutil

import pytest


@pytest.fixture(scope="package", autouse=True)
def _collect_on_ui_thread(qapp):
    from app.ui.collector import collect_on_ui_thread
    from app.ui.plurals import install_plurals

    install_plurals(qapp)  # as app/ui/launch.py does
    collector = collect_on_ui_thread(qapp)
    yield
    collector.stop()
    collector.deleteLater()
    gc.collect()


@pytest.fixture
def two_machines(demo_template, tmp_path):
    """The demo class on a teacher's laptop and a lab machine (two data folders), and a share between
    them: (laptop context, lab context, demo info, share folder)."""
    from app.bootstrap import open_context

    src, info = demo_template
    share = tmp_path / "share"
    share.mkdir()
    opened = []
    for name in ("laptop", "lab"):
        (tmp_path / name).mkdir()
        shutil.copy2(src / "tessera.db", tmp_path / name / "tessera.db")
        opened.append(open_context(tmp_path / name))
    yield opened[0], opened[1], info, share
    for ctx in opened:
        ctx.close()
