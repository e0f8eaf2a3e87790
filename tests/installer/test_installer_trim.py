"""What the bundle keeps of Qt (installer/bundle_trim.py), on the path shapes of all three systems,
and that the kept part is closed: nothing kept links to a Qt library that was dropped."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

KEPT = [
    # Linux
    "PySide6/Qt/lib/libQt6Core.so.6",
    "PySide6/Qt/lib/libQt6Charts.so.6",
    "PySide6/Qt/lib/libQt6OpenGLWidgets.so.6",
    "PySide6/Qt/lib/libQt6XcbQpa.so.6",
    "PySide6/Qt/lib/libicudata.so.73",
    "libQt6Widgets.so.6",  # the top-level symlink PyInstaller adds
    "PySide6/Qt/plugins/platforms/libqxcb.so",
    "PySide6/Qt/plugins/platforms/libqwayland.so",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so",
    "PySide6/Qt/plugins/imageformats/libqsvg.so",
    "PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so",
    # Windows
    "PySide6/Qt6Gui.dll",
    "PySide6\\Qt6Charts.dll",
    "PySide6/plugins/platforms/qwindows.dll",
    "PySide6/plugins/styles/qmodernwindowsstyle.dll",
    "PySide6/MSVCP140.dll",
    # macOS
    "PySide6/Qt/lib/QtCore.framework/Versions/A/QtCore",
    "PySide6/Qt/lib/QtWidgets.framework/Resources/Info.plist",
    "PySide6/Qt/plugins/platforms/libqcocoa.dylib",
    "PySide6/Qt/plugins/styles/libqmacstyle.dylib",
    # not Qt at all
    "app/store/migrations/env.py",
    "resources/framework/default.json",
    "libpython3.11.so.1.0",
    "PySide6/QtCore.abi3.so",
]

DROPPED = [
    "PySide6/Qt/lib/libQt6Quick.so.6",
    "PySide6/Qt/lib/libQt6Qml.so.6",
    "PySide6/Qt/lib/libQt6WebEngineCore.so.6",
    "PySide6/Qt/lib/libQt63DCore.so.6",
    "PySide6/Qt/lib/libQt6Multimedia.so.6",
    "PySide6/Qt/lib/libQt6Designer.so.6",
    "PySide6/Qt/lib/libQt6Network.so.6",
    "PySide6/Qt/lib/libQt6VirtualKeyboard.so.6",
    "libQt6Quick.so.6",
    "PySide6/Qt/plugins/platforms/libqeglfs.so",
    "PySide6/Qt/plugins/platforms/libqvnc.so",
    "PySide6/Qt/plugins/platforms/libqlinuxfb.so",
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
    "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
    "PySide6/Qt/plugins/imageformats/libqjpeg.so",
    "PySide6/Qt/plugins/imageformats/libqpdf.so",
    "PySide6/Qt/plugins/tls/libqopensslbackend.so",
    "PySide6/Qt/plugins/egldeviceintegrations/libqeglfs-kms-integration.so",
    "PySide6/Qt/plugins/generic/libqevdevmouseplugin.so",
    "PySide6/Qt/plugins/wayland-shell-integration/libivi-shell.so",
    "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
    "PySide6/Qt/qml/QtQuick/Controls/qmldir",
    "PySide6/Qt/libexec/QtWebEngineProcess",
    "PySide6/Qt/lib/libavcodec.so.61",
    "PySide6/Qt/lib/libQt6FFmpegStub-ssl.so.3",
    "PySide6/avformat-61.dll",
    "PySide6/Qt6Quick.dll",
    "PySide6/opengl32sw.dll",
    "PySide6/plugins/platforms/qdirect2d.dll",
    "PySide6/Qt/lib/QtQuick.framework/Versions/A/QtQuick",
    "PySide6/Qt/lib/QtQml.framework/Resources/Info.plist",
]


@pytest.mark.parametrize("dest", KEPT)
def test_keeps_what_tessera_uses(trim, dest):
    assert trim.keep(dest)


@pytest.mark.parametrize("dest", DROPPED)
def test_drops_what_tessera_does_not_use(trim, dest):
    assert not trim.keep(dest)


def test_qt_translations_only_for_shipped_languages(trim, tmp_path):
    assert not trim.keep("PySide6/Qt/translations/qtbase_de.qm")
    assert trim.keep("PySide6/Qt/translations/qtbase_de.qm", ["de"])
    assert trim.keep("PySide6/Qt/translations/qt_de.qm", ["de"])
    assert trim.keep("PySide6/translations/qtbase_pt_BR.qm", ["pt"])
    assert not trim.keep("PySide6/Qt/translations/qtmultimedia_de.qm", ["de"])
    assert not trim.keep("PySide6/Qt/translations/qtbase_fr.qm", ["de"])
    assert trim.keep("resources/translations/tessera_de.qm")  # Tessera's own are never touched

    (tmp_path / "translations").mkdir()
    for name in ("tessera_de.qm", "tessera_pt_BR.qm", "tessera_de.ts"):
        (tmp_path / "translations" / name).write_bytes(b"")
    assert trim.shipped_languages(tmp_path) == ["de", "pt", "pt_BR"]
    assert trim.shipped_languages(tmp_path / "nothing") == []


def test_linux_system_libraries_are_left_to_the_system(trim):
    toc = [
        ("libstdc++.so.6", "/usr/lib/libstdc++.so.6", "BINARY"),
        ("libfontconfig.so.1", "/usr/lib/libfontconfig.so.1", "BINARY"),
        ("libxcb-cursor.so.0", "/usr/lib/libxcb-cursor.so.0", "BINARY"),
    ]
    assert [e[0] for e in trim.drop_system_libs(toc)] == ["libxcb-cursor.so.0"]


def test_prune_drops_libraries_only_dropped_parts_needed(trim):
    binaries = [
        ("libpython3.11.so.1.0", "/py/libpython", "BINARY"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/qt/gui", "BINARY"),
        ("python3.11/lib-dynload/_ssl.so", "/py/_ssl", "EXTENSION"),
        ("libssl.so.3", "/lib/libssl", "BINARY"),
        ("libcrypto.so.3", "/lib/libcrypto", "BINARY"),
        ("libpng16.so.16", "/lib/libpng", "BINARY"),
        ("libcairo.so.2", "/lib/libcairo", "BINARY"),  # was needed by the GTK theme plugin only
        ("libpixman-1.so.0", "/lib/libpixman", "BINARY"),
    ]
    needs = {
        "/qt/gui": ["libpng16.so.16", "libc.so.6"],
        "/py/_ssl": ["libssl.so.3"],
        "/lib/libssl": ["libcrypto.so.3"],
        "/lib/libcairo": ["libpixman-1.so.0"],
    }
    kept, dropped = trim.prune_unreferenced(binaries, lambda src: needs.get(src, []))
    assert dropped == ["libcairo.so.2", "libpixman-1.so.0"]
    assert {e[0] for e in kept} == {e[0] for e in binaries} - set(dropped)

    def broken(src):
        raise ValueError("unreadable")

    kept, dropped = trim.prune_unreferenced(binaries, broken)  # when in doubt, keep everything
    assert kept == binaries and dropped == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF")
def test_elf_needed_matches_readelf(trim):
    import PySide6

    lib = Path(PySide6.__file__).parent / "Qt" / "lib" / "libQt6Widgets.so.6"
    needed = trim.elf_needed(lib)
    assert "libQt6Gui.so.6" in needed and "libQt6Core.so.6" in needed
    if shutil.which("readelf"):
        out = subprocess.run(["readelf", "-d", str(lib)], capture_output=True, text=True, check=True).stdout
        assert needed == [line.split("[")[1].rstrip("]") for line in out.splitlines() if "(NEEDED)" in line]
    with pytest.raises(ValueError):
        trim.elf_needed(Path(__file__))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux wheel layout")
def test_kept_qt_is_closed_under_linking(trim):
    """Every Qt library a kept library or plugin links to is kept too (guards PySide6 upgrades)."""
    import PySide6

    root = Path(PySide6.__file__).parent
    kept = [p for p in (root / "Qt").rglob("*.so*") if trim.keep(p.relative_to(root.parent).as_posix())]
    assert kept
    for path in kept:
        for name in trim.elf_needed(path):
            if name.startswith("libQt6"):
                assert trim.keep(f"PySide6/Qt/lib/{name}"), f"{path.name} needs {name}, which is dropped"
    for module in ("Core", "Gui", "Widgets", "Charts"):
        assert (root / "Qt" / "lib" / f"libQt6{module}.so.6").exists()
