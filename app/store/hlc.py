"""Hybrid logical clock (Kulkarni et al. 2014): wall time in ms plus a counter, so stamps order
causally even when device clocks are skewed. Encoded as a fixed-width string that sorts correctly:
``WWWWWWWWWWWWW-CCCCC-<replica>`` (the replica id breaks exact ties deterministically)."""

from __future__ import annotations

import logging
import re
import threading
import time
from dataclasses import dataclass

log = logging.getLogger(__name__)

MAX_DRIFT_MS = 24 * 3600 * 1000  # ignore remote clocks more than a day ahead for our own wall
MAX_COUNTER = 99_999  # the encoding has five digits; past this we borrow the next millisecond
# What ``Stamp.encode`` makes: ASCII digits only (``\\d`` would let other scripts' digits through,
# which ``int`` reads but which do not sort), and a replica id without spaces or tabs.
STAMP_RE = re.compile(r"[0-9]{13}-[0-9]{5}-[0-9A-Za-z][0-9A-Za-z._:-]{0,63}")


def is_stamp(text: object) -> bool:
    """Whether ``text`` is an encoded stamp (a stamp that sorts as its time)."""
    return isinstance(text, str) and STAMP_RE.fullmatch(text) is not None


def zero_stamp(replica: str) -> str:
    """The earliest stamp of a replica: what a set-aside change whose stamp is not one keeps
    (so what reads it back never meets a stamp it cannot read, and it loses to every edit)."""
    stamp = Stamp(0, 0, replica).encode()
    return stamp if is_stamp(stamp) else Stamp(0, 0, "unknown").encode()


@dataclass(frozen=True, order=True)
class Stamp:
    wall: int
    counter: int
    replica: str

    def encode(self) -> str:
        return f"{self.wall:013d}-{self.counter:05d}-{self.replica}"

    @staticmethod
    def decode(text: str) -> Stamp:
        """Raises ValueError for text that is not an encoded stamp."""
        if not is_stamp(text):
            raise ValueError(f"not a time stamp: {text!r:.80}")
        wall, counter, replica = text.split("-", 2)
        return Stamp(int(wall), int(counter), replica)


def replica_of(stamp: str) -> str:
    """The replica part of an encoded stamp ("" for an empty stamp)."""
    return stamp.split("-", 2)[2] if stamp.count("-") >= 2 else ""


class HybridClock:
    def __init__(self, replica: str, wall: int = 0, counter: int = 0, now_ms=None) -> None:
        self.replica = replica
        self.wall = wall
        self.counter = counter
        self._now_ms = now_ms or (lambda: time.time_ns() // 1_000_000)
        self._lock = threading.Lock()

    def tick(self) -> str:
        """A stamp for a local event."""
        with self._lock:
            physical = self._now_ms()
            if physical > self.wall:
                self.wall, self.counter = physical, 0
            else:
                self.counter += 1
            self._carry()
            return Stamp(self.wall, self.counter, self.replica).encode()

    def _carry(self) -> None:
        # A five-digit counter keeps the encoding sortable as text; a burst of more than
        # 100,000 stamps in one millisecond (bulk imports while behind a remote clock) moves on
        # to the next millisecond instead of growing a sixth digit.
        if self.counter > MAX_COUNTER:
            self.wall += 1
            self.counter = 0

    def observe(self, remote: str, force: bool = False) -> None:
        """Merge a stamp we received, so our next stamps come after it. A stamp more than a day
        ahead of our physical clock is ignored (a wildly wrong clock must not drag ours a year
        ahead) unless ``force``: an edit of a value carrying that stamp must still come after it.
        A stamp that is not one (stored by an older Tessera that did not check) is ignored."""
        try:
            other = Stamp.decode(remote)
        except ValueError:
            log.warning("sync: ignored a time stamp that is not one: %r", remote[:80])
            return
        with self._lock:
            physical = self._now_ms()
            if other.wall > physical + MAX_DRIFT_MS and not force:
                return
            wall = max(self.wall, other.wall, physical)
            if wall == self.wall == other.wall:
                counter = max(self.counter, other.counter) + 1
            elif wall == self.wall:
                counter = self.counter + 1
            elif wall == other.wall:
                counter = other.counter + 1
            else:
                counter = 0
            self.wall, self.counter = wall, counter
            self._carry()
