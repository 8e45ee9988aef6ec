#!/usr/bin/env bash
# End-to-end checks of the real binary: the command line on the bundled
# examples, then (when the editor is built in) a session under Xvfb.
set -euo pipefail
bin=$(realpath "${1:-./bmcanvas}")
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

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
echo "e2e: command line ok"
