"""UI tests run with the app's cycle collector on the UI thread (app/ui/collector.py), as the app does."""

from __future__ import annotations

import gc

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
