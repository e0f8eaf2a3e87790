"""Reading the machine policy on each system, one small function per system.

Windows: ``HKLM\\SOFTWARE\\Policies\\Tessera`` (the MSI's public properties, or Group Policy), then
``HKCU\\SOFTWARE\\Policies\\Tessera`` (per-user Group Policy) for keys the machine did not set.
macOS: managed preferences for the domain ``org.tessera.Tessera`` (a configuration profile), machine
wide in ``/Library/Managed Preferences/`` and per user in ``/Library/Managed Preferences/<user>/``;
the per-user profile wins, as it does for CFPreferences.
Linux: ``/etc/tessera/policy.json``.
``TESSERA_POLICY_FILE`` points at a JSON file instead (tests, portable installs).

Each reader returns the raw values under their own names; :mod:`app.config` normalises names and
types and drops keys it does not know. An empty value means "not set" (the MSI writes every
property, given or not), so readers leave empty values out. The system parts (the registry module,
the folders, the platform) sit behind small seams that tests replace on any system.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

WINDOWS_KEY = r"SOFTWARE\Policies\Tessera"
MACOS_DOMAIN = "org.tessera.Tessera"
MACOS_MANAGED_DIR = Path("/Library/Managed Preferences")
LINUX_POLICY = Path("/etc/tessera/policy.json")


def current_platform() -> str:
    return sys.platform


def read_policy(override_file: str | None = None, platform: str | None = None) -> dict[str, Any]:
    """The machine policy for this system (or the file ``override_file``). Never raises: a
    broken policy must not stop the app starting; it is logged and ignored."""
    try:
        if override_file:
            return read_json_policy(Path(override_file))
        platform = platform or current_platform()
        if platform.startswith("win"):
            return read_windows_policy()
        if platform == "darwin":
            return read_macos_policy()
        return read_linux_policy()
    except Exception as exc:  # noqa: BLE001
        log.warning("machine policy unreadable: %s", exc)
        return {}


def _set(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def read_json_policy(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        log.warning("policy file %s unreadable: %s", path, exc)
        return {}
    if not isinstance(data, dict):
        log.warning("policy file %s is not a JSON object; ignored", path)
        return {}
    return {k: v for k, v in data.items() if _set(v)}


def read_linux_policy(path: Path | None = None) -> dict[str, Any]:
    return read_json_policy(path or LINUX_POLICY)


def _winreg() -> Any:
    import winreg  # Windows only

    return winreg


def read_windows_policy(registry: Any = None) -> dict[str, Any]:
    """``registry`` is a winreg-like module (the real one by default). Machine policy from the
    64-bit registry view, then the 32-bit view (a 32-bit tool may have written there), then the
    user's policy; earlier sources win."""
    reg = registry if registry is not None else _winreg()
    sources = [
        (reg.HKEY_LOCAL_MACHINE, reg.KEY_WOW64_64KEY),
        (reg.HKEY_LOCAL_MACHINE, reg.KEY_WOW64_32KEY),
        (reg.HKEY_CURRENT_USER, 0),
    ]
    out: dict[str, Any] = {}
    for hive, view in sources:
        for name, value in _read_key(reg, hive, view).items():
            out.setdefault(name, value)
    return out


def _read_key(reg: Any, hive: Any, view: int) -> dict[str, Any]:
    values: dict[str, Any] = {}
    try:
        key = reg.OpenKey(hive, WINDOWS_KEY, 0, reg.KEY_READ | view)
    except OSError:
        return values
    with key:
        i = 0
        while True:
            try:
                name, value, kind = reg.EnumValue(key, i)
            except OSError:
                break
            i += 1
            if kind == reg.REG_EXPAND_SZ and isinstance(value, str):
                value = reg.ExpandEnvironmentStrings(value)
            elif kind == reg.REG_MULTI_SZ:
                continue  # no Tessera setting is a list
            if _set(value):
                values[name] = value
    return values


def read_macos_policy(managed_dir: Path | None = None, user: str | None = None) -> dict[str, Any]:
    """Machine-wide managed preferences, overlaid with the per-user ones for ``user`` (the
    current user by default)."""
    base = managed_dir or MACOS_MANAGED_DIR
    try:
        import getpass  # here, not at the top: start-up stays light

        user = user or getpass.getuser()
    except Exception:  # noqa: BLE001  (no user name: machine policy only)
        user = None
    candidates = [base / f"{MACOS_DOMAIN}.plist"]
    if user:
        candidates.append(base / user / f"{MACOS_DOMAIN}.plist")
    out: dict[str, Any] = {}
    for path in candidates:
        try:
            with path.open("rb") as fh:
                import plistlib  # macOS only

                data = plistlib.load(fh)
        except FileNotFoundError:
            continue
        except Exception as exc:  # noqa: BLE001
            log.warning("managed preferences %s unreadable: %s", path, exc)
            continue
        if isinstance(data, dict):
            out.update({k: v for k, v in data.items() if _set(v)})
    return out
