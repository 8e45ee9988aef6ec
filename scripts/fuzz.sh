#!/usr/bin/env bash
# Runs every fuzz target in the module for FUZZTIME (default 3s) each.
#
# Go's fuzzer sometimes ends a short run with "context deadline exceeded"
# and no failing input when the machine is busy (its time limit runs out
# while workers start): such a run is tried once more, and fails only if
# that happens again. A real failure names its failing input and fails at
# once.
set -euo pipefail
cd "$(dirname "$0")/.."
FUZZTIME=${FUZZTIME:-3s}
status=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT
fuzz() { # fuzz PKG NAME
	go test -tags migrated_fynedo -run '^$' -fuzz "^${2}\$" -fuzztime "$FUZZTIME" -fuzzminimizetime "${FUZZMINIMIZETIME:-2s}" "$1" 2>&1 | tee "$log"
	return "${PIPESTATUS[0]}"
}
while IFS=: read -r file name; do
	pkg="./$(dirname "$file")"
	echo "fuzz $pkg $name for $FUZZTIME"
	if ! fuzz "$pkg" "$name"; then
		if grep -q 'context deadline exceeded' "$log" && ! grep -q 'Failing input' "$log"; then
			echo "fuzz $pkg $name: the fuzzer ran out of time starting up; once more"
			fuzz "$pkg" "$name" || status=1
		else
			status=1
		fi
	fi
done < <(grep -ro --include='*_test.go' -E '^func (Fuzz[A-Za-z0-9_]+)' . | sed -E 's/:func /:/; s#^\./##')
exit $status
