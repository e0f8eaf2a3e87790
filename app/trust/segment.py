"""A signed segment: the proof that travels in a batch's footer (``"seal"``).

The author signs (origin, first and last sequence number, schema version, its certificate's
serial, the SHA-256 of the file's header and change lines exactly as written, which is the
footer's checksum, and its public key). One signature per segment (up to 5,000 changes), and no
hashing beyond the checksum every file has anyway, so it stays cheap. A peer that forwards the
changes writes the same header and lines under the same seal; a teacher or admin computer that
cannot reproduce them exactly (a payload trimmed from its log and rebuilt) seals them as a *relay*
under its own key instead, and only teacher and admin computers may relay (``gate.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.identity import ed25519
from app.identity.docs import canonical

FIELDS = ("o", "f", "l", "v", "s", "h", "k")


@dataclass(frozen=True)
class Seal:
    origin: str
    first: int
    last: int
    schema: int
    serial: int
    sha256: str  # of the header and change lines, each with its newline (the footer's checksum)
    key: str  # the signer's public key
    sig: str

    def message(self) -> bytes:
        return canonical({"o": self.origin, "f": self.first, "l": self.last, "v": self.schema,
                          "s": self.serial, "h": self.sha256, "k": self.key})  # fmt: skip

    def to_json(self) -> dict:
        return {"o": self.origin, "f": self.first, "l": self.last, "v": self.schema, "s": self.serial,
                "h": self.sha256, "k": self.key, "g": self.sig}  # fmt: skip

    @staticmethod
    def from_json(d: Any) -> Seal | None:
        if not isinstance(d, dict):
            return None
        try:
            s = Seal(str(d["o"]), int(d["f"]), int(d["l"]), int(d["v"]), int(d["s"]), str(d["h"]),
                     str(d["k"]), str(d["g"]))  # fmt: skip
        except (KeyError, TypeError, ValueError):
            return None
        return s

    def holds(self) -> bool:
        return ed25519.verify(self.key, self.message(), self.sig)


def make_seal(private: bytes, serial: int, origin: str, first: int, last: int, schema: int, sha: str) -> Seal:
    unsigned = Seal(origin, first, last, schema, serial, sha, ed25519.public_of(private), "")
    return Seal(
        origin, first, last, schema, serial, sha, unsigned.key, ed25519.sign(private, unsigned.message())
    )
