"""The published OpenAPI document against the running server: schemathesis generates requests
for every operation from ``/openapi.json`` and checks each answer (no server error, a documented
status code, content type and body schema). The document served is the one tested."""

from __future__ import annotations

import json
import urllib.request

import pytest
from hypothesis import HealthCheck, settings

schemathesis = pytest.importorskip("schemathesis")

from schemathesis.specs.openapi.checks import positive_data_acceptance  # noqa: E402

from tessera_server.openapi import document  # noqa: E402

schema = schemathesis.openapi.from_dict(document())
# Requests the document allows (negative fuzzing of unknown query parameters is out of scope: the
# server ignores parameters it does not know, as HTTP servers do).
schema.config.generation.update(modes=[schemathesis.GenerationMode.POSITIVE])


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    from tests.server.conftest import SCHOOL_ROW, World
    from tests.server.kit import ServerProc, SimDevice, approve, make_school

    target = str(tmp_path_factory.mktemp("openapi") / "server")
    sid = make_school(target, [SCHOOL_ROW])
    srv = ServerProc(target).start()
    w = World(target, srv, sid)
    dev = w.device("teacher")
    assert isinstance(dev, SimDevice)
    _ = approve
    yield srv.url, sid, dev.t._bearer()
    srv.stop()


def test_served_document_is_the_tested_one(live):
    url, _, _ = live
    with urllib.request.urlopen(f"{url}/openapi.json") as r:
        assert json.load(r) == json.loads(json.dumps(document()))


@schema.parametrize()
@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_every_operation_keeps_the_document(case, live):
    url, sid, token = live
    if "school" in (case.path_parameters or {}):
        case.path_parameters["school"] = sid  # mostly the real school, so answers go past the 404
    # Every other check runs; "schema-valid data is accepted" cannot hold for signed documents and
    # checksummed batches: random bytes the schema allows are rightly refused (400/403).
    case.call_and_validate(base_url=url, headers={"Authorization": f"Bearer {token}"},
                           excluded_checks=[positive_data_acceptance])  # fmt: skip
