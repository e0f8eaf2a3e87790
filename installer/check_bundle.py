"""Check a built Tessera bundle: it starts, passes its --self-test, carries its migrations and
resources, every library it links is found, and it fits the size budget. Prints one JSON object.

    python installer/check_bundle.py dist/tessera [--budget-mb 130] [--exe PATH] [--out FILE]

Exit code 0 only if every check passed. Sizes are in MB of 1,000,000 bytes, measured like
``du -sb`` (apparent size, each file once). Times: ``selftest_cold_s`` is a whole --self-test run on
an empty data folder (it builds the demo class), ``selftest_warm_s`` a second run on that folder;
``startup_s`` is the warm run's time from process start until the self-test began driving the
main window (imports, Qt, settings, database open), i.e. the time to the first window.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bundle_trim import LINUX_SYSTEM_LIBS

REPO = Path(__file__).resolve().parent.parent
MB = 1_000_000


def bundle_size(bundle: Path) -> int:
    """Apparent size in bytes, like ``du -sb`` (which is used when present)."""
    du = shutil.which("du")
    if du and sys.platform.startswith("linux"):
        out = subprocess.run([du, "-sb", str(bundle)], capture_output=True, text=True, check=True)
        return int(out.stdout.split()[0])
    seen, total = set(), 0
    for root, dirs, files in os.walk(bundle):
        for name in dirs + files:
            st = os.lstat(os.path.join(root, name))
            if (st.st_dev, st.st_ino) not in seen:
                seen.add((st.st_dev, st.st_ino))
                total += st.st_size
    return total + os.lstat(bundle).st_size


def find_exe(bundle: Path) -> Path:
    for candidate in ("tessera", "tessera.exe", "Contents/MacOS/tessera"):
        if (bundle / candidate).is_file():
            return bundle / candidate
    raise SystemExit(f"no tessera executable in {bundle}")


def contents_dir(bundle: Path) -> Path:
    for candidate in ("_internal", "Contents/Frameworks", "Contents/Resources"):
        if (bundle / candidate / "app").is_dir():
            return bundle / candidate
    return bundle


def missing_libraries(internal: Path) -> list[str]:
    """Linux: libraries some bundled ELF file links to that neither the bundle nor this system
    provides (what ``ldd`` reports as "not found"). The desktop's own libraries
    (bundle_trim.LINUX_SYSTEM_LIBS) are left out: a build machine without a desktop may lack them."""
    if not sys.platform.startswith("linux") or not shutil.which("ldd"):
        return []
    env = dict(os.environ, LD_LIBRARY_PATH=str(internal))
    missing = set()
    for path in internal.rglob("*.so*"):
        if path.is_symlink() or not path.is_file():
            continue
        out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env, check=False).stdout
        for line in out.splitlines():
            if "not found" in line and line.split()[0] not in LINUX_SYSTEM_LIBS:
                missing.add(f"{path.relative_to(internal)}: {line.split()[0]}")
    return sorted(missing)


def missing_files(internal: Path) -> list[str]:
    """Migrations and resources in the source tree that are absent from the bundle."""
    wanted = []
    for src, dest in (
        (REPO / "app/store/migrations", "app/store/migrations"),
        (REPO / "resources", "resources"),
    ):
        for f in src.rglob("*"):
            if f.is_file() and "__pycache__" not in f.parts and f.suffix != ".pyc":
                wanted.append(Path(dest) / f.relative_to(src))
    return sorted(str(w) for w in wanted if not (internal / w).is_file())


def self_test(exe: Path, data_dir: Path) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env.pop("TESSERA_HOME", None)
    t0 = time.perf_counter()
    proc = subprocess.run(
        [str(exe), "--self-test", "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    wall = time.perf_counter() - t0
    m = re.search(r"self-test (?:passed|FAILED) in ([\d.]+) s", proc.stdout)
    inner = float(m.group(1)) if m else None
    return {
        "returncode": proc.returncode,
        "wall_s": round(wall, 2),
        "inner_s": inner,
        "stdout": proc.stdout[-2000:],
        "stderr": "\n".join(ln for ln in proc.stderr.splitlines() if "propagateSizeHints" not in ln)[-3000:],
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("bundle", type=Path, help="dist/tessera (or dist/Tessera.app)")
    p.add_argument("--exe", type=Path, help="the executable, if not the usual place in the bundle")
    p.add_argument("--budget-mb", type=float, default=0, help="fail above this size (0: no budget)")
    p.add_argument("--out", type=Path, help="also write the JSON here")
    p.add_argument("--build-seconds", type=float, help="how long the build took, for the report")
    args = p.parse_args(argv)

    bundle = args.bundle.resolve()
    exe = args.exe or find_exe(bundle)
    internal = contents_dir(bundle)
    size = bundle_size(bundle)
    work = Path(tempfile.mkdtemp(prefix="tessera-bundle-check-"))
    try:
        cold = self_test(exe, work / "data")
        warm = self_test(exe, work / "data") if cold["returncode"] == 0 else None
    finally:
        shutil.rmtree(work, ignore_errors=True)
    libs = missing_libraries(internal)
    files = missing_files(internal)

    problems = []
    if cold["returncode"] != 0 or (warm and warm["returncode"] != 0):
        problems.append("self-test failed")
    if args.budget_mb and size > args.budget_mb * MB:
        problems.append(f"bundle is {size / MB:.1f} MB, over the {args.budget_mb:g} MB budget")
    if libs:
        problems.append("libraries not found: " + ", ".join(libs))
    if files:
        problems.append("missing from the bundle: " + ", ".join(files))

    report = {
        "bundle": str(bundle),
        "platform": sys.platform,
        "size_bytes": size,
        "size_mb": round(size / MB, 1),
        "size_mib": round(size / 2**20, 1),
        "budget_mb": args.budget_mb or None,
        "build_s": round(args.build_seconds, 1) if args.build_seconds is not None else None,
        "selftest_cold_s": cold["wall_s"],
        "selftest_warm_s": warm["wall_s"] if warm else None,
        "startup_s": round(warm["wall_s"] - warm["inner_s"], 2)
        if warm and warm["inner_s"] is not None
        else None,
        "ok": not problems,
        "problems": problems,
    }
    if problems:
        for run in filter(None, (cold, warm)):
            if run["returncode"] != 0:
                print(run["stdout"], run["stderr"], sep="\n", file=sys.stderr)
    text = json.dumps(report, indent=2)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0 if not problems else 1


if __name__ == "__main__":
    raise SystemExit(main())
