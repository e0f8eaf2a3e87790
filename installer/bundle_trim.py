"""What Tessera's bundle keeps: the rules installer/tessera.spec applies to PyInstaller's collection.

PyInstaller's Qt hooks collect every plugin, translation and helper library that the imported Qt
modules *might* use; Tessera is a Qt Widgets app with one chart and needs far less. The spec runs
the collected binaries and datas through :func:`keep` (plain path rules, tested in
``tests/installer``); on Linux it then leaves :data:`LINUX_SYSTEM_LIBS` to the system and
:func:`prune_unreferenced` drops libraries that nothing kept links to any more.

Kept: QtCore, QtGui, QtWidgets, QtCharts and what Charts links (QtOpenGL, QtOpenGLWidgets), QtDBus
(Linux desktop integration, input methods), QtSvg (SVG icons), the platform glue for X11 and
Wayland, and one platform plugin per system plus ``offscreen``/``minimal`` for the self-test.
Dropped: QML/Quick, WebEngine, 3D, Multimedia and its FFmpeg, Designer, PDF, networking/TLS,
positioning, the eglfs/linuxfb/vnc platforms, evdev input, the virtual keyboard, the GTK theme (it
drags in GTK, cairo and pango), the printing backend, the software OpenGL renderer on Windows, and
every Qt translation except those for languages Tessera itself ships.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Callable, Iterable
from pathlib import Path

# Qt libraries by module name (libQt6<Name>.so.6, Qt6<Name>.dll, Qt<Name>.framework).
KEEP_QT_LIBS = frozenset(
    {
        "Core",
        "Gui",
        "Widgets",
        "Charts",
        "OpenGL",
        "OpenGLWidgets",
        "DBus",
        "Svg",
        "XcbQpa",
        "WaylandClient",
        "WlShellIntegration",
    }
)

# Plugins by folder; a folder not listed here is dropped whole. Names are the file's stem
# without a leading "lib" (libqxcb.so -> qxcb, qwindows.dll -> qwindows). None keeps the folder.
KEEP_PLUGINS: dict[str, frozenset[str] | None] = {
    "platforms": frozenset({"qxcb", "qwayland", "qoffscreen", "qminimal", "qwindows", "qcocoa"}),
    "platformthemes": frozenset({"qxdgdesktopportal"}),  # native file dialogs via the portal
    "platforminputcontexts": frozenset(
        {
            "composeplatforminputcontextplugin",  # dead keys and accents on Linux
            "ibusplatforminputcontextplugin",  # input methods (CJK and others)
        }
    ),
    "imageformats": frozenset({"qsvg", "qico"}),  # PNG is built into QtGui
    "iconengines": frozenset({"qsvgicon"}),
    "styles": None,  # qmodernwindowsstyle / qmacstyle: the native look
    "xcbglintegrations": None,  # small; keeps QOpenGLWidget working should a chart ask for it
    "wayland-shell-integration": frozenset({"xdg-shell"}),
    "wayland-decoration-client": frozenset({"bradient"}),
}

# Whole trees nothing in Tessera loads.
DROP_DIRS = ("qml", "libexec", "resources", "metatypes", "typesystems", "include", "glue", "doc")
# Single files dropped by name (Windows software OpenGL: 20 MB, used only by Qt Quick / GL).
DROP_FILES = frozenset({"opengl32sw.dll"})

# Linux libraries every desktop provides and that must match the running system (the graphics
# driver, the font configuration, the session bus), so the bundle uses the system's copy. This is
# the part of AppImage's excludelist that PyInstaller would otherwise copy from the build machine;
# a libstdc++ older than the one the system's GL driver needs is the classic crash it avoids.
# libdbus-1 talks to the desktop's bus daemon; leaving it out also leaves out libsystemd,
# libgcrypt, liblz4 and libzstd, which only it needed.
LINUX_SYSTEM_LIBS = frozenset(
    {
        "libstdc++.so.6",
        "libgcc_s.so.1",
        "libz.so.1",
        "libexpat.so.1",
        "libuuid.so.1",
        "libfontconfig.so.1",
        "libfreetype.so.6",
        "libharfbuzz.so.0",
        "libglib-2.0.so.0",
        "libgobject-2.0.so.0",
        "libgio-2.0.so.0",
        "libgthread-2.0.so.0",
        "libgpg-error.so.0",
        "libcom_err.so.2",
        "libX11.so.6",
        "libxcb.so.1",
        "libGL.so.1",
        "libEGL.so.1",
        "libdbus-1.so.3",
        "libwayland-client.so.0",
        "libwayland-cursor.so.0",
        "libwayland-egl.so.1",  # match the compositor
    }
)

_QT_LIB = re.compile(r"^(?:lib)?Qt6([A-Za-z0-9_-]+?)(?:\.so(?:\.\d+)*|\.dll|\.\d+\.dylib|\.dylib)$")
_QT_FRAMEWORK = re.compile(r"^Qt([A-Za-z0-9]+)\.framework$")
# FFmpeg, which only QtMultimedia loads (libavcodec.so.61, avformat-61.dll, libswscale.8.dylib...).
_FFMPEG = re.compile(r"^(?:lib)?(?:avcodec|avdevice|avfilter|avformat|avutil|swresample|swscale)[-.]")
_PLUGIN_EXT = re.compile(r"\.(?:so|dll|dylib)$")
_TRANSLATION = re.compile(r"^(qt|qtbase)_([a-z]{2,3}(?:_[A-Za-z]{2,4})?)\.qm$")


def qt_module_of(dest: str) -> str | None:
    """The Qt module a library path belongs to ("Quick" for libQt6Quick.so.6), else None."""
    parts = dest.replace("\\", "/").split("/")
    for part in parts:
        m = _QT_FRAMEWORK.match(part)
        if m:
            return m.group(1)
    m = _QT_LIB.match(parts[-1])
    return m.group(1) if m else None


def plugin_of(dest: str) -> tuple[str, str] | None:
    """(folder, name) for a Qt plugin path such as PySide6/Qt/plugins/platforms/libqxcb.so."""
    parts = dest.replace("\\", "/").split("/")
    if "plugins" not in parts[:-2] or not parts[0].startswith("PySide6"):
        return None
    i = len(parts) - 1 - parts[::-1].index("plugins")
    if i + 2 >= len(parts):
        return None
    stem = _PLUGIN_EXT.sub("", parts[-1])
    stem = stem.removeprefix("lib")
    return parts[i + 1], stem


def translation_language(dest: str) -> str | None:
    """For a file in Qt's translations folder: the language of a qt_/qtbase_ catalogue
    (qtbase_de.qm -> "de"), or "" for any other catalogue (qtmultimedia_de.qm: always dropped).
    None for files outside that folder."""
    parts = dest.replace("\\", "/").split("/")
    if "translations" not in parts[:-1] or not parts[0].startswith("PySide6"):
        return None
    m = _TRANSLATION.match(parts[-1])
    return m.group(2) if m else ""


def keep(dest: str, languages: Iterable[str] = ()) -> bool:
    """Whether the bundle keeps the file collected at ``dest`` (a path inside the bundle)."""
    path = dest.replace("\\", "/")
    parts = path.split("/")
    if parts[-1] in DROP_FILES:
        return False
    if parts[0].startswith("PySide6") and any(d in parts[:-1] for d in DROP_DIRS):
        return False
    if parts[0].startswith("PySide6") and _FFMPEG.match(parts[-1]):
        return False
    module = qt_module_of(path)
    if module is not None:
        return module in KEEP_QT_LIBS
    plugin = plugin_of(path)
    if plugin is not None:
        folder, name = plugin
        if folder not in KEEP_PLUGINS:
            return False
        wanted = KEEP_PLUGINS[folder]
        return wanted is None or name in wanted
    lang = translation_language(path)
    if lang is not None:
        wanted_langs = set(languages)
        return bool(lang) and (lang in wanted_langs or lang.split("_")[0] in wanted_langs)
    return True


def shipped_languages(resources: Path) -> list[str]:
    """Languages Tessera ships translations for (resources/translations/<anything>_<lang>.qm).
    Qt's own catalogues are kept for exactly these, so standard dialogs match the app."""
    langs = set()
    for qm in (resources / "translations").glob("*.qm"):
        _, _, lang = qm.stem.partition("_")
        if lang:
            langs.add(lang)
            langs.add(lang.split("_")[0])
    return sorted(langs)


def filter_toc(toc: Iterable[tuple], languages: Iterable[str] = ()) -> list[tuple]:
    langs = list(languages)
    return [entry for entry in toc if keep(entry[0], langs)]


def drop_system_libs(binaries: Iterable[tuple]) -> list[tuple]:
    """Leave :data:`LINUX_SYSTEM_LIBS` to the system (call on Linux only)."""
    return [e for e in binaries if Path(e[0]).name not in LINUX_SYSTEM_LIBS]


def elf_needed(path: str | Path) -> list[str]:
    """The DT_NEEDED entries of an ELF file: the libraries it links to directly (``ldd`` would
    list the whole closure). Read from the program headers, which stripping keeps."""
    data = Path(path).read_bytes()
    if data[:4] != b"\x7fELF":
        raise ValueError(f"{path} is not an ELF file")
    is64, end = data[4] == 2, "<" if data[5] == 1 else ">"
    if is64:
        (phoff,) = struct.unpack_from(end + "Q", data, 0x20)
        phentsize, phnum = struct.unpack_from(end + "HH", data, 0x36)
        ph_fmt, dyn_fmt = end + "IIQQQQQQ", end + "qQ"
    else:
        (phoff,) = struct.unpack_from(end + "I", data, 0x1C)
        phentsize, phnum = struct.unpack_from(end + "HH", data, 0x2A)
        ph_fmt, dyn_fmt = end + "IIIIIIII", end + "iI"
    loads, dynamic = [], None
    for i in range(phnum):
        f = struct.unpack_from(ph_fmt, data, phoff + i * phentsize)
        # 64-bit: type, flags, offset, vaddr, paddr, filesz; 32-bit: type, offset, vaddr, paddr, filesz
        p_type, p_offset, p_vaddr, p_filesz = (f[0], f[2], f[3], f[5]) if is64 else (f[0], f[1], f[2], f[4])
        if p_type == 1:  # PT_LOAD
            loads.append((p_vaddr, p_offset, p_filesz))
        elif p_type == 2:  # PT_DYNAMIC
            dynamic = (p_offset, p_filesz)
    if dynamic is None:
        return []

    def file_offset(vaddr: int) -> int:
        for start, off, size in loads:
            if start <= vaddr < start + size:
                return off + vaddr - start
        raise ValueError(f"{path}: address {vaddr:#x} outside the loaded segments")

    needed, strtab = [], None
    size = struct.calcsize(dyn_fmt)
    for pos in range(dynamic[0], dynamic[0] + dynamic[1], size):
        tag, val = struct.unpack_from(dyn_fmt, data, pos)
        if tag == 0:  # DT_NULL
            break
        if tag == 1:  # DT_NEEDED
            needed.append(val)
        elif tag == 5:  # DT_STRTAB
            strtab = file_offset(val)
    if strtab is None:
        return []
    return [data[strtab + n : data.index(b"\0", strtab + n)].decode() for n in needed]


def prune_unreferenced(
    binaries: list[tuple], needed: Callable[[str], Iterable[str]] = elf_needed
) -> tuple[list[tuple], list[str]]:
    """Drop top-level shared libraries (the ones PyInstaller pulled in as dependencies) that no
    kept binary links to any more, e.g. GTK, cairo and pango once the GTK theme plugin is gone.

    ``needed(src)`` lists the libraries a binary links to directly (:func:`elf_needed`).
    Returns (kept entries, names of the dropped libraries)."""
    top = {e[0]: e for e in binaries if "/" not in e[0].replace("\\", "/") and e[2] == "BINARY"}
    roots = [e for e in binaries if e[0] not in top or e[0].startswith("libpython")]
    reached: set[str] = set()
    queue = [e[1] for e in roots]
    while queue:
        src = queue.pop()
        try:
            names = needed(src)
        except Exception:  # noqa: BLE001  (an unreadable binary keeps everything it might need)
            return list(binaries), []
        for name in names:
            base = Path(name.replace("\\", "/")).name
            if base in top and base not in reached:
                reached.add(base)
                queue.append(top[base][1])
    needed_names = reached
    dropped = sorted(n for n in top if n not in needed_names and not n.startswith("libpython"))
    return [e for e in binaries if e[0] not in dropped], dropped
