package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/bmcanvas/bmcanvas/bmc"
	"github.com/bmcanvas/bmcanvas/export"
)

// runQuick is run that fails the test instead of hanging when a command
// blocks, as reading a FIFO once did.
func runQuick(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	type result struct {
		code     int
		out, err string
	}
	done := make(chan result, 1)
	go func() {
		code, out, errs := run(t, args...)
		done <- result{code, out, errs}
	}()
	select {
	case r := <-done:
		return r.code, r.out, r.err
	case <-time.After(10 * time.Second):
		t.Fatalf("bmcanvas %s still runs after 10 s", strings.Join(args, " "))
		return 0, "", ""
	}
}

// unreadable returns files that no command may read: each is refused at
// once with exit code 2 and one line on standard error, the message after
// "bmcanvas COMMAND: " for a file of the kind what.
func unreadable(t *testing.T, what string, limit int64) []struct{ name, path, msg string } {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big")
	if err := os.WriteFile(big, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(big, limit+1); err != nil { // sparse: costs no disk
		t.Fatal(err)
	}
	return []struct{ name, path, msg string }{
		{"missing", filepath.Join(dir, "missing"), filepath.Join(dir, "missing") + ": cannot open: no such file or directory"},
		{"folder", dir, dir + ": is a folder, not a " + what},
		{"FIFO", fifo, fifo + ": is a named pipe (FIFO), not a " + what},
		{"device", "/dev/zero", "/dev/zero: is a device, not a " + what},
		{"too large", big, big + ": is " + bmc.FormatSize(limit+1) + ", 1 byte more than a " + what + " may be (" + bmc.FormatSize(limit) + ")"},
	}
}

// validate, lint and export refuse a canvas they cannot read at once,
// name it once, and exit 2: /dev/zero once filled memory, a FIFO hung.
func TestUnreadableCanvas(t *testing.T) {
	for _, f := range unreadable(t, "canvas file", bmc.MaxFileSize) {
		for _, command := range []string{"validate", "lint", "export"} {
			t.Run(command+" "+f.name, func(t *testing.T) {
				args := []string{command, f.path}
				if command == "export" {
					args = append(args, "-o", filepath.Join(t.TempDir(), "out.pdf"))
				}
				code, out, errs := runQuick(t, args...)
				if want := "bmcanvas " + command + ": " + f.msg + "\n"; code != ExitUsage || errs != want || out != "" {
					t.Errorf("exit %d, stdout %q, stderr\n%q; want 2, nothing, and\n%q", code, out, errs, want)
				}
			})
		}
	}
}

// --font is read the same way, with its own limit, before anything is
// written.
func TestUnreadableFont(t *testing.T) {
	in := copyExample(t, "startup")
	for _, f := range unreadable(t, "font file", export.MaxFontSize) {
		t.Run(f.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out.pdf")
			code, stdout, errs := runQuick(t, "export", in, "-o", out, "--font", f.path)
			if want := "bmcanvas export: " + f.msg + "\n"; code != ExitUsage || errs != want || stdout != "" {
				t.Errorf("exit %d, stdout %q, stderr\n%q; want 2, nothing, and\n%q", code, stdout, errs, want)
			}
			if _, err := os.Stat(out); err == nil {
				t.Error("a PDF was written")
			}
		})
	}
	code, _, errs := run(t, "export", "-h")
	if want := "(.ttf, at most 64 MiB)"; code != ExitOK || !strings.Contains(errs, want) {
		t.Errorf("export -h does not state the font's limit %q:\n%s", want, errs)
	}
}

// A file whose contents are at fault is a problem of the canvas (exit 1),
// not of reading it (exit 2), and its message names it once.
func TestCanvasProblemsExitOne(t *testing.T) {
	empty := write(t, "empty.yaml", "")
	for _, command := range []string{"validate", "lint", "export"} {
		code, out, errs := run(t, command, empty)
		got := out + errs
		if code != ExitProblems || strings.Count(got, empty) != 1 || strings.Contains(got, "bmcanvas "+command) {
			t.Errorf("%s of an empty file: exit %d, stdout %q, stderr %q", command, code, out, errs)
		}
	}
}
