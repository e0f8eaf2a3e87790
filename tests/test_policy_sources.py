"""Machine policy on each system, tested on any system: a fake winreg module for Windows, a temporary
managed-preferences folder for macOS, a temporary policy.json for Linux; and the precedence
policy > user > machine default > built-in through app.config.load_settings."""

from __future__ import annotations

import json
import plistlib

import pytest

from app import config, policy_sources


class FakeWinreg:
    """The part of winreg that policy_sources uses, over a dict:
    {(hive, view): {subkey: {name: (value, kind)}}}."""

    HKEY_LOCAL_MACHINE, HKEY_CURRENT_USER = "HKLM", "HKCU"
    KEY_READ, KEY_WOW64_64KEY, KEY_WOW64_32KEY = 0x20019, 0x0100, 0x0200
    REG_SZ, REG_EXPAND_SZ, REG_DWORD, REG_MULTI_SZ = 1, 2, 4, 7

    def __init__(self, hives: dict, env: dict | None = None):
        self.hives = hives
        self.env = env or {}
        self.opened: list[tuple] = []

    # winreg's own names
    def OpenKey(self, hive, sub_key, reserved=0, access=KEY_READ):
        view = access & (self.KEY_WOW64_64KEY | self.KEY_WOW64_32KEY)
        self.opened.append((hive, sub_key, view))
        values = self.hives.get((hive, view), {}).get(sub_key)
        if values is None:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        return _Key(list(values.items()))

    def EnumValue(self, key, index):
        if index >= len(key.items):
            raise OSError(259, "No more data is available")
        name, (value, kind) = key.items[index]
        return name, value, kind

    def ExpandEnvironmentStrings(self, text):
        for k, v in self.env.items():
            text = text.replace(f"%{k}%", v)
        return text


class _Key:
    def __init__(self, items):
        self.items = items

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


KEY = policy_sources.WINDOWS_KEY
R = FakeWinreg


def msi_values(**given) -> dict:
    """What tessera.wxs writes: every property, empty when the administrator did not give it."""
    names = ["server_url", "sync_folder", "lab_mode", "idle_signout_minutes", "data_dir"]
    return {n: (str(given.get(n, "")), R.REG_SZ) for n in names}


def test_windows_machine_policy_from_the_msi():
    reg = FakeWinreg(
        {("HKLM", R.KEY_WOW64_64KEY): {KEY: msi_values(server_url="https://s.example", lab_mode="1")}}
    )
    # values the MSI left empty are "not set"
    assert policy_sources.read_windows_policy(reg) == {"server_url": "https://s.example", "lab_mode": "1"}
    assert ("HKLM", KEY, R.KEY_WOW64_64KEY) in reg.opened


def test_windows_views_and_user_policy_in_order():
    reg = FakeWinreg(
        {
            ("HKLM", R.KEY_WOW64_64KEY): {KEY: {"server_url": ("https://64.example", R.REG_SZ)}},
            ("HKLM", R.KEY_WOW64_32KEY): {
                KEY: {"server_url": ("https://32.example", R.REG_SZ), "lab_mode": (1, R.REG_DWORD)}
            },
            ("HKCU", 0): {
                KEY: {
                    "lab_mode": (0, R.REG_DWORD),
                    "idle_signout_minutes": (7, R.REG_DWORD),
                    "data_dir": ("%ProgramData%\\Tessera\\Lab", R.REG_EXPAND_SZ),
                    "sync_folder": (["a", "b"], R.REG_MULTI_SZ),
                }
            },
        },
        env={"ProgramData": "C:\\ProgramData"},
    )
    assert policy_sources.read_windows_policy(reg) == {
        "server_url": "https://64.example",  # the 64-bit view wins over the 32-bit one
        "lab_mode": 1,  # the machine wins over the user
        "idle_signout_minutes": 7,
        "data_dir": "C:\\ProgramData\\Tessera\\Lab",  # REG_EXPAND_SZ expanded
    }


def test_windows_without_the_key_is_empty():
    assert policy_sources.read_windows_policy(FakeWinreg({})) == {}


def test_read_policy_dispatches_by_platform(monkeypatch, tmp_path):
    reg = FakeWinreg({("HKLM", R.KEY_WOW64_64KEY): {KEY: {"server_url": ("https://w.example", R.REG_SZ)}}})
    monkeypatch.setattr(policy_sources, "_winreg", lambda: reg)
    assert policy_sources.read_policy(platform="win32") == {"server_url": "https://w.example"}

    linux = tmp_path / "policy.json"
    linux.write_text(json.dumps({"server_url": "https://l.example", "sync_folder": ""}))
    monkeypatch.setattr(policy_sources, "LINUX_POLICY", linux)
    assert policy_sources.read_policy(platform="linux") == {"server_url": "https://l.example"}

    managed = tmp_path / "Managed Preferences"
    managed.mkdir()
    (managed / "org.tessera.Tessera.plist").write_bytes(plistlib.dumps({"server_url": "https://m.example"}))
    monkeypatch.setattr(policy_sources, "MACOS_MANAGED_DIR", managed)
    assert policy_sources.read_policy(platform="darwin") == {"server_url": "https://m.example"}

    # an override file (TESSERA_POLICY_FILE) replaces the system's policy
    override = tmp_path / "override.json"
    override.write_text(json.dumps({"lab_mode": True}))
    assert policy_sources.read_policy(str(override), platform="win32") == {"lab_mode": True}


def test_a_broken_reader_never_stops_the_app(monkeypatch, caplog):
    def boom():
        raise PermissionError("access denied")

    monkeypatch.setattr(policy_sources, "_winreg", boom)
    assert policy_sources.read_policy(platform="win32") == {}
    assert "machine policy unreadable" in caplog.text


def test_macos_machine_and_per_user_managed_preferences(tmp_path, caplog):
    managed = tmp_path / "Managed Preferences"
    (managed / "ana").mkdir(parents=True)
    (managed / "org.tessera.Tessera.plist").write_bytes(
        plistlib.dumps({"server_url": "https://machine.example", "lab_mode": True, "sync_folder": ""})
    )
    (managed / "ana" / "org.tessera.Tessera.plist").write_bytes(
        plistlib.dumps(
            {"server_url": "https://ana.example", "idle_signout_minutes": 3}, fmt=plistlib.FMT_BINARY
        )
    )
    assert policy_sources.read_macos_policy(managed, user="ana") == {
        "server_url": "https://ana.example",  # the user's profile wins, as with CFPreferences
        "lab_mode": True,
        "idle_signout_minutes": 3,
    }
    assert policy_sources.read_macos_policy(managed, user="ben") == {
        "server_url": "https://machine.example",
        "lab_mode": True,
    }
    (managed / "ana" / "org.tessera.Tessera.plist").write_bytes(b"not a plist")
    assert policy_sources.read_macos_policy(managed, user="ana")["server_url"] == "https://machine.example"
    assert "unreadable" in caplog.text
    assert policy_sources.read_macos_policy(tmp_path / "none", user="ana") == {}


def test_linux_policy_file(tmp_path, caplog):
    path = tmp_path / "policy.json"
    assert policy_sources.read_linux_policy(path) == {}
    path.write_text(json.dumps({"lab_mode": True, "data_dir": "/srv/tessera", "server_url": " "}))
    assert policy_sources.read_linux_policy(path) == {"lab_mode": True, "data_dir": "/srv/tessera"}
    path.write_text("[1, 2]")
    assert policy_sources.read_linux_policy(path) == {}
    path.write_text("{oops")
    assert policy_sources.read_linux_policy(path) == {}
    assert "unreadable" in caplog.text


# --- precedence through the real settings code, one system at a time -------------------------


@pytest.fixture
def on_system(monkeypatch, tmp_path):
    """Make load_settings read the policy of `system` from fakes, with a machine default file."""
    monkeypatch.delenv("TESSERA_POLICY_FILE", raising=False)
    defaults = tmp_path / "site" / "defaults.json"
    defaults.parent.mkdir()
    defaults.write_text(json.dumps({"sync_folder": "/machine/default", "idle_signout_minutes": 20}))
    monkeypatch.setattr(config, "machine_defaults_path", lambda: defaults)

    def setup(system: str, policy: dict) -> None:
        monkeypatch.setattr(policy_sources, "current_platform", lambda: system)
        if system == "win32":
            values = {k: (str(v), R.REG_SZ) for k, v in policy.items()}
            reg = FakeWinreg({("HKLM", R.KEY_WOW64_64KEY): {KEY: values}})
            monkeypatch.setattr(policy_sources, "_winreg", lambda: reg)
        elif system == "darwin":
            managed = tmp_path / "managed"
            managed.mkdir()
            (managed / "org.tessera.Tessera.plist").write_bytes(plistlib.dumps(policy))
            monkeypatch.setattr(policy_sources, "MACOS_MANAGED_DIR", managed)
        else:
            path = tmp_path / "etc-policy.json"
            path.write_text(json.dumps(policy))
            monkeypatch.setattr(policy_sources, "LINUX_POLICY", path)

    return setup


@pytest.mark.parametrize("system", ["win32", "darwin", "linux"])
@pytest.mark.parametrize("lab", [False, True])
def test_precedence_policy_user_machine_builtin(on_system, system, lab, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(
        json.dumps({"server_url": "https://user.example", "idle_signout_minutes": 30, "pin_required": False})
    )
    # The MSI writes every property; those not given are empty and must not count as policy.
    policy = {"server_url": "https://school.example", "lab_mode": lab, "sync_folder": "", "data_dir": ""}
    if system == "win32":
        policy = {k: ({True: "1", False: "0"}[v] if isinstance(v, bool) else v) for k, v in policy.items()}
    if system == "darwin":
        policy = {k: v for k, v in policy.items() if v != ""}  # plists only carry what is set
    on_system(system, policy)

    s = config.load_settings(str(data))
    assert s.get("server_url") == "https://school.example" and s.source("server_url") == "policy"
    assert s.is_locked("server_url")
    assert s.get("lab_mode") is lab and s.source("lab_mode") == "policy" and s.lab_mode is lab
    assert s.get("checkins_enabled") is True and s.source("checkins_enabled") == "built-in"
    if lab:
        # settings.json (every student's OS account can write the lab's data folder) and defaults.json
        # (a file users may change) are not read on a lab machine: built-in, or a teacher in Tessera.
        assert s.get("idle_signout_minutes") == 10 and s.source("idle_signout_minutes") == "built-in"
        assert s.get("pin_required") is True and s.source("pin_required") == "built-in"
        assert s.get("sync_folder") == "" and s.source("sync_folder") == "built-in"
        s.teacher["idle_signout_minutes"] = 15
        assert s.get("idle_signout_minutes") == 15 and s.source("idle_signout_minutes") == "teacher"
    else:
        assert s.get("idle_signout_minutes") == 30 and s.source("idle_signout_minutes") == "user"
        assert s.get("pin_required") is False and s.source("pin_required") == "user"
        assert s.get("sync_folder") == "/machine/default" and s.source("sync_folder") == "machine"
        s.set_user("server_url", "https://mine.example")  # a user cannot override the school
        assert s.get("server_url") == "https://school.example"


@pytest.mark.parametrize("system", ["win32", "darwin", "linux"])
def test_policy_data_dir_decides_where_data_lives(on_system, system, monkeypatch, tmp_path):
    lab = tmp_path / "LabData"
    value = {"win32": "1", "darwin": True, "linux": True}[system]
    on_system(system, {"lab_mode": value, "data_dir": str(lab), "idle_signout_minutes": "5"})
    s = config.load_settings()
    assert s.data_dir == lab and s.get("idle_signout_minutes") == 5
    monkeypatch.setenv("TESSERA_HOME", str(tmp_path / "home"))  # the command line and env still win
    assert config.load_settings().data_dir == (tmp_path / "home").resolve()
