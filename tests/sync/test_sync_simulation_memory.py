"""The randomised simulation of ``test_sync_simulation.py`` (same operations, cuts and checks),
with every sync going through a ``MemoryTransport`` instead of the folder: the steps of a sync
keep their promises whatever place is behind the transport seam. (Signed sync's enrolment goes
through the folder's trust documents, so the signed variant runs over the folder only.)"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from unittest import mock

import synchelp
import test_sync_simulation as sim
from hypothesis import given, settings
from hypothesis import strategies as st

from app.sync.memory import MemoryPlace, MemoryTransport
from app.sync.session import sync_once


@contextmanager
def over_memory():
    """Route every ``sync_once(db, share, ...)`` of the simulation to one in-memory place per share."""
    places: dict[str, MemoryPlace] = {}

    def through_memory(db, share, **kw):
        place = places.setdefault(str(Path(share)), MemoryPlace())
        return sync_once(db, lambda me: MemoryTransport(place, me), **kw)

    with (
        mock.patch.object(sim, "sync_once", through_memory),
        mock.patch.object(synchelp, "sync_once", through_memory),
    ):
        yield places


@settings(
    max_examples=200 if sim.FULL else 12,
    deadline=None,
    suppress_health_check=sim.SLOW_RUNS,
    derandomize=not sim.FULL,
)
@given(
    ops=st.lists(sim.op, min_size=20 if sim.FULL else 5, max_size=120 if sim.FULL else 30),
    skews=st.tuples(sim.skew, sim.skew, sim.skew),
)
def test_replicas_converge_and_lose_nothing_over_memory(template_db, ops, skews):
    with over_memory() as places:
        sim._run(template_db, ops, skews)
    assert places and all(p.batches or p.seen for p in places.values())  # it went through memory


def test_a_long_fixed_scenario_over_memory(template_db):
    with over_memory() as places:
        sim.test_a_long_fixed_scenario(template_db)
    (place,) = places.values()
    assert place.puts > 0 and len(place.seen) == sim.REPLICAS
