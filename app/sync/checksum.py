"""The per-partition check a device and the school server compare at the end of every sync: for
each partition (``school/class``), how many changes each holds and the sum of their hashes. The
sum is order-free and kept incrementally on both sides, so the check costs one small answer."""

from __future__ import annotations

import hashlib

HASH_MOD = 1 << 60


def key_hash(origin: str, seq: int) -> int:
    """One change's share of its partition's hash."""
    return int.from_bytes(hashlib.sha256(f"{origin}:{seq}".encode()).digest()[:8], "big") % HASH_MOD


def part_of(partition: str) -> str:
    """The check's (and the server's scope's) partition: ``school/class`` of ``school/class/student``."""
    return "/".join(partition.split("/")[:2])


def add(sums: dict[str, list[int]], partition: str, origin: str, seq: int) -> None:
    s = sums.setdefault(part_of(partition), [0, 0])
    s[0] += 1
    s[1] = (s[1] + key_hash(origin, seq)) % HASH_MOD
