"""Helpers for the data-key tests: what a finder of a stick (or a student copying the share) can
read from every file under a folder, by ``strings``-style search of the raw bytes and after every
decompression they could try; and the same search as an enrolled computer makes (decrypting)."""

from __future__ import annotations

import gzip
import shutil
import subprocess
import zlib
from pathlib import Path

from app.identity.datakeys import Keyring, is_sealed

STRINGS = shutil.which("strings")  # binutils; the byte search below covers its absence


def attempts(data: bytes) -> list[bytes]:
    """The bytes, and whatever gunzip / zlib / raw deflate make of them, at any offset up to 64."""
    out = [data]
    try:
        out.append(gzip.decompress(data))
    except (OSError, EOFError, zlib.error):
        pass
    for off in range(0, min(64, len(data))):
        for wbits in (31, 15, -15):
            try:
                d = zlib.decompressobj(wbits=wbits)
                got = d.decompress(data[off:], 1 << 24)
            except zlib.error:
                continue
            if got:
                out.append(got)
    return out


def readable(folder: Path, needles: list[bytes], ring: Keyring | None = None) -> list[str]:
    """Files under ``folder`` in which any needle can be read (decrypted with ``ring`` first, when
    given: what an enrolled computer could still read)."""
    hits = []
    for path in sorted(p for p in Path(folder).rglob("*") if p.is_file()):
        data = path.read_bytes()
        if ring is None and STRINGS:  # the real tool, as the finder of the stick would run it
            out = subprocess.run(
                [STRINGS, "-a", "-n", "4", str(path)], capture_output=True, check=True
            ).stdout
            hits += [
                f"{path.relative_to(folder)} (strings): {n!r}" for n in needles if n.lower() in out.lower()
            ]
        if ring is not None and is_sealed(data):
            try:
                data = ring.decrypt(path.name, data)
            except Exception:  # noqa: BLE001  another school's file: unreadable for this ring too
                pass
        for blob in attempts(data):
            for n in needles:
                if n in blob or n.lower() in blob.lower():
                    hits.append(f"{path.relative_to(folder)}: {n!r}")
    return sorted(set(hits))
