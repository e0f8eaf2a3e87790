"""Before Qt starts on a Linux desktop: can its X11 platform plugin (``libqxcb.so``) load? On a plain
Debian desktop it could not (``libxcb-icccm4`` and ``libxcb-keysyms1`` were missing), and Qt aborted
naming another library (``libxcb-cursor0``, which was installed). Here ``ldd`` on the plugin lists every
library it cannot find, and the app says which, with the packages to install, instead of aborting.

Imports no Qt: it runs before the first Qt library is loaded.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

__all__ = ["DEBIAN_PACKAGES", "missing_libraries", "platform_plugin", "preflight_message"]

# Library (soname) -> the Debian/Ubuntu package that carries it.
DEBIAN_PACKAGES = {
    "libxcb-icccm.so.4": "libxcb-icccm4", "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-cursor.so.0": "libxcb-cursor0", "libxcb-image.so.0": "libxcb-image0",
    "libxcb-randr.so.0": "libxcb-randr0", "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0", "libxcb-shm.so.0": "libxcb-shm0", "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0", "libxcb-xkb.so.1": "libxcb-xkb1", "libxcb-util.so.1": "libxcb-util1",
    "libxcb-render.so.0": "libxcb-render0", "libxcb.so.1": "libxcb1", "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6", "libxkbcommon-x11.so.0": "libxkbcommon-x11-0", "libxkbcommon.so.0": "libxkbcommon0",
    "libGL.so.1": "libgl1", "libEGL.so.1": "libegl1", "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6", "libdbus-1.so.3": "libdbus-1-3", "libglib-2.0.so.0": "libglib2.0-0",
}  # fmt: skip

_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)


def platform_plugin(name: str = "xcb") -> Path | None:
    """The platform plugin Qt will load (from the installed PySide6, or the app bundle), if present."""
    roots = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        roots.append(Path(bundle) / "PySide6")
    spec = importlib.util.find_spec("PySide6")
    if spec is not None and spec.submodule_search_locations:
        roots += [Path(p) for p in spec.submodule_search_locations]
    for root in roots:
        for sub in ("Qt/plugins/platforms", "plugins/platforms"):
            path = root / sub / f"libq{name}.so"
            if path.is_file():
                return path
    return None


def missing_libraries(plugin: Path, run=subprocess.run) -> list[str]:
    """Libraries the plugin needs that the system cannot find (``ldd``), in ldd's order, once each."""
    ldd = shutil.which("ldd")
    if ldd is None:
        return []
    env = dict(os.environ)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:  # the app bundle carries its own xcb libraries: look there first, as its loader does
        env["LD_LIBRARY_PATH"] = os.pathsep.join(p for p in (bundle, env.get("LD_LIBRARY_PATH", "")) if p)
    try:
        out = run([ldd, str(plugin)], capture_output=True, text=True, timeout=20, env=env).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return list(dict.fromkeys(_NOT_FOUND.findall(out or "")))


def preflight_message(
    env: Mapping[str, str] | None = None, plugin: Path | None = None, run=subprocess.run
) -> str:
    """ "" when Qt can start here; else what is missing and how to install it, in plain words."""
    env = os.environ if env is None else env
    wanted = env.get("QT_QPA_PLATFORM", "")
    on_x11 = wanted == "xcb" or (not wanted and env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"))
    if not sys.platform.startswith("linux") or not on_x11:
        return ""
    plugin = plugin or platform_plugin("xcb")
    if plugin is None:
        return ""
    missing = missing_libraries(plugin, run)
    if not missing:
        return ""
    packages = " ".join(DEBIAN_PACKAGES.get(lib, lib) for lib in missing)
    return (
        "Tessera cannot open its window: this computer lacks libraries that Qt's X11 plugin needs:\n"
        + "".join(f"  - {lib}\n" for lib in missing)
        + f"On Debian or Ubuntu, install them with:\n  sudo apt-get install {packages}\n"
        + "Then start Tessera again. (Checked with: ldd "
        + str(plugin)
        + ")"
    )
