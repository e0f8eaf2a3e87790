#!/bin/bash
# Set up the Tessera lab service on a lab Mac (issue 19). Run as root after installing Tessera.app:
#
#   sudo bash install_lab_service.sh [/Applications/Tessera.app]
#   sudo bash install_lab_service.sh --uninstall      # stops and removes the daemon (keeps the data)
#
# Makes the hidden account _tessera, the data folder (0700 _tessera) and the socket's folder (0755
# _tessera) under /Library/Application Support/Tessera, installs org.tessera.lab.plist as a launchd
# daemon and starts it. Set lab_mode in the configuration profile (not data_dir). Not tried on a Mac.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
LABEL=org.tessera.lab
PLIST=/Library/LaunchDaemons/$LABEL.plist
ACCOUNT=_tessera
BASE="/Library/Application Support/Tessera"

[ "$(id -u)" -eq 0 ] || { echo "install_lab_service.sh: run it with sudo" >&2; exit 2; }

if [ "${1:-}" = "--uninstall" ]; then
    launchctl bootout system/$LABEL 2>/dev/null || true
    rm -f "$PLIST"
    echo "Tessera lab service removed; its data stays in $BASE/Lab."
    exit 0
fi

APP=${1:-/Applications/Tessera.app}
[ -x "$APP/Contents/MacOS/Tessera" ] || { echo "install_lab_service.sh: no Tessera at $APP" >&2; exit 2; }

# The service's own account: hidden, no shell, no home, a free id below 500 (system accounts).
if ! dscl . -read "/Users/$ACCOUNT" >/dev/null 2>&1; then
    used=$( (dscl . -list /Users UniqueID; dscl . -list /Groups PrimaryGroupID) | awk '{print $2}' | sort -n)
    id=""
    for n in $(seq 400 499); do
        if ! grep -qx "$n" <<<"$used"; then id=$n; break; fi
    done
    [ -n "$id" ] || { echo "install_lab_service.sh: no free id for $ACCOUNT" >&2; exit 1; }
    dscl . -create "/Groups/$ACCOUNT" PrimaryGroupID "$id"
    dscl . -create "/Groups/$ACCOUNT" RealName "Tessera lab service"
    dscl . -create "/Users/$ACCOUNT" UniqueID "$id"
    dscl . -create "/Users/$ACCOUNT" PrimaryGroupID "$id"
    dscl . -create "/Users/$ACCOUNT" UserShell /usr/bin/false
    dscl . -create "/Users/$ACCOUNT" NFSHomeDirectory /var/empty
    dscl . -create "/Users/$ACCOUNT" RealName "Tessera lab service"
    dscl . -create "/Users/$ACCOUNT" IsHidden 1
fi

install -d -m 0755 -o root -g wheel "$BASE"
install -d -m 0700 -o "$ACCOUNT" -g "$ACCOUNT" "$BASE/Lab"        # the lab's data: the service's alone
install -d -m 0700 -o "$ACCOUNT" -g "$ACCOUNT" "$BASE/Lab/logs"
install -d -m 0755 -o "$ACCOUNT" -g "$ACCOUNT" "$BASE/Run"        # the socket: only the service makes it
# A folder from an older setup (shared by every user): the service's now, closed to others.
chown -R "$ACCOUNT:$ACCOUNT" "$BASE/Lab"
chmod -R go-rwx "$BASE/Lab"

sed "s|/Applications/Tessera.app|$APP|" "$HERE/$LABEL.plist" >"$PLIST"
chown root:wheel "$PLIST"
chmod 0644 "$PLIST"
plutil -lint "$PLIST" >/dev/null
launchctl bootout system/$LABEL 2>/dev/null || true
launchctl bootstrap system "$PLIST"
echo "Tessera lab service started (launchctl print system/$LABEL; log: $BASE/Lab/logs/tessera.log)."
