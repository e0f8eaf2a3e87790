"""Links between Tessera's rows and their ids in another system (a school's SIS through OneRoster,
School Data Sync or Clever, a CASE framework, a QTI bank), so an import can run again without making
duplicates and an export can speak the other system's ids."""

from __future__ import annotations

from sqlmodel import Field

from app.models.base import SyncedModel, synced


@synced
class ExternalId(SyncedModel, table=True):
    __tablename__ = "external_id"
    system: str = Field(index=True)  # "oneroster", "sds", "clever", "csv", "case", "qti", ...
    kind: str  # "school" | "class" | "person" | "enrollment" | "skill" | "domain" | "item"
    external_id: str
    tessera_id: str = Field(index=True)
    # "system|kind|external_id": one link per outside id; two devices that import the same file
    # offline make the same key (and the same row id), so sync merges them instead of doubling.
    key: str = Field(unique=True)
