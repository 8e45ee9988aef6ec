//go:build ignore

// bigcanvas writes the canvases the command benchmarks time: base.yaml, a
// realistic canvas of N notes, and ours.yaml and theirs.yaml, two
// versions of it that each edit 50 different notes (internal/benchdata).
//
// Usage: go run scripts/bigcanvas.go [-n 1000] DIR
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/bmcanvas/bmcanvas/bmc"
	"github.com/bmcanvas/bmcanvas/internal/benchdata"
)

func main() {
	n := flag.Int("n", 1000, "how many notes")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: go run scripts/bigcanvas.go [-n 1000] DIR")
		os.Exit(2)
	}
	base, ours, theirs, err := benchdata.Versions(*n)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for name, c := range map[string]*bmc.Canvas{"base.yaml": base, "ours.yaml": ours, "theirs.yaml": theirs} {
		if err := bmc.SaveFile(filepath.Join(flag.Arg(0), name), c); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}
