"""The gate: before a received batch is merged, check its seal (signature, certificate,
revocation, expiry, the device's right to its replica id) and each change against the write
policy. What fails is kept aside (``quarantine.py``); the rest goes on to ``apply``."""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field

from app.i18n import _
from app.identity.docs import Cert
from app.sync.changes import ChangeRec
from app.sync.held import FUTURE_MARK
from app.trust.policy import FUTURE, FUTURE_MS, Policy, Refusal
from app.trust.segment import Seal
from app.trust.state import TrustState

REFUSED = _("refused by the school's trust rules: ")


@dataclass
class Verdict:
    refusal: Refusal | None = None  # the whole segment is refused
    seal: Seal | None = None
    cert: Cert | None = None
    refused: list[tuple[ChangeRec, Refusal]] = field(default_factory=list)
    future: int = 0

    @property
    def device_name(self) -> str:
        return self.cert.name if self.cert else ""


class Gate:
    def __init__(self, state: TrustState, now: float | None = None) -> None:
        self.state = state
        self.school_ids = frozenset(state.school.school_ids) if state.school else frozenset()
        self.now = now
        self._policies: dict[int, Policy] = {}

    def seal_refusal(self, seal_json, origin: str, first: int, last: int, digest: str) -> tuple[Refusal | None, Seal | None, Cert | None]:  # fmt: skip
        """Whether the seal of origin/first..last over a file whose header and lines hash to
        ``digest`` holds, and whose it is."""
        st = self.state
        if st.school is None:
            return Refusal("school-key", _("this computer does not have its school's key yet")), None, None
        seal = Seal.from_json(seal_json)
        if seal is None:
            return Refusal("unsigned", _("it is not signed by any device")), None, None
        if (seal.origin, seal.first, seal.last) != (origin, first, last):
            return Refusal("altered", _("its signature is for other changes")), seal, None
        if digest != seal.sha256:
            return Refusal("altered", _("its changes were altered after they were signed")), seal, None
        if not seal.holds():
            return Refusal("signature", _("its signature is not valid")), seal, None
        cert = st.cert_of(seal.key)
        if cert is None:
            return Refusal("unknown", _("it comes from a device this school does not know")), seal, None
        # What a revoked device wrote before (as far as the revoking computer held it) stays good
        # everywhere, so every peer keeps the same; what it wrote after is refused.
        if (st.is_revoked(cert) or seal.serial in st.revoked.serials) and first > _upto(st, cert, origin):
            return revoked_refusal(cert), seal, cert
        if cert.expires < (self.now or time.time()):
            return (
                Refusal("expired", _("the certificate of {v} has expired", v=cert.name or "its device")),
                seal,
                cert,
            )
        if not cert.may_sign_for(origin) and cert.role == "lab":
            # Teacher and admin computers may pass on others' changes under their own seal (relay).
            return (
                Refusal("replica", _("a lab machine signed changes under another device's name")),
                seal,
                cert,
            )
        return None, seal, cert

    def check(self, ref, body: bytes, footer: dict, changes: list[ChangeRec], lookup=None,
              verified: bool = False) -> Verdict:  # fmt: skip
        """The verdict on one parsed batch (``body``: header line and change lines). ``verified``:
        the footer's checksum was found to be the SHA-256 of ``body`` (``fetch_batch`` checks it),
        so it need not be computed again."""
        digest = footer.get("sha256") if verified else hashlib.sha256(body).hexdigest()
        refusal, seal, cert = self.seal_refusal(
            footer.get("seal"), ref.origin, ref.first, ref.last, str(digest)
        )
        v = Verdict(refusal, seal, cert)
        if refusal is not None or cert is None:
            return v
        revoked_after = _upto(self.state, cert, ref.origin) if self.state.is_revoked(cert) else None
        policy = self._policies.get(cert.serial)
        if policy is None:
            policy = self._policies[cert.serial] = Policy(cert, self.school_ids)
        now = f"{int((self.now or time.time()) * 1000) + FUTURE_MS:013d}"
        check = policy.check
        for c in changes:
            if c.problem:
                continue
            if revoked_after is not None and c.seq > revoked_after:
                c.problem = REFUSED + revoked_refusal(cert).words
                v.refused.append((c, revoked_refusal(cert)))
                continue
            why = check(c, now)
            if why is None and policy.lab and lookup is not None and c.table not in _EVENT_FREE:
                why = _stored_partition(policy, c, lookup)
            elif why is None and policy.class_bound and lookup is not None and c.table not in _EVENT_FREE:
                why = _stored_class(policy, c, lookup)
            if why is None:
                continue
            if why is FUTURE:
                c.problem = FUTURE_MARK
                v.future += 1
            else:
                c.problem = REFUSED + why.words
                v.refused.append((c, why))
        return v


def revoked_refusal(cert: Cert) -> Refusal:
    return Refusal("revoked", _("it comes from {v}, which was revoked", v=cert.name or "a device"))


def _upto(st: TrustState, cert: Cert, origin: str) -> int:
    """The last sequence number of ``origin`` written before ``cert`` was revoked (0: none)."""
    entry = st.revoked.serials.get(cert.serial, {})
    try:
        return int(dict(entry.get("upto") or {}).get(origin, 0))
    except (TypeError, ValueError, AttributeError):
        return 0


_EVENT_FREE = frozenset({"attempt", "check_in", "draft_version", "goal_evidence", "team_log", "celebration",
                         "audit_event"})  # fmt: skip


def _stored_class(policy: Policy, c: ChangeRec, lookup) -> Refusal | None:
    """A teacher's (or leader's) edit of a record already here must be of a class it may write: the
    partition a change names is the writer's word, the row's own is ours (issue 21)."""
    stored = lookup(c.table, c.row_id)
    if stored is None or stored == c.partition:
        return None
    probe = ChangeRec(c.replica_id, c.seq, c.hlc, c.table, c.row_id, c.op, stored, c.schema_version,
                      c.fields_text, c.parsed)  # fmt: skip
    return policy.check(probe, "9" * 13)


def _stored_partition(policy: Policy, c: ChangeRec, lookup) -> Refusal | None:
    """A lab machine's edit of a record already here: the record must be in its scope too (the
    partition a change names is the writer's word; the row's own is ours)."""
    stored = lookup(c.table, c.row_id)
    if stored is None or stored == c.partition:
        return None
    probe = ChangeRec(c.replica_id, c.seq, c.hlc, c.table, c.row_id, c.op, stored, c.schema_version,
                      c.fields_text, c.parsed)  # fmt: skip
    return policy.check(probe, "9" * 13) or (
        Refusal("lab-partition", _("a lab machine may not move a record to another student"))
        if stored.split("/")[2:] != c.partition.split("/")[2:]
        else None
    )
