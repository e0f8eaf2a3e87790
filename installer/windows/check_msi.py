"""Check a built tessera.msi by its tables: per-machine, upgrades replace the old version, the Start
menu shortcut, the public properties written to the machine policy under the value names Tessera
reads, lab mode's service (TesseraLab) and its private folder, and the bundle's files.

    python installer/windows/check_msi.py build/msi/tessera.msi [--bundle dist/tessera] [--version 0.1.0]

Reads the tables with msitools' ``msiinfo`` (Linux, macOS) or Python's ``msilib`` (Windows), so
the same checks run on the wixl-built package in CI and on the WiX-built one on Windows.
Prints one line per check and exits non-zero if any failed.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
UPGRADE_CODE = "{5B10E0FB-A355-40A1-AFA5-B3340B3C5DD6}"
POLICY_KEY = r"SOFTWARE\Policies\Tessera"
# msiexec property -> policy value name (app/config.py BUILTIN keys)
PROPERTIES = {
    "SERVERURL": "server_url",
    "SYNCFOLDER": "sync_folder",
    "SCHOOLKEY": "school_key",
    "LABMODE": "lab_mode",
    "IDLEMINUTES": "idle_signout_minutes",
    "DATADIR": "data_dir",
}
USERS_SID = "*S-1-5-32-545"  # BUILTIN\Users, whatever the language of Windows
SYSTEM_SID, ADMINS_SID = "*S-1-5-18", "*S-1-5-32-544"
STUDENT_SIDS = (
    "S-1-5-32-545",
    "S-1-5-11",
    "S-1-1-0",
    "S-1-5-4",
)  # Users, Authenticated, Everyone, Interactive
LAB_SERVICE = "TesseraLab"
# ServiceControl events: start at install (1), stop at install (2) and uninstall (32), delete at uninstall (128)
SERVICE_EVENTS = 1 | 2 | 32 | 128
SERVICE_OWN_PROCESS, SERVICE_AUTO_START = 16, 2
MSIDB_64BIT, CA_IN_SCRIPT, CA_NO_IMPERSONATE = 256, 0x400, 0x800

Tables = dict[str, list[dict[str, str]]]


# --- reading -------------------------------------------------------------------------------


def read_tables_msiinfo(msi: Path) -> tuple[Tables, dict[str, str]]:
    msi = msi.resolve()
    names = subprocess.run(["msiinfo", "tables", str(msi)], capture_output=True, text=True, check=True)
    tables: Tables = {}
    # msiinfo export writes binary columns (icons) to files under the current folder: keep them out
    # of the caller's way.
    scratch = tempfile.mkdtemp(prefix="check-msi-")
    for name in names.stdout.split():
        if name.startswith("_"):
            continue
        out = subprocess.run(
            ["msiinfo", "export", str(msi), name], capture_output=True, text=True, check=True, cwd=scratch
        )
        lines = out.stdout.split("\r\n") if "\r\n" in out.stdout else out.stdout.split("\n")
        columns = lines[0].split("\t")
        rows = []
        for line in lines[3:]:
            if not line:
                continue
            values = line.split("\t")
            rows.append(dict(zip(columns, values + [""] * (len(columns) - len(values)))))
        tables[name] = rows
    shutil.rmtree(scratch, ignore_errors=True)
    info = subprocess.run(["msiinfo", "suminfo", str(msi)], capture_output=True, text=True, check=True)
    summary = {}
    for line in info.stdout.splitlines():
        key, _, value = line.partition(":")
        summary[key.strip()] = value.strip()
    return tables, summary


def read_tables_msilib(msi: Path) -> tuple[Tables, dict[str, str]]:  # pragma: no cover (Windows)
    import msilib  # type: ignore[import-not-found]  (Windows, Python <= 3.12)

    db = msilib.OpenDatabase(str(msi), msilib.MSIDBOPEN_READONLY)
    view = db.OpenView("SELECT `Name` FROM `_Tables`")
    view.Execute(None)
    names = []
    while (rec := _fetch(view)) is not None:
        names.append(rec.GetString(1))
    tables: Tables = {}
    for name in names:
        v = db.OpenView(f"SELECT * FROM `{name}`")
        v.Execute(None)
        cols_rec = v.GetColumnInfo(msilib.MSICOLINFO_NAMES)
        columns = [cols_rec.GetString(i) for i in range(1, cols_rec.GetFieldCount() + 1)]
        rows = []
        while (rec := _fetch(v)) is not None:
            rows.append({c: _field(rec, i + 1) for i, c in enumerate(columns)})
        tables[name] = rows
    si = db.GetSummaryInformation(0)
    template = si.GetProperty(7)  # PID_TEMPLATE
    summary = {"Template": template.decode() if isinstance(template, bytes) else str(template)}
    return tables, summary


def _fetch(view):
    try:
        return view.Fetch()
    except Exception:  # noqa: BLE001  (msilib raises at the end on some versions)
        return None


def _field(rec, i: int) -> str:
    try:
        return rec.GetString(i)  # "" for a null field; numbers come back as text
    except Exception:  # noqa: BLE001  (binary stream columns)
        return "<stream>"


def read_tables(msi: Path) -> tuple[Tables, dict[str, str]]:
    if shutil.which("msiinfo"):
        return read_tables_msiinfo(msi)
    if sys.platform.startswith("win"):
        return read_tables_msilib(msi)
    raise SystemExit("check_msi: needs msiinfo (apt-get install msitools) or Windows' msilib")


# --- the checks ----------------------------------------------------------------------------


def service_sid(name: str) -> str:
    """The SID of NT SERVICE\\<name> (the rule app/lab/pipe.py follows too)."""
    import hashlib
    import struct

    digest = hashlib.sha1(name.upper().encode("utf-16-le")).digest()  # noqa: S324
    return "S-1-5-80-" + "-".join(str(n) for n in struct.unpack("<5I", digest))


def check_lab_service(
    tables: Tables, seq: dict[str, dict[str, str]], ca: dict[str, dict[str, str]], paths: dict[str, str]
) -> list[tuple[bool, str]]:
    """Lab mode (issue 19): the TesseraLab service owns the lab folder; students' accounts get nothing."""
    out: list[tuple[bool, str]] = []

    def ok(cond: object, what: str) -> None:
        out.append((bool(cond), what))

    def n(action: str) -> int:
        return int(seq[action]["Sequence"]) if action in seq else -1

    svc = next((r for r in tables.get("ServiceInstall", []) if r["Name"] == LAB_SERVICE), None)
    ok(svc is not None, f"ServiceInstall row for {LAB_SERVICE}")
    if svc is None:
        return out
    ok(
        int(svc["ServiceType"] or 0) == SERVICE_OWN_PROCESS
        and int(svc["StartType"] or 0) == SERVICE_AUTO_START,
        "...its own process, started with Windows",
    )
    ok(
        svc["StartName"] == f"NT SERVICE\\{LAB_SERVICE}",
        f"...as the virtual account NT SERVICE\\{LAB_SERVICE}",
    )
    ok(
        svc["Arguments"].split() == ["lab-service", "--windows-service"],
        "...running 'lab-service --windows-service'",
    )
    files = [f for f in tables.get("File", []) if f["Component_"] == svc["Component_"]]
    ok(
        len(files) == 1 and paths.get(files[0]["File"]) == "tessera-lab.exe",
        "...from tessera-lab.exe at the top of INSTALLDIR (beside _internal)",
    )
    ctl = [r for r in tables.get("ServiceControl", []) if r["Name"] == LAB_SERVICE]
    ok(
        len(ctl) == 1 and int(ctl[0]["Event"] or 0) == SERVICE_EVENTS and ctl[0]["Wait"] == "1"
        and ctl[0]["Component_"] == svc["Component_"],
        "ServiceControl: started at install, stopped at install and uninstall, deleted at uninstall, waited for",
    )  # fmt: skip
    ok(
        all(n(a) > 0 for a in ("StopServices", "DeleteServices", "InstallServices", "StartServices"))
        and n("StopServices") < n("DeleteServices") < n("InstallServices") < n("StartServices"),
        "service actions scheduled: stop, delete, install, start",
    )
    feats = {r["Feature"]: r for r in tables.get("Feature", [])}
    feat = next(
        (
            fc["Feature_"]
            for fc in tables.get("FeatureComponents", [])
            if fc["Component_"] == svc["Component_"]
        ),
        None,
    )
    level = int(feats[feat]["Level"] or 0) if feat in feats else 0
    ok(level > 1, "the service is its own feature, not installed by default")
    raise_level = [
        a for a in ca.values()
        if a["Source"] == "INSTALLLEVEL" and a["Target"].isdigit() and int(a["Target"]) >= level
        and '"1"' in seq.get(a["Action"], {}).get("Condition", "") and "LABMODE" in seq[a["Action"]]["Condition"]
        and 0 < n(a["Action"]) < n("CostFinalize")
    ]  # fmt: skip
    ok(raise_level, "LABMODE=1 installs it (INSTALLLEVEL raised before CostFinalize)")

    # The lab folder's ACL: made by icacls as SYSTEM, for SYSTEM, Administrators and the service only.
    acl = next((a for a in ca.values() if "icacls" in a["Target"]), None)
    ok(acl is not None, "lab data folder: ACL set (icacls)")
    if acl is None:
        return out
    target = acl["Target"]
    grants = " ".join(part.split("/grant")[-1] for part in target.split("icacls")[1:] if "/grant" in part)
    ok(
        all(f"{sid}:(OI)(CI)F" in grants for sid in (SYSTEM_SID, ADMINS_SID))
        and f"*{service_sid(LAB_SERVICE)}:(OI)(CI)M" in grants,
        "lab data folder: SYSTEM and Administrators full, the service's account Modify",
    )
    ok(
        not any(sid in target for sid in STUDENT_SIDS),
        "lab data folder: nothing for Users, Everyone or students",
    )
    ok(
        "/inheritance:r" in target and "/grant:r" in target and "/reset /T" in target
        and f"/setowner {ADMINS_SID} /T" in target,
        "lab data folder: inheritance cut, files inside reset, owner Administrators",
    )  # fmt: skip
    t = int(acl["Type"])
    ok(
        t & CA_IN_SCRIPT and t & CA_NO_IMPERSONATE,
        "the folder is prepared as SYSTEM (deferred, no impersonation)",
    )
    cond = seq.get(acl["Action"], {}).get("Condition", "")
    ok(
        "LABMODE" in cond
        and "REMOVE" in cond
        and n("InstallInitialize") < n(acl["Action"]) < n("StartServices"),
        "...only in lab mode, not on uninstall, before the service starts",
    )
    # Folder permissions by table (WiX Permission / PermissionEx) would have to say the same.
    locks = tables.get("LockPermissions", []) + tables.get("MsiLockPermissionsEx", [])
    ok(
        not any(r.get("User") in ("Users", "Everyone") or any(s in r.get("SDDL", "") for s in ("BU", "WD", "AU"))
                for r in locks),
        f"no LockPermissions row opens a folder to Users ({len(locks)} rows)",
    )  # fmt: skip
    return out


def installed_paths(tables: Tables) -> dict[str, str]:
    """File key -> path under INSTALLDIR (with /), from the Directory, Component and File tables."""
    dirs = {r["Directory"]: r for r in tables.get("Directory", [])}

    def path_of(d: str) -> str:
        if d in ("INSTALLDIR", "TARGETDIR", "") or d not in dirs:
            return ""
        row = dirs[d]
        # DefaultDir is "[short|]long[:source]": the target's long name
        name = row["DefaultDir"].split(":")[0].split("|")[-1]
        parent = path_of(row["Directory_Parent"])
        if name == ".":
            return parent
        return f"{parent}/{name}" if parent else name

    comp_dir = {r["Component"]: r["Directory_"] for r in tables.get("Component", [])}
    out = {}
    for f in tables.get("File", []):
        base = path_of(comp_dir.get(f["Component_"], ""))
        name = f["FileName"].split("|")[-1]
        out[f["File"]] = f"{base}/{name}" if base else name
    return out


def check(
    tables: Tables,
    summary: dict[str, str],
    version: str | None = None,
    bundle: Path | None = None,
    builtin_keys: set[str] | None = None,
) -> list[tuple[bool, str]]:
    results: list[tuple[bool, str]] = []

    def ok(cond: bool, what: str) -> None:
        results.append((bool(cond), what))

    prop = {r["Property"]: r["Value"] for r in tables.get("Property", [])}
    ok(prop.get("ProductName") == "Tessera", "ProductName is Tessera")
    ok(prop.get("UpgradeCode", "").upper() == UPGRADE_CODE, f"UpgradeCode is {UPGRADE_CODE}")
    if version:
        ok(prop.get("ProductVersion") == version, f"ProductVersion is {version}")
    ok(prop.get("ALLUSERS") == "1", "per-machine package (ALLUSERS=1)")
    ok(summary.get("Template", "").startswith("x64"), "64-bit package (Template x64)")
    ok(
        prop.get("ARPPRODUCTICON")
        and any(r["Name"] == prop["ARPPRODUCTICON"] for r in tables.get("Icon", [])),
        "Add/Remove Programs icon",
    )

    # Major upgrade: older (and same-version rebuilds) are removed, newer versions block the install.
    version_now = prop.get("ProductVersion", "")
    upgrades = [r for r in tables.get("Upgrade", []) if r["UpgradeCode"].upper() == UPGRADE_CODE]
    ok(
        any(r["VersionMax"] == version_now and not int(r["Attributes"] or 0) & 2 for r in upgrades),
        "Upgrade row removes older versions",
    )
    ok(
        any(r["VersionMin"] == version_now and int(r["Attributes"] or 0) & 2 for r in upgrades),
        "Upgrade row detects newer versions",
    )
    seq = {r["Action"]: r for r in tables.get("InstallExecuteSequence", [])}

    def n(action: str) -> int:
        return int(seq[action]["Sequence"]) if action in seq else -1

    ok(
        n("InstallValidate") < n("RemoveExistingProducts") < n("InstallInitialize"),
        "RemoveExistingProducts between InstallValidate and InstallInitialize",
    )
    downgrade_blocked = any(
        "WIX_DOWNGRADE_DETECTED" in r["Condition"] for r in tables.get("LaunchCondition", [])
    ) or any(
        r["Action"] == "WIX_DOWNGRADE_DETECTED" or "WIX_DOWNGRADE_DETECTED" in r.get("Condition", "")
        for r in tables.get("InstallExecuteSequence", [])
    )
    ok(downgrade_blocked, "a newer installed version stops the install")

    # Start menu shortcut to the executable.
    paths = installed_paths(tables)
    comp_of = {f["File"]: f["Component_"] for f in tables.get("File", [])}
    exe_keys = [k for k, p in paths.items() if p == "tessera.exe"]
    ok(len(exe_keys) == 1, "tessera.exe installed at the top of INSTALLDIR")
    shortcuts = [s for s in tables.get("Shortcut", []) if s["Directory_"] == "ProgramMenuFolder"]
    ok(
        any(
            s["Name"].split("|")[-1] == "Tessera" and exe_keys and s["Component_"] == comp_of[exe_keys[0]]
            for s in shortcuts
        ),
        "Start menu shortcut 'Tessera' to tessera.exe",
    )

    # Machine policy: every public property lands in HKLM\SOFTWARE\Policies\Tessera.
    comps = {r["Component"]: r for r in tables.get("Component", [])}
    reg = [r for r in tables.get("Registry", []) if r["Root"] == "2" and r["Key"] == POLICY_KEY]
    for prop_name, value_name in PROPERTIES.items():
        row = next((r for r in reg if r["Name"] == value_name), None)
        ok(
            row is not None and row["Value"] == f"[{prop_name}]",
            f"{prop_name} -> HKLM\\{POLICY_KEY}\\{value_name}",
        )
        if row is not None:
            attrs = int(comps.get(row["Component_"], {}).get("Attributes") or 0)
            ok(attrs & MSIDB_64BIT, f"{value_name} written to the 64-bit registry view")
        if builtin_keys is not None:
            ok(value_name in builtin_keys, f"{value_name} is a setting app/config.py knows")
        found = [a for a in tables.get("AppSearch", []) if a["Property"] == f"PREV_{prop_name}"]
        ok(
            found
            and any(
                r["Signature_"] == found[0]["Signature_"] and r["Name"] == value_name
                for r in tables.get("RegLocator", [])
            ),
            f"{prop_name}: an upgrade without it keeps the value already installed",
        )
    ca = {r["Action"]: r for r in tables.get("CustomAction", [])}
    keeps = [a for a in ca.values() if a["Target"].startswith("[PREV_")]
    ok(
        len(keeps) == len(PROPERTIES) and all(n(a["Action"]) > n("AppSearch") for a in keeps),
        "remembered values restored after AppSearch",
    )

    # Lab mode: a shared data folder that every user can write.
    lab = next(
        (a for a in ca.values() if a["Source"] == "DATADIR" and "CommonAppDataFolder" in a["Target"]), None
    )
    ok(
        lab is not None and "LABMODE" in seq.get(lab["Action"], {}).get("Condition", ""),
        "LABMODE=1 sets data_dir to a folder under ProgramData",
    )
    results.extend(check_lab_service(tables, seq, ca, paths))

    # Files: everything in the bundle, embedded.
    ok(any(m["Cabinet"].startswith("#") for m in tables.get("Media", [])), "cabinet embedded in the MSI")
    installed = set(paths.values())
    needed = ["_internal/app/store/migrations/env.py", "_internal/resources/framework/default.json"]
    for rel in needed:
        ok(rel in installed, f"installs {rel}")
    ok(
        any("/migrations/versions/" in p and p.endswith(".py") for p in installed),
        "installs the migration versions",
    )
    ok(any("/plugins/platforms/" in p for p in installed), "installs a Qt platform plugin")
    if bundle is not None:
        wanted = {
            p.relative_to(bundle).as_posix()
            for p in bundle.rglob("*")
            if p.is_file() and not p.is_symlink() and p.name not in ("tessera", "tessera.exe")
        }
        missing = sorted(wanted - installed)
        ok(
            not missing,
            f"all {len(wanted)} bundle files in the File table"
            + (f" (missing: {', '.join(missing[:5])}...)" if missing else ""),
        )
    return results


def main(argv: list[str] | None = None, reader: Callable[[Path], tuple[Tables, dict]] = read_tables) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("msi", type=Path)
    p.add_argument("--bundle", type=Path, help="the bundle the MSI was built from (checks every file)")
    p.add_argument("--version", help="expected ProductVersion")
    args = p.parse_args(argv)
    tables, summary = reader(args.msi)
    sys.path.insert(0, str(REPO))
    try:
        from app.config import BUILTIN

        builtin = set(BUILTIN)
    except ImportError:
        builtin = None
    results = check(tables, summary, args.version, args.bundle, builtin)
    for passed, what in results:
        print(f"{'ok  ' if passed else 'FAIL'} {what}")
    failed = sum(1 for passed, _ in results if not passed)
    size = args.msi.stat().st_size
    print(
        f"check_msi: {len(results) - failed}/{len(results)} checks passed; {args.msi.name} is {size / 1e6:.1f} MB"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
