"""What changed, on the UI thread: the one bridge from ``app.store.what_changed`` to the screens.

The store publishes after every commit (a service called from any thread, a sync round, an
erasure); the bus re-emits on the UI thread through a queued signal, for this window's database
only. Pages never announce changes by hand: a page declares the kinds it shows and refreshes when
one of them changed; a hidden page only notes it and refreshes when next shown:

    self.lazy = LazyRefresh(self, bus, Kind.PLANS | Kind.ROSTER, self.refresh)   # widgets/lazy_refresh.py
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from app.store.what_changed import ALL, Changed, Kind, Source, subscribe

__all__ = ["ALL", "ChangeBus", "Changed", "Kind", "Source"]


class ChangeBus(QObject):
    """``changed(Changed)`` on the UI thread after a commit to ``db`` (see ``app.store.what_changed``)."""

    changed = Signal(object)  # Changed: .kinds (Kind flags), .rows, .source
    _relay = Signal(object)

    def __init__(self, db: Any = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._relay.connect(self.changed, Qt.ConnectionType.QueuedConnection)
        if db is not None:
            unsubscribe = subscribe(self._from_store)
            # The store outlives every bus (one per signed-in session): stop hearing when it goes.
            self.destroyed.connect(lambda _obj=None: unsubscribe())

    def _from_store(self, changed: Changed) -> None:  # any thread
        if changed.db is self.db:
            self._relay.emit(changed)

    def announce(self, kinds: Kind) -> None:
        """For what the database does not see (a setting changed): screens showing ``kinds`` refresh."""
        self._relay.emit(Changed(self.db, kinds))
