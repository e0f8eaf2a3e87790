"""The devices of a school as a teacher sees them: enrolled (with role and classes), waiting for
approval, refused, revoked. Plain data for the Sync page and ``python -m app devices list``."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from app.i18n import _
from app.identity.keys import device, school_private
from app.trust.state import TrustState


@dataclass
class DeviceRow:
    device: str
    name: str
    role: str  # lab | teacher | admin (asked for, when waiting)
    status: str  # enrolled | waiting | refused | revoked | expired
    detail: str  # classes, or the classes asked for
    this: bool = False  # this computer


def device_list(data_dir: Path) -> list[DeviceRow]:
    st = TrustState.load(data_dir)
    me = device(data_dir, create=False)
    out: list[DeviceRow] = []
    now = time.time()
    for cert in sorted(st.certs.values(), key=lambda c: c.name):
        status = "revoked" if st.is_revoked(cert) else "expired" if cert.expires < now else "enrolled"
        classes = _("every class") if "*" in cert.classes else _("{len} class(es)", len=len(cert.classes))
        out.append(
            DeviceRow(
                cert.device, cert.name, cert.role, status, classes, me is not None and me.public == cert.key
            )
        )
    for req in st.pending_requests():
        names = ", ".join(req.class_names) or _("no class yet")
        out.append(DeviceRow(req.device, req.name, req.role, "waiting", names))
    for dev in st.refused:
        asked = st.requests.get(dev)
        out.append(DeviceRow(dev, asked.name if asked else "", asked.role if asked else "", "refused", ""))
    return out


def holds_school_key(data_dir: Path) -> bool:
    return school_private(data_dir) is not None
