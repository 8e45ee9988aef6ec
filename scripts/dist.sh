#!/usr/bin/env bash
# Release archives and install trees.
#
#   scripts/dist.sh [--out DIR] [--only linux|windows]
#       builds into DIR (default dist/), from FyneApp.toml's Version:
#         bmcanvas-VERSION-linux-amd64.tar.xz   bin/bmcanvas, share/ (desktop
#             entry, file type, icons, AppStream), install.sh, README.md,
#             THIRD-PARTY-LICENSES.txt
#         bmcanvas-VERSION-windows-amd64.zip    bmcanvas.exe (icon, version
#             information, no console window), bmcanvas.com (its console
#             companion for cmd and PowerShell), README.md,
#             THIRD-PARTY-LICENSES.txt
#         SHA256SUMS
#   scripts/dist.sh layout BIN DIR
#       lays BIN and the desktop files out in DIR as they go under a prefix
#       (DIR/bin, DIR/share), for make install.
#
# The archives are reproducible: the same source gives the same bytes, on
# any machine with the same Go and C toolchains, in any folder. Paths are
# trimmed, build IDs empty, PE timestamps off; every file's time is
# SOURCE_DATE_EPOCH (by default the last commit's time), its owner root,
# its mode 644 or 755, and archive members are sorted by name; xz runs
# single-threaded. The Windows build needs the mingw-w64 cross-compiler
# (make deps installs it).
set -euo pipefail
cd "$(dirname "$0")/.."
export LC_ALL=C TZ=UTC

id=io.github.bmcanvas
module=github.com/bmcanvas/bmcanvas
tags=migrated_fynedo
winres_version=v0.3.3 # github.com/tc-hib/go-winres
GO=${GO:-go}

die() { echo "dist: $*" >&2; exit 1; }

# layout BIN DIR: the install tree.
layout() {
	local bin=$1 dir=$2
	[ -x "$bin" ] || die "$bin is not an executable"
	rm -rf "$dir"
	mkdir -p "$dir/bin" "$dir/share/applications" "$dir/share/metainfo" "$dir/share/mime/packages" "$dir/share/icons/hicolor"
	cp "$bin" "$dir/bin/bmcanvas"
	cp packaging/linux/$id.desktop "$dir/share/applications/$id.desktop"
	cp packaging/linux/$id.metainfo.xml "$dir/share/metainfo/$id.metainfo.xml"
	cp packaging/linux/$id.mime.xml "$dir/share/mime/packages/$id.xml"
	$GO run scripts/icons.go "$dir/share/icons/hicolor"
	# The tree must hold exactly what install.sh installs.
	diff <(cd "$dir" && find . -type f | sed 's|^\./||' | sort) <(sh scripts/install.sh --list | sort) >&2 ||
		die "the install tree and install.sh --list differ (above)"
}

if [ "${1:-}" = layout ]; then
	[ $# -eq 3 ] || die "usage: scripts/dist.sh layout BIN DIR"
	layout "$2" "$3"
	exit 0
fi

out=dist only=""
while [ $# -gt 0 ]; do
	case "$1" in
	--out) out=$2; shift 2 ;;
	--only) only=$2; shift 2 ;;
	*) die "unknown argument $1 (scripts/dist.sh [--out DIR] [--only linux|windows])" ;;
	esac
done

version=$(sed -n 's/^Version *= *"\(.*\)"$/\1/p' FyneApp.toml)
[ -n "$version" ] || die "no Version in FyneApp.toml"
if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
	SOURCE_DATE_EPOCH=$(git log -1 --format=%ct 2>/dev/null) ||
		die "not a git checkout: set SOURCE_DATE_EPOCH (seconds since 1970) for the archives' file times"
fi
export SOURCE_DATE_EPOCH

mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d)
syso=""
cleanup() {
	rm -rf "$work"
	[ -z "$syso" ] || rm -f "$syso"
}
trap cleanup EXIT

ldflags="-s -w -buildid= -X $module/cmd.version=$version"

# licences GOOS FILE: the licence texts of everything linked into the
# binary for GOOS: Go's, every module's, and the fonts bmcanvas embeds.
licences() {
	local goos=$1 file=$2 dir mod
	{
		echo "bmcanvas $version for $goos/amd64 contains the following software and fonts."
		echo "Each licence text below is reproduced as its authors ship it."
		echo
		echo "==== Go standard library and runtime ($($GO env GOVERSION)) ===="
		cat "$($GO env GOROOT)/LICENSE"
		echo
		echo "==== Noto Sans (assets/fonts), embedded for PDF posters ===="
		cat assets/fonts/LICENSE-NotoSans.txt
		GOOS=$goos CGO_ENABLED=1 $GO list -deps -tags "$tags" -f '{{with .Module}}{{if not .Main}}{{.Path}}@{{.Version}} {{.Dir}}{{end}}{{end}}' . |
			sort -u | while read -r mod dir; do
				echo
				echo "==== $mod ===="
				# The module's licence, and those of code or fonts inside it
				# (GLFW's C library, HarfBuzz's port, Fyne's fonts).
				local found=""
				while IFS= read -r f; do
					[ "$f" = "${f#*/}" ] || echo "---- $f ----"
					cat "$dir/$f"
					echo
					found=1
				done < <(cd "$dir" && find . -path '*/testdata' -prune -o -type f \
					\( -iname 'LICENSE*' -o -iname 'LICENCE*' -o -iname 'COPYING*' -o -iname 'NOTICE*' \) -print |
					sed 's|^\./||' | awk -F/ '{ print NF "\t" $0 }' | sort -k1,1n -k2 | cut -f2-)
				[ -n "$found" ] || die "no licence file in $dir ($mod)"
			done
	} >"$file"
}

# pack_tar DIR NAME: DIR/NAME as NAME.tar.xz in $out, reproducibly.
pack_tar() {
	(cd "$1" && tar --sort=name --mtime="@$SOURCE_DATE_EPOCH" --owner=0 --group=0 --numeric-owner \
		--mode='u+rwX,go+rX,go-w' --format=gnu -cf - "$2") | xz -T1 -9 -c >"$out/$2.tar.xz"
}

# pack_zip DIR NAME: DIR/NAME as NAME.zip in $out, reproducibly.
pack_zip() {
	rm -f "$out/$2.zip"
	(cd "$1" && find "$2" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} + &&
		find "$2" -type f | sort | zip -q -X -D -9 "$out/$2.zip" -@)
}

build_linux() {
	local start=$SECONDS name="bmcanvas-$version-linux-amd64"
	local root="$work/$name"
	CGO_ENABLED=1 GOOS=linux GOARCH=amd64 $GO build -tags "$tags" -trimpath -buildvcs=false \
		-ldflags "$ldflags" -o "$work/bmcanvas-linux" .
	layout "$work/bmcanvas-linux" "$root"
	cp scripts/install.sh "$root/install.sh"
	cp README.md "$root/README.md"
	licences linux "$root/THIRD-PARTY-LICENSES.txt"
	chmod -R u+rwX,go+rX,go-w "$root"
	chmod 755 "$root/install.sh" "$root/bin/bmcanvas"
	pack_tar "$work" "$name"
	echo "dist: $name.tar.xz ($((SECONDS - start)) s)"
}

build_windows() {
	local start=$SECONDS name="bmcanvas-$version-windows-amd64"
	local root="$work/$name" cc=${WINDOWS_CC:-x86_64-w64-mingw32-gcc}
	command -v "$cc" >/dev/null || die "$cc is missing: run make deps (Debian package gcc-mingw-w64-x86-64)"
	# The icon, the version information and the manifest (DPI awareness,
	# long paths) as a resource object that go build links in.
	syso=$PWD/rsrc_windows_amd64.syso
	$GO run github.com/tc-hib/go-winres@$winres_version make --in packaging/windows/winres.json \
		--arch amd64 --out "$work/rsrc" --product-version "$version" --file-version "$version"
	cp "$work/rsrc_windows_amd64.syso" "$syso"
	mkdir -p "$root"
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC="$cc" $GO build -tags "$tags" -trimpath -buildvcs=false \
		-ldflags "$ldflags -H windowsgui -extldflags=-Wl,--no-insert-timestamp" -o "$root/bmcanvas.exe" .
	rm -f "$syso"
	# bmcanvas.com: the console companion that cmd and PowerShell pick
	# for "bmcanvas …" (packaging/windows/console): it waits, and passes
	# the exit code on.
	syso=$PWD/packaging/windows/console/rsrc_windows_amd64.syso
	cp "$work/rsrc_windows_amd64.syso" "$syso"
	CGO_ENABLED=0 GOOS=windows GOARCH=amd64 $GO build -trimpath -buildvcs=false -ldflags "-s -w -buildid=" \
		-o "$root/bmcanvas.com" ./packaging/windows/console
	rm -f "$syso"
	syso=""
	cp README.md "$root/README.md"
	licences windows "$root/THIRD-PARTY-LICENSES.txt"
	chmod -R u+rwX,go+rX,go-w "$root"
	pack_zip "$work" "$name"
	echo "dist: $name.zip ($((SECONDS - start)) s)"
}

case "$only" in
"") build_linux; build_windows ;;
linux) build_linux ;;
windows) build_windows ;;
*) die "--only takes linux or windows" ;;
esac
cd "$out"
sums=()
for f in "bmcanvas-$version-linux-amd64.tar.xz" "bmcanvas-$version-windows-amd64.zip"; do
	[ ! -f "$f" ] || sums+=("$f")
done
sha256sum "${sums[@]}" >SHA256SUMS
cat SHA256SUMS
