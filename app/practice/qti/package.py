"""QTI content packages: a zip with ``imsmanifest.xml`` listing item files.

Read in memory, never extracted to disk. Refused before reading anything: too many entries, too much
uncompressed data, entries that compress suspiciously well (zip bombs), encrypted entries, and names
that are absolute, contain ``..`` or backslashes, or otherwise try to leave the package. Item paths in
the manifest are resolved inside the package and must stay there. Each entry is read with a hard cap,
so a lying size header cannot make us read more.
"""

from __future__ import annotations

import io
import lzma
import posixpath
import re
import zipfile
import zlib

from app.i18n import _
from app.practice.engine.items import PracticeItem
from app.practice.qti.errors import QtiImportError
from app.practice.qti.item import parse_item
from app.practice.qti.xmltools import MAX_XML_BYTES, Bad, attr, children, norm, parse_xml

__all__ = ["MAX_ENTRIES", "MAX_ITEMS", "MAX_PACKAGE_BYTES", "MAX_RATIO", "MAX_TOTAL_BYTES", "read_package"]

MAX_PACKAGE_BYTES = 50_000_000
MAX_TOTAL_BYTES = 200_000_000  # uncompressed, all entries
MAX_ENTRIES = 5000
MAX_ITEMS = 2000
MAX_RATIO = 200  # uncompressed / compressed, per entry larger than 1 MB
_ITEM_TYPE = re.compile(r"^imsqti_item_xmlv(2p[12]|3p0)$", re.IGNORECASE)
_DRIVE = re.compile(r"^[A-Za-z]:")


def _fail(name: str, why: str, item: str = "") -> QtiImportError:
    who = _("“{item}” in {name}", item=item, name=name) if item else name
    return QtiImportError(
        _("Could not import {who}: {why}. Nothing was imported.", who=who, why=why), source=name, item=item
    )


def _unsafe_name(n: str) -> bool:
    return (
        not n or "\\" in n or "\x00" in n or n.startswith("/") or bool(_DRIVE.match(n))
        or any(part == ".." for part in n.split("/"))
    )  # fmt: skip


def _check_entries(zf: zipfile.ZipFile, name: str) -> dict[str, zipfile.ZipInfo]:
    infos = zf.infolist()
    if len(infos) > MAX_ENTRIES:
        raise _fail(name, _("it has more than {MAX_ENTRIES:,} files", MAX_ENTRIES=MAX_ENTRIES))
    total = 0
    entries: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        if _unsafe_name(info.filename):
            raise _fail(
                name,
                _("it contains a file named “{v}”, which points outside the package", v=info.filename[:80]),
            )
        if info.flag_bits & 0x1:
            raise _fail(name, _("it is password-protected"))
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise _fail(name, _("it unpacks to more than {v} MB", v=MAX_TOTAL_BYTES // 1_000_000))
        if info.file_size > 1_000_000 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise _fail(
                name, _("its file “{v}” is compressed suspiciously well (a zip bomb?)", v=info.filename[:80])
            )
        if not info.is_dir():
            entries[info.filename] = info
    return entries


def _read(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, limit: int = MAX_XML_BYTES) -> bytes:
    try:
        with zf.open(info) as fh:
            data = fh.read(limit + 1)
    except (zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError, EOFError, ValueError) as exc:
        raise _fail(
            name, _("its file “{v}” could not be unpacked ({exc})", v=info.filename[:80], exc=exc)
        ) from None
    except (zlib.error, lzma.LZMAError) as exc:  # damaged compressed data (bz2 raises OSError)
        raise _fail(
            name, _("its file “{v}” is damaged ({name})", v=info.filename[:80], name=type(exc).__name__)
        ) from None
    if len(data) > limit:
        raise _fail(
            name, _("its file “{v}” is larger than {v2} MB", v=info.filename[:80], v2=limit // 1_000_000)
        )
    return data


def _item_paths(manifest: bytes, name: str) -> list[str]:
    try:
        root = parse_xml(manifest)
    except Bad as exc:
        raise _fail(name, _("its imsmanifest.xml cannot be used: {exc}", exc=exc)) from None
    if norm(root.tag) != "manifest":
        raise _fail(name, _("its imsmanifest.xml is not an IMS manifest"))
    paths: list[str] = []
    for resources in children(root, "resources"):
        for res in children(resources, "resource"):
            if not _ITEM_TYPE.match(attr(res, "type")):
                continue  # tests, stylesheets, images: not items
            href = attr(res, "href").strip()
            if not href:
                files = children(res, "file")
                href = attr(files[0], "href").strip() if files else ""
            if not href:
                ident = attr(res, "identifier") or "?"
                raise _fail(name, _("its manifest lists item resource “{ident}” without a file", ident=ident))
            paths.append(href)
    return paths


def _resolve(href: str, name: str) -> str:
    if "://" in href or _unsafe_name(href.split("#")[0].split("?")[0]):
        raise _fail(name, _("its manifest points at “{v}”, which is outside the package", v=href[:80]))
    path = posixpath.normpath(href.split("#")[0])
    if path.startswith(("../", "/")) or path == "..":
        raise _fail(name, _("its manifest points at “{v}”, which is outside the package", v=href[:80]))
    return path


def read_package(data: bytes, name: str) -> list[PracticeItem]:
    """Every item a content package lists, in manifest order; all or nothing."""
    if len(data) > MAX_PACKAGE_BYTES:
        raise _fail(name, _("the package is larger than {v} MB", v=MAX_PACKAGE_BYTES // 1_000_000))
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        OSError,
        EOFError,
        ValueError,
        NotImplementedError,
    ) as exc:
        raise _fail(name, _("it is not a readable zip file ({exc})", exc=exc)) from None
    with zf:
        entries = _check_entries(zf, name)
        manifest = entries.get("imsmanifest.xml")
        if manifest is None:
            raise _fail(name, _("it is not a QTI content package (there is no imsmanifest.xml at the top)"))
        paths = _item_paths(_read(zf, manifest, name), name)
        if not paths:
            raise _fail(name, _("its manifest lists no QTI items"))
        if len(paths) > MAX_ITEMS:
            raise _fail(name, _("it lists more than {MAX_ITEMS:,} items", MAX_ITEMS=MAX_ITEMS))
        items: list[PracticeItem] = []
        seen: dict[str, str] = {}
        for href in paths:
            path = _resolve(href, name)
            info = entries.get(path)
            if info is None:
                raise _fail(
                    name, _("its manifest lists “{v}”, but that file is not in the package", v=href[:80])
                )
            item = parse_item(_read(zf, info, name), f"{name} ({path})")
            if item.source_ref in seen:
                raise _fail(
                    name,
                    _("the identifier is also used by {v}", v=seen[item.source_ref]),
                    item=item.source_ref,
                )
            seen[item.source_ref] = path
            items.append(item)
    return items
