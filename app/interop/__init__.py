"""Interoperability with a school's other systems, Qt-free.

- ``external_ids``: the links (system, kind, outside id) -> Tessera id that make imports idempotent.
- ``csv_source`` / ``oneroster_read`` / ``roster_adapters``: read OneRoster 1.2 (bulk and delta) and
  1.1, Microsoft School Data Sync v2.1, Clever and a plain "name, class" CSV into one ``RosterFile``.
- ``roster_plan``: the preview (created / updated / archived / rejected, each with row and reason);
  ``roster_apply``: write a plan in one transaction; ``roster_service``: both, with permissions.
- ``gradebook_export``: OneRoster 1.2 gradebook CSV and a flat student x skill CSV.
- ``case``: CASE CFPackage import/export; ``qti_export``: QTI 3.0; ``xapi``: statements and the LRS queue.
"""
