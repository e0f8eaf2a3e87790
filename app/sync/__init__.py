"""Sync: offline-first exchange of changes between replicas, losing nothing.

What this package offers (import from the modules; this file imports nothing, because the store
imports ``app.sync.hlc`` while it is itself being imported):

- ``hlc``: hybrid logical clock stamps that sort as text.
- ``apply``: ``apply_batch`` (one transaction per batch of remote changes) and ``apply_pending``
  (call at start, after upgrading: applies changes held for a newer schema or a missing parent).
- ``merge``: per-field last writer wins for records, grow-only sets for events, final purges.
- ``folder``: the folder transport (file share, USB stick).
- ``session``: ``sync_once(db, folder)`` -> ``SyncReport``; ``pending_send(db)``.
- ``agent``: ``SyncAgent`` (background thread, ``snapshot()``, ``add_listener``, ``sync_now``).
- ``cli``: ``main(argv)`` for ``python -m app sync``.
- ``conflicts``: ``list_conflicts`` and ``restore_conflict`` for the conflict archive.
- ``rebuild``: ``register_rebuild(tables, callback)`` for derived state after sync.
- ``purge``: ``purge_cascade`` for erasure on request; markers and payload scrubbing.
"""
