#!/usr/bin/env bash
# End-to-end checks of the real binary: the command line on the bundled
# examples, then the editor under Xvfb: open a copy of the bakery example,
# drag a note from Key Partners to Channels with the pointer, save with
# Ctrl+S, check the saved file, quit with Ctrl+Q.
set -euo pipefail
bin=$(realpath "${1:-./bmcanvas}")
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
xvfb_pid="" app_pid=""
cleanup() {
	[ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
	[ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT

fail() { echo "e2e: FAIL: $*" >&2; exit 1; }

"$bin" validate assets/examples/*.yaml >/dev/null || fail "examples do not validate"
"$bin" new --template personal -o "$tmp/me.yaml" >/dev/null || fail "new"
"$bin" validate -q "$tmp/me.yaml" || fail "a new canvas does not validate"
printf 'format: bmcanvas/1\ntemplate: lean\nblocks:\n  problem:\n    - {id: a, text: x, color: bleu}\n' > "$tmp/bad.yaml"
set +e
out=$("$bin" validate "$tmp/bad.yaml" 2>&1); code=$?
set -e
[ "$code" -eq 1 ] || fail "validate of a bad file exited $code, want 1"
grep -q 'line 5, column 31: unknown colour "bleu" (did you mean "blue"?)' <<<"$out" || fail "validate message: $out"
# The binary links Fyne for the editor; under a C locale with an encoding
# Fyne must stay quiet (see app/internal/locale).
out=$(LANG=C.UTF-8 LC_ALL= LANGUAGE= "$bin" validate -q assets/examples/bakery.yaml 2>&1) || fail "validate under LANG=C.UTF-8"
[ -z "$out" ] || fail "validate under LANG=C.UTF-8 printed: $out"
# The board as a picture, without a display.
out=$(env -u DISPLAY "$bin" board assets/examples/bakery.yaml --size 800x600 --theme dark -o "$tmp/board.png" 2>&1) ||
	fail "board: $out"
head -n1 <<<"$out" | grep -Eq '^[0-9]+ notes not shown whole$' || fail "board did not report the notes not shown whole: $out"
[ "$(head -c 8 "$tmp/board.png" | od -An -tx1 | tr -d ' ')" = 89504e470d0a1a0a ] || fail "board did not write a PNG"
echo "e2e: command line ok"

# ---- The editor under Xvfb ------------------------------------------------
start=$SECONDS
for tool in Xvfb xdotool import; do
	command -v "$tool" >/dev/null || fail "$tool is missing: run make deps"
done

# Xvfb picks a free display itself and writes its number to fd 3. The
# screen is a common laptop's: the window must fit it.
screen_w=1366 screen_h=768
exec 3>"$tmp/display"
Xvfb -displayfd 3 -screen 0 ${screen_w}x${screen_h}x24 -nolisten tcp >"$tmp/xvfb.log" 2>&1 &
xvfb_pid=$!
exec 3>&-
for _ in $(seq 100); do [ -s "$tmp/display" ] && break; sleep 0.1; done
[ -s "$tmp/display" ] || fail "Xvfb did not start: $(cat "$tmp/xvfb.log")"
export DISPLAY=":$(head -n1 "$tmp/display")"
# A fixed scale and theme and a private preferences folder make the run
# repeatable.
export FYNE_SCALE=1 FYNE_THEME=dark XDG_CONFIG_HOME="$tmp/config" LANG=en_US.UTF-8

# shot saves the screen for a failed run to look at.
shot() {
	local f="${TMPDIR:-/tmp}/bmcanvas-e2e-$1.png"
	import -window root "$f" 2>/dev/null && echo "e2e: screen saved to $f" >&2 || true
}
gui_fail() { shot failure; fail "$@"; }
# wait_title WANT waits up to 10 s for the window title to be WANT.
wait_title() {
	for _ in $(seq 50); do
		[[ $(xdotool getwindowname "$wid") == "$1" ]] && return 0
		sleep 0.2
	done
	return 1
}
# wait_bright X Y waits up to 20 s for the 9×9 pixels around X, Y to be
# bright: a note card drawn on the dark board.
wait_bright() {
	local m
	for _ in $(seq 100); do
		m=$(import -window root -crop "9x9+$(($1 - 4))+$(($2 - 4))" -colorspace gray -format '%[fx:int(100*mean)]' info: 2>/dev/null) || m=0
		[ "${m:-0}" -ge 50 ] && return 0
		sleep 0.2
	done
	return 1
}

cp assets/examples/bakery.yaml "$tmp/bakery.yaml"
"$bin" "$tmp/bakery.yaml" >"$tmp/app.log" 2>&1 &
app_pid=$!
wid=$(timeout 60 xdotool search --sync --onlyvisible --pid "$app_pid" 2>/dev/null | head -n1) || true
[ -n "$wid" ] || gui_fail "no editor window appeared: $(cat "$tmp/app.log")"

# block_of FILE ID prints the block that holds note ID in a saved canvas.
block_of() {
	awk -v id="$2" '
		/^  [a-z_]+:[[:space:]]*$/ { b = $1; sub(/:$/, "", b) }
		$0 ~ ("(^|[{ ])id: \"?" id "\"?([,} ]|$)") { print b; exit }' "$1"
}
note=$(awk '/^  key_partners:/ { f = 1; next } f && /id:/ { sub(/.*id: */, ""); sub(/[,} ].*/, ""); print; exit }' "$tmp/bakery.yaml")
[ -n "$note" ] && [ "$(block_of "$tmp/bakery.yaml" "$note")" = key_partners ] || fail "cannot find the first Key Partners note"

# Where things are: the window sits at the screen's top left (there is no
# window manager); the board fills it below the menu bar and the toolbar,
# and lays the Business Model Canvas out on a 30×16 grid. Key Partners is
# columns 0–6 of rows 0–12, Channels columns 18–24 of rows 6–12. The menu
# bar and the toolbar take 71 pixels at scale 1 (E2E_BOARD_TOP overrides).
eval "$(xdotool getwindowgeometry --shell "$wid")"
# On first start the window fits the screen (no window manager here: no
# frame either); give it a moment to take its size once the driver runs.
for _ in $(seq 50); do
	[ "$WIDTH" -ge $((screen_w - 100)) ] && break
	sleep 0.2
	eval "$(xdotool getwindowgeometry --shell "$wid")"
done
[ "$WIDTH" -le "$screen_w" ] && [ "$HEIGHT" -le "$screen_h" ] && [ $((X + WIDTH)) -le "$screen_w" ] && [ $((Y + HEIGHT)) -le "$screen_h" ] ||
	gui_fail "the window is ${WIDTH}x${HEIGHT} at $X,$Y, larger than the ${screen_w}x${screen_h} screen"
[ "$WIDTH" -ge $((screen_w - 100)) ] && [ "$HEIGHT" -ge $((screen_h - 100)) ] ||
	gui_fail "the window is only ${WIDTH}x${HEIGHT} on a ${screen_w}x${screen_h} screen: it does not fit it"
echo "e2e: the window fits the screen (${WIDTH}x${HEIGHT} on ${screen_w}x${screen_h})"
board_x=0 board_y=${E2E_BOARD_TOP:-71}
board_w=$WIDTH board_h=$((HEIGHT - board_y))
ux=$((board_w / 30)) uy=$((board_h / 16))
# The first note card: just below the block's title row, at its left.
from_x=$((board_x + 40)) from_y=$((board_y + 80))
# The middle of Channels.
to_x=$((board_x + 21 * ux)) to_y=$((board_y + 9 * uy))
wait_title "bakery.yaml — bmcanvas" || gui_fail "the title is \"$(xdotool getwindowname "$wid")\", want \"bakery.yaml — bmcanvas\""
wait_bright "$from_x" "$from_y" || gui_fail "no note card drawn at $from_x,$from_y"
xdotool mousemove --window "$wid" "$from_x" "$from_y" mousedown 1
steps=12
for i in $(seq 1 $steps); do
	xdotool mousemove --window "$wid" $((from_x + (to_x - from_x) * i / steps)) $((from_y + (to_y - from_y) * i / steps))
	sleep 0.05
done
sleep 0.2
xdotool mouseup 1
wait_title "• bakery.yaml — bmcanvas" ||
	gui_fail "after the drag the title is \"$(xdotool getwindowname "$wid")\", want the unsaved-changes dot"

xdotool windowfocus --sync "$wid" key --clearmodifiers ctrl+s
for _ in $(seq 100); do
	[ "$(block_of "$tmp/bakery.yaml" "$note")" = channels ] && break
	sleep 0.1
done
got=$(block_of "$tmp/bakery.yaml" "$note")
[ "$got" = channels ] || gui_fail "after Ctrl+S note $note is in \"$got\", want channels"
"$bin" validate -q "$tmp/bakery.yaml" || fail "the saved canvas does not validate"
wait_title "bakery.yaml — bmcanvas" || gui_fail "after saving the title is \"$(xdotool getwindowname "$wid")\""

xdotool windowfocus --sync "$wid" key --clearmodifiers ctrl+q
for _ in $(seq 100); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$app_pid" 2>/dev/null && gui_fail "Ctrl+Q did not quit a saved canvas"
wait "$app_pid" || fail "the editor exited with status $?: $(cat "$tmp/app.log")"
app_pid=""
echo "e2e: editor ok (note $note dragged from Key Partners to Channels and saved, $((SECONDS - start)) s)"
