#!/usr/bin/env bash
# End-to-end checks of the real binary: the command line on the bundled
# examples, then the editor under Xvfb: open a copy of the bakery example,
# drag a note from Key Partners to Channels with the pointer, save with
# Ctrl+S, check the saved file, quit with Ctrl+Q. Then crash recovery: drag
# a note, kill -9 the editor once its recovery file is written, start it
# again on the file, restore with Enter and save. Then a change on disk:
# another program adds a note to the open file, the editor offers to
# reload it, Enter reloads, and a save keeps that note.
set -euo pipefail
bin=$(realpath "${1:-./bmcanvas}")
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
xvfb_pid="" app_pid=""
cleanup() {
	[ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
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
export FYNE_SCALE=1 FYNE_THEME=dark XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" LANG=en_US.UTF-8
recovery="$tmp/data/bmcanvas/recovery"

# shot saves the screen for a failed run to look at.
shot() {
	local f="${TMPDIR:-/tmp}/bmcanvas-e2e-$1.png"
	import -window root "$f" 2>/dev/null && echo "e2e: screen saved to $f" >&2 || true
}
gui_fail() { shot failure; fail "$@"; }
# wait_title WANT [TRIES] waits up to 10 s (TRIES × 0.2 s) for the window
# title to be WANT.
wait_title() {
	for _ in $(seq "${2:-50}"); do
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

# open_editor FILE starts the editor on FILE and waits for its window:
# app_pid and wid.
open_editor() {
	"$bin" "$1" >>"$tmp/app.log" 2>&1 &
	app_pid=$!
	wid=$(timeout 60 xdotool search --sync --onlyvisible --pid "$app_pid" 2>/dev/null | head -n1) || true
	[ -n "$wid" ] || gui_fail "no editor window appeared: $(cat "$tmp/app.log")"
}
# quit_editor quits with Ctrl+Q, which must end a saved canvas's editor.
quit_editor() {
	xdotool windowfocus --sync "$wid" key --clearmodifiers ctrl+q
	for _ in $(seq 100); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
	kill -0 "$app_pid" 2>/dev/null && gui_fail "Ctrl+Q did not quit a saved canvas"
	wait "$app_pid" || fail "the editor exited with status $?: $(cat "$tmp/app.log")"
	app_pid=""
}

cp assets/examples/bakery.yaml "$tmp/bakery.yaml"
open_editor "$tmp/bakery.yaml"

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
# drag_note NAME drags the first Key Partners card into Channels; the
# window's title must then show that NAME has unsaved changes.
drag_note() {
	wait_bright "$from_x" "$from_y" || gui_fail "no note card drawn at $from_x,$from_y"
	xdotool mousemove --window "$wid" "$from_x" "$from_y" mousedown 1
	local steps=12 i
	for i in $(seq 1 $steps); do
		xdotool mousemove --window "$wid" $((from_x + (to_x - from_x) * i / steps)) $((from_y + (to_y - from_y) * i / steps))
		sleep 0.05
	done
	sleep 0.2
	xdotool mouseup 1
	wait_title "• $1 — bmcanvas" ||
		gui_fail "after the drag the title is \"$(xdotool getwindowname "$wid")\", want the unsaved-changes dot"
}
# save_expect FILE ID saves with Ctrl+S and waits for note ID to be in
# Channels in FILE, which must still be a valid canvas.
save_expect() {
	xdotool windowfocus --sync "$wid" key --clearmodifiers ctrl+s
	for _ in $(seq 100); do
		[ "$(block_of "$1" "$2")" = channels ] && break
		sleep 0.1
	done
	local got
	got=$(block_of "$1" "$2")
	[ "$got" = channels ] || gui_fail "after Ctrl+S note $2 is in \"$got\" in $(basename "$1"), want channels"
	"$bin" validate -q "$1" || fail "the saved canvas does not validate"
	wait_title "$(basename "$1") — bmcanvas" || gui_fail "after saving the title is \"$(xdotool getwindowname "$wid")\""
}

drag_note bakery.yaml
save_expect "$tmp/bakery.yaml" "$note"
quit_editor
echo "e2e: editor ok (note $note dragged from Key Partners to Channels and saved, $((SECONDS - start)) s)"

# ---- Crash recovery -----------------------------------------------------
# An unsaved drag is kept in a recovery file in XDG_DATA_HOME (not beside
# the canvas), survives kill -9, and the next start on the file offers it
# back with Restore focused: Enter restores, Ctrl+S saves.
start=$SECONDS
mkdir "$tmp/crash"
cp assets/examples/bakery.yaml "$tmp/crash/bakery.yaml"
open_editor "$tmp/crash/bakery.yaml"
wait_title "bakery.yaml — bmcanvas" || gui_fail "the title is \"$(xdotool getwindowname "$wid")\""
drag_note bakery.yaml
kept=""
for _ in $(seq 50); do
	kept=$(find "$recovery" -maxdepth 1 -name '*.yaml' 2>/dev/null | head -n1) || true
	[ -n "$kept" ] && break
	sleep 0.2
done
[ -n "$kept" ] || gui_fail "no recovery file in $recovery 10 s after an edit"
[ "$(stat -c %a "$kept")" = 600 ] || fail "the recovery file's mode is $(stat -c %a "$kept"), want 600"
[ "$(block_of "$kept" "$note")" = channels ] || fail "the recovery file does not hold the drag"
[ "$(ls -A "$tmp/crash")" = bakery.yaml ] || fail "files beside the canvas: $(ls -A "$tmp/crash")"
kill -9 "$app_pid"
wait "$app_pid" 2>/dev/null || true
app_pid=""
[ "$(block_of "$tmp/crash/bakery.yaml" "$note")" = key_partners ] || fail "the canvas file changed before it was saved"

open_editor "$tmp/crash/bakery.yaml"
wait_title "bakery.yaml — bmcanvas" || gui_fail "after the crash the title is \"$(xdotool getwindowname "$wid")\""
# The offer opens with the window and has the keyboard: Enter restores,
# and the restored canvas is unsaved.
restored=""
for _ in $(seq 10); do
	sleep 0.5
	xdotool windowfocus --sync "$wid" key --clearmodifiers Return
	wait_title "• bakery.yaml — bmcanvas" 10 && { restored=1; break; }
done
[ -n "$restored" ] || gui_fail "Enter did not restore the unsaved drag: the title is \"$(xdotool getwindowname "$wid")\""
save_expect "$tmp/crash/bakery.yaml" "$note"
[ -z "$(find "$recovery" -maxdepth 1 -name '*.yaml' || true)" ] || fail "recovery files left after saving: $(ls -A "$recovery")"
quit_editor
echo "e2e: crash recovery ok (the drag survived kill -9, was restored with Enter and saved, $((SECONDS - start)) s)"

# ---- Changed on disk ----------------------------------------------------
# Another program adds a note to the open, saved file: within the 2 s poll
# the editor offers to reload it with Reload focused. Enter reloads; the
# new note is then the first Key Partners card, and dragging and saving it
# shows the editor holds the other program's version (had it kept its
# own, Ctrl+S would ask before overwriting, and write nothing).
start=$SECONDS
mkdir "$tmp/disk"
cp assets/examples/bakery.yaml "$tmp/disk/bakery.yaml"
open_editor "$tmp/disk/bakery.yaml"
wait_title "bakery.yaml — bmcanvas" || gui_fail "the title is \"$(xdotool getwindowname "$wid")\""
wait_bright "$from_x" "$from_y" || gui_fail "no note card drawn at $from_x,$from_y"
sed -i '/^  key_partners:/a\    - {id: outside1, text: Added by another program}' "$tmp/disk/bakery.yaml"
"$bin" validate -q "$tmp/disk/bakery.yaml" || fail "the changed file does not validate"
sleep 5 # the poll runs every 2 s
xdotool windowfocus --sync "$wid" key --clearmodifiers Return
sleep 1
[ "$(block_of "$tmp/disk/bakery.yaml" outside1)" = key_partners ] || fail "the editor wrote the changed file"
drag_note bakery.yaml
save_expect "$tmp/disk/bakery.yaml" outside1
grep -q 'text: Added by another program' "$tmp/disk/bakery.yaml" || fail "the save lost the other program's note text"
quit_editor
echo "e2e: changed on disk ok (reload offered and taken with Enter, $((SECONDS - start)) s)"
# ---- Workshop mode (issue 13) ---------------------------------------------
# Open the saved bakery copy again, press F5: workshop mode fills the
# screen; the Right arrow walks the nine blocks (each step draws a
# different screen, and a tenth press changes nothing), Escape brings the
# board back at the window's size, and Ctrl+Q quits: nothing was changed.
# E2E_SHOTS=DIR keeps a screenshot of every step there.
start=$SECONDS
snap() { # snap NAME: saves the screen and prints its checksum
	local f="$tmp/ws-$1.png"
	import -window root "$f" 2>/dev/null || gui_fail "cannot take a screenshot"
	[ -n "${E2E_SHOTS:-}" ] && mkdir -p "$E2E_SHOTS" && cp "$f" "$E2E_SHOTS/workshop-$1.png"
	convert "$f" -format '%#' info: 2>/dev/null || md5sum <"$f" | cut -d' ' -f1
}
# settle waits until two screenshots 0.3 s apart agree, and prints the sum.
settle() {
	local a b
	a=$(snap "$1")
	for _ in $(seq 20); do
		sleep 0.3
		b=$(snap "$1")
		[ "$a" = "$b" ] && { echo "$b"; return 0; }
		a=$b
	done
	echo "$b"
}
"$bin" "$tmp/bakery.yaml" >"$tmp/app.log" 2>&1 &
app_pid=$!
wid=$(timeout 60 xdotool search --sync --onlyvisible --pid "$app_pid" 2>/dev/null | head -n1) || true
[ -n "$wid" ] || gui_fail "workshop: no editor window appeared: $(cat "$tmp/app.log")"
wait_title "bakery.yaml — bmcanvas" || gui_fail "workshop: the title is \"$(xdotool getwindowname "$wid")\""
eval "$(xdotool getwindowgeometry --shell "$wid")"
board_w=$WIDTH board_h=$HEIGHT
wait_bright $((40)) $((${E2E_BOARD_TOP:-71} + 80)) || gui_fail "workshop: the board was not drawn"
before=$(settle board)
xdotool windowfocus --sync "$wid" key --clearmodifiers F5
for _ in $(seq 50); do
	eval "$(xdotool getwindowgeometry --shell "$wid")"
	[ "$WIDTH" -ne "$board_w" ] && break
	sleep 0.2
done
[ "$WIDTH" -eq "$screen_w" ] && [ "$HEIGHT" -eq "$screen_h" ] || gui_fail "workshop: after F5 the window is ${WIDTH}x$HEIGHT, want the full ${screen_w}x$screen_h screen"
prev=$(settle step1)
[ "$prev" != "$before" ] || gui_fail "workshop: F5 changed nothing on the screen"
for step in 2 3 4 5 6 7 8 9; do
	xdotool windowfocus --sync "$wid" key --clearmodifiers Right
	cur=$(settle "step$step")
	[ "$cur" != "$prev" ] || gui_fail "workshop: the Right arrow did not move to step $step"
	prev=$cur
done
xdotool windowfocus --sync "$wid" key --clearmodifiers Right
[ "$(settle step9-again)" = "$prev" ] || gui_fail "workshop: the Right arrow moved past the last block"
xdotool windowfocus --sync "$wid" key --clearmodifiers Escape
# Leaving full screen, GLFW gives the window back its size, or keeps the
# screen's when the window had filled it: either is fine, the board must
# be back (the screen no longer the last step's) and the window on screen.
for _ in $(seq 50); do
	[ "$(snap board-again)" != "$prev" ] && break
	sleep 0.2
done
[ "$(settle board-again)" != "$prev" ] || gui_fail "workshop: Escape did not bring the board back"
eval "$(xdotool getwindowgeometry --shell "$wid")"
[ "$WIDTH" -le "$screen_w" ] && [ "$HEIGHT" -le "$screen_h" ] || gui_fail "workshop: after Escape the window is ${WIDTH}x$HEIGHT, larger than the screen"
wait_title "bakery.yaml — bmcanvas" || gui_fail "workshop: walking the blocks changed the canvas"
xdotool windowfocus --sync "$wid" key --clearmodifiers ctrl+q
for _ in $(seq 100); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$app_pid" 2>/dev/null && gui_fail "workshop: Ctrl+Q did not quit"
wait "$app_pid" || fail "workshop: the editor exited with status $?: $(cat "$tmp/app.log")"
app_pid=""
echo "e2e: workshop ok (F5, nine blocks with the Right arrow, Escape; $((SECONDS - start)) s)"
# ---- End of workshop mode (issue 13) --------------------------------------
# ---- The compare view (issue 11) ------------------------------------------
# Open an edited copy of the bakery with --compare on the example: the
# board marks the edited note with a label in the change poster's blue
# (#1565c0, drawn nowhere else), the comparison leaves the document unchanged (its title
# has no "•" and Ctrl+Q quits at once), and the file is not rewritten.
start=$SECONDS
sed '/text: Pâtisserie like in Lyon, at neighbourhood prices/{s//text: Pâtisserie like in Lyon/;n;s/color: orange/color: blue/}' assets/examples/bakery.yaml >"$tmp/edited.yaml"
cmp -s assets/examples/bakery.yaml "$tmp/edited.yaml" && fail "compare: the sed did not edit the copy"
cp "$tmp/edited.yaml" "$tmp/edited-before.yaml"
"$bin" "$tmp/edited.yaml" --compare assets/examples/bakery.yaml >"$tmp/app.log" 2>&1 &
app_pid=$!
wid=$(timeout 60 xdotool search --sync --onlyvisible --pid "$app_pid" 2>/dev/null | head -n1) || true
[ -n "$wid" ] || gui_fail "compare: no editor window appeared: $(cat "$tmp/app.log")"
wait_title "edited.yaml — bmcanvas" || gui_fail "compare: the title is \"$(xdotool getwindowname "$wid")\""
marked=0
for _ in $(seq 100); do
	marked=$(import -window root png:- 2>/dev/null | convert - -alpha off -fill black +opaque '#1565c0' -fill white -opaque '#1565c0' -format '%[fx:int(mean*w*h)]' info: 2>/dev/null) || marked=0
	[ "${marked:-0}" -ge 10 ] && break
	sleep 0.2
done
[ -n "${E2E_SHOTS:-}" ] && mkdir -p "$E2E_SHOTS" && import -window root "$E2E_SHOTS/compare.png"
[ "${marked:-0}" -ge 10 ] || gui_fail "compare: no note is marked in the changed ink ($marked pixels)"
quit_editor
cmp -s "$tmp/edited.yaml" "$tmp/edited-before.yaml" || fail "compare: the comparison rewrote the file"
echo "e2e: compare ok (the edited note marked, the document unchanged; $((SECONDS - start)) s)"
# ---- End of the compare view (issue 11) -----------------------------------
