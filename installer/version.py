"""Print Tessera's version from app/__init__.py, for the build scripts and CI.

python installer/version.py          # 0.1.0 (as written)
python installer/version.py --msi    # major.minor.build, numbers only (Windows Installer)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

INIT = Path(__file__).resolve().parent.parent / "app" / "__init__.py"


def version() -> str:
    m = re.search(r'__version__\s*=\s*"([^"]+)"', INIT.read_text(encoding="utf-8"))
    if not m:
        raise SystemExit(f"no __version__ in {INIT}")
    return m.group(1)


def msi_version(v: str) -> str:
    """Windows Installer compares only the first three fields, each a number: 1.2.0rc1 -> 1.2.0."""
    return ".".join((re.findall(r"\d+", v) + ["0", "0", "0"])[:3])


if __name__ == "__main__":
    v = version()
    print(msi_version(v) if "--msi" in sys.argv[1:] else v)
