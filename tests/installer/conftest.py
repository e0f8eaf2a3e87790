"""The installer scripts are not a package: load them by path for the tests."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]
INSTALLER = REPO / "installer"


def load(rel: str) -> ModuleType:
    path = INSTALLER / rel
    name = "installer_" + rel.replace("/", "_").removesuffix(".py")
    if name in sys.modules:
        return sys.modules[name]
    sys.path.insert(0, str(path.parent))  # check_bundle imports bundle_trim beside it
    try:
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(path.parent))
    return module


@pytest.fixture(scope="session")
def trim() -> ModuleType:
    return load("bundle_trim.py")


@pytest.fixture(scope="session")
def file_list() -> ModuleType:
    return load("windows/make_file_list.py")


@pytest.fixture(scope="session")
def check_msi() -> ModuleType:
    return load("windows/check_msi.py")


@pytest.fixture(scope="session")
def check_bundle() -> ModuleType:
    return load("check_bundle.py")
