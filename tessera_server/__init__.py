"""The Tessera school server: an ASGI app (Starlette on uvicorn) that stores the signed segments of
a school's devices as they came, checks them with the desktop's own trust gate and write policy,
keeps the current rows by the desktop's merge rules, and serves each device the changes of its
scope. No Qt: it imports only the headless parts of ``app`` (the import contract checks it).

Modules: ``schema`` (tables, all keys school-first), ``db`` (engines, Alembic, the commit-order
cursor), ``schools`` / ``devices`` (the school key, enrolment), ``auth`` (nonce -> token),
``ingest`` (push), ``pull`` (pages, scope, redaction), ``rows`` (current rows), ``check``
(per-partition count and hash), ``web`` (routes), ``openapi`` (the document), ``cli``."""

__version__ = "0.1.0"
