"""The randomised simulation of ``test_sync_simulation.py`` (same operations, cuts and checks), with
every sync going through a real school server on 127.0.0.1 (``tessera-server``, SQLite) over the
HTTP transport instead of the folder.

The server takes only signed changes, so each simulated desktop signs: the school is made on the
server (its key stays there; the desktops pin its fingerprint, as the installer's SCHOOLKEY does),
and at its first sync each desktop asks to join and is approved as an admin computer for every
class (``tessera-server devices approve``, through ``tests/server/kit.py``): the simulation's
erasures are an admin's. Clocks are skewed as in the signed folder simulation (a stamp more than
five minutes ahead would wait for the clock).

After quiet, besides the simulation's own checks (same rows, same change log, every attempt once,
nothing lost) the server must agree: per partition the same count and hash as every desktop (the
end-of-sync check found nothing to repair), the same version vector, and the same rows: every
attempt made exactly once, nothing else."""

from __future__ import annotations

import tempfile
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

import pytest
import synchelp
import test_sync_simulation as sim
from hypothesis import given, settings
from hypothesis import strategies as st

from app.identity.keys import device
from app.store.raw import raw_connection
from app.sync.http_transport import open_server
from app.sync.session import sync_once
from app.sync.transport import TargetRefused

pytest.importorskip("starlette")


class OverHttp:
    """One server for one simulated run; ``sync`` stands in for ``sync_once(db, share, ...)``."""

    def __init__(self, root: Path) -> None:
        from tests.server.kit import ServerProc, make_school

        self.target = str(root / "server")
        self.school = make_school(self.target, ["simulated"])
        self.server = ServerProc(self.target).start()
        self.enrolled: set[str] = set()
        self.checks: dict[str, object] = {}  # db path -> the end-of-sync check of its last sync
        self.syncs = 0
        self.attempts = -1  # attempts the server holds, once compared

    def _opener(self, db):  # noqa: ANN001, ANN202
        make = open_server(self.server.url, db)

        def one(me: str):  # noqa: ANN202
            t = make(me)
            after = t.after_sync

            def keep(tr) -> None:  # noqa: ANN001
                if after is not None:
                    after(tr)
                self.checks[db.path] = tr.last_check

            t.after_sync = keep
            return t

        return one

    def sync(self, db, share=None, **kw):  # noqa: ANN001, ANN003, ANN201
        from tests.server.kit import approve

        if db.path not in self.enrolled:
            with pytest.raises(TargetRefused, match="asked to join"):
                sync_once(db, self._opener(db), **kw)
            approve(self.target, self.school, device(Path(db.path).parent).id, "admin", ["*"])
            self.enrolled.add(db.path)
        self.syncs += 1
        return sync_once(db, self._opener(db), **kw)

    def agree(self, dbs) -> None:  # noqa: ANN001
        """The server holds what every desktop holds."""
        for db in dbs:  # the last sync's end check: every partition's count and hash equal
            check = self.checks[db.path]
            assert check is not None and check.partitions > 0 and check.mismatched == [], check
        t = open_server(self.server.url, dbs[0])(dbs[0].replica_id)
        theirs = {k: v for k, v in t.server_vector().items() if v > 0}
        for db in dbs:
            assert theirs == synchelp.vectors(db)
        snap = t._json("GET", t._s("/snapshot"))
        attempts = [r["id"] for r in snap["rows"] if r["table"] == "attempt" and not r.get("deleted")]
        with dbs[0].read() as s:
            live = sorted(r[0] for r in raw_connection(s).execute("SELECT id FROM attempt WHERE deleted = 0"))
        assert sorted(attempts) == live and len(set(attempts)) == len(attempts)  # none lost, none twice
        self.attempts = len(attempts)
        for db in dbs:  # nothing refused: every desktop signed what it sent, in its rights
            with db.read() as s:
                assert raw_connection(s).execute("SELECT COUNT(*) FROM quarantined_change").fetchone()[0] == 0

    def close(self) -> None:
        self.server.stop()


@contextmanager
def over_http():
    root = Path(tempfile.mkdtemp(prefix="tessera-sim-http-"))
    run = OverHttp(root)
    agreed: list = []
    real_converge = synchelp.converge

    def converge_then_agree(dbs, share, rounds: int = 8, **kw):  # noqa: ANN001, ANN003, ANN202
        out = real_converge(dbs, share, rounds=rounds, **kw)
        run.agree(dbs)
        agreed.append(True)
        return out

    try:
        with (
            mock.patch("app.trust.run.policy_anchor", lambda: run.school),
            mock.patch.object(sim, "sync_once", run.sync),
            mock.patch.object(synchelp, "sync_once", run.sync),
            mock.patch.object(sim, "converge", converge_then_agree),
        ):
            yield run
        assert agreed, "the server was never compared with the desktops"
    finally:
        run.close()
        import shutil

        shutil.rmtree(root, ignore_errors=True)


@settings(
    max_examples=40 if sim.FULL else 4,
    deadline=None,
    suppress_health_check=sim.SLOW_RUNS,
    derandomize=not sim.FULL,
)
@given(
    ops=st.lists(sim.op, min_size=20 if sim.FULL else 8, max_size=60 if sim.FULL else 20),
    skews=st.tuples(sim.signed_skew, sim.signed_skew, sim.signed_skew),
)
def test_replicas_and_the_server_converge_and_lose_nothing_over_http(template_db, ops, skews):
    with over_http() as run:
        sim._run(template_db, ops, skews)
    assert run.syncs > 0 and len(run.enrolled) == sim.REPLICAS


def test_a_fixed_scenario_over_http(template_db):
    """Every kind of operation (edits, tombstones, erasures, attempts, cut syncs) in a fixed order."""
    ops = [
        ("attempt", 1, 0, 0), ("edit", 0, "profile", 0, 0), ("sync", 0), ("sync", 1), ("goal", 1, 0),
        ("edit", 2, "plan", 1, 0), ("sync", 2), ("edit", 1, "profile", 0, 0), ("attempt", 2, 1, 1),
        ("cut", 1, 0, "apply:before_commit"), ("tomb", 0, "goal", 0), ("purge_goal", 1, 0), ("sync", 0),
        ("tomb_attempt", 2, 0), ("attempt", 0, 1, 0), ("cut", 2, 1, "apply:after_commit"), ("sync", 1),
        ("edit", 0, "person", 1, 1), ("untomb_attempt", 1, 0), ("sync", 2),
    ]  # fmt: skip
    with over_http() as run:
        sim._run(template_db, ops, (0, -7, 2_000))
    assert run.syncs >= 8 and run.attempts >= 1
