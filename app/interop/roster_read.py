"""Any supported roster, told apart by its files: OneRoster (``oneroster_read``), or School Data Sync,
Clever or a plain "name, class" CSV (``roster_adapters``). One module above both, so neither reader
imports the other's dispatcher."""

from __future__ import annotations

from pathlib import Path

from app.errors import InvalidInput
from app.i18n import _
from app.interop import roster_adapters
from app.interop.csv_source import CsvSource
from app.interop.oneroster_read import read_oneroster
from app.interop.roster_data import RosterFile

__all__ = ["read_roster"]


def read_roster(path: str | Path, system: str | None = None) -> RosterFile:
    """Any supported roster, told apart by its files: OneRoster (manifest.csv or the 1.1 set), School
    Data Sync v2.1 (enrollments without sourcedIds), Clever (students.csv + sections.csv) or a plain
    "name, class" CSV. Raises InvalidInput only when the path holds no roster at all."""
    src = CsvSource(path)
    try:
        pkg = _read_any(src, path, system)
        pkg.source = Path(path).name
        return pkg
    finally:
        src.close()


def _read_any(src: CsvSource, path: str | Path, system: str | None) -> RosterFile:
    names = src.names
    if "sections.csv" in names and ("students.csv" in names or "teachers.csv" in names):
        return roster_adapters.read_clever(src, system or "clever")
    if "users.csv" in names or "enrollments.csv" in names:
        if "manifest.csv" not in names and roster_adapters.looks_like_sds(src):
            return roster_adapters.read_sds(src, system or "sds")
        return read_oneroster(src, system or "oneroster")
    only = src.only()
    if only is not None:
        return roster_adapters.read_plain(src, only, system or "csv")
    raise InvalidInput(
        _(
            "{name} is not a roster Tessera knows: expected OneRoster files (manifest.csv, users.csv, classes.csv, enrollments.csv), School Data Sync or Clever files, or one CSV with a name and a class column.",
            name=Path(path).name,
        )
    )
