"""The OpenAPI 3.1 description of the server (``GET /openapi.json``). Written out by hand so it
says what the routes really take and give (raw batch bytes, tokens); ``tests/server/
test_openapi_contract.py`` calls every route and checks the answers against it."""

from __future__ import annotations

from tessera_server import __version__


def _obj(props: dict, required: list[str] | None = None) -> dict:
    out: dict = {"type": "object", "properties": props}
    if required:
        out["required"] = required
    return out


S = {"type": "string"}
I = {"type": "integer"}  # noqa: E741
N = {"type": "number"}
B = {"type": "boolean"}
ERROR = _obj({"error": S}, ["error"])
SCHEMAS = {
    "Error": ERROR,
    "Health": _obj({"ok": B, "version": S}, ["ok", "version"]),
    "Hello": _obj(
        {"nonce": S, "expires": N, "school": {"type": "object"}, "proof": S, "epoch": S},
        ["nonce", "expires", "school", "proof", "epoch"],
    ),  # fmt: skip
    "Token": _obj({"token": S, "expires": N, "device": S}, ["token", "expires", "device"]),
    "EnrolStatus": _obj({"status": S, "cert": {"type": ["object", "null"]}}, ["status"]),
    "Trust": _obj(
        {
            "school": {"type": "object"},
            "certs": {"type": "array", "items": {"type": "object"}},
            "revoked": {"type": ["object", "null"]},
            "epoch": S,
            "version": I,
            "unchanged": B,
        },
        ["epoch", "version"],
    ),  # fmt: skip
    "Vector": _obj(
        {"vector": {"type": "object", "additionalProperties": I}, "epoch": S}, ["vector", "epoch"]
    ),
    "PushResult": _obj(
        {
            "status": {"enum": ["stored", "duplicate", "refused"]},
            "cursor": I,
            "refused": I,
            "words": S,
            "codes": {"type": "object", "additionalProperties": I},
        },
        ["status", "cursor", "refused"],
    ),  # fmt: skip
    "Page": _obj(
        {
            "epoch": S,
            "cursor": I,
            "more": B,
            "batches": {
                "type": "array",
                "items": _obj(
                    {
                        "cursor": I,
                        "origin": S,
                        "first": I,
                        "last": I,
                        "data": {"type": "string", "contentEncoding": "base64"},
                    },
                    ["cursor", "origin", "first", "last"],
                ),
            },
        },
        ["epoch", "cursor", "more", "batches"],
    ),  # fmt: skip
    "Check": _obj(
        {"partitions": {"type": "object", "additionalProperties": _obj({"count": I, "hash": I})}},
        ["partitions"],
    ),  # fmt: skip
    "Segments": _obj(
        {"segments": {"type": "array", "items": _obj({"cursor": I, "origin": S, "first": I, "last": I})}},
        ["segments"],
    ),  # fmt: skip
    "Snapshot": _obj(
        {"epoch": S, "cursor": I, "vector": {"type": "object"}, "rows": {"type": "array"}},
        ["epoch", "cursor", "vector", "rows"],
    ),  # fmt: skip
    "Ok": _obj({"ok": B}, ["ok"]),
    "Asks": _obj(
        {
            "asks": {
                "type": "array",
                "items": _obj(
                    {
                        "device": S,
                        "key": S,
                        "name": S,
                        "role": S,
                        "classes": {"type": "array", "items": S},
                        "class_names": {"type": "array", "items": S},
                        "replicas": {"type": "array", "items": S},
                        "at": N,
                    },
                    ["device", "key", "name", "role", "classes", "at"],
                ),
            },
            "next_serial": I,
        },
        ["asks", "next_serial"],
    ),  # fmt: skip
    "Answered": _obj(
        {"status": {"enum": ["enrolled", "refused", "revoked"]}, "serial": {"type": ["integer", "null"]}},
        ["status"],
    ),
}


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _answer(name: str, media: str = "application/json", errors: tuple[int, ...] = (401, 403, 429)) -> dict:
    schema = _ref(name) if media == "application/json" else {"type": "string", "format": "binary"}
    out = {"200": {"description": "OK", "content": {media: {"schema": schema}}}}
    for code in (400, *errors):
        out[str(code)] = {
            "description": "Refused",
            "content": {"application/json": {"schema": _ref("Error")}},
        }
    return out


SCHOOL = {"name": "school", "in": "path", "required": True, "schema": S,
          "description": "The school key's fingerprint (32 hex digits)"}  # fmt: skip
AUTH = [{"token": []}]
CURSOR = {"type": "integer", "minimum": 0, "maximum": 1 << 62}
SHA = {"type": "string", "pattern": "^[0-9a-f]{64}$"}
SIGNED = _obj({"body": {"type": "object"}, "key": S, "sig": S}, ["body", "key", "sig"])


def _op(
    summary: str, answer: dict, *, auth: bool = True, body: dict | None = None, params: list | None = None
) -> dict:
    op: dict = {"summary": summary, "parameters": [SCHOOL, *(params or [])], "responses": answer}
    if auth:
        op["security"] = AUTH
    if body is not None:
        op["requestBody"] = {"required": True, "content": body}
    return op


def _json(schema: dict) -> dict:
    return {"application/json": {"schema": schema}}


def _q(name: str, schema: dict) -> dict:
    return {"name": name, "in": "query", "required": False, "schema": schema}


def document() -> dict:
    s = "/v1/schools/{school}"
    paths = {
        "/v1/health": {"get": {"summary": "Is the server up", "responses": _answer("Health", errors=())}},
        f"{s}/hello": {
            "post": _op(
                "A one-time nonce, and the server's proof that it holds the school key",
                _answer("Hello", errors=(404, 429)),
                auth=False,
                body=_json(
                    _obj({"challenge": {"type": "string", "minLength": 16, "maxLength": 128}}, ["challenge"])
                ),
            )
        },  # fmt: skip
        f"{s}/token": {
            "post": _op(
                "A short-lived token for a device that signed the nonce",
                _answer("Token"),
                auth=False,
                body=_json(_obj({"key": S, "nonce": S, "sig": S}, ["key", "nonce", "sig"])),
            )
        },  # fmt: skip
        f"{s}/enrol": {
            "post": _op(
                "Ask to enrol (a signed request document)",
                _answer("EnrolStatus", errors=(403, 404, 429)),
                auth=False,
                body=_json(SIGNED),
            )
        },  # fmt: skip
        f"{s}/enrol/{{device}}": {
            "get": _op(
                "Where a device's enrolment stands",
                _answer("EnrolStatus", errors=(429,)),
                auth=False,
                params=[{"name": "device", "in": "path", "required": True, "schema": S}],
            )
        },  # fmt: skip
        f"{s}/trust": {
            "get": _op(
                "The school document, certificates and revocations (unchanged: only the version)",
                _answer("Trust"),
                params=[_q("version", I)],
            )  # fmt: skip
        },
        f"{s}/docs": {
            "post": _op(
                "A certificate or revocation list signed with the school key elsewhere",
                _answer("Ok"),
                body=_json(_obj({"path": S, "doc": {"type": "object"}}, ["path", "doc"])),
            )
        },  # fmt: skip
        f"{s}/approvals": {
            "get": _op(
                "The asks to join waiting that this device may approve (a teacher's or admin's)",
                _answer("Asks"),
            ),
            "post": _op(
                "Approve an ask: a certificate signed with the school key, or with the calling "
                "teacher's or admin's own key (the server checks the chain, then seals it)",
                _answer("Answered", errors=(401, 403, 404, 409, 429)),
                body=_json(_obj({"doc": SIGNED}, ["doc"])),
            ),
        },  # fmt: skip
        f"{s}/approvals/refuse": {
            "post": _op(
                "Refuse an ask (a refusal document signed by the calling device or the school key)",
                _answer("Answered", errors=(401, 403, 404, 409, 429)),
                body=_json(_obj({"doc": SIGNED}, ["doc"])),
            )
        },  # fmt: skip
        f"{s}/approvals/revoke": {
            "post": _op(
                "Revoke an enrolled device (a revoke document signed by the calling device or the school key)",
                _answer("Answered", errors=(401, 403, 404, 409, 429)),
                body=_json(_obj({"doc": SIGNED}, ["doc"])),
            )
        },  # fmt: skip
        f"{s}/vector": {
            "get": _op(
                "Per origin, the highest sequence number held without a gap",
                _answer("Vector"),
                params=[_q("origins", S)],
            )
        },  # fmt: skip
        f"{s}/batches": {
            "post": _op(
                "Push one sealed batch (idempotent by origin and first sequence number)",
                _answer("PushResult", errors=(401, 403, 409, 413, 429)),
                body={"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
            )
        },  # fmt: skip
        f"{s}/changes": {
            "get": _op(
                "A page of segments after a cursor, in the device's scope",
                _answer("Page"),
                params=[_q("after", I), _q("limit", I), _q("max_bytes", I)],
            ),  # fmt: skip
            "post": _op(
                "The same, skipping segments a version vector covers (after an epoch change)",
                _answer("Page"),
                params=[_q("after", I), _q("limit", I), _q("max_bytes", I)],
                body=_json(_obj({"vector": {"type": "object", "additionalProperties": I}})),
            ),  # fmt: skip
        },
        f"{s}/segments/{{cursor}}": {
            "get": _op(
                "One segment's bytes (redacted to the device's scope)",
                _answer("", "application/gzip", (401, 403, 404, 429)),
                params=[{"name": "cursor", "in": "path", "required": True, "schema": I}],
            )
        },  # fmt: skip
        f"{s}/seen": {
            "post": _op(
                "Publish what this device holds (its seen vector)",
                _answer("Ok"),
                body=_json(_obj({"vector": {"type": "object"}}, ["vector"])),
            )
        },  # fmt: skip
        f"{s}/check": {
            "get": _op("Per partition in scope: count and hash of the changes held", _answer("Check"))
        },
        f"{s}/partition": {
            "get": _op(
                "The segments holding one partition's changes (repair)",
                _answer("Segments"),
                params=[_q("part", S)],
            )
        },  # fmt: skip
        f"{s}/snapshot": {
            "get": _op(
                "Current rows of the device's scope and the cursor they stand for", _answer("Snapshot")
            )
        },  # fmt: skip
        f"{s}/snapshot/segments": {
            "get": _op(
                "What a new device starts from: the signed segments of its scope, streamed in cursor "
                "order up to the cursor the first answer names (headers X-Tessera-Epoch, X-Tessera-Upto); "
                "each segment is a JSON line (cursor, origin, first, last, size) and its bytes, then "
                'a last line {"end": true, "cursor", "more"}',
                _answer("", "application/x-tessera-segments"),
                params=[
                    _q("after", CURSOR),
                    _q("upto", {"type": "integer", "minimum": -1, "maximum": 1 << 62}),
                    _q("max_bytes", CURSOR),
                ],
            )
        },  # fmt: skip
        f"{s}/blobs/{{sha}}": {
            "put": _op(
                "Store an attachment by its SHA-256",
                _answer("Ok", errors=(401, 403, 409, 413, 429)),
                body={"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
                params=[{"name": "sha", "in": "path", "required": True, "schema": SHA}],
            ),  # fmt: skip
            "get": _op(
                "An attachment's bytes",
                _answer("", "application/octet-stream", (401, 403, 404, 429)),
                params=[{"name": "sha", "in": "path", "required": True, "schema": SHA}],
            ),  # fmt: skip
        },
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "Tessera school server", "version": __version__},
        "paths": paths,
        "components": {
            "schemas": SCHEMAS,
            "securitySchemes": {"token": {"type": "http", "scheme": "bearer"}},
        },
    }
