"""Trust during one sync: set up at the start (documents exchanged with the sync folder, this
device's request written when it has no certificate yet), then asked by send (seals) and receive
(the gate). ``TrustRun.start`` returns None for a school that has not moved to signed sync and
whose machine policy names no school key: such a school syncs as before (``docs/trust.md``)."""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path

from app.i18n import _
from app.identity.docs import Cert, request_body, seal
from app.identity.keys import Device, device
from app.store.raw import raw_connection
from app.sync.batchfile import use_cipher
from app.trust import quarantine
from app.trust.gate import Gate, Verdict
from app.trust.segment import Seal, make_seal
from app.trust.state import REQUESTS, TrustState, read_doc, write_doc

log = logging.getLogger(__name__)

SHARE_TRUST = ("tessera-sync", "trust")


def source_key(ref) -> str:
    """A batch file as the quarantine remembers it: its path and size (a file written again under
    the same name, sealed this time, is another file)."""
    return f"{ref.rel}#{getattr(ref, 'size', '')}"


class Unsealable(Exception):
    """A forwarded segment this device can neither pass on with its author's seal nor relay."""


def share_trust(folder: Path) -> Path:
    return Path(folder).joinpath(*SHARE_TRUST)


def policy_anchor() -> str:
    """The school key fingerprint the machine policy presets ("" when none)."""
    from app.config import read_machine_policy

    return str(read_machine_policy().get("school_key") or "").strip().lower()


class TrustRun:
    def __init__(self, state: TrustState, me: Device | None, anchor: str) -> None:
        self.state = state
        self.device = me
        self.anchor = anchor
        self.cert: Cert | None = None
        if me is not None:
            c = state.cert_of(me.public)
            if c is not None and not state.is_revoked(c):
                self.cert = c
        self.gate = Gate(state)
        self.skip_sources: set[str] = set()
        self.refused = 0  # changes kept aside in this run
        self.own_ids: set[str] = set()
        # The school data key's cipher (app/trust/keyring.py); None: plain batches.
        self.cipher: object | None = None

    @staticmethod
    def start(db, folder: Path | None, anchor: str | None = None) -> TrustRun | None:
        from app.trust import keyring

        data_dir = Path(db.path).parent
        anchor = policy_anchor() if anchor is None else anchor
        keyring.ensure_encrypted(data_dir)  # a school set up before batches were encrypted
        st = TrustState.load(data_dir)
        if st.school is not None and anchor and st.school.fingerprint != anchor:
            log.error("trust: this computer's school key is not the one the machine policy names")
            st = TrustState(st.folder)
        if folder is not None:
            st.read(share_trust(folder), anchor)
        if st.school is None and not anchor:
            if folder is not None:
                use_cipher(folder, db.replica_id, None)
            return None
        me = device(data_dir) if st.school is not None else None
        run = TrustRun(st, me, anchor)
        keyring.exchange(data_dir, st, share_trust(folder) if folder is not None else None, me)
        run.cipher = keyring.cipher_for(data_dir, st)
        if folder is not None:
            use_cipher(folder, db.replica_id, run.cipher)  # batchfile.py encrypts and opens with it
        if st.school is not None:
            st.write(st.folder)  # keep what the folder taught us, for the next sync offline
            if folder is not None:
                st.write(share_trust(folder))
                if run.cert is None and me is not None:
                    run._ask(db, share_trust(folder))
        with db.read() as s:
            raw = raw_connection(s)
            run.skip_sources = quarantine.refused_sources(raw)
            rid, previous = raw.execute("SELECT replica_id, previous_ids FROM replica_state").fetchone()
        run.own_ids = {rid, *json.loads(previous or "[]")}
        return run

    # -- enrolment request -----------------------------------------------------------------
    def _ask(self, db, share: Path) -> None:
        me = self.device
        assert me is not None
        path = share / REQUESTS / f"{me.id}.json"
        old = read_doc(path)
        with db.read() as s:
            raw = raw_connection(s)
            rid, previous = raw.execute("SELECT replica_id, previous_ids FROM replica_state").fetchone()
            classes = raw.execute(
                "SELECT id, name FROM school_class WHERE deleted = 0 AND archived = 0 ORDER BY name"
            ).fetchall()
        from app.config import load_settings

        lab = bool(load_settings(str(Path(db.path).parent)).get("lab_mode"))
        replicas = [*json.loads(previous or "[]"), rid]
        body = request_body(me.id, me.public, me.name, "lab" if lab else "teacher",
                            [c[0] for c in classes], [c[1] for c in classes], replicas)  # fmt: skip
        if old is not None and old.get("key") == me.public:
            was = old.get("body") or {}
            if [was.get(k) for k in ("classes", "replicas", "role")] == [
                body[k] for k in ("classes", "replicas", "role")
            ]:
                return  # asked already; asked again only when its classes (just taken in) changed
        write_doc(path, seal(body, me.private))
        log.info("trust: asked the school to enrol this computer (%s)", me.name)

    # -- sealing -----------------------------------------------------------------------------
    def seal_own(self, origin: str, first: int, last: int, sha: str) -> dict:
        from app.store import capture

        me = self.device
        if me is None:
            raise Unsealable(_("this computer has no key"))
        serial = self.cert.serial if self.cert else 0
        return make_seal(me.private, serial, origin, first, last, capture.SCHEMA_VERSION, sha).to_json()

    def forwarder(self, stored: str | None):
        """A sealer for a forwarded segment: its author's seal when the header and lines are the
        same bytes, else this device's relay seal (teacher and admin computers only)."""

        def sealer(origin: str, first: int, last: int, sha: str) -> dict:
            s = Seal.from_json(json.loads(stored)) if stored else None
            if s is not None and (s.origin, s.first, s.last, s.sha256) == (origin, first, last, sha):
                return s.to_json()
            if self.cert is None or self.cert.role == "lab" or self.device is None:
                raise Unsealable(_("only teacher and admin computers pass on changes under their own seal"))
            return make_seal(self.device.private, self.cert.serial, origin, first, last,
                             s.schema if s else 0, sha).to_json()  # fmt: skip

        return sealer

    # -- receiving -----------------------------------------------------------------------------
    def check(self, ref, body: bytes, footer: dict, changes, lookup=None, verified: bool = False) -> Verdict:
        return self.gate.check(ref, body, footer, changes, lookup, verified)

    def keep_refused(self, raw, ref, body: bytes, v: Verdict) -> None:
        """Keep aside what the verdict refused: a whole segment (not stored, so the device's real
        changes under those numbers still come), or single changes (stored, and set aside)."""
        if v.refusal is not None:
            header, *lines = body.decode("utf-8", "surrogateescape").split("\n")[:-1]
            items = [(ref.origin, ref.first + i, line) for i, line in enumerate(lines)]
            quarantine.keep(raw, items, v.refusal, v.seal, v.device_name, source_key(ref), stored=False,
                            header=header)  # fmt: skip
            self.refused += len(items)
            return
        for c, why in v.refused:
            quarantine.keep(raw, [(c.replica_id, c.seq, c.encode())], why, v.seal, v.device_name, ref.rel,
                            stored=True)  # fmt: skip
        self.refused += len(v.refused)

    def now(self) -> float:
        return time.time()


def refresh_trust(data_dir: Path, folder: str) -> None:
    """Exchange the trust documents with the folder now (requests in, certificates out)."""
    from app.trust.state import TrustState

    st = TrustState.load(data_dir)
    st.read(share_trust(Path(folder)), policy_anchor())
    if st.school is not None:
        st.write(st.folder)
        st.write(share_trust(Path(folder)))
        from app.trust import keyring

        keyring.exchange(data_dir, st, share_trust(Path(folder)), device(data_dir, create=False))
