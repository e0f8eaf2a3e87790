"""The server's version vector is kept per process and brought up to date from the segments
stored since (``pull.vector``): whatever order segments arrive in, with gaps filled later, it
equals the vector worked out from every segment; a new epoch (a restore) starts it again."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import update

from tessera_server import pull, schools
from tessera_server.db import make_engine, take_cursor, upgrade, url_for
from tessera_server.schema import school, segment


def _store(conn, sid: str, origin: str, first: int, last: int) -> None:  # noqa: ANN001
    cursor = take_cursor(conn, sid, 1)
    conn.execute(segment.insert().values(school_id=sid, cursor=cursor, origin=origin, first=first, last=last,
                                         sha256="x", hlc_first="", data=b"", size=0, classes="[]",
                                         device_id="d", at=0.0))  # fmt: skip


def _from_scratch(conn, sid: str) -> dict[str, int]:  # noqa: ANN001
    pull._VECTORS.clear()
    return pull.vector(conn, sid)


spans = st.lists(
    st.tuples(st.sampled_from(["a", "b", "c"]), st.integers(1, 12), st.integers(0, 3)), max_size=25
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(spans, min_size=1, max_size=4))
def test_cached_vector_equals_the_one_worked_out_from_every_segment(tmp_path_factory, steps):
    engine = make_engine(url_for(tmp_path_factory.mktemp("srv"), None))
    upgrade(engine)
    with engine.begin() as conn:
        sid = schools.create_school(conn, "S", ["row"]).school_id
    pull._VECTORS.clear()
    stored: set[tuple[str, int]] = set()
    for step in steps:
        with engine.begin() as conn:
            for origin, first, length in step:
                if (origin, first) not in stored:  # (origin, first) names one segment
                    stored.add((origin, first))
                    _store(conn, sid, origin, first, first + length)
        with engine.begin() as conn:
            cached = pull.vector(conn, sid)  # brought up to date from what came since
            assert cached == _from_scratch(conn, sid)
            assert pull.vector(conn, sid, ["a"]) == {k: v for k, v in cached.items() if k == "a"}
    engine.dispose()


def test_a_new_epoch_or_a_lower_counter_starts_the_vector_again(tmp_path):
    engine = make_engine(url_for(tmp_path / "srv", None))
    upgrade(engine)
    with engine.begin() as conn:
        sid = schools.create_school(conn, "S", ["row"]).school_id
        _store(conn, sid, "a", 1, 5)
    with engine.begin() as conn:
        assert pull.vector(conn, sid) == {"a": 5}
    # A restore from an older backup: the segment is gone and the cursors go back.
    with engine.begin() as conn:
        conn.execute(segment.delete())
        conn.execute(update(school).values(next_cursor=1))
        _store(conn, sid, "b", 1, 2)
    with engine.begin() as conn:
        assert pull.vector(conn, sid) == {"b": 2}  # the counter fell below what was read: read again
    with engine.begin() as conn:
        conn.execute(segment.delete())
        _store(conn, sid, "c", 1, 1)
        schools.new_epoch_after_restore(conn)
    with engine.begin() as conn:
        assert pull.vector(conn, sid) == {"c": 1}  # a new epoch: read again
    engine.dispose()
