#!/usr/bin/env bash
# Build Tessera's Linux one-dir bundle (dist/tessera), run its --self-test offscreen, and check it
# fits the size budget. The last thing printed is a JSON report (also in dist/bundle-report.json).
#
#   bash installer/build_linux.sh            # PYTHON=... to use another interpreter
#   TESSERA_BUNDLE_BUDGET_MB=130             # the budget, in MB of 1,000,000 bytes (du -sb)
#
# Needs PyInstaller in that interpreter (pip install 'pyinstaller>=6.5') and binutils (strip).
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-.venv/bin/python}
BUDGET_MB=${TESSERA_BUNDLE_BUDGET_MB:-130}

if ! "$PY" -c "import PyInstaller" 2>/dev/null; then
    echo "build_linux.sh: PyInstaller is not installed; run: $PY -m pip install 'pyinstaller>=6.5'" >&2
    exit 2
fi

rm -rf build/tessera dist/tessera
SECONDS=0
"$PY" -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build installer/tessera.spec
build_s=$SECONDS

QT_QPA_PLATFORM=offscreen "$PY" installer/check_bundle.py dist/tessera \
    --budget-mb "$BUDGET_MB" --build-seconds "$build_s" --out dist/bundle-report.json
