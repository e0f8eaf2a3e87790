"""The macOS pieces that cannot run here are at least consistent: the sample configuration profile
sets keys Tessera reads, for the domain it reads, with the types it expects; the DMG settings lay
out the app and an Applications link; the app bundle has Tessera's bundle id."""

from __future__ import annotations

import plistlib
import runpy
import subprocess
import uuid
from pathlib import Path

from app import config, policy_sources

REPO = Path(__file__).resolve().parents[2]
MACOS = REPO / "installer" / "macos"


def profile() -> dict:
    with (MACOS / "org.tessera.Tessera.mobileconfig").open("rb") as fh:
        return plistlib.load(fh)


def test_profile_is_a_system_configuration_for_tesseras_domain():
    p = profile()
    assert p["PayloadType"] == "Configuration" and p["PayloadScope"] == "System"
    (payload,) = p["PayloadContent"]
    assert payload["PayloadType"] == policy_sources.MACOS_DOMAIN == "org.tessera.Tessera"
    uuids = {p["PayloadUUID"], payload["PayloadUUID"]}
    assert len(uuids) == 2 and all(uuid.UUID(u) for u in uuids)


def test_what_the_profile_sets_is_what_tessera_reads(tmp_path):
    (payload,) = profile()["PayloadContent"]
    settings = {k: v for k, v in payload.items() if not k.startswith("Payload")}
    assert settings and set(settings) <= set(config.BUILTIN)
    for key, value in settings.items():
        assert type(value) is type(config.BUILTIN[key]), key  # plist types match the built-ins
    # macOS turns the profile into this file; Tessera's reader gives back the same settings
    (tmp_path / "org.tessera.Tessera.plist").write_bytes(plistlib.dumps(settings, fmt=plistlib.FMT_BINARY))
    raw = policy_sources.read_macos_policy(tmp_path, user="nobody")
    assert {k: config._coerce(k, v) for k, v in raw.items()} == settings


def test_dmg_settings_put_the_app_beside_applications():
    defines = {"app": "dist/Tessera.app", "icon": "does/not/exist.icns"}
    ns = runpy.run_path(str(MACOS / "dmg_settings.py"), init_globals={"defines": defines})
    assert ns["files"] == ["dist/Tessera.app"]
    assert ns["symlinks"] == {"Applications": "/Applications"}
    assert set(ns["icon_locations"]) == {"Tessera.app", "Applications"}
    assert ns["icon"] is None  # a missing icon is left out, not an error


def test_bundle_id_and_entitlements():
    spec = (REPO / "installer" / "tessera.spec").read_text()
    assert 'bundle_identifier="org.tessera.Tessera"' in spec
    with (MACOS / "entitlements.plist").open("rb") as fh:
        ent = plistlib.load(fh)
    assert "com.apple.security.cs.disable-library-validation" not in ent


def test_sign_script_is_valid_bash_and_does_the_apple_steps():
    script = MACOS / "sign_and_notarize.sh"
    subprocess.run(["bash", "-n", str(script)], check=True)
    text = script.read_text()
    for step in ("--options runtime", "--timestamp", "notarytool submit", "--wait", "stapler staple"):
        assert step in text
    # refuses to run anywhere but a Mac, before touching anything
    proc = subprocess.run(["bash", str(script)], capture_output=True, text=True, check=False)
    if proc.returncode != 0 and "macOS only" in proc.stderr:
        return
    assert proc.returncode != 0  # on a Mac without credentials it stops too
