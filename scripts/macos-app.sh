#!/usr/bin/env bash
# Wraps a macOS build of bmcanvas into bmcanvas.app and a zip, as
# docs/macos.md describes. On a Mac, give it the universal binary that lipo
# made; elsewhere any executable stands in for it, which tests every step
# but the build, the signature and the notarisation.
#
#   scripts/macos-app.sh EXECUTABLE OUTDIR
#
# fyne package (fyne.io/tools, `go install fyne.io/tools/cmd/fyne@v1.7.4`)
# makes the bundle: Info.plist from FyneApp.toml, the icon as icon.icns. It
# runs in a copy of the source, because it bumps Build in FyneApp.toml on
# every run. On a Mac the bundle is then signed (ad hoc unless
# CODESIGN_IDENTITY names a Developer ID certificate).
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: scripts/macos-app.sh EXECUTABLE OUTDIR" >&2; exit 2; }
exe=$(realpath "$1")
mkdir -p "$2"
out=$(cd "$2" && pwd)
cd "$(dirname "$0")/.."
fyne=${FYNE:-$(command -v fyne || echo "$(go env GOPATH)/bin/fyne")}
[ -x "$fyne" ] || { echo "macos-app: no fyne tool: go install fyne.io/tools/cmd/fyne@v1.7.4" >&2; exit 1; }
version=$(sed -n 's/^Version *= *"\(.*\)"$/\1/p' FyneApp.toml)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp FyneApp.toml main.go go.mod go.sum "$tmp/"
mkdir -p "$tmp/assets" && cp assets/icon.png "$tmp/assets/"
cp "$exe" "$tmp/bmcanvas"
(cd "$tmp" && "$fyne" package -os darwin --executable ./bmcanvas --name bmcanvas --release)
app=$tmp/bmcanvas.app
plist=$app/Contents/Info.plist
[ -f "$plist" ] && [ -x "$app/Contents/MacOS/bmcanvas" ] && [ -f "$app/Contents/Resources/icon.icns" ] ||
	{ echo "macos-app: fyne package made no complete bundle" >&2; exit 1; }

# The build number is the version's (fyne package counts its own runs)
# and the category Productivity. No document types: Finder hands a
# double-clicked file to an application by Apple Event, which Fyne 2.7.1
# does not pass on, so bmcanvas would open without the file
# (docs/macos.md).
awk -v v="$version" '
	prev == "<key>CFBundleVersion</key>" { sub(/<string>[^<]*<\/string>/, "<string>" v "</string>") }
	prev == "<key>LSApplicationCategoryType</key>" { sub(/<string>[^<]*<\/string>/, "<string>public.app-category.productivity</string>") }
	{ print; prev = $0; gsub(/^[ \t]+/, "", prev) }' "$plist" >"$tmp/Info.plist"
mv "$tmp/Info.plist" "$plist"
if command -v plutil >/dev/null; then
	plutil -lint "$plist"
else
	python3 -c 'import plistlib, sys; plistlib.load(open(sys.argv[1], "rb"))' "$plist"
fi

if command -v codesign >/dev/null; then
	if [ -n "${CODESIGN_IDENTITY:-}" ]; then
		codesign --force --deep --options runtime --timestamp --sign "$CODESIGN_IDENTITY" "$app"
	else
		codesign --force --deep --sign - "$app" # ad hoc: runs on this Mac, Gatekeeper warns elsewhere
	fi
	codesign --verify --strict --verbose=2 "$app"
fi
rm -rf "$out/bmcanvas.app"
cp -R "$app" "$out/bmcanvas.app"
zipname=bmcanvas-$version-macos-universal.zip
rm -f "$out/$zipname"
if command -v ditto >/dev/null; then
	(cd "$out" && ditto -c -k --keepParent bmcanvas.app "$zipname")
else
	(cd "$out" && find bmcanvas.app | sort | zip -q -X -@ "$zipname")
fi
echo "macos-app: $out/bmcanvas.app and $out/$zipname"
