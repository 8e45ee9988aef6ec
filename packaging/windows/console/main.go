//go:build windows

// Command console is bmcanvas.com, the console companion of the Windows
// build's bmcanvas.exe.
//
// bmcanvas.exe is linked as a windowed program (-H windowsgui) so that the
// editor opens without a console window. A shell does not wait for such a
// program: typed in cmd or PowerShell, "bmcanvas.exe lint x.bmc.yaml"
// gives the prompt back at once, prints after it, and its exit code is
// lost. bmcanvas.com is a console program: it starts bmcanvas.exe from its
// own folder with the same arguments and the same standard input, output
// and error, waits for it and exits with its exit code. Both sit side by
// side, and since cmd and PowerShell try .com before .exe (PATHEXT),
// "bmcanvas lint x.bmc.yaml" runs this one and behaves like any console
// command; the Start menu, Explorer and file associations use
// bmcanvas.exe, which shows no console.
package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

func main() {
	self, err := os.Executable()
	if err != nil {
		fmt.Fprintf(os.Stderr, "bmcanvas: %v\n", err)
		os.Exit(2)
	}
	gui := strings.TrimSuffix(self, filepath.Ext(self)) + ".exe"
	cmd := exec.Command(gui, os.Args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	err = cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit):
		os.Exit(exit.ExitCode())
	default:
		fmt.Fprintf(os.Stderr, "bmcanvas: cannot start %s: %v\n", gui, err)
		os.Exit(2)
	}
}
