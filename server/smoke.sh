#!/usr/bin/env bash
# CI: install the school server alone (./server) into a fresh venv with no PySide6, prove Qt cannot be
# imported there, then create a school, serve on loopback, and answer /v1/health and /openapi.json.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="$(mktemp -d)/venv"
DATA="$(mktemp -d)"
python3 -m venv "$VENV"
"$VENV/bin/pip" install -q ./server
rm -rf server/build
if "$VENV/bin/python" -c "import PySide6" 2>/dev/null; then echo "PySide6 is importable in the server's venv"; exit 1; fi
"$VENV/bin/tessera-server" --data-dir "$DATA" school create "Smoke School" --url https://tessera.example
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
(cd /tmp && "$VENV/bin/tessera-server" --data-dir "$DATA" serve --port "$PORT") &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  if "$VENV/bin/python" -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:$PORT/v1/health')" 2>/dev/null; then break; fi
  sleep 0.2
done
"$VENV/bin/python" - "$PORT" <<'PY'
import json, sys, urllib.request
port = sys.argv[1]
assert json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/health"))["ok"]
doc = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/openapi.json"))
assert doc["openapi"].startswith("3.") and doc["paths"]
assert not [m for m in sys.modules if m.startswith("PySide6")]
print("server smoke: ok (no PySide6)")
PY
