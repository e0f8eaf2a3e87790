"""Reading the machine policy on each system, one small function per system.

Windows: HKLM\\SOFTWARE\\Policies\\Tessera (written by the MSI's public properties).
macOS: managed preferences for the domain ``org.tessera.Tessera`` (a configuration profile).
Linux: ``/etc/tessera/policy.json``.
``TESSERA_POLICY_FILE`` points at a JSON file instead (tests, portable installs).
"""

from __future__ import annotations

import json
import logging
import plistlib
import sys
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

WINDOWS_KEY = r"SOFTWARE\Policies\Tessera"
MACOS_DOMAIN = "org.tessera.Tessera"
MACOS_MANAGED_DIR = Path("/Library/Managed Preferences")
LINUX_POLICY = Path("/etc/tessera/policy.json")


def read_policy(override_file: str | None = None, platform: str | None = None) -> dict[str, Any]:
    if override_file:
        return read_json_policy(Path(override_file))
    platform = platform or sys.platform
    try:
        if platform.startswith("win"):
            return read_windows_policy()
        if platform == "darwin":
            return read_macos_policy()
        return read_json_policy(LINUX_POLICY)
    except Exception as exc:  # a broken policy must never stop the app starting
        log.warning("machine policy unreadable: %s", exc)
        return {}


def read_json_policy(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        log.warning("policy file %s unreadable: %s", path, exc)
        return {}
    return data if isinstance(data, dict) else {}


def read_windows_policy(hive: Any = None) -> dict[str, Any]:
    import winreg  # type: ignore[import-not-found]

    hive = hive if hive is not None else winreg.HKEY_LOCAL_MACHINE
    out: dict[str, Any] = {}
    try:
        key = winreg.OpenKey(hive, WINDOWS_KEY)
    except OSError:
        return out
    with key:
        i = 0
        while True:
            try:
                name, value, _kind = winreg.EnumValue(key, i)
            except OSError:
                break
            out[name] = value
            i += 1
    return out


def read_macos_policy(managed_dir: Path = MACOS_MANAGED_DIR) -> dict[str, Any]:
    # Machine-wide profiles land in the top folder; per-user ones in a subfolder named for the user.
    candidates = [managed_dir / f"{MACOS_DOMAIN}.plist"]
    out: dict[str, Any] = {}
    for path in candidates:
        try:
            with path.open("rb") as fh:
                data = plistlib.load(fh)
        except FileNotFoundError:
            continue
        except Exception as exc:
            log.warning("managed preferences %s unreadable: %s", path, exc)
            continue
        if isinstance(data, dict):
            out.update(data)
    return out
