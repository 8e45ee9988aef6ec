#!/usr/bin/env bash
# Checks make install and make uninstall in a temporary home, as a user
# would meet them: the files land under ~/.local, the desktop entry and the
# AppStream metadata validate, a canvas file gets the canvas MIME type by
# its name and by its content, bmcanvas is its default application, opening
# a canvas the way a file manager does (xdg-open) shows it in the editor,
# and make uninstall takes it all away again. Then the same with a PREFIX
# that has a space in it, and with DESTDIR for packagers.
set -euo pipefail
bin=$(realpath "${1:-./bmcanvas}")
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
xvfb_pid="" app_pid=""
cleanup() {
	[ -z "$app_pid" ] || kill "$app_pid" 2>/dev/null || true
	[ -z "$xvfb_pid" ] || kill "$xvfb_pid" 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "install-check: FAIL: $*" >&2; exit 1; }

mime=application/x-bmcanvas+yaml
id=io.github.bmcanvas
for tool in desktop-file-validate appstreamcli update-mime-database xdg-mime mimetype; do
	command -v "$tool" >/dev/null || fail "$tool is missing: run make deps"
done

# Go keeps its caches where they are, whatever HOME says below.
GOCACHE=$(go env GOCACHE) GOMODCACHE=$(go env GOMODCACHE) GOPATH=$(go env GOPATH)
export GOCACHE GOMODCACHE GOPATH

# A desktop session of its own: nothing from the real home or the real
# desktop leaks in, and xdg-mime takes its generic path (the mimetype
# command, which reads the shared-mime-info databases in XDG_DATA_DIRS).
home=$tmp/home
mkdir -p "$home"
unset XDG_CURRENT_DESKTOP DESKTOP_SESSION KDE_FULL_SESSION GNOME_DESKTOP_SESSION_ID XDG_SESSION_DESKTOP
export XDG_DATA_HOME=$home/.local/share XDG_CONFIG_HOME=$home/.config XDG_CACHE_HOME=$home/.cache
export XDG_DATA_DIRS=/usr/local/share:/usr/share
# make install builds first; the binary under test is the one make test built.
mk() { HOME=$home make --no-print-directory -s "$@"; }

# ---- make install with the default PREFIX (~/.local) -----------------------
mk install >"$tmp/install.log" || fail "make install: $(cat "$tmp/install.log")"
prefix=$home/.local
while read -r f; do
	[ -f "$prefix/$f" ] || fail "make install did not install $f"
done < <(sh scripts/install.sh --list)
[ -x "$prefix/bin/bmcanvas" ] || fail "the installed binary is not executable"
"$prefix/bin/bmcanvas" version >/dev/null || fail "the installed binary does not run"
cmp -s "$bin" "$prefix/bin/bmcanvas" || fail "the installed binary is not the one built"

desktop=$prefix/share/applications/$id.desktop
desktop-file-validate "$desktop" || fail "desktop-file-validate $desktop"
grep -qx "Exec=$prefix/bin/bmcanvas %f" "$desktop" || fail "Exec line: $(grep ^Exec= "$desktop")"
grep -qx "MimeType=$mime;" "$desktop" || fail "MimeType line: $(grep ^MimeType= "$desktop")"
appstreamcli validate --no-net "$prefix/share/metainfo/$id.metainfo.xml" >"$tmp/as.log" 2>&1 ||
	fail "appstreamcli validate: $(cat "$tmp/as.log")"
version=$(sed -n 's/^Version *= *"\(.*\)"$/\1/p' FyneApp.toml)
release=$(grep -o '<release version="[^"]*"' "$prefix/share/metainfo/$id.metainfo.xml" | head -n1 | cut -d'"' -f2)
[ "$release" = "$version" ] ||
	fail "the metainfo's newest release is $release, FyneApp.toml says $version: add a <release> to packaging/linux/$id.metainfo.xml"
[ -f "$prefix/share/mime/mime.cache" ] || fail "make install did not update the MIME database"
[ -f "$prefix/share/applications/mimeinfo.cache" ] || ! command -v update-desktop-database >/dev/null ||
	fail "make install did not update the desktop database"
echo "install-check: make install: $(sh scripts/install.sh --list | wc -l) files under ~/.local, desktop entry and AppStream valid"

# ---- the canvas file type ---------------------------------------------------
export XDG_DATA_DIRS=$prefix/share:$XDG_DATA_DIRS
mkdir -p "$tmp/files"
cp assets/examples/bakery.yaml "$tmp/files/bakery.bmc.yaml"
cp assets/examples/bakery.yaml "$tmp/files/bakery" # no extension: by content
cp assets/examples/bakery.yaml "$tmp/files/bakery.yaml"
printf 'name: not a canvas\nitems: [1, 2]\n' >"$tmp/files/other.yaml"
printf 'name: not a canvas\n' >"$tmp/files/other"
filetype() { xdg-mime query filetype "$1" 2>/dev/null; }
for f in bakery.bmc.yaml bakery; do
	got=$(filetype "$tmp/files/$f")
	[ "$got" = "$mime" ] || fail "xdg-mime query filetype $f: $got, want $mime"
done
got=$(filetype "$tmp/files/other.yaml")
[ "$got" != "$mime" ] || fail "a YAML file that is no canvas is taken for one"
got=$(filetype "$tmp/files/other")
[ "$got" != "$mime" ] || fail "a text file that is no canvas is taken for one"
plain=$(filetype "$tmp/files/bakery.yaml")
# GLib (GNOME's file managers) decides by name alone when the name gives
# one type; show what it says where gio is there.
gio_says=""
if command -v gio >/dev/null; then
	for f in bakery.bmc.yaml bakery; do
		got=$(gio info -a standard::content-type "$tmp/files/$f" | sed -n 's/.*standard::content-type: //p')
		[ "$got" = "$mime" ] || fail "gio info $f: content type $got, want $mime"
	done
	gio_says=", gio agrees; bakery.yaml: $(gio info -a standard::content-type "$tmp/files/bakery.yaml" | sed -n 's/.*standard::content-type: //p') for gio"
fi
got=$(xdg-mime query default "$mime")
[ "$got" = "$id.desktop" ] || fail "xdg-mime query default $mime: \"$got\", want $id.desktop"
echo "install-check: file type: NAME.bmc.yaml and a canvas without extension are $mime, bmcanvas opens them$gio_says; bakery.yaml: $plain for xdg-mime"

# ---- opening a canvas as a file manager does --------------------------------
# xdg-open finds the default application for the file's type and runs the
# desktop entry's Exec line with the file, as a double-click does.
if command -v Xvfb >/dev/null && command -v xdotool >/dev/null; then
	exec 3>"$tmp/display"
	Xvfb -displayfd 3 -screen 0 1400x900x24 -nolisten tcp >"$tmp/xvfb.log" 2>&1 &
	xvfb_pid=$!
	exec 3>&-
	for _ in $(seq 100); do [ -s "$tmp/display" ] && break; sleep 0.1; done
	[ -s "$tmp/display" ] || fail "Xvfb did not start: $(cat "$tmp/xvfb.log")"
	DISPLAY=":$(head -n1 "$tmp/display")"
	export DISPLAY LANG=en_US.UTF-8 FYNE_SCALE=1
	HOME=$home xdg-open "$tmp/files/bakery.bmc.yaml" >"$tmp/open.log" 2>&1 &
	# The first start under a fresh HOME builds Fyne's index of the system
	# fonts; once in a CI run the window did not show within 60 s, so the
	# wait is longer and a failure says what was running.
	wid=$(timeout 150 xdotool search --sync --onlyvisible --name 'bakery\.bmc\.yaml' 2>/dev/null | head -n1) || true
	[ -n "$wid" ] || fail "xdg-open bakery.bmc.yaml showed no bmcanvas window in 150 s: $(cat "$tmp/open.log"); running: $(pgrep -a bmcanvas || echo no bmcanvas); windows: $(xdotool search --name . getwindowname %@ 2>/dev/null | head -5 | tr '\n' ';')"
	app_pid=$(xdotool getwindowpid "$wid")
	exe=$(readlink "/proc/$app_pid/exe")
	[ "$exe" = "$prefix/bin/bmcanvas" ] || fail "xdg-open ran $exe, want $prefix/bin/bmcanvas"
	title=$(xdotool getwindowname "$wid")
	kill "$app_pid"
	for _ in $(seq 50); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
	app_pid=""
	echo "install-check: xdg-open bakery.bmc.yaml opened the installed bmcanvas (\"$title\")"
else
	fail "Xvfb or xdotool is missing: run make deps"
fi

# ---- make uninstall -----------------------------------------------------------
mk uninstall >"$tmp/uninstall.log" || fail "make uninstall: $(cat "$tmp/uninstall.log")"
while read -r f; do
	[ ! -e "$prefix/$f" ] || fail "make uninstall left $f"
done < <(sh scripts/install.sh --list)
# What may stay: the databases the desktop keeps for every application.
left=$(cd "$prefix" && find . -type f | sed 's|^\./||' | grep -v -E '^share/mime/[^/]+$|^share/mime/[^/]+/[^/]+\.xml$|^share/applications/mimeinfo\.cache$' || true)
[ -z "$left" ] || fail "make uninstall left: $left"
got=$(filetype "$tmp/files/bakery.bmc.yaml")
[ "$got" != "$mime" ] || fail "after make uninstall bakery.bmc.yaml is still $mime"
grep -rqs "$id" "$prefix/share/applications/mimeinfo.cache" && fail "after make uninstall the desktop database still names bmcanvas"
echo "install-check: make uninstall removed every file and the file type"

# ---- a PREFIX with a space, and DESTDIR ------------------------------------------
odd="$tmp/my apps"
mk install PREFIX="$odd" >"$tmp/install2.log" 2>&1 || fail "make install PREFIX=\"$odd\": $(cat "$tmp/install2.log")"
desktop-file-validate "$odd/share/applications/$id.desktop" || fail "desktop-file-validate with a space in PREFIX"
grep -qxF "Exec=\"$odd/bin/bmcanvas\" %f" "$odd/share/applications/$id.desktop" ||
	fail "Exec line with a space in PREFIX: $(grep ^Exec= "$odd/share/applications/$id.desktop")"
mk uninstall PREFIX="$odd" >/dev/null 2>&1 || fail "make uninstall PREFIX=\"$odd\""
[ ! -e "$odd/bin/bmcanvas" ] || fail "make uninstall PREFIX=\"$odd\" left the binary"

mk install DESTDIR="$tmp/dest" PREFIX=/usr >/dev/null || fail "make install DESTDIR=… PREFIX=/usr"
grep -qx "Exec=/usr/bin/bmcanvas %f" "$tmp/dest/usr/share/applications/$id.desktop" || fail "Exec line with DESTDIR"
[ ! -e "$tmp/dest/usr/share/mime/mime.cache" ] || fail "make install with DESTDIR ran update-mime-database"
echo "install-check: PREFIX with a space and DESTDIR ok"
