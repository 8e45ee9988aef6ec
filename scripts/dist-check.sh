#!/usr/bin/env bash
# Checks make dist: builds the release archives into dist/, builds them
# again from a copy of the source in another folder, and wants the same
# bytes (sha256); then looks inside: the members, their owner and times,
# the Linux binary's version, the Windows program's kind (GUI), icon and
# version information, and the archive's install.sh installing into and
# uninstalling from a temporary prefix.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "dist-check: FAIL: $*" >&2; exit 1; }

version=$(sed -n 's/^Version *= *"\(.*\)"$/\1/p' FyneApp.toml)
SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)
export SOURCE_DATE_EPOCH
lin=bmcanvas-$version-linux-amd64
win=bmcanvas-$version-windows-amd64

# The Windows-only Go files, which make lint (on Linux) does not see.
GOOS=windows CGO_ENABLED=0 go vet ./packaging/windows/console || fail "go vet of packaging/windows/console for Windows"
GOOS=windows CGO_ENABLED=0 go vet main_windows.go || fail "go vet of main_windows.go for Windows"

start=$SECONDS
scripts/dist.sh --out dist >"$tmp/dist1.log" 2>&1 || fail "scripts/dist.sh: $(cat "$tmp/dist1.log")"
first=$((SECONDS - start))

# The same source in another folder: the tracked and the new files.
mkdir "$tmp/src"
git ls-files -z --cached --others --exclude-standard |
	while IFS= read -r -d '' f; do [ -f "$f" ] && printf '%s\0' "$f"; done |
	tar --null -T - -cf - | tar -C "$tmp/src" -xf -
start=$SECONDS
(cd "$tmp/src" && scripts/dist.sh --out "$tmp/again") >"$tmp/dist2.log" 2>&1 ||
	fail "scripts/dist.sh in a copy: $(cat "$tmp/dist2.log")"
second=$((SECONDS - start))
for f in "$lin.tar.xz" "$win.zip" SHA256SUMS; do
	[ -f "dist/$f" ] || fail "make dist made no $f"
	cmp -s "dist/$f" "$tmp/again/$f" || fail "$f differs between two builds of the same source: $(sha256sum "dist/$f" "$tmp/again/$f")"
done
echo "dist-check: two builds, same bytes (first ${first} s, second from a copy ${second} s):"
(cd dist && sha256sum "$lin.tar.xz" "$win.zip" | while read -r sum f; do
	printf '  %s  %s  %s bytes\n' "$sum" "$f" "$(stat -c %s "$f")"
done)

# ---- the Linux archive ------------------------------------------------------------
tar -tJvf "dist/$lin.tar.xz" >"$tmp/list"
awk '$2 != "0/0" { bad = 1 } END { exit bad }' "$tmp/list" || fail "members not owned by 0/0: $(head -n3 "$tmp/list")"
want_time=$(date -u -d "@$SOURCE_DATE_EPOCH" '+%Y-%m-%d %H:%M')
awk -v t="$want_time" '($4 " " $5) != t { bad = 1 } END { exit bad }' "$tmp/list" ||
	fail "member times are not SOURCE_DATE_EPOCH ($want_time): $(head -n3 "$tmp/list")"
for f in bin/bmcanvas install.sh README.md THIRD-PARTY-LICENSES.txt \
	share/applications/io.github.bmcanvas.desktop share/metainfo/io.github.bmcanvas.metainfo.xml \
	share/mime/packages/io.github.bmcanvas.xml share/icons/hicolor/256x256/apps/io.github.bmcanvas.png; do
	grep -q " $lin/$f\$" "$tmp/list" || fail "$lin.tar.xz has no $f"
done
tar -C "$tmp" -xJf "dist/$lin.tar.xz"
got=$("$tmp/$lin/bin/bmcanvas" version)
[[ $got == *"$version"* ]] || fail "bin/bmcanvas version says \"$got\", want $version"
grep -q '==== fyne.io/fyne/v2@' "$tmp/$lin/THIRD-PARTY-LICENSES.txt" || fail "THIRD-PARTY-LICENSES.txt lacks Fyne's licence"
# The archive's installer, as a user would run it from the unpacked folder.
(HOME=$tmp/home "$tmp/$lin/install.sh" --prefix "$tmp/prefix") >"$tmp/inst.log" 2>&1 || fail "install.sh: $(cat "$tmp/inst.log")"
cmp -s "$tmp/$lin/bin/bmcanvas" "$tmp/prefix/bin/bmcanvas" || fail "install.sh from the archive did not install the binary"
desktop-file-validate "$tmp/prefix/share/applications/io.github.bmcanvas.desktop" || fail "desktop-file-validate after install.sh"
(HOME=$tmp/home "$tmp/$lin/install.sh" --prefix "$tmp/prefix" --uninstall) >"$tmp/uninst.log" 2>&1 || fail "install.sh --uninstall"
[ ! -e "$tmp/prefix/bin/bmcanvas" ] || fail "install.sh --uninstall left the binary"
echo "dist-check: $lin.tar.xz: $(wc -l <"$tmp/list") members, root-owned, dated $want_time UTC; its install.sh installs and uninstalls"

# ---- the Windows archive ------------------------------------------------------------
unzip -q -d "$tmp" "dist/$win.zip"
exe=$tmp/$win/bmcanvas.exe
for f in bmcanvas.exe bmcanvas.com README.md THIRD-PARTY-LICENSES.txt; do
	[ -f "$tmp/$win/$f" ] || fail "$win.zip has no $f"
done
kind=$(file -b "$exe")
[[ $kind == "PE32+ executable (GUI) x86-64"* ]] || fail "bmcanvas.exe is \"$kind\", want a PE32+ GUI program for x86-64"
kind=$(file -b "$tmp/$win/bmcanvas.com")
[[ $kind == "PE32+ executable (console) x86-64"* ]] || fail "bmcanvas.com is \"$kind\", want a PE32+ console program for x86-64"
objdump=x86_64-w64-mingw32-objdump
if command -v $objdump >/dev/null; then
	$objdump -h "$exe" | grep -q '\.rsrc' || fail "bmcanvas.exe has no resource section (icon, version information)"
	stamp=$($objdump -p "$exe" | sed -n 's/^Time\/Date[[:space:]]*//p')
	case $stamp in
	*1970* | 0*) ;;
	*) fail "bmcanvas.exe has a link time stamp ($stamp): builds would differ" ;;
	esac
fi
# Version information is UTF-16 text in the resources.
strings -e l "$exe" | grep -qx "$version" ||
	fail "bmcanvas.exe carries no file version $version"
echo "dist-check: $win.zip: bmcanvas.exe is a Windows GUI program with icon and version $version, bmcanvas.com its console companion"
