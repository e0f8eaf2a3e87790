"""Where Tessera keeps its data, and the settings that steer it.

Precedence for every setting: machine policy (set by the installer or device management)
> a teacher's choice for this computer (made in Tessera, kept in the database) > user setting
> machine default > built-in. On a lab machine (``lab_mode`` in the policy) the user setting and the
machine default are not read at all: ``settings.json`` sits in the data folder every student's OS
account can write, and ``defaults.json`` is by design a file users may change, so a student could
otherwise switch idle sign-out off or point sync at their own stick for the whole machine.
The data folder comes from ``--data-dir``, then ``TESSERA_HOME``, then the policy (lab mode shares
one machine-wide folder), then platformdirs.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from app import policy_sources
from app.errors import PermissionDenied

log = logging.getLogger(__name__)

APP_NAME = "Tessera"
APP_AUTHOR = "Tessera"
ENV_HOME = "TESSERA_HOME"
ENV_POLICY = "TESSERA_POLICY_FILE"

# Built-in defaults: the last word when nobody said anything.
BUILTIN: dict[str, Any] = {
    "server_url": "",
    "sync_folder": "",
    # The school's public key fingerprint (``python -m app school show``): this machine trusts that
    # school's devices and no other, with no trust on first use (docs/trust.md).
    "school_key": "",
    "lab_mode": False,
    "idle_signout_minutes": 10,
    "data_dir": "",
    "checkins_enabled": True,
    "pin_required": True,
    "xapi_lrs_url": "",  # an LRS's xAPI endpoint (".../xAPI/"); empty: xAPI only as files (issue 17)
    "xapi_lrs_auth": "",  # "key:secret" for the LRS's Basic auth
    "lab_socket": "",  # the lab service's socket (issue 19); empty: the platform's (app/lab/client.py)
    "language": "",  # "en", "es"; empty: the system's (issue 18, app/ui/language.py)
    # The look (issue 18): "system" (follow the OS), "light", "dark" or "high-contrast"; text size in
    # percent of the system's (100-200). A policy may preset them for a school's machines.
    "theme": "system",
    "text_scale": 100,
    "font": "",  # "" Atkinson Hyperlegible, "opendyslexic", or "system"
}

POLICY_KEYS = tuple(BUILTIN)


def _coerce(key: str, value: Any) -> Any:
    """Policy values arrive as strings from the registry or a file; give them the built-in's type."""
    default = BUILTIN.get(key)
    if isinstance(default, bool):
        if isinstance(value, str):
            return value.strip().lower() in {"1", "true", "yes", "on"}
        return bool(value)
    if isinstance(default, int):
        try:
            return int(value)
        except (TypeError, ValueError):
            log.warning("policy %s=%r is not a number; ignored", key, value)
            return default
    return "" if value is None else str(value)


def read_machine_policy() -> dict[str, Any]:
    """The machine policy for this system, keys normalised, unknown keys dropped."""
    raw = policy_sources.read_policy(os.environ.get(ENV_POLICY))
    return {k.lower(): _coerce(k.lower(), v) for k, v in raw.items() if k.lower() in BUILTIN}


def machine_defaults_path() -> Path:
    return Path(platformdirs.site_config_dir(APP_NAME, APP_AUTHOR)) / "defaults.json"


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        log.warning("could not read %s: %s", path, exc)
        return {}


def resolve_data_dir(cli_dir: str | None, policy: dict[str, Any]) -> Path:
    if cli_dir:
        return Path(cli_dir).expanduser().resolve()
    env = os.environ.get(ENV_HOME)
    if env:
        return Path(env).expanduser().resolve()
    if policy.get("data_dir"):
        return Path(policy["data_dir"]).expanduser()
    if policy.get("lab_mode"):
        # One machine-wide database that every OS user on a lab machine shares.
        return Path(platformdirs.site_data_dir(APP_NAME, APP_AUTHOR))
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


@dataclass
class Settings:
    """Resolved settings with the source of each value, so the UI can say "set by your school"."""

    data_dir: Path
    policy: dict[str, Any] = field(default_factory=dict)
    user: dict[str, Any] = field(default_factory=dict)
    machine: dict[str, Any] = field(default_factory=dict)
    # Chosen by a teacher in Tessera for this computer (app/people/machine_settings.py fills it and
    # sets ``save_teacher``, which ``set_user`` uses on a lab machine).
    teacher: dict[str, Any] = field(default_factory=dict)
    save_teacher: Callable[[str, Any], None] | None = None

    @property
    def lab_mode(self) -> bool:
        """From the machine policy only: no file a user can write switches the lab's protections off."""
        return _coerce("lab_mode", self.policy.get("lab_mode", False))

    def _layers(self) -> tuple[tuple[str, dict[str, Any]], ...]:
        if self.lab_mode:
            return (("policy", self.policy), ("teacher", self.teacher))
        return (
            ("policy", self.policy),
            ("teacher", self.teacher),
            ("user", self.user),
            ("machine", self.machine),
        )

    def get(self, key: str) -> Any:
        for _name, layer in self._layers():
            if key in layer and layer[key] not in (None, ""):
                return _coerce(key, layer[key])
        return BUILTIN.get(key)

    def source(self, key: str) -> str:
        for name, layer in self._layers():
            if key in layer and layer[key] not in (None, ""):
                return name
        return "built-in"

    def is_locked(self, key: str) -> bool:
        """A key set by policy cannot be changed by the user."""
        return self.source(key) == "policy"

    @property
    def user_settings_path(self) -> Path:
        return self.data_dir / "settings.json"

    @property
    def database_path(self) -> Path:
        return self.data_dir / "tessera.db"

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def files_dir(self) -> Path:
        return self.data_dir / "files"

    def set_user(self, key: str, value: Any) -> None:
        """The user's own setting; on a lab machine the teacher's choice for the machine instead
        (callers check that the acting user is a teacher, as SyncService.set_folder does)."""
        if key not in BUILTIN:
            raise KeyError(key)
        if self.lab_mode:
            if self.save_teacher is None:
                raise PermissionDenied(
                    "On a lab computer this is set by the school's policy or a teacher in Tessera."
                )
            self.save_teacher(key, value)
            return
        self.user[key] = value
        tmp = self.user_settings_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.user, indent=2), encoding="utf-8")
        os.replace(tmp, self.user_settings_path)


def load_settings(cli_data_dir: str | None = None) -> Settings:
    policy = read_machine_policy()
    data_dir = resolve_data_dir(cli_data_dir, policy)
    settings = Settings(data_dir=data_dir, policy=policy, machine=_read_json(machine_defaults_path()))
    # On a lab machine the file is not read (see Settings._layers), and the folder is the lab service's.
    settings.user = {} if settings.lab_mode else _read_json(settings.user_settings_path)
    return settings


def resources_dir() -> Path:
    """Shipped resources: beside the package in a checkout, or in the PyInstaller bundle."""
    import sys

    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"
