"""Hybrid logical clock (Kulkarni et al. 2014): wall time in ms plus a counter, so stamps order
causally even when device clocks are skewed. Encoded as a fixed-width string that sorts correctly:
``WWWWWWWWWWWWW-CCCCC-<replica>`` (the replica id breaks exact ties deterministically)."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

MAX_DRIFT_MS = 24 * 3600 * 1000  # ignore remote clocks more than a day ahead for our own wall


@dataclass(frozen=True, order=True)
class Stamp:
    wall: int
    counter: int
    replica: str

    def encode(self) -> str:
        return f"{self.wall:013d}-{self.counter:05d}-{self.replica}"

    @staticmethod
    def decode(text: str) -> "Stamp":
        wall, counter, replica = text.split("-", 2)
        return Stamp(int(wall), int(counter), replica)


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
            return Stamp(self.wall, self.counter, self.replica).encode()

    def observe(self, remote: str) -> None:
        """Merge a stamp we received, so our next stamps come after it."""
        other = Stamp.decode(remote)
        with self._lock:
            physical = self._now_ms()
            if other.wall > physical + MAX_DRIFT_MS:
                return  # a wildly wrong clock must not drag ours a year ahead
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
