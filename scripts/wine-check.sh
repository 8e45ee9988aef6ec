#!/usr/bin/env bash
# Runs the Windows build from the release archive under wine, beside the
# Linux build from the other archive, and wants the same results: validate
# and lint print the same and exit the same on every example, export and
# poster write byte-identical PDFs, new writes a byte-identical canvas
# (LF line endings: nothing on Windows converts them). Then it opens the
# editor under wine on an Xvfb screen, waits for its window and saves a
# screenshot of it.
#
#   scripts/wine-check.sh [DIST]     DIST: the folder make dist wrote (dist/)
#
# Without wine it says so and stops with success (make deps-wine installs
# it); with WINE_CHECK=required a missing wine is a failure.
set -euo pipefail
dist=$(realpath "${1:-dist}")
cd "$(dirname "$0")/.."
fail() { echo "wine-check: FAIL: $*" >&2; exit 1; }

if ! command -v wine >/dev/null; then
	[ "${WINE_CHECK:-}" != required ] || fail "wine is not installed (make deps-wine)"
	echo "wine-check: SKIP: wine is not installed, so the Windows build was not run (make deps-wine installs it)"
	exit 0
fi
for tool in Xvfb xdotool import; do
	command -v "$tool" >/dev/null || fail "$tool is missing: run make deps"
done

version=$(sed -n 's/^Version *= *"\(.*\)"$/\1/p' FyneApp.toml)
lin=bmcanvas-$version-linux-amd64
win=bmcanvas-$version-windows-amd64
[ -f "$dist/$win.zip" ] && [ -f "$dist/$lin.tar.xz" ] || fail "no $win.zip or $lin.tar.xz in $dist: run make dist"

tmp=$(mktemp -d)
xvfb_pid="" app_pid=""
cleanup() {
	[ -z "$app_pid" ] || kill "$app_pid" 2>/dev/null || true
	[ -z "${WINEPREFIX:-}" ] || wineserver -k 2>/dev/null || true
	[ -z "$xvfb_pid" ] || kill "$xvfb_pid" 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT

unzip -q -d "$tmp" "$dist/$win.zip"
tar -C "$tmp" -xJf "$dist/$lin.tar.xz"
exe=$tmp/$win/bmcanvas.exe
linux=$tmp/$lin/bin/bmcanvas

exec 3>"$tmp/display"
Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp >"$tmp/xvfb.log" 2>&1 &
xvfb_pid=$!
exec 3>&-
for _ in $(seq 100); do [ -s "$tmp/display" ] && break; sleep 0.1; done
[ -s "$tmp/display" ] || fail "Xvfb did not start: $(cat "$tmp/xvfb.log")"
DISPLAY=":$(head -n1 "$tmp/display")"
export DISPLAY

# A wine of its own: a fresh prefix, 64-bit only, no prompts to install
# Mono or Gecko (bmcanvas needs neither), no debug chatter.
export WINEPREFIX=$tmp/wine WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" LANG=en_US.UTF-8
start=$SECONDS
wine wineboot --init >"$tmp/wineboot.log" 2>&1 || fail "wineboot: $(cat "$tmp/wineboot.log")"
wineserver -w
# Go programs need bcryptprimitives.dll (ProcessPrng), which every Windows
# 10 and 11 has and wine 8 lacks: a stand-in for this prefix only.
if ! [ -f "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" ]; then
	cc=${WINDOWS_CC:-x86_64-w64-mingw32-gcc}
	command -v "$cc" >/dev/null || fail "$cc is missing: run make deps"
	"$cc" -shared -O2 -s -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
		scripts/wine-bcryptprimitives.c -ladvapi32 || fail "cannot build the bcryptprimitives.dll stand-in"
	shim=" (with a bcryptprimitives.dll stand-in, scripts/wine-bcryptprimitives.c)"
fi
# Posters print what Noto Sans lacks in the system's fonts: give the
# Windows build the fonts the Linux build finds, so that both print with
# the same fonts and their PDFs can be compared byte for byte.
for dir in /usr/share/fonts /usr/local/share/fonts; do
	[ -d "$dir" ] && cp -rL "$dir" "$WINEPREFIX/drive_c/windows/Fonts/$(echo "$dir" | tr / _)"
done
echo "wine-check: $(wine --version) prefix ready${shim:-} ($((SECONDS - start)) s)"

# ---- the commands -------------------------------------------------------------------
# Both builds run in the same folder on relative names, so that what they
# print can be compared as it is.
work=$tmp/work
mkdir -p "$work"
cp assets/examples/*.yaml "$work/"
cd "$work"
# same NAME ARGS...: run both builds; stdout, stderr and exit codes must agree.
same() {
	local name=$1 lcode=0 wcode=0
	shift
	"$linux" "$@" >"$tmp/$name.lin.out" 2>"$tmp/$name.lin.err" || lcode=$?
	wine "$exe" "$@" >"$tmp/$name.win.out" 2>"$tmp/$name.win.err" || wcode=$?
	[ "$lcode" = "$wcode" ] || fail "bmcanvas $*: exit $lcode on Linux, $wcode under wine ($(cat "$tmp/$name.win.err"))"
	cmp -s "$tmp/$name.lin.out" "$tmp/$name.win.out" ||
		fail "bmcanvas $*: standard output differs: $(diff "$tmp/$name.lin.out" "$tmp/$name.win.out" | head -n 10)"
	cmp -s "$tmp/$name.lin.err" "$tmp/$name.win.err" ||
		fail "bmcanvas $*: standard error differs: $(diff "$tmp/$name.lin.err" "$tmp/$name.win.err" | head -n 10)"
}
start=$SECONDS
n=0
for f in *.yaml; do
	b=${f%.yaml}
	same "validate-$b" validate "$f"
	same "lint-$b" lint "$f"
	same "lintjson-$b" lint --json --strict "$f"
	same "export-$b" export "$f" -o "$b.lin.pdf"
	# The PDFs must be equal: write them under one name, one build at a time.
	"$linux" export "$f" -o "$b.pdf" >/dev/null 2>&1 && mv "$b.pdf" "$tmp/$b.lin.pdf"
	wine "$exe" export "$f" -o "$b.pdf" >/dev/null 2>&1 && mv "$b.pdf" "$tmp/$b.win.pdf"
	cmp -s "$tmp/$b.lin.pdf" "$tmp/$b.win.pdf" || fail "export $f: the PDFs differ ($(stat -c %s "$tmp/$b.lin.pdf") and $(stat -c %s "$tmp/$b.win.pdf") bytes)"
	n=$((n + 1))
done
rm -f ./*.lin.pdf
# A tiled, front-stage poster and a blank one.
for args in "export bakery.yaml --paper A1 --frontstage --tile A4" "poster --template personal --paper A0"; do
	# shellcheck disable=SC2086
	"$linux" $args -o out.pdf >/dev/null 2>"$tmp/x.lin.err" && mv out.pdf "$tmp/x.lin.pdf"
	# shellcheck disable=SC2086
	wine "$exe" $args -o out.pdf >/dev/null 2>"$tmp/x.win.err" && mv out.pdf "$tmp/x.win.pdf"
	cmp -s "$tmp/x.lin.pdf" "$tmp/x.win.pdf" || fail "bmcanvas $args: the PDFs differ"
	cmp -s "$tmp/x.lin.err" "$tmp/x.win.err" || fail "bmcanvas $args: the warnings differ: $(diff "$tmp/x.lin.err" "$tmp/x.win.err")"
done
# A bad file: the same located messages, the same exit code.
printf 'format: bmcanvas/1\ntemplate: lean\nblocks:\n  problem:\n    - {id: a, text: x, color: bleu}\n' >bad.yaml
same bad validate bad.yaml
grep -q 'line 5, column 31' "$tmp/bad.win.err" "$tmp/bad.win.out" || fail "validate bad.yaml under wine: $(cat "$tmp/bad.win.err")"
# bmcanvas.com, the console companion, passes output and exit code on.
code=0
wine "$tmp/$win/bmcanvas.com" validate bad.yaml >"$tmp/com.out" 2>"$tmp/com.err" || code=$?
[ "$code" = 1 ] || fail "bmcanvas.com validate bad.yaml exited $code, want 1 ($(cat "$tmp/com.err"))"
cmp -s "$tmp/com.err" "$tmp/bad.lin.err" || fail "bmcanvas.com validate bad.yaml printed: $(cat "$tmp/com.err")"
# A new canvas: the same bytes, LF line endings.
"$linux" new --template personal --title "Ana's canvas" -o new.yaml >/dev/null && mv new.yaml "$tmp/new.lin.yaml"
wine "$exe" new --template personal --title "Ana's canvas" -o new.yaml >/dev/null && mv new.yaml "$tmp/new.win.yaml"
cmp -s "$tmp/new.lin.yaml" "$tmp/new.win.yaml" || fail "new: the canvases differ: $(diff "$tmp/new.lin.yaml" "$tmp/new.win.yaml" | head)"
! grep -q $'\r' "$tmp/new.win.yaml" || fail "new under wine wrote CR bytes"
# Windows paths: a drive letter and backslashes.
winpath=$(wine winepath -w "$work/bakery.yaml" 2>/dev/null | tr -d '\r')
wine "$exe" validate -q "$winpath" >/dev/null 2>&1 || fail "validate $winpath"
echo "wine-check: validate, lint, lint --json, export on $n examples, a tiled and a blank poster, new, a bad file (also through bmcanvas.com), a path like $winpath: Windows and Linux builds agree byte for byte ($((SECONDS - start)) s)"

# ---- the editor ---------------------------------------------------------------------
start=$SECONDS
wine "$exe" bakery.yaml >"$tmp/editor.log" 2>&1 &
app_pid=$!
wid=$(timeout 120 xdotool search --sync --onlyvisible --name 'bakery\.yaml' 2>/dev/null | head -n1) || true
[ -n "$wid" ] || fail "no editor window appeared under wine within 120 s: $(cat "$tmp/editor.log")"
# Let it draw the board, then take the picture.
sleep 5
shot=${TMPDIR:-/tmp}/bmcanvas-wine-editor.png
import -window root "$shot"
title=$(xdotool getwindowname "$wid")
mean=$(convert "$shot" -colorspace gray -format '%[fx:int(1000*standard_deviation)]' info:)
[ "${mean:-0}" -gt 20 ] || fail "the editor's window under wine is blank (see $shot)"
# Quit as a user would; the recent files are then in the preferences,
# where Windows keeps a user's settings: %APPDATA%\fyne\<app ID>.
# Under wine on a busy machine the first key press can arrive before the
# window takes keys: press Ctrl+Q up to three times, 10 s apart.
for _ in 1 2 3; do
	xdotool windowfocus --sync "$wid" key --clearmodifiers ctrl+q 2>/dev/null || true
	for _ in $(seq 100); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
	kill -0 "$app_pid" 2>/dev/null || break
done
kill -0 "$app_pid" 2>/dev/null && { import -window root "${TMPDIR:-/tmp}/bmcanvas-wine-quit.png" 2>/dev/null; fail "Ctrl+Q did not quit the editor under wine (screen: ${TMPDIR:-/tmp}/bmcanvas-wine-quit.png)"; }
app_pid=""
appdata=$(wine cmd /c echo %APPDATA% 2>/dev/null | tr -d '\r')
prefs=$(wine winepath -u "$appdata\\fyne\\io.github.bmcanvas\\preferences.json" 2>/dev/null | tr -d '\r')
[ -f "$prefs" ] || fail "no preferences in %APPDATA%\\fyne\\io.github.bmcanvas after the editor quit"
want=$(wine winepath -w "$work/bakery.yaml" 2>/dev/null | tr -d '\r' | sed 's/\\/\\\\/g')
grep -qF "\"recent\":[\"$want\"]" "$prefs" || fail "the recent files are not [$want]: $(cat "$prefs")"
echo "wine-check: the editor opened under wine as \"$title\", quit with Ctrl+Q and kept the recent file in %APPDATA%\\fyne\\io.github.bmcanvas ($((SECONDS - start)) s); screenshot: $shot"
