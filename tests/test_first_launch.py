"""First launch on a plain Debian desktop (issue 20, item 1): when Qt's X11 plugin cannot load, the app
names the missing libraries and the packages (Qt's own abort named the wrong one); the README's desktop
line lists them; `sync --folder` on a folder that does not exist yet says how to make it, or makes it
with --create (never when its parent is missing too)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from app.ui.qt_preflight import DEBIAN_PACKAGES, missing_libraries, platform_plugin, preflight_message

ROOT = Path(__file__).resolve().parents[1]
# ldd's answer on the plain Debian desktop of the issue (trimmed).
LDD = """\tlinux-vdso.so.1 (0x00007ffd)
\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x00007f)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-icccm.so.4 => not found
\tlibX11.so.6 => /lib/x86_64-linux-gnu/libX11.so.6 (0x00007f)
"""


def _fake_ldd(tmp_path: Path, text: str) -> Path:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    ldd = bin_dir / "ldd"
    ldd.write_text("#!/bin/sh\ncat <<'EOF'\n" + text + "EOF\n")
    ldd.chmod(0o755)
    return bin_dir


def test_the_message_names_what_is_missing_and_the_packages(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(_fake_ldd(tmp_path, LDD)) + os.pathsep + os.environ["PATH"])
    plugin = tmp_path / "libqxcb.so"
    plugin.write_bytes(b"\x7fELF")
    assert missing_libraries(plugin) == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]
    text = preflight_message({"DISPLAY": ":0"}, plugin)
    assert "libxcb-icccm.so.4" in text and "libxcb-keysyms.so.1" in text
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1" in text and "libxcb-cursor" not in text
    assert preflight_message({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, plugin) == ""
    assert preflight_message({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}, plugin) == ""


def test_the_app_says_so_instead_of_qt_aborting(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.update(DISPLAY=":99", PATH=str(_fake_ldd(tmp_path, LDD)) + os.pathsep + os.environ["PATH"])
    env.pop("WAYLAND_DISPLAY", None)
    p = subprocess.run([sys.executable, "-m", "app", "--data-dir", str(tmp_path / "data")], cwd=ROOT, env=env,
                       capture_output=True, text=True, timeout=120)  # fmt: skip
    assert p.returncode == 1
    assert "lacks libraries" in p.stderr and "libxcb-keysyms1" in p.stderr
    assert "could not load the Qt platform plugin" not in p.stderr.lower()  # Qt never got to abort


def test_the_check_agrees_with_ldd_on_this_machine():
    plugin = platform_plugin("xcb")
    if plugin is None or sys.platform != "linux":
        return
    raw = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True).stdout
    found = missing_libraries(plugin)
    assert set(found) == {line.split()[0] for line in raw.splitlines() if "not found" in line}
    assert all(lib in DEBIAN_PACKAGES for lib in found)  # every one gets its package name


def test_the_readme_lists_what_a_desktop_needs_and_where_the_data_is():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for package in ("libxcb-icccm4", "libxcb-keysyms1", "libxcb-cursor0", "libxkbcommon-x11-0"):
        assert package in readme
    assert "~/.local/share/Tessera" in readme and "start over" in readme.lower() and "--create" in readme


def _sync(args, tmp_path):
    return subprocess.run([sys.executable, "-m", "app", "sync", "--data-dir", str(tmp_path / "data"), *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)  # fmt: skip


def test_sync_to_a_folder_that_does_not_exist_yet_says_how_or_makes_it(tmp_path):
    share = tmp_path / "share"
    p = _sync(["--folder", str(share)], tmp_path)
    assert p.returncode == 3 and "does not exist yet" in p.stderr and "--create" in p.stderr
    assert not share.exists() and not (tmp_path / "data" / "tessera.db").exists()  # nothing made unasked
    p = _sync(["--folder", str(share), "--create"], tmp_path)
    assert p.returncode == 0, p.stderr
    assert (share / "tessera-sync").is_dir()
    gone = tmp_path / "unplugged-stick" / "share"
    p = _sync(["--folder", str(gone), "--create"], tmp_path)
    assert p.returncode == 3 and "connected" in p.stderr and not gone.parent.exists()
