#!/bin/sh
# Installs bmcanvas for one user (no root needed), or removes it.
#
#   ./install.sh                      install into ~/.local
#   ./install.sh --prefix DIR         install into DIR (DIR/bin, DIR/share)
#   ./install.sh --uninstall          remove what install put there
#   ./install.sh --list               print the files it installs
#
# It installs the binary, the desktop entry (menus, "Open with", the file
# type of canvas files), the file type itself (shared-mime-info), the icon
# in the hicolor sizes and the AppStream metadata, then refreshes the
# desktop's caches for that prefix. The same script is the installer in the
# release archive (run from the unpacked folder) and `make install` (which
# passes --from with a folder laid out the same way).
#
# Other options: --from DIR (where the files are; default: this script's
# folder), --destdir DIR (stage under DIR, for packagers: the desktop entry
# still names PREFIX/bin/bmcanvas, and no caches are refreshed).
set -eu

id=io.github.bmcanvas
sizes="16 22 24 32 48 64 128 256 512"

prefix="${PREFIX:-$HOME/.local}"
destdir="${DESTDIR:-}"
from=$(cd "$(dirname "$0")" && pwd)
action=install

# usage [CODE]: the comment above as help; on standard error for mistakes.
usage() {
	if [ "${1:-2}" = 0 ]; then
		sed -n '2,/^set -eu/p' "$0" | sed '$d; s/^# \{0,1\}//'
	else
		sed -n '2,/^set -eu/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2
	fi
	exit "${1:-2}"
}
while [ $# -gt 0 ]; do
	case "$1" in
	--prefix) [ $# -ge 2 ] || usage; prefix=$2; shift 2 ;;
	--prefix=*) prefix=${1#*=}; shift ;;
	--destdir) [ $# -ge 2 ] || usage; destdir=$2; shift 2 ;;
	--destdir=*) destdir=${1#*=}; shift ;;
	--from) [ $# -ge 2 ] || usage; from=$2; shift 2 ;;
	--from=*) from=${1#*=}; shift ;;
	--uninstall) action=uninstall; shift ;;
	--list) action=list; shift ;;
	-h | --help) usage 0 ;;
	*) echo "install.sh: unknown argument $1" >&2; usage ;;
	esac
done
case "$prefix" in
/*) ;;
*) echo "install.sh: the prefix must be an absolute path, not $prefix" >&2; exit 2 ;;
esac
prefix=${prefix%/}

# files lists what is installed, relative to the prefix and to --from alike.
files() {
	echo bin/bmcanvas
	echo "share/applications/$id.desktop"
	echo "share/metainfo/$id.metainfo.xml"
	echo "share/mime/packages/$id.xml"
	for s in $sizes; do
		echo "share/icons/hicolor/${s}x${s}/apps/$id.png"
	done
}

# refresh brings the desktop's caches for the prefix up to date: the MIME
# database (file types), the desktop entries' MIME cache ("Open with") and
# an icon cache if the prefix already has one (a stale cache hides icons).
refresh() {
	root=$prefix/share
	if command -v update-mime-database >/dev/null 2>&1 && [ -d "$root/mime/packages" ]; then
		update-mime-database "$root/mime"
	fi
	if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$root/applications" ]; then
		update-desktop-database -q "$root/applications" || true
	fi
	if [ -f "$root/icons/hicolor/icon-theme.cache" ] && command -v gtk-update-icon-cache >/dev/null 2>&1; then
		gtk-update-icon-cache -q -t -f "$root/icons/hicolor" || true
	fi
	[ ! -d "$root/icons/hicolor" ] || touch "$root/icons/hicolor"
}

# exec_line quotes the binary's path for the desktop entry's Exec key.
exec_path() {
	case "$1" in
	*[\"\`\$\\]*) echo "install.sh: the prefix may not contain \", \`, \$ or \\: $1" >&2; exit 2 ;;
	*[!A-Za-z0-9_./+-]*) printf '"%s"' "$1" ;;
	*) printf '%s' "$1" ;;
	esac
}

case $action in
list)
	files
	;;
install)
	for f in $(files); do
		[ -f "$from/$f" ] || { echo "install.sh: $from/$f is missing" >&2; exit 1; }
	done
	bin=$(exec_path "$prefix/bin/bmcanvas")
	for f in $(files); do
		dst=$destdir$prefix/$f
		mkdir -p "$(dirname "$dst")"
		case $f in
		bin/*)
			# Replace, never write through: a running bmcanvas keeps its file.
			cp "$from/$f" "$dst.new" && chmod 755 "$dst.new" && mv -f "$dst.new" "$dst"
			;;
		*.desktop)
			sed -e "s|^Exec=bmcanvas |Exec=$bin |" -e "s|^TryExec=bmcanvas\$|TryExec=$prefix/bin/bmcanvas|" \
				"$from/$f" >"$dst.new" && chmod 644 "$dst.new" && mv -f "$dst.new" "$dst"
			;;
		*)
			cp "$from/$f" "$dst.new" && chmod 644 "$dst.new" && mv -f "$dst.new" "$dst"
			;;
		esac
	done
	[ -n "$destdir" ] || refresh
	echo "bmcanvas installed in $destdir$prefix"
	case ":$PATH:" in
	*":$prefix/bin:"*) ;;
	*) echo "note: $prefix/bin is not on your PATH; the menu entry works anyway, and a new login usually adds ~/.local/bin" ;;
	esac
	;;
uninstall)
	for f in $(files); do
		rm -f "$destdir$prefix/$f"
	done
	for s in $sizes; do
		rmdir "$destdir$prefix/share/icons/hicolor/${s}x${s}/apps" "$destdir$prefix/share/icons/hicolor/${s}x${s}" 2>/dev/null || true
	done
	[ -n "$destdir" ] || refresh
	echo "bmcanvas removed from $destdir$prefix"
	;;
esac
