#!/usr/bin/env bash
# Build tessera.msi with msitools' wixl from a built one-dir bundle, then check its tables.
#
#   bash installer/windows/build_msi.sh [BUNDLE_DIR]      # default dist/tessera -> dist/tessera.msi
#   MSI_OUT=path.msi MSI_WORK=dir                         # elsewhere (work files default to build/msi)
#
# On Linux the bundle is the Linux one (installer/build_linux.sh): a stand-in for the Windows
# bundle, packaged only to prove the package's tables (properties, registry, shortcut, files).
# On Windows, release.yml builds the real package from the same tessera.wxs with WiX 3.
# Needs: wixl and msiinfo (Debian/Ubuntu: apt-get install wixl msitools).
set -euo pipefail
cd "$(dirname "$0")/../.."

PY=${PYTHON:-.venv/bin/python}
BUNDLE=${1:-dist/tessera}
OUT=${MSI_OUT:-dist/tessera.msi}
WORK=${MSI_WORK:-build/msi}

for tool in wixl msiinfo; do
    command -v "$tool" >/dev/null || { echo "build_msi.sh: $tool missing; apt-get install wixl msitools" >&2; exit 2; }
done
[ -d "$BUNDLE" ] || { echo "build_msi.sh: no bundle at $BUNDLE; run installer/build_linux.sh first" >&2; exit 2; }
BUNDLE=$(realpath --relative-to=. "$BUNDLE")  # wixl only finds sources by relative path
EXE=$BUNDLE/tessera.exe
[ -f "$EXE" ] || EXE=$BUNDLE/tessera

# MSI versions are numeric: major.minor.build (upgrades compare only these three).
VERSION=$("$PY" installer/version.py --msi)

mkdir -p "$WORK" "$(dirname "$OUT")"
WORK=$(realpath --relative-to=. "$WORK")
"$PY" installer/make_icons.py build/icons >/dev/null
"$PY" installer/windows/make_file_list.py "$BUNDLE" "$WORK/files.wxs"

SECONDS=0
# wixl finds sources only by paths relative to where it runs (here: the repository root).
if ! wixl -a x64 -D Toolset=wixl -D Version="$VERSION" -D SourceDir="$BUNDLE" -D ExeSource="$EXE" \
        -D IconFile=build/icons/tessera.ico -o "$OUT" installer/windows/tessera.wxs "$WORK/files.wxs" \
        2>"$WORK/wixl.log"; then
    cat "$WORK/wixl.log" >&2
    exit 1
fi
# wixl 0.101 warns that it ignores two WiX 3 attributes: Property/@Secure and
# MajorUpgrade/@AllowSameVersionUpgrades (WiX 3 builds honour them). Anything else is worth seeing.
grep -v -e "has no property named 'Secure'" -e "has no property named 'AllowSameVersionUpgrades'" -e '^$' \
    "$WORK/wixl.log" >&2 || true
echo "build_msi.sh: $OUT ($(du -b "$OUT" | cut -f1) bytes) built in ${SECONDS}s"

"$PY" installer/windows/check_msi.py "$OUT" --bundle "$BUNDLE" --version "$VERSION"
