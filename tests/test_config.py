"""Paths and settings: --data-dir > TESSERA_HOME > policy > platform folder; policy > user > machine > built-in."""

from __future__ import annotations

import json

from app import config


def test_data_dir_precedence(tmp_path, monkeypatch):
    policy = {"data_dir": str(tmp_path / "policy-dir")}
    monkeypatch.setenv("TESSERA_HOME", str(tmp_path / "env-dir"))
    assert config.resolve_data_dir(str(tmp_path / "cli"), policy) == (tmp_path / "cli").resolve()
    assert config.resolve_data_dir(None, policy) == (tmp_path / "env-dir").resolve()
    monkeypatch.delenv("TESSERA_HOME")
    assert config.resolve_data_dir(None, policy) == tmp_path / "policy-dir"
    lab = config.resolve_data_dir(None, {"lab_mode": True})
    user = config.resolve_data_dir(None, {})
    assert lab != user  # lab mode: one machine-wide folder shared by every OS user


def test_setting_precedence(tmp_path, monkeypatch):
    policy_file = tmp_path / "policy.json"
    # Not a lab machine: the user's own settings count (on a lab machine they do not; see
    # tests/people/test_machine_settings.py).
    policy_file.write_text(json.dumps({"idle_signout_minutes": "5", "LAB_MODE": "0", "unknown": 3}))
    monkeypatch.setenv("TESSERA_POLICY_FILE", str(policy_file))
    s = config.load_settings(str(tmp_path / "data"))
    (tmp_path / "data").mkdir()
    assert s.get("idle_signout_minutes") == 5 and s.source("idle_signout_minutes") == "policy"
    assert s.get("lab_mode") is False and s.source("lab_mode") == "policy"
    assert "unknown" not in s.policy
    s.set_user("idle_signout_minutes", 30)  # a user cannot override policy
    assert s.get("idle_signout_minutes") == 5 and s.is_locked("idle_signout_minutes")
    s.set_user("sync_folder", "/mnt/share")
    s.machine["sync_folder"] = "/machine/default"
    assert s.get("sync_folder") == "/mnt/share" and s.source("sync_folder") == "user"
    s.user.pop("sync_folder")
    assert s.get("sync_folder") == "/machine/default" and s.source("sync_folder") == "machine"
    s.machine.clear()
    assert s.get("sync_folder") == "" and s.source("sync_folder") == "built-in"
    # user settings persist in the data folder
    again = config.load_settings(str(tmp_path / "data"))
    assert again.user["idle_signout_minutes"] == 30


def test_broken_policy_file_is_ignored(tmp_path, monkeypatch):
    bad = tmp_path / "policy.json"
    bad.write_text("{not json")
    monkeypatch.setenv("TESSERA_POLICY_FILE", str(bad))
    s = config.load_settings(str(tmp_path / "d"))
    assert s.get("idle_signout_minutes") == config.BUILTIN["idle_signout_minutes"]
