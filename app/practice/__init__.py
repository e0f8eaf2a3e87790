"""Adaptive practice, in three rooms:

- ``engine/``: the pure parts (no Qt, no database): learner model, mastery, spacing, choosing the next
  question, the item-kind registry, generators and the vocabulary bank. See ``app.practice.engine``.
- ``qti/``: QTI 2.x/3.0 import from XML files or content packages (``import_qti``), also pure.
- this package: the services over the database.

With the database (the services the app registers, see ``services.practice_services``):

- ``sessions.PracticeService``: a student's sessions: ``start_session``, ``next_item`` (with the reason),
  ``record_answer`` (checked, stored, estimates and mastery updated, one transaction), ``session_summary``.
- ``class_practice.ClassPracticeService``: the class heatmap, a student's skill in detail, target difficulty
  and focus skills, QTI import into the bank, recalculating every estimate.
- ``live``: the learner model kept live per database: saved state loaded at start (no replay), updated
  answer by answer, rebuilt exactly (from a checkpoint) when sync brings late attempts;
  ``rebuild_after_sync(db, student_ids)`` and ``on_sync`` (registered with ``app.store.what_changed``).
- ``model_store``, ``replay``: the derived tables and the replay (through ``engine.tracking``, so the
  live path and every rebuild give identical numbers).
- ``bank``: generator pools and the vocabulary in the item table; ``bulk``: fast synced inserts.
- ``results``: the plain data the services hand to the UI.
"""
