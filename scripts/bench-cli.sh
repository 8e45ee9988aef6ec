#!/bin/sh
# bench-cli.sh times whole bmcanvas processes, start to exit, as a user
# waits for them: --version (the cost of starting), export of the bakery
# example (issue 10), and diff and merge of 1,000-note canvases (issue 11).
# Each figure is the median of RUNS runs, wall and CPU, with the load
# average: on a busy machine the figures say so.
#
# Usage: scripts/bench-cli.sh [BINARY]   (default: ./bmcanvas; RUNS=21)
set -eu
bin=$(cd "$(dirname "${1:-./bmcanvas}")" && pwd)/$(basename "${1:-./bmcanvas}")
runs=${RUNS:-21}
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root"
go build -o "$tmp/cmdtime" scripts/cmdtime.go
go run scripts/bigcanvas.go "$tmp"
cp assets/examples/bakery.yaml "$tmp/"
cd "$tmp"
t() { ./cmdtime -n "$runs" "$bin" "$@"; }
t --version
t export bakery.yaml -o bakery.pdf
t diff base.yaml ours.yaml
t merge base.yaml ours.yaml theirs.yaml -o merged.yaml
