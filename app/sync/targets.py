"""Where this computer syncs: the folder, the school server, or both, as the settings and the
machine policy say (``sync_folder``, ``server_url``; policy > user setting > machine default).

The folder is always available (``folder_transport.py``). The server's HTTP transport plugs in
here: a module ``app.sync.http_transport`` with ``open_server(url: str, db) -> (me -> Transport)``
is found on first use, or a factory is given to ``register_server_transport``. The opener may
carry an ``address`` attribute (the URL, for the sync report and the Sync page). Without either, a
configured server is shown as "not available in this build" (``ServerSyncUnavailable``), and the
folder keeps syncing.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from typing import Any

from app.sync.transport import TargetError, Transport

log = logging.getLogger(__name__)

Opener = Callable[[str], Transport]  # replica id -> transport (a new one after the id is renewed)
ServerFactory = Callable[[str, Any], Opener]  # (server URL, database) -> opener

_factory: ServerFactory | None = None
NOT_IN_BUILD = (
    "Server sync is not available in this build of Tessera, so nothing is sent to the school server. "
    "Your work is safe on this computer, and it still syncs through the sync folder if one is set."
)


class ServerSyncUnavailable(TargetError):
    """A server is configured, but this build of Tessera has no way to talk to it."""


def register_server_transport(factory: ServerFactory | None) -> None:
    """Plug the HTTP transport in (None takes it out again: tests)."""
    global _factory
    _factory = factory


def server_factory() -> ServerFactory | None:
    if _factory is not None:
        return _factory
    try:
        module = importlib.import_module("app.sync.http_transport")
    except ImportError:
        return None
    return getattr(module, "open_server", None)


def server_opener(url: str, db: Any) -> Opener:
    """The opener for the school server at ``url``; raises ServerSyncUnavailable without one."""
    factory = server_factory()
    if factory is None:
        raise ServerSyncUnavailable(NOT_IN_BUILD)
    return factory(url, db)


def server_from_settings(settings: Any) -> Callable[[], str | None]:
    """Read the server URL each time, so a change in Settings or policy takes effect at once."""
    return lambda: (settings.get("server_url") or "").strip() or None
