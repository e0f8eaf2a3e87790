"""Named points where tests can cut a sync short (raise, or kill the process) to prove that an
interruption anywhere loses nothing. Costs one attribute check when no hook is set."""

from __future__ import annotations

from collections.abc import Callable

_hook: Callable[[str], None] | None = None


def set_hook(hook: Callable[[str], None] | None) -> None:
    global _hook
    _hook = hook


def hit(point: str) -> None:
    if _hook is not None:
        _hook(point)
