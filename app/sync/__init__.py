"""Sync: offline-first exchange of changes between replicas, losing nothing.

What this package offers (import from the modules; this file imports nothing, because the store
imports ``app.store.hlc`` while it is itself being imported):

- ``session.sync_once(db, folder)`` -> ``report.SyncReport``: one sync through a folder; or
  ``sync_once(db, opener)`` through any place, ``opener(replica id) -> transport.Transport``.
- ``transport``: the seam every place implements (the contract is its docstring):
  ``folder_transport.FolderTransport``, ``memory.MemoryTransport`` (tests, simulations), and the
  school server's HTTP client, found by ``targets.server_opener(url, db)``.
- ``agent.SyncAgent``: the background thread (``start``/``stop``, ``sync_now``, ``cancel``,
  ``snapshot()`` with ``.targets``: a ``status.TargetStatus`` per place, ``add_listener``);
  ``agent.folder_from_settings(settings)``, ``targets.server_from_settings(settings)``.
- ``blobs``: attachment files travel as content-addressed blobs, checked on arrival.
- ``apply.apply_pending(db)``: call at start, after upgrading, to apply changes held for a newer
  schema or a missing parent row. ``apply.apply_batch`` applies changes from any transport.
- ``conflicts.list_conflicts`` / ``conflicts.restore_conflict``: the conflict archive.
- What sync applied is published through ``app.store.what_changed`` (source ``SYNC``), after each
  commit group; derived state subscribes there (``register_rebuild``), and so do open screens.
- ``purge.purge_cascade``: erasure on request (a row and everything pointing at it).
- ``state.pending_send(db)``: our changes not yet in the folder, without touching it.

Inside: ``hlc`` (clock), ``changes`` (one change and its line format), ``tables`` (what the
models say about columns and keys), ``merge`` (a package, the rules: ``state`` <- ``lookup`` <-
``records`` <- ``merger``), ``apply`` (applying batches) over ``intake`` (storing what arrived),
``validation`` (what cannot be applied, and why), ``held`` (held changes) and ``apply_types``
(what they report), ``vector`` (version vectors), ``folder`` / ``batchfile`` (the share and its
batch files; ``batchfile.encode_batch``/``decode_batch`` are the one place batch bytes are made and
read), ``place`` (the batch operations the steps use, over a transport), ``send`` / ``receive`` / ``compact`` (the steps of a sync, and who still syncs or is
abandoned), ``trim`` (trimming the change log), ``lock`` (one sync at a time), ``faults`` (test
hooks). Inside app.sync, imports run one way (tests/test_import_contract.py).
"""
