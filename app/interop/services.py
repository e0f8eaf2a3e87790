"""What the interop package adds to the app's services (``app.bootstrap.make_services``)."""

from __future__ import annotations

from app.interop.roster_service import RosterImportService


def interop_services(db) -> dict:
    """``extra["roster_import"]``: class lists in; ``extra["exports"]``: results out."""
    from app.interop.export_service import ExportService

    return {"roster_import": RosterImportService(db), "exports": ExportService(db)}
