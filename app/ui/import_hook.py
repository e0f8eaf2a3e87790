"""Make PySide6's import hook cheap. After ``import PySide6`` every later import is checked for
the text "PySide6" with ``inspect.getsource``, which also leaves each module's source in
``linecache`` for the life of the process: hundreds of modules (SQLAlchemy, pydantic...) cost
start-up time and megabytes of memory. The same question is answered here by reading the file's
bytes, keeping nothing."""

from __future__ import annotations

import sys


def lighten_pyside_import_hook() -> None:
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "tessera_light", False):
        return  # another PySide6 version without the hook, or already done

    def uses_pyside(module) -> bool:  # noqa: ANN001
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)
        try:
            with open(path, "rb") as fh:
                return b"PySide6" in fh.read()
        except OSError:
            return original(module)

    uses_pyside.tessera_light = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside
