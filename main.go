// Command bmcanvas is a desktop editor for the Business Model Canvas and
// its personal and Lean variants, with a command line for validating
// canvas files and printing posters.
package main

import (
	"os"

	"github.com/bmcanvas/bmcanvas/app"
	"github.com/bmcanvas/bmcanvas/cmd"
)

func main() {
	os.Exit(cmd.Main(os.Args[1:], os.Stdout, os.Stderr, cmd.Window{Editor: app.Run, EditorComparing: app.RunComparing, BoardImage: app.BoardImage}))
}
