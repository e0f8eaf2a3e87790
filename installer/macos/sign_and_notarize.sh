#!/usr/bin/env bash
# Sign Tessera.app with the hardened runtime, put it in a disk image, sign and notarize the image,
# and staple the ticket, on a Mac with Xcode's command line tools and dmgbuild (pip install dmgbuild).
#
#   bash installer/macos/sign_and_notarize.sh [dist/Tessera.app] [dist/Tessera-VERSION.dmg]
#
# Credentials come from the environment, never from this file:
#   MACOS_SIGN_IDENTITY   "Developer ID Application: Example School Software (TEAMID1234)"
#   APPLE_TEAM_ID         TEAMID1234
# and one way to reach the notary service:
#   NOTARY_KEYCHAIN_PROFILE                     a profile saved with `xcrun notarytool store-credentials`
#   or APPLE_ID + APPLE_APP_PASSWORD            an Apple ID and an app-specific password
#   or NOTARY_KEY_PATH + NOTARY_KEY_ID + NOTARY_ISSUER   an App Store Connect API key (.p8)
# On a CI runner, the signing certificate can arrive as a base64 .p12; it then goes into a
# temporary keychain that is deleted at the end:
#   MACOS_CERT_P12_BASE64, MACOS_CERT_PASSWORD
set -euo pipefail
cd "$(dirname "$0")/../.."

die() { echo "sign_and_notarize.sh: $*" >&2; exit 1; }
[ "$(uname)" = Darwin ] || die "runs on macOS only"

APP=${1:-dist/Tessera.app}
DMG=${2:-dist/Tessera-$(python3 installer/version.py).dmg}
ENTITLEMENTS=installer/macos/entitlements.plist
[ -d "$APP" ] || die "no app at $APP; build it with: pyinstaller --noconfirm installer/tessera.spec"
: "${MACOS_SIGN_IDENTITY:?set MACOS_SIGN_IDENTITY (Developer ID Application: ...)}"
: "${APPLE_TEAM_ID:?set APPLE_TEAM_ID}"

notary_args=()
if [ -n "${NOTARY_KEYCHAIN_PROFILE:-}" ]; then
    notary_args=(--keychain-profile "$NOTARY_KEYCHAIN_PROFILE")
elif [ -n "${APPLE_ID:-}" ] && [ -n "${APPLE_APP_PASSWORD:-}" ]; then
    notary_args=(--apple-id "$APPLE_ID" --password "$APPLE_APP_PASSWORD" --team-id "$APPLE_TEAM_ID")
elif [ -n "${NOTARY_KEY_PATH:-}" ] && [ -n "${NOTARY_KEY_ID:-}" ] && [ -n "${NOTARY_ISSUER:-}" ]; then
    notary_args=(--key "$NOTARY_KEY_PATH" --key-id "$NOTARY_KEY_ID" --issuer "$NOTARY_ISSUER")
else
    die "no notary credentials: set NOTARY_KEYCHAIN_PROFILE, or APPLE_ID and APPLE_APP_PASSWORD, or NOTARY_KEY_PATH, NOTARY_KEY_ID and NOTARY_ISSUER"
fi

# --- the signing certificate (CI) --------------------------------------------------------------
keychain_args=()
if [ -n "${MACOS_CERT_P12_BASE64:-}" ]; then
    KEYCHAIN="$(mktemp -d)/tessera-signing.keychain-db"
    KEYCHAIN_PASSWORD=$(uuidgen)
    p12="$(dirname "$KEYCHAIN")/cert.p12"
    trap 'security delete-keychain "$KEYCHAIN" 2>/dev/null || true; rm -f "$p12"' EXIT
    echo "$MACOS_CERT_P12_BASE64" | base64 --decode > "$p12"
    security create-keychain -p "$KEYCHAIN_PASSWORD" "$KEYCHAIN"
    security set-keychain-settings -lut 3600 "$KEYCHAIN"
    security unlock-keychain -p "$KEYCHAIN_PASSWORD" "$KEYCHAIN"
    security import "$p12" -k "$KEYCHAIN" -P "${MACOS_CERT_PASSWORD:-}" -T /usr/bin/codesign
    security set-key-partition-list -S apple-tool:,apple: -s -k "$KEYCHAIN_PASSWORD" "$KEYCHAIN" >/dev/null
    # codesign searches the user's keychain list: put ours first, keep the others.
    # shellcheck disable=SC2046
    security list-keychains -d user -s "$KEYCHAIN" $(security list-keychains -d user | tr -d '"')
    keychain_args=(--keychain "$KEYCHAIN")
fi

sign() {
    codesign --force --options runtime --timestamp --entitlements "$ENTITLEMENTS" \
        --sign "$MACOS_SIGN_IDENTITY" ${keychain_args[@]+"${keychain_args[@]}"} "$@"
}

# --- sign the app, inside out --------------------------------------------------------------------
# Every Mach-O file first (Python extensions, Qt plugins and libraries; --deep does not look in
# Contents/Resources), then the Qt frameworks as bundles, then the app itself with --deep.
echo "Signing nested code in $APP"
while IFS= read -r -d '' f; do
    if file -b "$f" | grep -q "Mach-O"; then
        sign "$f"
    fi
done < <(find "$APP/Contents" -type f ! -path "*/Contents/MacOS/tessera" -print0)
while IFS= read -r -d '' fw; do
    sign "$fw"
done < <(find "$APP/Contents" -type d -name "*.framework" -print0)
echo "Signing $APP"
codesign --force --deep --options runtime --timestamp --entitlements "$ENTITLEMENTS" \
    --sign "$MACOS_SIGN_IDENTITY" ${keychain_args[@]+"${keychain_args[@]}"} "$APP"
codesign --verify --deep --strict --verbose=2 "$APP"

# The signed app must still work. (${a[@]+...}: bash 3.2, macOS's own, rejects empty arrays under set -u.)
QT_QPA_PLATFORM=offscreen "$APP/Contents/MacOS/tessera" --self-test --data-dir "$(mktemp -d)"

# --- the disk image -------------------------------------------------------------------------------
mkdir -p "$(dirname "$DMG")"
rm -f "$DMG"
${DMGBUILD:-dmgbuild} -s installer/macos/dmg_settings.py -D app="$APP" -D icon=build/icons/Tessera.icns \
    "Tessera" "$DMG"
codesign --force --timestamp --sign "$MACOS_SIGN_IDENTITY" ${keychain_args[@]+"${keychain_args[@]}"} "$DMG"

# --- notarize and staple ----------------------------------------------------------------------------
echo "Submitting $DMG to the notary service (this waits for the verdict)"
result=$(xcrun notarytool submit "$DMG" "${notary_args[@]}" --wait --output-format json)
echo "$result"
status=$(python3 -c 'import json, sys; print(json.loads(sys.argv[1]).get("status", ""))' "$result")
if [ "$status" != "Accepted" ]; then
    id=$(python3 -c 'import json, sys; print(json.loads(sys.argv[1]).get("id", ""))' "$result")
    [ -n "$id" ] && xcrun notarytool log "$id" "${notary_args[@]}" || true
    die "notarization: $status"
fi
xcrun stapler staple "$DMG"
xcrun stapler validate "$DMG"
spctl --assess --type open --context context:primary-signature --verbose=2 "$DMG"
echo "sign_and_notarize.sh: $DMG is signed, notarized and stapled"
