"""The lab data folder's permissions: the service keeps it to itself, and the app says plainly when a
folder's permissions are wrong (a lab folder other accounts can read, or a folder it cannot write)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

_PRIVATE_DIR, _PRIVATE_FILE = 0o700, 0o600


def secure_folder(folder: Path) -> int:
    """Make ``folder`` (and what is in it) the service's own: 0700 folders, 0600 files. Returns how
    many modes it changed. Only what this account owns is touched (anything else is reported by
    ``folder_problem``). POSIX only; on Windows the installer sets the folder's ACL."""
    if os.name != "posix":
        return 0
    folder.mkdir(parents=True, exist_ok=True, mode=_PRIVATE_DIR)
    changed = 0
    me = os.geteuid()
    for root, dirs, files in os.walk(folder):
        for name, want in [(root, _PRIVATE_DIR)] + [(os.path.join(root, f), _PRIVATE_FILE) for f in files]:
            st = os.lstat(name)
            if stat.S_ISLNK(st.st_mode) or st.st_uid != me:
                continue
            if stat.S_IMODE(st.st_mode) & 0o077:
                os.chmod(name, stat.S_IMODE(st.st_mode) & ~0o077 | (want & 0o700))
                changed += 1
        dirs[:] = [d for d in dirs if not os.path.islink(os.path.join(root, d))]
    return changed


def folder_problem(folder: Path, lab_mode: bool) -> str | None:
    """What is wrong with the data folder's permissions, in words for whoever set the machine up, or
    None. In lab mode a folder (or database, or backups folder) that other accounts can open is wrong:
    every student could read every other student's work there."""
    if not folder.exists():
        return None  # made at first start, with the right mode
    if lab_mode and os.name == "posix":
        for path in (folder, folder / "tessera.db", folder / "backups", folder / "journal", folder / "keys"):
            try:
                mode = stat.S_IMODE(path.stat().st_mode)
            except OSError:  # not there, or not ours to look at (the folder is closed to us: as it should be)
                continue
            if mode & 0o077:
                return (
                    f"This lab computer keeps Tessera's data where other accounts can open it: {path} "
                    f"has permissions {mode:o}. Every student could read every other student's work. "
                    "Set up the Tessera lab service as docs/installing.md says (it owns the folder and "
                    "keeps it to itself), or ask the school's IT."
                )
    if not os.access(folder, os.W_OK | os.X_OK):
        if lab_mode:
            return (
                f"Tessera cannot write to its folder {folder} from this account. On a lab computer the "
                "Tessera lab service keeps the data: check that it is installed and running "
                "(docs/installing.md), or ask the school's IT."
            )
        return (
            f"Tessera cannot write to its folder {folder}. Check its permissions, or start with --data-dir."
        )
    return None
